// How the sidebar names a local store and its images, and which storage view a store links
// to. Pure apart from the words, which come from the "stores" catalogue in the language shown
// (call during render).
import type { LocalStore, LocalStoreImage } from '../../../shared/api/stores'
import { formatSourceRef, parseSourceRef } from '../../../shared/sourceRef'
import { translate } from '../../i18n/i18n'

export function storeTitle(store: LocalStore): string {
  switch (store.kind) {
    case 'docker-daemon':
      return translate('stores:kind.dockerDaemon')
    case 'containerd':
      return translate('stores:kind.containerd')
    case 'containers-storage':
      return translate('stores:kind.containersStorage')
  }
}

/** Small facts after the title: the driver and whose store it is, or containerd's namespace. */
export function storeBadges(store: LocalStore): readonly string[] {
  if (store.kind === 'containerd') {
    return store.namespace
      ? [translate('stores:badge.namespace', { namespace: store.namespace })]
      : []
  }
  if (store.kind === 'docker-daemon') return []
  return [
    ...(store.driver ? [store.driver] : []),
    ...(store.rootless === undefined
      ? []
      : [translate(store.rootless ? 'stores:badge.rootless' : 'stores:badge.rootful')]),
  ]
}

/** The store's tooltip: its title, its badges and where it is, in the language shown. */
export function storeDescription(store: LocalStore): string {
  const badges = storeBadges(store)
  const words = { store: storeTitle(store), location: store.location }
  return badges.length > 0
    ? translate('stores:sidebar.storeDetailsAt', { ...words, details: badges.join(', ') })
    : translate('stores:sidebar.storeAt', words)
}

/** What a screen reader hears for a store's image list (namespaces share one socket). */
export function imageListLabel(store: LocalStore): string {
  return store.namespace !== undefined
    ? translate('stores:sidebar.imageListNamespace', {
        store: storeTitle(store),
        namespace: store.namespace,
        location: store.location,
      })
    : translate('stores:sidebar.imageList', { store: storeTitle(store), location: store.location })
}

/** "sha256:0123…" or "0123…" → the first 12 hex characters, as `docker images` prints IDs. */
export function shortImageId(id: string): string {
  const hex = id.startsWith('sha256:') ? id.slice(7) : id
  return hex.slice(0, 12)
}

export interface ImageTitle {
  /** The first name, or "untagged". */
  readonly primary: string
  readonly untagged: boolean
  /** Names beyond the first (one image can carry several tags). */
  readonly others: readonly string[]
}

export function imageTitle(image: LocalStoreImage): ImageTitle {
  const [first, ...others] = image.names
  return first === undefined
    ? { primary: translate('stores:sidebar.untagged'), untagged: true, others: [] }
    : { primary: first, untagged: false, others }
}

/**
 * The `ref` for the storage view of a containers-storage store: undefined for the store podman
 * uses by default (its images' references name no store), otherwise a reference that names the
 * store. null when the store has no storage view (the Docker daemon).
 */
export function storageViewRef(store: LocalStore): string | undefined | null {
  if (store.kind !== 'containers-storage') return null
  for (const image of store.images) {
    try {
      const source = parseSourceRef(image.ref)
      if (source.transport === 'containers-storage' && source.store !== undefined) return image.ref
    } catch {
      // An image whose reference does not parse says nothing about its store.
    }
  }
  if (store.images.length > 0) return undefined
  // An empty store names no image to borrow a reference from; the view ignores the image name.
  return formatSourceRef({
    transport: 'containers-storage',
    store: { ...(store.driver ? { driver: store.driver } : {}), graphRoot: store.location },
    image: NO_IMAGE,
  })
}

/** The image name a storage-view reference carries when it names only a store. */
const NO_IMAGE = 'none'

/**
 * The reference the storage view asks for: the view reads a store, not an image, so a
 * reference that names only the store ("containers-storage:[vfs@/srv/store]", as a person
 * types it) gets the placeholder image the view ignores instead of failing to parse.
 */
export function storageQueryRef(ref: string | undefined): string | undefined {
  if (ref === undefined) return undefined
  const trimmed = ref.trim()
  return /^containers-storage:\[[^\]]+\]$/.test(trimmed) ? `${trimmed}${NO_IMAGE}` : trimmed
}
