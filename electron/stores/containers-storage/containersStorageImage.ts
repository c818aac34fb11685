// Finding an image in containers-storage the way podman does (full or short ID, fully
// qualified name, short name, name@digest), and planning the manifest Strata serves for it.
//
// Storage keeps each layer unpacked; the compressed blobs the stored manifest names cannot be
// reproduced. So unless the stored manifest already names uncompressed layers, Strata serves a
// manifest rewritten to name each layer by its diff digest (uncompressed tar, rebuilt from
// tar-split + diff), with the stored manifest's config and media type unchanged and the layer
// type of the same family (Docker's tar type in a Docker v2 manifest, OCI's in an OCI one).

import { isDigest } from '../../../shared/digest'
import { StrataError } from '../../../shared/errors'
import type { Descriptor, ImageManifest } from '../../../shared/oci/types'
import { formatReference, parseReference } from '../../../shared/reference'
import type { ImageReference } from '../../../shared/reference'
import type { StorageImageRecord, StorageLayerRecord } from './containersStorageFiles'
import { familyOfManifest, isUncompressedLayerType } from '../synthesizedMediaTypes'

export function findStorageImage(
  images: readonly StorageImageRecord[],
  wanted: string,
  graphRoot: string,
): StorageImageRecord {
  const id = wanted.startsWith('sha256:') ? wanted.slice(7) : wanted
  const exact = images.find((image) => image.id === id)
  if (exact !== undefined) return exact
  const byName = findByName(images, wanted, graphRoot)
  if (byName !== undefined) return byName
  if (/^[a-f0-9]{3,63}$/.test(id)) {
    const byPrefix = images.filter((image) => image.id.startsWith(id))
    const only = byPrefix.length === 1 ? byPrefix[0] : undefined
    if (only !== undefined) return only
    if (byPrefix.length > 1) throw ambiguous(wanted, byPrefix, graphRoot)
  }
  const known = images.flatMap((image) => image.names).slice(0, 10)
  throw new StrataError(
    'NOT_FOUND',
    `no image "${wanted}" in the containers storage at ${graphRoot}; it has ${known.length > 0 ? known.join(', ') : 'no named images'}`,
    { subject: wanted },
  )
}

function ambiguous(
  wanted: string,
  candidates: readonly StorageImageRecord[],
  graphRoot: string,
): StrataError {
  const names = candidates.map((image) => image.names[0] ?? image.id.slice(0, 12))
  return new StrataError(
    'BAD_INPUT',
    `"${wanted}" could mean ${candidates.length} images in ${graphRoot} (${names.join(', ')}); use a full name or ID`,
    { subject: wanted },
  )
}

function parseOrUndefined(name: string): ImageReference | undefined {
  try {
    return parseReference(name)
  } catch {
    return undefined
  }
}

/** Whether the first path component is a registry (has "." or ":", or is localhost). */
function namesRegistry(name: string): boolean {
  const slash = name.indexOf('/')
  if (slash < 0) return false
  const first = name.slice(0, slash)
  return first.includes('.') || first.includes(':') || first === 'localhost'
}

function findByName(
  images: readonly StorageImageRecord[],
  wanted: string,
  graphRoot: string,
): StorageImageRecord | undefined {
  const ref = parseOrUndefined(wanted)
  if (ref === undefined) return undefined
  const matches = (image: StorageImageRecord, test: (name: ImageReference) => boolean): boolean =>
    image.names.some((name) => {
      const parsed = parseOrUndefined(name)
      return parsed !== undefined && test(parsed)
    })
  const sameRepo = (a: ImageReference, b: ImageReference): boolean =>
    a.registry === b.registry && a.repository === b.repository
  if (ref.digest !== undefined) {
    const digest = ref.digest
    return images.find(
      (image) =>
        (image.digest === digest || image.digests.includes(digest)) &&
        matches(image, (name) => sameRepo(name, ref)),
    )
  }
  const key = formatReference(ref)
  const exact = images.find((image) => matches(image, (name) => formatReference(name) === key))
  if (exact !== undefined || namesRegistry(wanted)) return exact
  // A short name: podman's localhost/ for images built here, then any registry's.
  const path = wanted.split(/[:@]/)[0] ?? wanted
  const local = images.find((image) =>
    matches(
      image,
      (name) => name.registry === 'localhost' && name.repository === path && name.tag === ref.tag,
    ),
  )
  if (local !== undefined) return local
  const tail = images.filter((image) =>
    matches(
      image,
      (name) =>
        (name.repository === path || name.repository.endsWith(`/${path}`)) && name.tag === ref.tag,
    ),
  )
  if (tail.length > 1) throw ambiguous(wanted, tail, graphRoot)
  return tail[0]
}

export interface ServedManifestPlan {
  /** The document to serve: the stored one, or its rewrite to uncompressed layers. */
  readonly document: ImageManifest | undefined
  /** Stored manifest layer → storage layer, bottom first. */
  readonly layers: readonly { readonly stored: Descriptor; readonly layer: StorageLayerRecord }[]
}

/**
 * Pairs the stored manifest's layers with the image's layer chain and decides whether the
 * manifest must be rewritten (undefined document: serve the stored bytes unchanged).
 */
export function planServedManifest(
  stored: ImageManifest,
  chain: readonly StorageLayerRecord[],
  imageId: string,
): ServedManifestPlan {
  if (stored.layers.length !== chain.length) {
    throw new StrataError(
      'MALFORMED',
      `image ${imageId}: its manifest lists ${stored.layers.length} layers but storage holds ${chain.length}`,
      { subject: imageId },
    )
  }
  const layers = stored.layers.map((descriptor, position) => {
    const layer = chain[position] as StorageLayerRecord
    const known = [layer.diffDigest, layer.compressedDiffDigest]
    if (!known.includes(descriptor.digest)) {
      throw new StrataError(
        'MALFORMED',
        `image ${imageId}: manifest layer ${position} (${descriptor.digest}) is not storage layer ${layer.id} (diff ${layer.diffDigest ?? 'unknown'})`,
        { subject: imageId },
      )
    }
    if (
      layer.diffDigest === undefined ||
      !isDigest(layer.diffDigest) ||
      layer.diffSize === undefined
    ) {
      throw new StrataError(
        'MALFORMED',
        `storage layer ${layer.id} has no diff digest or size in layers.json; it cannot be served`,
        { subject: layer.id },
      )
    }
    return { stored: descriptor, layer }
  })
  const reproducible = layers.every(
    ({ stored: d, layer }) => d.digest === layer.diffDigest && isUncompressedLayerType(d.mediaType),
  )
  if (reproducible) return { document: undefined, layers }
  const types = familyOfManifest(stored.mediaType)
  const document: ImageManifest = {
    schemaVersion: 2,
    ...(stored.mediaType !== undefined ? { mediaType: stored.mediaType } : {}),
    config: stored.config,
    layers: layers.map(({ layer }) => ({
      mediaType: types.layer('none'),
      digest: layer.diffDigest as string,
      size: layer.diffSize as number,
    })),
    ...(stored.annotations !== undefined ? { annotations: stored.annotations } : {}),
  }
  return { document, layers }
}
