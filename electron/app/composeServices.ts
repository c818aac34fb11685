// The composition root: builds every service once and hands each its dependencies. Both the
// Electron shell and web mode call this; nothing else constructs services.

import { mkdir, readFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import path from 'node:path'
import type { AppInfo } from '../../shared/api'
import { parseRepository } from '../../shared/reference'
import { formatSourceRef } from '../../shared/sourceRef'
import type { DesktopDialogs, Services } from '../api/services'
import { createLocalStores } from '../stores/localStoreServices'
import { openLocalSource } from '../stores/openLocalSource'
import { createRegistryServices } from '../registry/registryServices'
import { openRegistryImage } from '../registry/registrySource'
import type { SecretStore } from '../registry/secretStore'
import { MemorySecretStore } from '../registry/secretStore'
import { openSource } from '../sources/openSource'
import { PROJECT_ROOT, SAMPLE_LAYOUT_DIR, SAMPLE_REFERENCE } from './appPaths'

export interface ComposeOptions {
  readonly mode: AppInfo['mode']
  readonly dataDir: string
  /** Where in-app registry secrets live; memory only unless the shell provides a keychain. */
  readonly secretStore?: SecretStore
  readonly env?: NodeJS.ProcessEnv
  /** Native dialogs, when the desktop shell provides them. */
  readonly dialogs?: DesktopDialogs
}

export async function composeServices(options: ComposeOptions): Promise<Services> {
  await mkdir(options.dataDir, { recursive: true, mode: 0o700 })
  const env = options.env ?? process.env
  const registry = createRegistryServices({
    dataDir: options.dataDir,
    secrets: options.secretStore ?? new MemorySecretStore(),
    env,
    homeDir: homedir(),
    onWarning: (message) => console.error(`Strata: ${message}`),
  })
  const appInfo: AppInfo = {
    version: await readVersion(),
    mode: options.mode,
    sampleRef: formatSourceRef({
      transport: 'oci',
      path: SAMPLE_LAYOUT_DIR,
      reference: SAMPLE_REFERENCE,
    }),
    dataDir: options.dataDir,
  }
  const { directory, pool } = registry
  return {
    appInfo,
    registries: {
      list: () => Promise.resolve(directory.list()),
      add: (args) => directory.add(args),
      remove: (host) => directory.remove(host),
      setCredentials: (args) => directory.setCredentials(args),
    },
    listing: {
      listRepositories: (host, listOptions) => pool.clientFor(host).listRepositories(listOptions),
      listTags: (repositoryRef, listOptions) => {
        const { registry: host, repository } = parseRepository(repositoryRef)
        return pool.clientFor(host).listTags(repository, listOptions)
      },
    },
    localStores: createLocalStores(env),
    ...(options.dialogs ? { dialogs: options.dialogs } : {}),
    openSource: (ref, signal) =>
      openSource(
        ref,
        {
          registry: (image) => Promise.resolve(openRegistryImage(image, { pool })),
          local: (localRef, localSignal) => openLocalSource(localRef, { signal: localSignal, env }),
        },
        signal,
      ),
  }
}

async function readVersion(): Promise<string> {
  const text = await readFile(path.join(PROJECT_ROOT, 'package.json'), 'utf8')
  return (JSON.parse(text) as { version?: string }).version ?? '0.0.0'
}
