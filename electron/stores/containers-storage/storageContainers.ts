// The containers of a containers-storage store (podman, buildah): containers.json names each
// container, its image and its writable layer; layers.json places that layer on the image's
// top layer. Sizes are read from the layer's files. Nothing is mounted, locked or written.

import type { ContainerInfo } from '../../../shared/api'
import { StrataError } from '../../../shared/errors'
import type { StorageSpec } from '../../../shared/sourceRef'
import { formatSourceRef } from '../../../shared/sourceRef'
import type {
  Store,
  StorageContainerRecord,
  StorageImageRecord,
  StorageLayerRecord,
} from './containersStorageFiles'
import { layerDiffDir, readContainerRecords, readImageRecords } from './containersStorageFiles'
import { readLayerRecords } from './containersStorageFiles'
import type { LayerDirs } from './storageContainerLayer'
import { storageLayerSize } from './storageContainerLayer'

/** Everything Strata knows about one container of the store. */
export interface StorageContainer {
  readonly record: StorageContainerRecord
  readonly layer: StorageLayerRecord
  readonly image?: StorageImageRecord
  readonly dirs: LayerDirs
}

/** The store's containers with the layers they write to. */
export async function readStorageContainers(store: Store): Promise<readonly StorageContainer[]> {
  const records = await readContainerRecords(store)
  if (records.length === 0) return []
  const layers = new Map((await readLayerRecords(store)).map((l) => [l.id, l] as const))
  const images = new Map((await readImageRecords(store)).map((i) => [i.id, i] as const))
  return records.flatMap((record) => {
    const layer = layers.get(record.layer)
    if (layer === undefined) return []
    const image = images.get(record.image)
    const parent = layer.parent
    return [
      {
        record,
        layer,
        ...(image !== undefined ? { image } : {}),
        dirs: {
          graphRoot: store.graphRoot,
          layerDir: layerDiffDir(store, layer.id),
          ...(store.driver === 'vfs' && parent !== undefined
            ? { parentDir: layerDiffDir(store, parent) }
            : {}),
        },
      },
    ]
  })
}

/** A container by ID, name or unique ID prefix; NOT_FOUND saying it is gone. */
export function findStorageContainer(
  containers: readonly StorageContainer[],
  wanted: string,
  store: Store,
  shown = wanted,
): StorageContainer {
  const exact = containers.find((c) => c.record.id === wanted || c.record.names.includes(wanted))
  if (exact !== undefined) return exact
  if (/^[a-f0-9]{3,63}$/.test(wanted)) {
    const byPrefix = containers.filter((c) => c.record.id.startsWith(wanted))
    if (byPrefix.length === 1 && byPrefix[0] !== undefined) return byPrefix[0]
    if (byPrefix.length > 1) {
      throw new StrataError(
        'BAD_INPUT',
        `"${wanted}" names ${byPrefix.length} containers in ${store.graphRoot}; give more of the ID`,
        { subject: wanted },
      )
    }
  }
  throw new StrataError(
    'NOT_FOUND',
    `container ${shown} is gone: the containers storage at ${store.graphRoot} has no such container (removed meanwhile?); refresh the list`,
    { subject: shown },
  )
}

/**
 * What the sidebar shows of a container. With `layers`, also the image's size as podman's
 * rootFsSize counts it (each image layer's DiffSize: the bytes of the files it adds or
 * changes), and the virtual size: that plus the writable layer.
 */
export async function storageContainerInfo(
  container: StorageContainer,
  store: Store,
  storage: StorageSpec | undefined,
  layers?: ReadonlyMap<string, StorageLayerRecord>,
): Promise<ContainerInfo> {
  const { record, image } = container
  const sizeRw = await storageLayerSize(container.dirs)
  const imageSize =
    layers === undefined ? undefined : await imageFilesSize(container.layer.parent, layers, store)
  const name = record.names[0] ?? record.id.slice(0, 12)
  return {
    store: 'containers-storage',
    id: record.id,
    name,
    names: record.names,
    image: image?.names[0] ?? record.image,
    imageId: `sha256:${record.image}`,
    sizeRw,
    ...(imageSize !== undefined ? { sizeRootFs: imageSize + sizeRw } : {}),
    ...(record.created !== undefined ? { created: record.created } : {}),
    ref: formatSourceRef({
      transport: 'container',
      store: 'containers-storage',
      ...(storage !== undefined ? { storage } : {}),
      container: record.names[0] ?? record.id,
    }),
  }
}

/** The image's file bytes, layer by layer, following parents down from its top layer. */
export async function imageFilesSize(
  top: string | undefined,
  layers: ReadonlyMap<string, StorageLayerRecord>,
  store: Store,
): Promise<number> {
  let total = 0
  let steps = 0
  for (let id = top; id !== undefined && steps < 1000; steps++) {
    const layer = layers.get(id)
    if (layer === undefined) break
    const parent = layer.parent
    total += await storageLayerSize({
      graphRoot: store.graphRoot,
      layerDir: layerDiffDir(store, layer.id),
      ...(store.driver === 'vfs' && parent !== undefined
        ? { parentDir: layerDiffDir(store, parent) }
        : {}),
    })
    id = parent
  }
  return total
}

/** Every container of the store, for the sidebar; one unreadable layer does not hide the rest. */
export async function listStorageContainers(
  store: Store,
  storage: StorageSpec | undefined,
): Promise<readonly ContainerInfo[]> {
  const containers = await readStorageContainers(store)
  const infos: ContainerInfo[] = []
  for (const container of containers) {
    try {
      // The image's size needs a walk of every image layer: said when a container is opened.
      infos.push(await storageContainerInfo(container, store, storage))
    } catch {
      // A container being removed right now: left out of the list rather than failing it.
    }
  }
  return infos
}
