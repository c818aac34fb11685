// The composition root: builds every service once and hands each its dependencies. Both the
// Electron shell and web mode call this; nothing else constructs services.

import { existsSync } from 'node:fs'
import { mkdir, readFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AppInfo } from '../../shared/api'
import { parseRepository } from '../../shared/reference'
import { formatSourceRef } from '../../shared/sourceRef'
import type { DesktopDialogs, Services } from '../api/services'
import { createLocalStores } from '../stores/discovery/localStoreServices'
import { openLocalSource } from '../stores/openLocalSource'
import {
  LAYOUT_TAG_REGISTRY,
  layoutOfRepositoryRef,
  layoutTagLister,
  listLayoutTags,
} from '../stores/oci-layout/ociLayoutTags'
import { BODY_DEADLINES_ENV, bodyDeadlinesFromEnv } from '../util/bodyDeadlines'
import { DEFAULT_DOCKER_HUB_URL, DOCKER_HUB_URL_ENV, searchHub } from '../registry/hubSearch'
import { createRegistryServices } from '../registry/registryServices'
import { openRegistryImage } from '../registry/registrySource'
import type { SecretStore } from '../registry/secretStore'
import { MemorySecretStore } from '../registry/secretStore'
import { openSource } from '../sources/openSource'
import { BlobCache } from '../cache/blobCache'
import { directoryBytes, emptyDirectory } from '../cache/cacheDirectory'
import { LayerIndexCache } from '../files/layerIndexCache'
import { ImageFiles } from '../files/imageFilesService'
import { DEFAULT_WORKER_URL } from '../files/indexInWorker'
import type { LayerIndexServiceOptions } from '../files/layerIndexService'
import { LayerIndexService } from '../files/layerIndexService'
import { TagHistoryService } from '../history/tagHistoryService'
import { quayOptionsFromEnv } from '../history/quayMerge'
import type { WatchTimers } from '../history/tagWatcher'
import { ReferrersService } from '../image/referrersService'
import { PROJECT_ROOT, SAMPLE_LAYOUT_DIR, SAMPLE_REFERENCE, SAMPLES_ROOT } from './appPaths'
import { isRecord } from '../util/isRecord'

/** Layer blobs kept from registries, least recently used dropped first. */
const BLOB_CACHE_LIMIT = 2 * 1024 * 1024 * 1024

export interface ComposeOptions {
  readonly mode: AppInfo['mode']
  readonly dataDir: string
  /** Where in-app registry secrets live; memory only unless the shell provides a keychain. */
  readonly secretStore?: SecretStore
  readonly env?: NodeJS.ProcessEnv
  /** Native dialogs, when the desktop shell provides them. */
  readonly dialogs?: DesktopDialogs
  /** Where warnings go (default: stderr). */
  readonly onWarning?: (message: string) => void
  /**
   * Start the layer-index thread now and keep one ready (the app's launch does; tests that
   * compose services for other things leave it off and get a thread when they index).
   */
  readonly keepIndexThreadReady?: boolean
}

/** Watch timers that never keep the process alive on their own (the shell or server does). */
const unrefTimers: WatchTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

export async function composeServices(options: ComposeOptions): Promise<Services> {
  await mkdir(options.dataDir, { recursive: true, mode: 0o700 })
  const env = options.env ?? process.env
  const warn = options.onWarning ?? ((message: string) => console.error(`Strata: ${message}`))
  const registry = createRegistryServices({
    dataDir: options.dataDir,
    secrets: options.secretStore ?? new MemorySecretStore(),
    env,
    homeDir: homedir(),
    onWarning: warn,
    // Progress deadlines for registry bodies; tests shorten them through the environment.
    tuning: { bodyDeadlines: bodyDeadlinesFromEnv(env[BODY_DEADLINES_ENV]) },
  })
  const appInfo: AppInfo = {
    version: await readVersion(),
    mode: options.mode,
    sampleRef: formatSourceRef({
      transport: 'oci',
      path: SAMPLE_LAYOUT_DIR,
      reference: SAMPLE_REFERENCE,
    }),
    samplesRoot: SAMPLES_ROOT,
    dataDir: options.dataDir,
  }
  const { directory, pool } = registry
  const files = await createImageFiles(options.dataDir, options.keepIndexThreadReady === true)
  const history = await TagHistoryService.open({
    dataDir: options.dataDir,
    // OCI layouts have tag history too: their ref.name annotations, read from index.json.
    clientFor: (host) => (host === LAYOUT_TAG_REGISTRY ? layoutTagLister : pool.clientFor(host)),
    timers: unrefTimers,
    onWarning: warn,
    quay: quayOptionsFromEnv(env),
  })
  // Referrers ride on the pool's clients: one transport, auth and token cache for everything.
  const referrers = new ReferrersService({ pool })
  const unsubscribe = directory.onChange((host) => referrers.forget(host))
  let closing: Promise<void> | undefined
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
        // An OCI layout ("oci:/path") lists the ref.name annotations of its index.json.
        const layout = layoutOfRepositoryRef(repositoryRef)
        if (layout !== undefined) return listLayoutTags(layout, listOptions)
        const { registry: host, repository } = parseRepository(repositoryRef)
        return pool.clientFor(host).listTags(repository, listOptions)
      },
      searchHub: (query, searchOptions) =>
        searchHub(query, {
          ...searchOptions,
          baseUrl: env[DOCKER_HUB_URL_ENV] ?? DEFAULT_DOCKER_HUB_URL,
        }),
    },
    localStores: createLocalStores(env),
    ...(options.dialogs ? { dialogs: options.dialogs } : {}),
    files,
    history,
    referrers,
    warn,
    close: () =>
      (closing ??= (async () => {
        unsubscribe()
        await history.close()
        await registry.close()
      })()),
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

async function createImageFiles(dataDir: string, keepThreadReady: boolean): Promise<ImageFiles> {
  const indexDir = path.join(dataDir, 'cache', 'layer-index')
  await mkdir(indexDir, { recursive: true })
  const indexCache = new LayerIndexCache(indexDir)
  const blobs = await BlobCache.open(path.join(dataDir, 'cache', 'blobs'), BLOB_CACHE_LIMIT)
  const indexService = new LayerIndexService(indexCache, indexWorkerOptions())
  // Not awaited: the thread starts beside the window; a layer opened first waits for it.
  if (keepThreadReady) void indexService.keepWorkerReady()
  return new ImageFiles({
    indexService,
    blobs,
    indexCache: { bytes: () => directoryBytes(indexDir), clear: () => emptyDirectory(indexDir) },
  })
}

/**
 * Index on a worker thread: the .ts worker when running from source (tsx), an indexWorker.js
 * next to the bundle when the desktop build ships one, else in this thread (still streaming).
 */
function indexWorkerOptions(): LayerIndexServiceOptions {
  if (existsSync(fileURLToPath(DEFAULT_WORKER_URL))) return {}
  const bundled = new URL('./indexWorker.js', import.meta.url)
  if (existsSync(fileURLToPath(bundled))) return { workerUrl: bundled }
  return { worker: false }
}

async function readVersion(): Promise<string> {
  const text = await readFile(path.join(PROJECT_ROOT, 'package.json'), 'utf8')
  const parsed: unknown = JSON.parse(text)
  const version = isRecord(parsed) ? parsed.version : undefined
  return typeof version === 'string' ? version : '0.0.0'
}
