// cosign (before its OCI 1.1 mode) keeps an image's signatures in the same repository under
// the tag `<alg>-<hex>.sig`: an image whose layers are simple-signing payloads. Strata lists
// that tag among the subject's referrers, named by its tag in the ref.name annotation, so the
// graph and the details panel show it beside what the Referrers API lists.

import { parseManifestBytes } from '../../shared/oci/parseManifest'
import type { Digest } from '../../shared/oci/types'
import type { RegistryClient } from '../registry/registryClient'
import type { Referrer } from './referrerTypes'
import { fallbackTagFor } from './referrersIndex'

export const SIMPLE_SIGNING_TYPE = 'application/vnd.dev.cosign.simplesigning.v1+json'
const REF_NAME = 'org.opencontainers.image.ref.name'

export function cosignSignatureTagFor(subject: Digest): string {
  return `${fallbackTagFor(subject)}.sig`
}

/**
 * The `.sig` tag's manifest as a referrer, or undefined when there is none. Any failure other
 * than a cancel counts as "no signature tag": it must never hide the listed referrers.
 */
export async function findCosignSignatureTag(
  client: Pick<RegistryClient, 'getManifest'>,
  repository: string,
  subject: Digest,
  signal?: AbortSignal,
): Promise<Referrer | undefined> {
  const tag = cosignSignatureTagFor(subject)
  try {
    const fetched = await client.getManifest(repository, tag, signal ? { signal } : {})
    const parsed = parseManifestBytes(fetched.bytes, fetched.descriptor.mediaType)
    if (parsed.kind !== 'manifest') return undefined
    const { document } = parsed
    const signing = document.layers.some((l) => l.mediaType === SIMPLE_SIGNING_TYPE)
    const artifactType =
      document.artifactType ?? (signing ? SIMPLE_SIGNING_TYPE : document.config.mediaType)
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
