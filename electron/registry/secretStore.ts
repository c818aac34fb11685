// Where in-app registry secrets live. The registry list file never holds a secret; this store
// does. Electron provides a safeStorage-backed implementation (OS keychain); the in-memory one
// here serves web mode and tests, and forgets everything when the process ends.

export interface SecretStore {
  get(host: string): Promise<string | undefined>
  set(host: string, secret: string): Promise<void>
  delete(host: string): Promise<void>
}

export class MemorySecretStore implements SecretStore {
  private readonly secrets = new Map<string, string>()

  get(host: string): Promise<string | undefined> {
    return Promise.resolve(this.secrets.get(host))
  }

  set(host: string, secret: string): Promise<void> {
    this.secrets.set(host, secret)
    return Promise.resolve()
  }

  delete(host: string): Promise<void> {
    this.secrets.delete(host)
    return Promise.resolve()
  }
}
