// Gathers the images a sharing view compares from any source: a single-platform image as
// itself, an index expanded into its platform images (attestations and nested indexes
// followed or skipped as the graph does), each with its layer descriptors.

import { platformString } from '../../shared/format'
import { isIndexMediaType } from '../../shared/oci/mediaTypes'
import type { Descriptor } from '../../shared/oci/types'
import type { SharingImageInput } from '../../shared/sharing'
import { isAttestation } from '../graph/graphNodes'
import type { ImageSource, SourceCallOptions } from '../sources/imageSource'
import { Semaphore } from '../util/semaphore'

export interface CollectOptions extends SourceCallOptions {
  /** Prefix for labels; default the source's reference. */
  readonly label?: string
  /** How deep nested indexes are followed. */
  readonly maxDepth?: number
}

/** The images a source's reference names: one, or every platform image of an index. */
export async function collectSharingImages(
  source: ImageSource,
  options: CollectOptions = {},
): Promise<SharingImageInput[]> {
  const root = await source.resolve(options)
  const label = options.label ?? source.ref
  const out: SharingImageInput[] = []
  await visit(source, root, label, 0, options.maxDepth ?? 4, out, new Set(), options)
  return out
}

async function visit(
  source: ImageSource,
  descriptor: Descriptor,
  label: string,
  depth: number,
  maxDepth: number,
  out: SharingImageInput[],
  seen: Set<string>,
  options: SourceCallOptions,
): Promise<void> {
  if (seen.has(descriptor.digest)) return
  seen.add(descriptor.digest)
  const manifest = await source.fetchManifest(descriptor, options)
  const { parsed } = manifest
  if (parsed.kind === 'schema1') return
  if (parsed.kind === 'manifest') {
    out.push({
      label,
      digest: descriptor.digest,
      layers: parsed.document.layers.map((layer) => ({
        digest: layer.digest,
        size: layer.size,
        mediaType: layer.mediaType,
      })),
    })
    return
  }
  if (depth >= maxDepth) return
  for (const child of parsed.document.manifests) {
    if (isAttestation(child)) continue
    const childLabel =
      child.platform !== undefined && !isIndexMediaType(child.mediaType)
        ? `${label} ${platformString(child.platform)}`
        : label
    await visit(source, child, childLabel, depth + 1, maxDepth, out, seen, options)
  }
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
