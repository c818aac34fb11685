// The registries the user added, kept as JSON in the app's data directory. Secrets never go
// into that file: they live in a SecretStore (the OS keychain in Electron). The directory is
// also the first CredentialProvider in the chain: what the user typed in the app wins over
// the files on disk.

import { randomBytes } from 'node:crypto'
import { copyFileSync, readFileSync } from 'node:fs'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { AddRegistryArgs, CredentialsArgs, RegistryEntry } from '../../shared/api'
import { StrataError } from '../../shared/errors'
import type { CredentialProvider, Credentials } from './credentials'
import { entryIsInsecure, normalizeRegistryAddress } from './registryAddress'
import type { SecretStore } from './secretStore'
import { isRecord } from '../util/isRecord'

export interface RegistryDirectoryOptions {
  readonly dataDir: string
  readonly secrets: SecretStore
  readonly fileName?: string
  /** Told about a corrupt file (kept as .corrupt) and similar; never given a secret. */
  readonly onWarning?: (message: string) => void
}

interface StoredSecret {
  readonly password?: string
  readonly token?: string
}

interface RegistryFile {
  readonly version: 1
  readonly registries: readonly RegistryEntry[]
}

export const REGISTRY_FILE_NAME = 'registries.json'

export class RegistryDirectory implements CredentialProvider {
  readonly filePath: string
  private entries: RegistryEntry[]
  private writing: Promise<void> = Promise.resolve()
  private readonly listeners = new Set<(host: string) => void>()

  /** Loads the file synchronously (it is small) so `isInsecure` can answer at once. */
  constructor(private readonly options: RegistryDirectoryOptions) {
    this.filePath = join(options.dataDir, options.fileName ?? REGISTRY_FILE_NAME)
    this.entries = this.load()
  }

  list(): readonly RegistryEntry[] {
    return [...this.entries]
  }

  find(host: string): RegistryEntry | undefined {
    return this.entries.find((e) => e.host === host.toLowerCase())
  }

  /** May plain http be used for this registry? */
  isInsecure(host: string): boolean {
    return this.find(host)?.insecure === true
  }

  /** Adds a registry, or updates it when already listed; credentials are optional. */
  async add(args: AddRegistryArgs): Promise<RegistryEntry> {
    const { host, httpRequested } = normalizeRegistryAddress(args.address)
    const hasSecret = args.password !== undefined || args.token !== undefined
    if (args.username !== undefined && !hasSecret) {
      throw new StrataError('BAD_INPUT', `a username for ${host} needs a password or a token`, {
        host,
      })
    }
    const existing = this.find(host)
    const insecure = entryIsInsecure(host, args.insecure ?? existing?.insecure, httpRequested)
    const base: RegistryEntry = existing
      ? { ...existing, insecure }
      : { host, insecure, hasCredentials: false }
    this.upsert(base)
    if (hasSecret) {
      return this.setCredentials({
        host,
        ...(args.username !== undefined ? { username: args.username } : {}),
        ...(args.password !== undefined ? { password: args.password } : {}),
        ...(args.token !== undefined ? { token: args.token } : {}),
      })
    }
    await this.save()
    this.changed(host)
    return base
  }

  async remove(host: string): Promise<readonly RegistryEntry[]> {
    const key = host.toLowerCase()
    this.entries = this.entries.filter((e) => e.host !== key)
    await this.options.secrets.delete(key)
    await this.save()
    this.changed(key)
    return this.list()
  }

  /**
   * Stores (or, with neither password nor token, clears) credentials for a registry, adding
   * it to the list when it is not there yet.
   */
  async setCredentials(args: CredentialsArgs): Promise<RegistryEntry> {
    const { host } = normalizeRegistryAddress(args.host)
    const username = args.username?.trim() === '' ? undefined : args.username?.trim()
    const password = args.password === '' ? undefined : args.password
    const token = args.token === '' ? undefined : args.token
    if (password !== undefined && username === undefined) {
      throw new StrataError('BAD_INPUT', `a password for ${host} needs a username`, { host })
    }
    if (username !== undefined && password === undefined && token === undefined) {
      throw new StrataError('BAD_INPUT', `a username for ${host} needs a password or a token`, {
        host,
      })
    }
    const existing = this.find(host) ?? {
      host,
      insecure: entryIsInsecure(host, false, false),
      hasCredentials: false,
    }
    let entry: RegistryEntry
    if (password === undefined && token === undefined) {
      await this.options.secrets.delete(host)
      entry = { host, insecure: existing.insecure, hasCredentials: false }
    } else {
      const secret: StoredSecret = {
        ...(password !== undefined ? { password } : {}),
        ...(token !== undefined ? { token } : {}),
      }
      await this.options.secrets.set(host, JSON.stringify(secret))
      entry = {
        host,
        insecure: existing.insecure,
        ...(username !== undefined ? { username } : {}),
        hasCredentials: true,
      }
    }
    this.upsert(entry)
    await this.save()
    this.changed(host)
    return entry
  }

