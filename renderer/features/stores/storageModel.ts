// Lookups and derived facts for the storage view: which layer a short link or a lower entry
// means, what to call an image or a container, which layers match a filter, and the store's
// layout on disk. Pure, over shared/api/stores.ts data; the layout's words come from the
// "stores" catalogue in the language shown (call during render).
import type {
  StorageView,
  StorageViewContainer,
  StorageViewImage,
  StorageViewLayer,
} from '../../../shared/api/stores'
import { translate } from '../../i18n/i18n'

export interface StorageIndex {
  readonly layers: ReadonlyMap<string, StorageViewLayer>
  readonly images: ReadonlyMap<string, StorageViewImage>
  readonly containers: ReadonlyMap<string, StorageViewContainer>
  /** overlay short name (the name in l/) → layer ID. */
  readonly shortNames: ReadonlyMap<string, string>
}

export function indexStorage(view: StorageView): StorageIndex {
  const shortNames = new Map<string, string>()
  for (const layer of view.layers) {
    if (layer.directories.shortName) shortNames.set(layer.directories.shortName, layer.id)
  }
  for (const link of view.shortLinks) {
    if (link.layerId !== undefined) shortNames.set(link.name, link.layerId)
  }
  return {
    layers: new Map(view.layers.map((layer) => [layer.id, layer])),
    images: new Map(view.images.map((image) => [image.id, image])),
    containers: new Map(view.containers.map((container) => [container.id, container])),
    shortNames,
  }
}

/** The first 12 hex characters, as podman prints IDs. */
export function shortId(id: string): string {
  return (id.startsWith('sha256:') ? id.slice(7) : id).slice(0, 12)
}

export function imageLabel(image: StorageViewImage): string {
  return image.names[0] ?? `${shortId(image.id)} (untagged)`
}

export function containerLabel(container: StorageViewContainer): string {
  return container.names[0] ?? shortId(container.id)
}

/** Names the image had before and lost (a tag that moved on to another image), newest first. */
export function formerNames(image: StorageViewImage): readonly string[] {
  const current = new Set(image.names)
  return image.namesHistory.filter((name) => !current.has(name))
}

export interface LowerEntry {
  /** As written in the lower file: "l/NAME". */
  readonly link: string
  readonly layerId?: string
}

/** The layers an overlay layer mounts beneath itself, topmost first, resolved through l/. */
export function lowerEntries(layer: StorageViewLayer, index: StorageIndex): readonly LowerEntry[] {
  return (layer.directories.lowerLinks ?? []).map((link) => {
    const name = link.startsWith('l/') ? link.slice(2) : link
    const layerId = index.shortNames.get(name)
    return layerId === undefined ? { link } : { link, layerId }
  })
}

/**
 * A bottom layer's chain ID is its diff ID, so its storage ID and diff digest agree; above it
 * the storage ID folds in every parent and no longer matches any digest of the layer itself.
 */
export function idEqualsDiffDigest(layer: StorageViewLayer): boolean {
  return layer.diffDigest === `sha256:${layer.id}`
}

/** Layers whose ID, digests, short name or users' names contain the query (case-insensitive). */
export function filterLayers(
  layers: readonly StorageViewLayer[],
  query: string,
  index: StorageIndex,
): readonly StorageViewLayer[] {
  const needle = query.trim().toLowerCase()
  if (needle === '') return layers
  return layers.filter((layer) => {
    const users = [
      ...layer.usedByImages.flatMap((id) => [id, ...(index.images.get(id)?.names ?? [])]),
      ...layer.usedByContainers.flatMap((id) => [id, ...(index.containers.get(id)?.names ?? [])]),
    ]
    const texts = [
      layer.id,
      layer.diffDigest ?? '',
      layer.compressedDiffDigest ?? '',
      layer.directories.shortName ?? '',
      ...users,
    ]
    return texts.some((text) => text.toLowerCase().includes(needle))
  })
}

export interface DiskEntry {
  /** Path relative to the root it sits in, directories ending in "/". */
  readonly name: string
  readonly what: string
  readonly depth: number
}

/** What sits under the graph root, named for this store's driver. */
export function diskLayout(view: StorageView): readonly DiskEntry[] {
  const d = view.driver
  const entries: DiskEntry[] = [
    { name: `${d}-images/`, what: translate('stores:disk.imageMetadata'), depth: 0 },
    { name: 'images.json', what: translate('stores:disk.imagesJson'), depth: 1 },
    { name: 'ID/', what: translate('stores:disk.imageDir'), depth: 1 },
    { name: `${d}-layers/`, what: translate('stores:disk.layerMetadata'), depth: 0 },
    { name: 'layers.json', what: translate('stores:disk.layersJson'), depth: 1 },
    { name: 'ID.tar-split.gz', what: translate('stores:disk.tarSplit'), depth: 1 },
    { name: `${d}/`, what: translate('stores:disk.unpacked'), depth: 0 },
  ]
  if (d === 'overlay') {
    entries.push(
      { name: 'ID/diff/', what: translate('stores:disk.diff'), depth: 1 },
      { name: 'ID/link', what: translate('stores:disk.link'), depth: 1 },
      { name: 'ID/lower', what: translate('stores:disk.lower'), depth: 1 },
      { name: 'ID/merged/, ID/work/', what: translate('stores:disk.mergedWork'), depth: 1 },
      { name: 'l/', what: translate('stores:disk.shortLinks'), depth: 1 },
    )
  } else {
    entries.push({
      name: 'dir/ID/',
      what: translate('stores:disk.fullCopy'),
      depth: 1,
    })
  }
  entries.push({
    name: `${d}-containers/`,
    what: translate('stores:disk.containers'),
    depth: 0,
  })
  return entries
}
