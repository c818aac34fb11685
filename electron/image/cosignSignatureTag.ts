// cosign (before its OCI 1.1 mode) keeps an image's signatures in the same repository under
// the tag `<alg>-<hex>.sig` (an image whose layers are simple-signing payloads) and its in-toto
// attestations under `<alg>-<hex>.att` (layers that are DSSE envelopes, each annotated with
// its predicateType). Strata lists both tags among the subject's referrers, named by their tag
// in the ref.name annotation, so the graph and the details panel show them beside what the
// Referrers API lists.

import { parseManifestBytes } from '../../shared/oci/parseManifest'
import type { Digest } from '../../shared/oci/types'
import type { RegistryClient } from '../registry/registryClient'
import type { Referrer } from './referrerTypes'
import { fallbackTagFor } from './referrersIndex'

export const SIMPLE_SIGNING_TYPE = 'application/vnd.dev.cosign.simplesigning.v1+json'
export const DSSE_ENVELOPE_TYPE = 'application/vnd.dsse.envelope.v1+json'
const REF_NAME = 'org.opencontainers.image.ref.name'

export function cosignSignatureTagFor(subject: Digest): string {
  return `${fallbackTagFor(subject)}.sig`
}

export function cosignAttestationTagFor(subject: Digest): string {
  return `${fallbackTagFor(subject)}.att`
}

/** The `.sig` and `.att` tags that exist for the subject, as referrers (signatures first). */
export async function findCosignTags(
  client: Pick<RegistryClient, 'getManifest'>,
  repository: string,
  subject: Digest,
  signal?: AbortSignal,
): Promise<Referrer[]> {
  const found = await Promise.all(
    [cosignSignatureTagFor(subject), cosignAttestationTagFor(subject)].map((tag) =>
      findCosignTag(client, repository, tag, signal),
    ),
  )
  return found.filter((r): r is Referrer => r !== undefined)
}

/**
 * A cosign tag's manifest as a referrer, or undefined when there is none. Any failure other
 * than a cancel counts as "no such tag": it must never hide the listed referrers.
 */
async function findCosignTag(
  client: Pick<RegistryClient, 'getManifest'>,
  repository: string,
  tag: string,
  signal?: AbortSignal,
): Promise<Referrer | undefined> {
  try {
    const fetched = await client.getManifest(repository, tag, signal ? { signal } : {})
    const parsed = parseManifestBytes(fetched.bytes, fetched.descriptor.mediaType)
    if (parsed.kind !== 'manifest') return undefined
    const { document } = parsed
    // cosign writes no artifactType: the layers say what the tag holds.
    const layerType = [SIMPLE_SIGNING_TYPE, DSSE_ENVELOPE_TYPE].find((type) =>
      document.layers.some((l) => l.mediaType === type),
    )
    const artifactType = document.artifactType ?? layerType ?? document.config.mediaType
    return {
      digest: fetched.descriptor.digest,
      mediaType: fetched.descriptor.mediaType,
      size: fetched.descriptor.size,
      artifactType,
      annotations: { ...document.annotations, [REF_NAME]: tag },
    }
  } catch (error) {
    if (signal?.aborted === true) throw error
    return undefined
  }
}
