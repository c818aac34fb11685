// Registry secrets for the desktop app, encrypted with the OS keychain through Electron's
// safeStorage and kept in one file of host → ciphertext. Where no keychain is available the
// secrets stay in memory for the session rather than being written in the clear.

import { safeStorage } from 'electron'
import { readFile, rename, writeFile } from 'node:fs/promises'
import type { SecretStore } from '../registry/secretStore'
import { isRecord } from '../util/isRecord'

export class SafeStorageSecretStore implements SecretStore {
  private cache: Map<string, string> | undefined

  constructor(private readonly file: string) {}

  async get(host: string): Promise<string | undefined> {
    return (await this.load()).get(host)
  }

  async set(host: string, secret: string): Promise<void> {
    const secrets = await this.load()
    secrets.set(host, secret)
    await this.save(secrets)
  }

  async delete(host: string): Promise<void> {
    const secrets = await this.load()
    secrets.delete(host)
    await this.save(secrets)
  }

  private async load(): Promise<Map<string, string>> {
    if (this.cache) return this.cache
    const secrets = new Map<string, string>()
    if (safeStorage.isEncryptionAvailable()) {
      const text = await readFile(this.file, 'utf8').catch(() => '{}')
      try {
        const parsed: unknown = JSON.parse(text)
        const stored = isRecord(parsed) ? parsed : {}
        for (const [host, cipher] of Object.entries(stored)) {
          if (typeof cipher !== 'string') continue
          secrets.set(host, safeStorage.decryptString(Buffer.from(cipher, 'base64')))
        }
      } catch {
        // A file we cannot decrypt (another user, another keychain) is ignored, not fatal.
      }
    }
    this.cache = secrets
    return secrets
  }

  private async save(secrets: Map<string, string>): Promise<void> {
    if (!safeStorage.isEncryptionAvailable()) return
    const stored: Record<string, string> = {}
    for (const [host, secret] of secrets) {
      stored[host] = safeStorage.encryptString(secret).toString('base64')
    }
    const temp = `${this.file}.${process.pid}.tmp`
    await writeFile(temp, JSON.stringify(stored), { mode: 0o600 })
    await rename(temp, this.file)
  }
}
