// A notation signature in JWS form (application/jose+json): the signed payload names the
// target artifact's descriptor; the certificate chain rides in the x5c header. Notation
// signatures are certificate-based and checked against a trust policy Strata does not have,
// so they are shown "not verified". COSE signatures (application/cose) are shown raw.

import type { NotationSignature, RawPart } from '../../shared/api/attestations'
import { readDerCertificate } from './certificates'
import { list, parseJson, rec, str, utf8 } from './jsonFields'
import { rawPart } from './rawPart'
import { matchDigest } from './subjectMatch'
import { fromBase64 } from './verifySignature'

export const NOTATION_ARTIFACT_TYPE = 'application/vnd.cncf.notary.signature'
export const JWS_TYPE = 'application/jose+json'

export function decodeNotationJws(
  document: unknown,
  bytes: Uint8Array,
  imageDigest: string | undefined,
): NotationSignature | RawPart {
  const payload = decodeJsonPart(str(document, 'payload'))
  const header = decodeJsonPart(str(document, 'protected'))
  if (payload === undefined || header === undefined) {
    return rawPart(bytes, { kind: 'jwsUnreadable' })
  }
  const target = rec(payload, 'targetArtifact')
  const signedDigest = str(target, 'digest')
  const signedMediaType = str(target, 'mediaType')
  const algorithm = str(header, 'alg')
  const certificates = list(rec(document, 'header'), 'x5c').flatMap((c) => {
    const summary = typeof c === 'string' ? readDerCertificate(c) : undefined
    return summary !== undefined ? [summary] : []
  })
  return {
    kind: 'notation-signature',
    ...(signedDigest !== undefined ? { signedDigest } : {}),
    ...(signedMediaType !== undefined ? { signedMediaType } : {}),
    match: matchDigest(signedDigest, imageDigest),
    ...(algorithm !== undefined ? { algorithm } : {}),
    certificates,
    verification: { status: 'not-verified', reason: { kind: 'trustPolicy' } },
  }
}

function decodeJsonPart(base64url: string | undefined): unknown {
  if (base64url === undefined) return undefined
  const bytes = fromBase64(base64url)
  if (bytes === undefined) return undefined
  const text = utf8(bytes)
  if (text === undefined) return undefined
  const parsed = parseJson(text)
  return parsed.ok ? parsed.value : undefined
}
