// How the sidebar names a local store and its images, and which storage view a store links
// to. Pure.
import type { LocalStore, LocalStoreImage } from '../../../shared/api/stores'
import { formatSourceRef, parseSourceRef } from '../../../shared/sourceRef'

export function storeTitle(store: LocalStore): string {
  return store.kind === 'docker-daemon' ? 'Docker daemon' : 'Podman storage'
}

/** Small facts after the title: the driver, and whose store it is. */
export function storeBadges(store: LocalStore): readonly string[] {
  if (store.kind === 'docker-daemon') return []
  return [
    ...(store.driver ? [store.driver] : []),
    ...(store.rootless === undefined ? [] : [store.rootless ? 'rootless' : 'rootful']),
  ]
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
    ? { primary: 'untagged', untagged: true, others: [] }
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
    image: 'none',
  })
}
