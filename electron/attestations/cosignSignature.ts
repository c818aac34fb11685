// A cosign signature layer: the simple-signing payload (what was signed: the image digest,
// the reference, the type) and the annotations cosign writes beside it — the signature, the
// Fulcio certificate and chain, the Rekor bundle. Labelled "not verified" unless a public key
// was given, in which case the signature is checked over the payload bytes exactly.

import type { CosignSignature, RawPart, TransparencyLogEntry } from '../../shared/api/attestations'
import type { Annotations } from '../../shared/oci/types'
import { readPemCertificates } from './certificates'
import { num, parseJson, readJson, rec, str, utf8, isRecord, shortText } from './jsonFields'
import { MAX_RAW_PREVIEW } from './limits'
import { rawPart } from './rawPart'
import { matchDigest } from './subjectMatch'
import { fromBase64, verifyWithKey, type VerifyingKey } from './verifySignature'

export const SIMPLE_SIGNING_TYPE = 'application/vnd.dev.cosign.simplesigning.v1+json'
export const COSIGN_SIGNATURE_ANNOTATION = 'dev.cosignproject.cosign/signature'
export const COSIGN_CERTIFICATE_ANNOTATION = 'dev.sigstore.cosign/certificate'
export const COSIGN_CHAIN_ANNOTATION = 'dev.sigstore.cosign/chain'
export const COSIGN_BUNDLE_ANNOTATION = 'dev.sigstore.cosign/bundle'

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
  const certificatePem = annotations[COSIGN_CERTIFICATE_ANNOTATION]
  const chainPem = annotations[COSIGN_CHAIN_ANNOTATION]
  const certificates =
    certificatePem !== undefined ? readPemCertificates(certificatePem) : undefined
  const chain = chainPem !== undefined ? readPemCertificates(chainPem) : undefined
  const certificateError =
    certificates !== undefined && 'problem' in certificates
      ? certificates.problem('certificate')
      : chain !== undefined && 'problem' in chain
        ? chain.problem('chain')
        : undefined
  const certificateRaw =
    certificates !== undefined && 'problem' in certificates
      ? certificatePem
      : chain !== undefined && 'problem' in chain
        ? chainPem
        : undefined
  const bundle = annotations[COSIGN_BUNDLE_ANNOTATION]
  const transparencyLog = bundle !== undefined ? readRekorBundle(bundle) : undefined
  const keyless = certificatePem !== undefined
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
    ...(certificates !== undefined && 'certificates' in certificates && certificates.certificates[0]
      ? { certificate: certificates.certificates[0] }
      : {}),
    chain: chain !== undefined && 'certificates' in chain ? chain.certificates : [],
    ...(certificateError !== undefined ? { certificateError } : {}),
    ...(certificateRaw !== undefined
      ? { certificateRaw: certificateRaw.slice(0, MAX_RAW_PREVIEW) }
      : {}),
    ...(transparencyLog !== undefined ? { transparencyLog } : {}),
    verification: verifyWithKey(
      key,
      payload,
      signature,
      keyless ? { kind: 'keyless' } : { kind: 'noKey', signed: 'signature' },
    ),
  }
}

/** cosign's bundle annotation: {"SignedEntryTimestamp", "Payload": {body, integratedTime, logIndex, logID}}. */
export function readRekorBundle(text: string): TransparencyLogEntry | undefined {
  const parsed = parseJson(text)
  if (!parsed.ok) return undefined
  const payload = rec(parsed.value, 'Payload')
  if (payload === undefined) return undefined
  const integrated = num(payload, 'integratedTime')
  const logIndex = num(payload, 'logIndex')
  const logId = str(payload, 'logID')
  const body = str(payload, 'body')
  const kind = body !== undefined ? entryKind(body) : undefined
  return {
    ...(logIndex !== undefined ? { logIndex } : {}),
    ...(integrated !== undefined
      ? { integratedTime: new Date(integrated * 1000).toISOString() }
      : {}),
    ...(logId !== undefined ? { logId } : {}),
    ...(kind !== undefined ? { kind } : {}),
  }
}

/** A Rekor entry body (base64 JSON) → "hashedrekord 0.0.1". */
function entryKind(base64: string): string | undefined {
  const bytes = fromBase64(base64)
  if (bytes === undefined) return undefined
  const text = utf8(bytes)
  if (text === undefined) return undefined
  const parsed = parseJson(text)
  if (!parsed.ok || !isRecord(parsed.value)) return undefined
  const kind = str(parsed.value, 'kind')
  const version = str(parsed.value, 'apiVersion')
  return kind === undefined ? undefined : version !== undefined ? `${kind} ${version}` : kind
}
