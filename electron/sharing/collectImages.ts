// Gathers the images a sharing view compares from any source: a single-platform image as
// itself, an index expanded into the images sources/listImages finds in it (nested indexes
// followed, attestations left out: the same walk that picks the image Files and Compare show),
// each with its layer descriptors.

import { platformString } from '../../shared/format'
import type { SharingImageInput } from '../../shared/api/sharing'
import { formatSourceRef, parseSourceRef, withDigest } from '../../shared/sourceRef'
import type { ImageSource, SourceCallOptions } from '../sources/imageSource'
import { listImages } from '../sources/openImage'
import { Semaphore } from '../util/semaphore'

export interface CollectOptions extends SourceCallOptions {
  /** Prefix for labels; default the source's reference. */
  readonly label?: string
}

/** The images a source's reference names: one, or every platform image of an index. */
export async function collectSharingImages(
  source: ImageSource,
  options: CollectOptions = {},
): Promise<SharingImageInput[]> {
  const call = options.signal !== undefined ? { signal: options.signal } : {}
  const label = options.label ?? source.ref
  const listing = await listImages(source, call)
  if (listing.kind === 'schema1') return []
  if (listing.kind === 'manifest') {
    return [
      {
        label,
        digest: listing.root.digest,
        ref: source.ref,
        layers: layerFacts(listing.manifest.layers),
      },
    ]
  }
  const out: SharingImageInput[] = []
  for (const image of listing.images) {
    const { parsed } = await source.fetchManifest(image.descriptor, call)
    if (parsed.kind !== 'manifest') continue
    const pinned = pinnedRef(source.ref, image.descriptor.digest)
    out.push({
      label: image.platform ? `${label} ${platformString(image.platform)}` : label,
      digest: image.descriptor.digest,
      ref: pinned ?? source.ref,
      ...(pinned === undefined && image.platform
        ? { platform: platformString(image.platform) }
        : {}),
      layers: layerFacts(parsed.document.layers),
    })
  }
  return out
}

/** The source's reference pinned to one manifest digest; undefined when it cannot be. */
function pinnedRef(ref: string, digest: string): string | undefined {
  try {
    const source = parseSourceRef(ref)
    const pinned = formatSourceRef(withDigest(source, digest))
    return pinned === formatSourceRef(source) ? undefined : pinned
  } catch {
    return undefined
  }
}

function layerFacts(
  layers: readonly { readonly digest: string; readonly size: number; readonly mediaType: string }[],
): SharingImageInput['layers'] {
  return layers.map((layer) => ({
    digest: layer.digest,
    size: layer.size,
    mediaType: layer.mediaType,
  }))
}

export interface LabelledSource {
  readonly label: string
  readonly source: ImageSource
}

/**
 * Images of many sources (all tags of a repository, images from anywhere), read with bounded
 * concurrency. The same image reached twice (two tags on one digest) is kept once, its labels
 * joined ("v1 · latest"), so sharing figures count it once.
 */
export interface CollectSetOptions extends SourceCallOptions {
  readonly concurrency?: number
  /** Called after each entry is read (or dropped), with how many of all are done. */
  readonly onProgress?: (done: number, total: number) => void
  /** An entry whose read fails with an error this accepts is left out instead of failing. */
  readonly skipWhen?: (entry: LabelledSource, error: unknown) => boolean
}

export async function collectImageSet(
  entries: readonly LabelledSource[],
  options: CollectSetOptions = {},
): Promise<SharingImageInput[]> {
  const limit = new Semaphore(options.concurrency ?? 6)
  const call = options.signal !== undefined ? { signal: options.signal } : {}
  let done = 0
  options.onProgress?.(0, entries.length)
  const perEntry = await Promise.all(
    entries.map((entry) =>
      limit.run(async () => {
        try {
          return await collectSharingImages(entry.source, { ...call, label: entry.label })
        } catch (error) {
          if (options.skipWhen?.(entry, error) === true) return []
          throw error
        } finally {
          done += 1
          options.onProgress?.(done, entries.length)
        }
      }),
    ),
  )
  const byDigest = new Map<string, { image: SharingImageInput; labels: string[] }>()
  const out: { image: SharingImageInput; labels: string[] }[] = []
  for (const image of perEntry.flat()) {
    const known = image.digest !== undefined ? byDigest.get(image.digest) : undefined
    if (known !== undefined) {
      if (!known.labels.includes(image.label)) known.labels.push(image.label)
      continue
    }
    const entry = { image, labels: [image.label] }
    if (image.digest !== undefined) byDigest.set(image.digest, entry)
    out.push(entry)
  }
  return out.map(({ image, labels }) => ({ ...image, label: labels.join(' · ') }))
}
