// Credentials from the files users already keep, in the order podman/skopeo read them:
//   $REGISTRY_AUTH_FILE
//   $XDG_RUNTIME_DIR/containers/auth.json
//   ~/.config/containers/auth.json
//   $DOCKER_CONFIG/config.json, else ~/.docker/config.json
// Each file may hold `auths` (base64 "user:pass" in `auth`, or username/password, or an
// `identitytoken`), `credHelpers` (per host) and `credsStore` (a helper for every host).
// Environment and home directory are injected so tests can point at a temp directory.

import { StrataError } from '../../shared/errors'
import { join } from 'node:path'
import { readUserFile } from '../util/safeFile'
import type { CredentialProvider, Credentials } from './credentials'
import { findCredentialKey, helperServerUrl, isUsable } from './credentials'
import { runCredentialHelper } from './credentialHelper'

export interface CredentialEnvironment {
  readonly env: Readonly<Record<string, string | undefined>>
  readonly homeDir: string
  readonly helperTimeoutMs?: number
  /** Told about files that exist but cannot be read; never given a secret. */
  readonly onWarning?: (message: string) => void
}

export interface CredentialFileLocation {
  readonly path: string
  /** How to name the file in messages ("~/.docker/config.json"). */
  readonly label: string
}

/** A docker config.json or auth.json is a few KiB; a file past this cap is not one. */
const MAX_CREDENTIAL_FILE_BYTES = 4 * 1024 * 1024

interface AuthEntry {
  readonly auth?: unknown
  readonly username?: unknown
  readonly password?: unknown
  readonly identitytoken?: unknown
  readonly registrytoken?: unknown
}

interface CredentialFile {
  readonly auths?: Readonly<Record<string, AuthEntry>>
  readonly credHelpers?: Readonly<Record<string, unknown>>
  readonly credsStore?: unknown
}

/** Where credential files may be, most specific first. Files that do not exist are skipped. */
export function credentialFileLocations(
  environment: CredentialEnvironment,
): CredentialFileLocation[] {
  const { env, homeDir } = environment
  const tilde = (p: string): string =>
    p.startsWith(homeDir + '/') ? `~${p.slice(homeDir.length)}` : p
  const paths: string[] = []
  if (nonEmpty(env.REGISTRY_AUTH_FILE)) paths.push(env.REGISTRY_AUTH_FILE)
  if (nonEmpty(env.XDG_RUNTIME_DIR))
    paths.push(join(env.XDG_RUNTIME_DIR, 'containers', 'auth.json'))
  paths.push(join(homeDir, '.config', 'containers', 'auth.json'))
  paths.push(
    nonEmpty(env.DOCKER_CONFIG)
      ? join(env.DOCKER_CONFIG, 'config.json')
      : join(homeDir, '.docker', 'config.json'),
  )
  return [...new Set(paths)].map((path) => ({ path, label: tilde(path) }))
}

/** Reads the credential files (on every call: users edit them while the app runs). */
export class FileCredentialProvider implements CredentialProvider {
  constructor(private readonly environment: CredentialEnvironment) {}

  async get(host: string): Promise<Credentials | undefined> {
    for (const location of credentialFileLocations(this.environment)) {
      const file = await this.readCredentialFile(location)
      if (file === undefined) continue
      const found = await this.lookUp(file, location, host)
      if (found !== undefined) return found
    }
    return undefined
  }

  /** Docker's order inside one file: a per-host helper, then `auths`, then `credsStore`. */
  private async lookUp(
    file: CredentialFile,
    location: CredentialFileLocation,
    host: string,
  ): Promise<Credentials | undefined> {
    const helpers = isRecord(file.credHelpers) ? file.credHelpers : {}
    const helperKey = findCredentialKey(Object.keys(helpers), host)
    const helperName = helperKey !== undefined ? helpers[helperKey] : undefined
    if (typeof helperName === 'string' && helperName !== '') {
      return this.askHelper(helperName, host, location)
    }
    const auths = isRecord(file.auths) ? file.auths : {}
    const authKey = findCredentialKey(Object.keys(auths), host)
    const entry = authKey !== undefined ? auths[authKey] : undefined
    const fromEntry = entry !== undefined ? decodeAuthEntry(entry, location.label) : undefined
    if (isUsable(fromEntry)) return fromEntry
    if (typeof file.credsStore === 'string' && file.credsStore !== '') {
      return this.askHelper(file.credsStore, host, location)
    }
    return undefined
  }

  private async askHelper(
    name: string,
    host: string,
    location: CredentialFileLocation,
  ): Promise<Credentials | undefined> {
    const found = await runCredentialHelper(name, helperServerUrl(host), {
      env: this.environment.env,
      namedIn: location.label,
      ...(this.environment.helperTimeoutMs !== undefined
        ? { timeoutMs: this.environment.helperTimeoutMs }
        : {}),
    })
    return isUsable(found) ? found : undefined
  }

  private async readCredentialFile(
    location: CredentialFileLocation,
  ): Promise<CredentialFile | undefined> {
    let text: string
    try {
      // It may be a symbolic link (dotfiles often are), but only a regular file is read: a
      // FIFO or a device in its place is skipped at once instead of blocking or streaming.
      const bytes = await readUserFile(location.path, 'a credential file', {
        maxBytes: MAX_CREDENTIAL_FILE_BYTES,
        what: 'a credential file',
      })
      text = new TextDecoder().decode(bytes)
    } catch (error) {
      const strata = error instanceof StrataError ? error : undefined
      if (strata?.code !== 'NOT_FOUND') {
        // The message names the file and the kind of problem, never its contents.
        const why = strata?.message ?? 'unreadable'
        this.environment.onWarning?.(`${location.label} is skipped: ${why}`)
      }
      return undefined
    }
    try {
      const parsed: unknown = JSON.parse(text)
      if (isRecord(parsed)) return parsed
    } catch {
      // reported below
    }
    this.environment.onWarning?.(`${location.label} is not valid JSON; its credentials are ignored`)
    return undefined
  }
}

/** One `auths` entry as Credentials; undefined when it holds nothing usable. */
export function decodeAuthEntry(entry: AuthEntry, source: string): Credentials | undefined {
  if (!isRecord(entry)) return undefined
  const identityToken = stringField(entry.identitytoken)
  const registryToken = stringField(entry.registrytoken)
  let username = stringField(entry.username)
  let password = stringField(entry.password)
  const auth = stringField(entry.auth)
  if (auth !== undefined) {
    const decoded = Buffer.from(auth, 'base64').toString('utf8')
    const colon = decoded.indexOf(':')
    if (colon > 0) {
      username = decoded.slice(0, colon)
      password = decoded.slice(colon + 1)
    }
  }
  const out: Credentials = {
    source,
    ...(username !== undefined ? { username } : {}),
    ...(password !== undefined && identityToken === undefined ? { password } : {}),
    ...(identityToken !== undefined ? { identityToken } : {}),
    ...(registryToken !== undefined ? { registryToken } : {}),
  }
  return isUsable(out) ? out : undefined
}

function stringField(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

function isRecord(value: unknown): value is Record<string, AuthEntry> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function nonEmpty(value: string | undefined): value is string {
  return value !== undefined && value !== ''
}
