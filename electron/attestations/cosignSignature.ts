// A cosign signature layer: the simple-signing payload (what was signed: the image digest,
// the reference, the type) and the annotations cosign writes beside it — the signature, the
// Fulcio certificate and chain, the Rekor bundle. Labelled "not verified" unless a public key
// was given, in which case the signature is checked over the payload bytes exactly.

import type { CosignSignature, RawPart } from '../../shared/api/attestations'
import type { Annotations } from '../../shared/oci/types'
import { readCosignMaterial } from './cosignMaterial'
import { readJson, rec, str, shortText } from './jsonFields'
import { rawPart } from './rawPart'
import { matchDigest } from './subjectMatch'
import { verifyWithKey, type VerifyingKey } from './verifySignature'

export const SIMPLE_SIGNING_TYPE = 'application/vnd.dev.cosign.simplesigning.v1+json'
export const COSIGN_SIGNATURE_ANNOTATION = 'dev.cosignproject.cosign/signature'

export function decodeCosignSignature(
  payload: Uint8Array,
  annotations: Annotations,
  imageDigest: string | undefined,
  key: VerifyingKey | undefined,
): CosignSignature | RawPart {
  const parsed = readJson(payload, 'simpleSigningPayload')
  if (!parsed.ok) return rawPart(payload, parsed.reason)
  const critical = rec(parsed.value, 'critical')
  if (critical === undefined) return rawPart(payload, { kind: 'noCriticalSection' })
  const signedDigest = str(rec(critical, 'image'), 'docker-manifest-digest')
  const dockerReference = str(rec(critical, 'identity'), 'docker-reference')
  const type = str(critical, 'type')
  const optionalSection = rec(parsed.value, 'optional') ?? {}
  const signature = annotations[COSIGN_SIGNATURE_ANNOTATION]
  const { material, keyless } = readCosignMaterial(annotations)
  return {
    kind: 'cosign-signature',
    ...(signedDigest !== undefined ? { signedDigest } : {}),
    ...(dockerReference !== undefined ? { dockerReference } : {}),
    ...(type !== undefined ? { type } : {}),
    optional: Object.entries(optionalSection).map(([name, value]) => ({
      name,
      value: shortText(value),
    })),
    match: matchDigest(signedDigest, imageDigest),
    ...(signature !== undefined ? { signature } : {}),
    ...material,
    verification: verifyWithKey(
      key,
      payload,
      signature,
      keyless ? { kind: 'keyless' } : { kind: 'noKey', signed: 'signature' },
    ),
  }
}
