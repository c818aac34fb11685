// buildx lists its attestation manifests in the index beside the platforms, each naming the
// image it describes (vnd.docker.reference.digest, with vnd.docker.reference.type
// attestation-manifest). The graph hangs such a manifest under that image (a 'referrer' edge
// from the image, keeping its place in the index as the edge position) instead of beside the
// platforms; one naming no image of the same index stays listed by the index.

import type { Descriptor, Digest } from '../../shared/oci/types'
import { isAttestationManifest } from '../../shared/oci/platforms'

const DESCRIBED_DIGEST = 'vnd.docker.reference.digest'

/** The sibling manifest an attestation entry describes, if the same index lists it. */
export function describedSibling(
  child: Descriptor,
  siblings: readonly Descriptor[],
): Digest | undefined {
  if (!isAttestationManifest(child)) return undefined
  const described = child.annotations?.[DESCRIBED_DIGEST]
  if (described === undefined || described === child.digest) return undefined
  return siblings.some((s) => s.digest === described && !isAttestationManifest(s))
    ? described
    : undefined
}
