// One blob (a manifest layer, a file, a line of a .jsonl file) → what it is, decoded: a cosign
// signature, a DSSE envelope or plain in-toto statement, a sigstore bundle, a notation JWS,
// an SPDX or CycloneDX SBOM — or shown raw with the reason it is none of these.

import type { DecodedPart } from '../../shared/api/attestations'
import type { Annotations } from '../../shared/oci/types'
import {
  COSIGN_SIGNATURE_ANNOTATION,
  SIMPLE_SIGNING_TYPE,
  decodeCosignSignature,
} from './cosignSignature'
import {
  DSSE_ENVELOPE_TYPE,
  decodeEnvelope,
  decodeStatement,
  isEnvelope,
  isStatement,
} from './inTotoStatement'
import { isRecord, readJson } from './jsonFields'
import { MAX_DECODE_BYTES } from './limits'
import { hasCosignMaterial, readCosignMaterial } from './cosignMaterial'
import { decodeNotationJws } from './notationSignature'
import { rawPart } from './rawPart'
import { decodeSigstoreBundle, isSigstoreBundle } from './sigstoreBundle'
import { readSbom, sbomFormat } from './sbomTable'
import type { VerifyingKey } from './verifySignature'

const COSE_TYPE = 'application/cose'

export interface PartContext {
  readonly mediaType?: string
  readonly annotations?: Annotations
  /** The image digest payloads should name. */
  readonly imageDigest?: string
  readonly key?: VerifyingKey
}

export function decodePart(bytes: Uint8Array, context: PartContext): DecodedPart {
  if (bytes.length > MAX_DECODE_BYTES) {
    return rawPart(bytes, { kind: 'overCap', size: bytes.length, cap: MAX_DECODE_BYTES })
  }
  const annotations = context.annotations ?? {}
  // cosign's `.att` layers carry the signature annotation too, empty: their signatures are
  // inside the DSSE envelope, so they are decoded by what they hold.
  const signatureAnnotation = annotations[COSIGN_SIGNATURE_ANNOTATION] ?? ''
  if (
    context.mediaType === SIMPLE_SIGNING_TYPE ||
    (signatureAnnotation !== '' && context.mediaType !== DSSE_ENVELOPE_TYPE)
  ) {
    return decodeCosignSignature(bytes, annotations, context.imageDigest, context.key)
  }
  if (context.mediaType === COSE_TYPE) {
    return rawPart(bytes, { kind: 'coseSignature' })
  }
  const parsed = readJson(bytes, 'document')
  if (!parsed.ok) return rawPart(bytes, parsed.reason)
  return withCosignMaterial(decodeDocument(parsed.value, bytes, context), annotations)
}

/**
 * A DSSE layer of a keyless `.att` tag: cosign's certificate and log annotations shown with
 * the statement, and "not verified" says why (keyless) rather than asking for a key.
 */
function withCosignMaterial(part: DecodedPart, annotations: Annotations): DecodedPart {
  if (part.kind !== 'in-toto' || part.envelope !== 'dsse' || !hasCosignMaterial(annotations)) {
    return part
  }
  const { material, keyless } = readCosignMaterial(annotations)
  return {
    ...part,
    cosign: material,
    ...(keyless && part.verification.status === 'not-verified'
      ? { verification: { status: 'not-verified', reason: { kind: 'keyless' } } }
      : {}),
  }
}

/** A parsed JSON document, by its shape. */
export function decodeDocument(
  document: unknown,
  bytes: Uint8Array,
  context: PartContext,
): DecodedPart {
  if (!isRecord(document)) return rawPart(bytes, { kind: 'notObject' })
  if (isEnvelope(document)) return decodeEnvelope(document, bytes, context.imageDigest, context.key)
  if (isSigstoreBundle(document)) {
    return decodeSigstoreBundle(document, bytes, context.imageDigest, context.key)
  }
  if (isStatement(document)) return decodeStatement(document, bytes, context.imageDigest)
  if (typeof document['protected'] === 'string' && typeof document['payload'] === 'string') {
    return decodeNotationJws(document, bytes, context.imageDigest)
  }
  if (sbomFormat(document) !== undefined) {
    const sbom = readSbom(document)
    return 'problem' in sbom
      ? rawPart(bytes, { kind: 'sbomUnreadable', problem: sbom.problem })
      : { kind: 'sbom', sbom }
  }
  if (typeof document['payloadType'] === 'string' || Array.isArray(document['signatures'])) {
    return rawPart(bytes, { kind: 'dsseMalformed' })
  }
  return rawPart(bytes, { kind: 'unknownDocument' })
}
