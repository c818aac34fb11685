// Builds the storage view (shared/api/stores.ts) of a containers-storage store from its
// files: images.json, layers.json, containers.json, the overlay directories and l/ links.
// Read-only and lock-free, like the image source.

import { readdir, readlink, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { formatSourceRef } from '../../../shared/sourceRef'
import type { SourceRef } from '../../../shared/sourceRef'
import type {
  StorageLayerDirectories,
  StorageShortLink,
  StorageView,
  StorageViewImage,
  StorageViewLayer,
} from '../../../shared/api/stores'
import { readStoreFile } from '../../util/safeFile'
import type { Store, StorageImageRecord, StorageLayerRecord } from './containersStorageFiles'
import {
  bigDataPath,
  layerDiffDir,
  openStore,
  readContainerRecords,
  readImageRecords,
  readLayerRecords,
  tarSplitPath,
} from './containersStorageFiles'
import { storageSettingsFor } from './containersStorageSource'

type StoreSpec = Extract<SourceRef, { transport: 'containers-storage' }>['store']

/** The view of the store `store` names, or of the one podman would use by default. */
export async function describeStorage(
  options: {
    readonly store?: StoreSpec
    readonly env?: NodeJS.ProcessEnv
    readonly signal?: AbortSignal
  } = {},
): Promise<StorageView> {
  const ref = {
    transport: 'containers-storage' as const,
    image: '-',
    ...(options.store ? { store: options.store } : {}),
  }
  const store = await openStore(await storageSettingsFor(ref, options.env), options.signal)
  const [images, layerRecords, containers] = await Promise.all([
    readImageRecords(store),
    readLayerRecords(store),
    readContainerRecords(store),
  ])
  const byId = new Map(layerRecords.map((l) => [l.id, l] as const))
  const chains = new Map(images.map((image) => [image.id, chainIds(image.topLayer, byId)] as const))
  const containerChains = new Map(containers.map((c) => [c.id, chainIds(c.layer, byId)] as const))
  const containerLayers = new Set(containers.map((c) => c.layer))

  const layers: StorageViewLayer[] = []
  for (const record of layerRecords) {
    options.signal?.throwIfAborted()
    layers.push({
      ...layerFields(record),
      tarSplit: tarSplitPath(store, record.id),
      directories: await layerDirectories(store, record.id),
      usedByImages: images.filter((i) => chains.get(i.id)?.includes(record.id)).map((i) => i.id),
      usedByContainers: containers
        .filter((c) => containerChains.get(c.id)?.includes(record.id))
        .map((c) => c.id),
      containerLayer: containerLayers.has(record.id),
    })
  }
  return {
    graphRoot: store.graphRoot,
    runRoot: store.runRoot,
    driver: store.driver,
    configFiles: store.configFiles,
    images: images.map((image) =>
      viewImage(store, image, chains.get(image.id) ?? [], options.store),
    ),
    layers,
    containers: containers.map((c) => ({
      id: c.id,
      names: c.names,
      image: c.image,
      layer: c.layer,
      ...(c.created !== undefined ? { created: c.created } : {}),
    })),
    shortLinks: store.driver === 'overlay' ? await shortLinks(store) : [],
  }
}

/** Layer IDs from the bottom up to `top`; stops quietly at a missing parent. */
function chainIds(
  top: string | undefined,
  byId: ReadonlyMap<string, StorageLayerRecord>,
): string[] {
  const ids: string[] = []
  for (let id = top; id !== undefined && ids.length < 1000; id = byId.get(id)?.parent) ids.push(id)
  return ids.reverse()
}

function layerFields(
  record: StorageLayerRecord,
): Omit<
  StorageViewLayer,
  'tarSplit' | 'directories' | 'usedByImages' | 'usedByContainers' | 'containerLayer'
> {
  const { id, parent, diffDigest, compressedDiffDigest, diffSize, compressedSize, created } = record
  return {
    id,
    incomplete: record.incomplete,
    ...(parent !== undefined ? { parent } : {}),
    ...(diffDigest !== undefined ? { diffDigest } : {}),
    ...(compressedDiffDigest !== undefined ? { compressedDiffDigest } : {}),
    ...(diffSize !== undefined ? { diffSize } : {}),
    ...(compressedSize !== undefined ? { compressedSize } : {}),
    ...(created !== undefined ? { created } : {}),
  }
}

function viewImage(
  store: Store,
  image: StorageImageRecord,
  layerIds: readonly string[],
  spec: StoreSpec,
): StorageViewImage {
  return {
    id: image.id,
    names: image.names,
    namesHistory: image.namesHistory,
    ...(image.digest !== undefined ? { digest: image.digest } : {}),
    digests: image.digests,
    ...(image.created !== undefined ? { created: image.created } : {}),
    layerIds,
    bigData: image.bigDataNames.map((key) => {
      const size = image.bigDataSizes[key]
      const digest = image.bigDataDigests[key]
      return {
        key,
        path: bigDataPath(store, image.id, key),
        ...(size !== undefined ? { size } : {}),
        ...(digest !== undefined ? { digest } : {}),
      }
    }),
    directory: join(store.graphRoot, `${store.driver}-images`, image.id),
    ref: formatSourceRef({
      transport: 'containers-storage',
      image: image.id,
      ...(spec ? { store: { ...spec, driver: store.driver } } : {}),
    }),
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch {
    return false
  }
}

/** overlay's link and lower files: short text, read as regular files below the graph root. */
async function readSmall(store: Store, path: string): Promise<string | undefined> {
  try {
    const bytes = await readStoreFile(store.graphRoot, path, 'an overlay layer note', {
      maxBytes: 64 * 1024,
      what: 'an overlay link or lower file',
    })
    return new TextDecoder().decode(bytes).trim()
  } catch {
    return undefined
  }
}

async function layerDirectories(store: Store, id: string): Promise<StorageLayerDirectories> {
  const diff = layerDiffDir(store, id)
  if (store.driver !== 'overlay') return { diff }
  const dir = join(store.graphRoot, 'overlay', id)
  const link = join(dir, 'link')
  const lower = join(dir, 'lower')
  const shortName = await readSmall(store, link)
  const lowerText = await readSmall(store, lower)
  return {
    diff,
    ...(shortName !== undefined ? { link, shortName } : {}),
    ...(lowerText !== undefined
      ? { lower, lowerLinks: lowerText.split(':').filter((entry) => entry !== '') }
      : {}),
    ...((await exists(join(dir, 'merged'))) ? { merged: join(dir, 'merged') } : {}),
    ...((await exists(join(dir, 'work'))) ? { work: join(dir, 'work') } : {}),
  }
}

async function shortLinks(store: Store): Promise<StorageShortLink[]> {
  const dir = join(store.graphRoot, 'overlay', 'l')
  let names: string[]
  try {
    names = await readdir(dir)
  } catch {
    return []
  }
  const links: StorageShortLink[] = []
  for (const name of names.sort()) {
    try {
      const target = await readlink(join(dir, name))
      const layerId = /^\.\.\/([a-f0-9]{64})\/diff$/.exec(target)?.[1]
      links.push({ name, target, ...(layerId !== undefined ? { layerId } : {}) })
    } catch {
      // not a link: not one of storage's
    }
  }
  return links
}
