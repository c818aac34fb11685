// Directory listings kept between the pages of one listing: files:list builds and sorts a
// directory once, then answers every page from the same array. Held per loaded image (weakly:
// an image dropped from ImageFiles' memory takes its listings with it), a few per image. The
// caller's key names everything a listing depends on (path, layer, sort, change filter, and
// whether it is recursive).

import type { FileListItem } from '../../shared/api'
import type { ImageLayers } from './imageLayers'

const LISTINGS_PER_IMAGE = 16

const listings = new WeakMap<ImageLayers, Map<string, readonly FileListItem[]>>()

/** The listing under `key` for `layers`, built by `build` when not held. */
export function memoizedListing(
  layers: ImageLayers,
  key: string,
  build: () => readonly FileListItem[],
): readonly FileListItem[] {
  let held = listings.get(layers)
  if (!held) {
    held = new Map()
    listings.set(layers, held)
  }
  const known = held.get(key)
  if (known) {
    held.delete(key) // most recently used last
    held.set(key, known)
    return known
  }
  const built = build()
  held.set(key, built)
  while (held.size > LISTINGS_PER_IMAGE) {
    const oldest = held.keys().next().value
    if (oldest === undefined) break
    held.delete(oldest)
  }
  return built
}