  /** CredentialProvider: what the user saved in the app for this registry. */
  async get(host: string): Promise<Credentials | undefined> {
    const entry = this.find(host)
    if (entry?.hasCredentials !== true) return undefined
    const text = await this.options.secrets.get(entry.host)
    if (text === undefined) return undefined
    let secret: Record<string, unknown>
    try {
      const parsed: unknown = JSON.parse(text)
      if (!isRecord(parsed)) return undefined
      secret = parsed
    } catch {
      return undefined
    }
    const source = 'the credentials saved in Strata'
    if (typeof secret.token === 'string') {
      return {
        registryToken: secret.token,
        source,
        ...(entry.username !== undefined ? { username: entry.username } : {}),
      }
    }
    if (typeof secret.password === 'string' && entry.username !== undefined) {
      return { username: entry.username, password: secret.password, source }
    }
    return undefined
  }

  /** Called with the host whenever an entry or its credentials change. */
  onChange(listener: (host: string) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private upsert(entry: RegistryEntry): void {
    const at = this.entries.findIndex((e) => e.host === entry.host)
    if (at >= 0) this.entries[at] = entry
    else this.entries.push(entry)
    this.entries.sort((a, b) => a.host.localeCompare(b.host))
  }

  private changed(host: string): void {
    for (const listener of this.listeners) listener(host)
  }

  /** Writes a temp file and renames it over the old one, so a crash never leaves half a file. */
  private save(): Promise<void> {
    const file: RegistryFile = { version: 1, registries: this.entries }
    const text = JSON.stringify(file, null, 2) + '\n'
    const next = this.writing.then(async () => {
      await mkdir(this.options.dataDir, { recursive: true })
      const temp = `${this.filePath}.${randomBytes(6).toString('hex')}.tmp`
      try {
        await writeFile(temp, text, { mode: 0o600 })
        await rename(temp, this.filePath)
      } catch (error) {
        await rm(temp, { force: true })
        throw error
      }
    })
    this.writing = next.catch(() => undefined)
    return next
  }

  private load(): RegistryEntry[] {
    let text: string
    try {
      text = readFileSync(this.filePath, 'utf8')
    } catch {
      return [] // no file yet: an empty list
    }
    try {
      const parsed: unknown = JSON.parse(text)
      const registries: unknown = isRecord(parsed) ? parsed.registries : undefined
      if (!Array.isArray(registries)) return this.setAside()
      return (registries as unknown[]).flatMap((raw) => {
        const entry = readEntry(raw)
        return entry ? [entry] : []
      })
    } catch {
      return this.setAside()
    }
  }

  /** Keeps an unreadable file aside as FILE.corrupt and starts with no registries. */
  private setAside(): RegistryEntry[] {
    const corrupt = `${this.filePath}.corrupt`
    try {
      copyFileSync(this.filePath, corrupt)
    } catch {
      // keeping the copy is a courtesy; starting empty matters more
    }
    this.options.onWarning?.(
      `${this.filePath} could not be read; starting with no registries (old file kept as ${corrupt})`,
    )
    return []
  }
}

function readEntry(raw: unknown): RegistryEntry | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined
  const r = raw as Record<string, unknown>
  if (typeof r.host !== 'string') return undefined
  let host: string
  try {
    host = normalizeRegistryAddress(r.host).host
  } catch {
    return undefined
  }
  return {
    host,
    insecure: r.insecure === true,
    ...(typeof r.username === 'string' ? { username: r.username } : {}),
    hasCredentials: r.hasCredentials === true,
  }
}
