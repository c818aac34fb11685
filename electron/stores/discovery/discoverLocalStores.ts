// What local image stores exist on this machine, with their images and tags: the Docker
// daemon behind DOCKER_HOST or /var/run/docker.sock, containerd's namespaces behind
// CONTAINERD_ADDRESS or /run/containerd/containerd.sock, and podman's containers-storage (the
// store storage.conf names for this user, and for other users the rootful one if readable).
// A store that does not exist is simply absent; one that exists but cannot be read is listed
// with its error, so the user learns why it is empty.

import { toApiError } from '../../../shared/errors'
import type { LocalStore, LocalStoreImage } from '../../../shared/api/stores'
import { formatSourceRef } from '../../../shared/sourceRef'
import { discoverContainerd } from '../containerd/discoverContainerd'
import type { StorageImageRecord, Store } from '../containers-storage/containersStorageFiles'
import { openStore, readImageRecords } from '../containers-storage/containersStorageFiles'
import { DockerDaemonClient, dockerSocketPath } from '../docker-daemon/dockerDaemonClient'
import { listDockerContainers } from '../docker-daemon/dockerContainers'
import { listStorageContainers } from '../containers-storage/storageContainers'
import type { StorageSettings } from '../containers-storage/storageConf'
import {
  currentEnvironment,
  defaultStorageSettings,
  ROOTFUL_GRAPH_ROOT,
} from '../containers-storage/storageConf'

export interface DiscoverOptions {
  readonly env?: NodeJS.ProcessEnv
  readonly signal?: AbortSignal
  /** More containers-storage graph roots to look at (for example, ones opened before). */
  readonly extraGraphRoots?: readonly string[]
}

export async function discoverLocalStores(
  options: DiscoverOptions = {},
): Promise<readonly LocalStore[]> {
  const [docker, containerd, storages] = await Promise.all([
    discoverDocker(options),
    discoverContainerd(options),
    discoverStorages(options),
  ])
  return [...(docker ? [docker] : []), ...containerd, ...storages]
}

async function discoverDocker(options: DiscoverOptions): Promise<LocalStore | undefined> {
  let socketPath: string
  try {
    socketPath = dockerSocketPath(options.env)
  } catch {
    return undefined // a tcp:// DOCKER_HOST is not a local store Strata reads
  }
  const client = new DockerDaemonClient(socketPath)
  const label = `Docker daemon at ${socketPath}`
  try {
    await client.ping(options.signal)
    const images = await client.listImages(options.signal)
    // Containers are extra: a daemon that will not list them still shows its images.
    const containers = await listDockerContainers(client, options.signal).catch(() => [])
    return {
      kind: 'docker-daemon',
      label,
      location: socketPath,
      containers,
      images: images.map((image) => {
        const tags = (image.RepoTags ?? []).filter((tag) => tag !== '<none>:<none>')
        const digests = (image.RepoDigests ?? []).filter((d) => !d.startsWith('<none>@'))
        return {
          id: image.Id,
          names: tags,
          digests,
          ...(image.Created !== undefined
            ? { created: new Date(image.Created * 1000).toISOString() }
            : {}),
          ...(image.Size !== undefined ? { size: image.Size } : {}),
          ref: formatSourceRef({ transport: 'docker-daemon', image: tags[0] ?? image.Id }),
        }
      }),
    }
  } catch (error) {
    const apiError = toApiError(error)
    // No daemon (no socket, nobody listening) means no store; a refused socket is worth saying.
    if (apiError.code === 'NETWORK' || apiError.code === 'TIMEOUT') return undefined
    return { kind: 'docker-daemon', label, location: socketPath, images: [], error: apiError }
  } finally {
    await client.close()
  }
}

async function discoverStorages(options: DiscoverOptions): Promise<LocalStore[]> {
  const environment = currentEnvironment(options.env)
  const defaults = await defaultStorageSettings(environment)
  const candidates: { settings: StorageSettings; isDefault: boolean; quietIfForbidden: boolean }[] =
    [{ settings: defaults, isDefault: true, quietIfForbidden: false }]
  const extra = [...(options.extraGraphRoots ?? [])]
  if (defaults.rootless) extra.push(ROOTFUL_GRAPH_ROOT)
  for (const graphRoot of extra) {
    if (candidates.some((c) => c.settings.graphRoot === graphRoot)) continue
    candidates.push({
      settings: {
        ...defaults,
        graphRoot,
        driver: '',
        configFiles: [],
        rootless: graphRoot !== ROOTFUL_GRAPH_ROOT,
      },
      isDefault: false,
      quietIfForbidden: graphRoot === ROOTFUL_GRAPH_ROOT,
    })
  }
  const found: LocalStore[] = []
  for (const candidate of candidates) {
    const store = await discoverStorage(candidate.settings, candidate.isDefault, options.signal)
    if (store === undefined) continue
    if (store.error?.code === 'FORBIDDEN' && candidate.quietIfForbidden) continue
    found.push(store)
  }
  return found
}

async function discoverStorage(
  settings: StorageSettings,
  isDefault: boolean,
  signal?: AbortSignal,
): Promise<LocalStore | undefined> {
  const kind = settings.rootless ? 'rootless' : 'rootful'
  const label = `podman storage (${kind}) ${settings.graphRoot}`
  let store: Store
  try {
    store = await openStore(settings, signal)
    const images = await readImageRecords(store)
    const spec = { driver: store.driver, graphRoot: store.graphRoot, runRoot: store.runRoot }
    const containers = await listStorageContainers(store, isDefault ? undefined : spec).catch(
      () => [],
    )
    return {
      kind: 'containers-storage',
      label: `${label} (${store.driver})`,
      location: store.graphRoot,
      driver: store.driver,
      rootless: settings.rootless,
      containers,
      images: images.map((image) => storageImage(image, store, isDefault)),
    }
  } catch (error) {
    const apiError = toApiError(error)
    if (apiError.code === 'NOT_FOUND') return undefined
    return {
      kind: 'containers-storage',
      label,
      location: settings.graphRoot,
      rootless: settings.rootless,
      images: [],
      error: apiError,
    }
  }
}

function storageImage(
  image: StorageImageRecord,
  store: Store,
  isDefault: boolean,
): LocalStoreImage {
  const digests = [...new Set([...(image.digest ? [image.digest] : []), ...image.digests])]
  const name = image.names[0] ?? image.id
  return {
    id: `sha256:${image.id}`,
    names: image.names,
    digests,
    ...(image.created !== undefined ? { created: image.created } : {}),
    ref: formatSourceRef({
      transport: 'containers-storage',
      image: name,
      ...(isDefault
        ? {}
        : { store: { driver: store.driver, graphRoot: store.graphRoot, runRoot: store.runRoot } }),
    }),
  }
}
