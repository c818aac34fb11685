// Referrers inside an OCI layout: the manifests listed in its index.json whose `subject` is the
// manifest asked about (what `oras attach --oci-layout` and the bundled artifacts sample
// leave). A layout has no Referrers API; index.json is the whole list. Each candidate is read
// through the source, so it is verified against its digest like every other manifest.

import { MEDIA_TYPES } from '../../../shared/oci/mediaTypes'
import type { Descriptor, Digest } from '../../../shared/oci/types'
import type { Referrer } from '../../../shared/api/image'
import { parseSourceRef } from '../../../shared/sourceRef'
import type { OciLayoutImageSource } from '../../sources/imageSource'
import { readLayoutIndex } from './ociLayoutIndex'

/** index.json entries that can carry a subject (OCI manifests and indexes). */
const SUBJECT_TYPES = new Set<string>([MEDIA_TYPES.ociManifest, MEDIA_TYPES.ociIndex])
/** Bounds the work for a layout of many images: referrers are searched among this many. */
const MAX_CANDIDATES = 1000
const EMPTY_CONFIG = 'application/vnd.oci.empty.v1+json'

/** What refers to `subject` in the layout, optionally only of one artifactType. */
export async function findLayoutReferrers(
  source: OciLayoutImageSource,
  subject: Digest,
  options: { readonly artifactType?: string; readonly signal?: AbortSignal } = {},
): Promise<Referrer[]> {
  const all = (await layoutReferrers(source, options.signal)).get(subject) ?? []
  const wanted = options.artifactType
  return wanted === undefined ? all : all.filter((r) => r.artifactType === wanted)
}

/**
 * Every referrer in the layout by the digest of its subject: index.json read once, each
 * candidate manifest once (a graph asks about several subjects).
 */
export async function layoutReferrers(
  source: OciLayoutImageSource,
  signal?: AbortSignal,
): Promise<Map<Digest, Referrer[]>> {
  const bySubject = new Map<Digest, Referrer[]>()
  const ref = parseSourceRef(source.ref)
  if (ref.transport !== 'oci') return bySubject
  const layout = await readLayoutIndex(ref.path)
  const seen = new Set<string>()
  const candidates: Descriptor[] = []
  for (const entry of layout.index.manifests) {
    if (!SUBJECT_TYPES.has(entry.mediaType) || seen.has(entry.digest)) continue
    seen.add(entry.digest)
    if (candidates.push(entry) >= MAX_CANDIDATES) break
  }
  for (const candidate of candidates) {
    signal?.throwIfAborted()
    const { parsed } = await source.fetchManifest(candidate, signal ? { signal } : {})
    if (parsed.kind !== 'manifest' && parsed.kind !== 'index') continue
    const document = parsed.document
    const subject = document.subject?.digest
    if (subject === undefined) continue
    const configType = parsed.kind === 'manifest' ? parsed.document.config.mediaType : undefined
    const artifactType =
      document.artifactType ?? (configType !== EMPTY_CONFIG ? configType : undefined)
    const list = bySubject.get(subject) ?? []
    list.push({
      digest: candidate.digest,
      mediaType: candidate.mediaType,
      size: candidate.size,
      ...(artifactType !== undefined ? { artifactType } : {}),
      ...(document.annotations !== undefined ? { annotations: document.annotations } : {}),
    })
    bySubject.set(subject, list)
  }
  return bySubject
}
