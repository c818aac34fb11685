// Wiring for the composition root: the user's registry list, the credential chain (in-app
// first, then the files users keep) and the client pool, with credential changes flushing
// cached tokens.

import { CredentialChain } from './credentials'
import type { CredentialProvider } from './credentials'
import { FileCredentialProvider } from './credentialFiles'
import { RegistryClientPool } from './clientPool'
import type { ClientTuning } from './clientPool'
import { RegistryDirectory } from './registryDirectory'
import type { SecretStore } from './secretStore'

export interface RegistryServicesOptions {
  readonly dataDir: string
  readonly secrets: SecretStore
  /** process.env and os.homedir() in the app; a temp directory in tests. */
  readonly env: Readonly<Record<string, string | undefined>>
  readonly homeDir: string
  readonly tuning?: ClientTuning
  readonly onWarning?: (message: string) => void
}

export interface RegistryServices {
  readonly directory: RegistryDirectory
  readonly credentials: CredentialProvider
  readonly pool: RegistryClientPool
  close(): Promise<void>
}

export function createRegistryServices(options: RegistryServicesOptions): RegistryServices {
  const warn = options.onWarning !== undefined ? { onWarning: options.onWarning } : {}
  const directory = new RegistryDirectory({
    dataDir: options.dataDir,
    secrets: options.secrets,
    ...warn,
  })
  const files = new FileCredentialProvider({ env: options.env, homeDir: options.homeDir, ...warn })
  const credentials = new CredentialChain([directory, files])
  const pool = new RegistryClientPool({
    credentials,
    isInsecure: (host) => directory.isInsecure(host),
    ...(options.tuning !== undefined ? { tuning: options.tuning } : {}),
  })
  const unsubscribe = directory.onChange((host) => pool.forget(host))
  return {
    directory,
    credentials,
    pool,
    close: async () => {
      unsubscribe()
      await pool.close()
    },
  }
}
