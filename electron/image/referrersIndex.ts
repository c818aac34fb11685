// Reading a referrers list: the OCI index the Referrers API (or the fallback tag) returns,
// turned into referrer descriptors, filtered by artifactType when the registry did not.

import { parseDigest } from '../../shared/digest'
import { StrataError } from '../../shared/errors'
import type { Descriptor, Digest, ImageIndex } from '../../shared/oci/types'
import type { Referrer } from './referrerTypes'

/** The distribution-spec fallback tag for a subject: "<alg>-<hex>", alg ≤ 32, hex ≤ 64 chars. */
export function fallbackTagFor(subject: Digest): string {
  const { algorithm, encoded } = parseDigest(subject)
  return `${algorithm.slice(0, 32)}-${encoded.slice(0, 64)}`
}

export function referrersFromIndex(index: ImageIndex): Referrer[] {
  return index.manifests.map(toReferrer)
}

export function toReferrer(descriptor: Descriptor): Referrer {
  return {
    digest: descriptor.digest,
    mediaType: descriptor.mediaType,
    size: descriptor.size,
    ...(descriptor.artifactType !== undefined ? { artifactType: descriptor.artifactType } : {}),
    ...(descriptor.annotations !== undefined ? { annotations: descriptor.annotations } : {}),
  }
}

export function filterByArtifactType(
  referrers: readonly Referrer[],
  artifactType: string | undefined,
): Referrer[] {
  if (artifactType === undefined) return [...referrers]
  return referrers.filter((r) => r.artifactType === artifactType)
}

// The Referrers API's header and page helpers live with the registry client that calls it.
export { filtersApplied, mergeByDigest as mergeReferrers } from '../registry/referrers'

export function requireIndex(document: unknown, what: string): ImageIndex {
  if (
    typeof document !== 'object' ||
    document === null ||
    !Array.isArray((document as { manifests?: unknown }).manifests)
  ) {
    throw new StrataError('MALFORMED', `${what} is not an OCI index`, { subject: what })
  }
  return document as ImageIndex
}

/** A tag that names a referrers fallback index, not an image ("sha256-<64 hex>"). */
export function isReferrersFallbackTag(tag: string): boolean {
  return /^sha(?:256-[a-f0-9]{64}|512-[a-f0-9]{64})$/.test(tag)
}
