// in-toto statements: inside a DSSE envelope (payload base64, signatures over PAE(type,
// payload)) or as a plain statement (buildx attestation layers, application/vnd.in-toto+json).
// Subjects are matched against the image's digest; SLSA provenance is summarised and SPDX /
// CycloneDX predicates become a package table.

import type { InTotoStatement, RawPart, Verification } from '../../shared/api/attestations'
import { digestSet, isRecord, list, readJson, rec, str } from './jsonFields'
import { preAuthEncoding } from './pae'
import { isProvenanceType, summarizeProvenance } from './provenance'
import { rawPart } from './rawPart'
import { readSbom } from './sbomTable'
import { matchDigestSet } from './subjectMatch'
import { fromBase64, verifyWithKey, type VerifyingKey } from './verifySignature'

export const DSSE_ENVELOPE_TYPE = 'application/vnd.dsse.envelope.v1+json'
export const IN_TOTO_TYPE = 'application/vnd.in-toto+json'

/** Does a parsed document look like a DSSE envelope (payloadType, payload, signatures)? */
export function isEnvelope(document: unknown): boolean {
  return (
    isRecord(document) &&
    typeof document['payloadType'] === 'string' &&
    typeof document['payload'] === 'string'
  )
}

/** Does a parsed document look like an in-toto statement (_type …in-toto.io/Statement…)? */
export function isStatement(document: unknown): boolean {
  return /in-toto\.io\/Statement/.test(str(document, '_type') ?? '')
}

/** A DSSE envelope, already parsed; `bytes` are the envelope's own bytes (for the raw view). */
export function decodeEnvelope(
  envelope: unknown,
  bytes: Uint8Array,
  imageDigest: string | undefined,
  key: VerifyingKey | undefined,
): InTotoStatement | RawPart {
  const payloadType = str(envelope, 'payloadType')
  const payloadText = str(envelope, 'payload')
  if (payloadType === undefined || payloadText === undefined) {
    return rawPart(bytes, { kind: 'dsseMalformed' })
  }
  const payload = fromBase64(payloadText)
  if (payload === undefined) return rawPart(bytes, { kind: 'dssePayloadNotBase64' })
  const signatures = list(envelope, 'signatures').flatMap((s) => {
    const sig = str(s, 'sig')
    if (sig === undefined) return []
    const keyid = str(s, 'keyid')
    return [{ sig, ...(keyid !== undefined && keyid !== '' ? { keyid } : {}) }]
  })
  if (signatures.length === 0) return rawPart(bytes, { kind: 'dsseNoSignatures' })
  const statement = readJson(payload, 'dssePayload')
  if (!statement.ok) return rawPart(payload, statement.reason)
  if (!isStatement(statement.value)) {
    return rawPart(payload, { kind: 'dssePayloadNotStatement', payloadType })
  }
  const signed = preAuthEncoding(payloadType, payload)
  const verification = verifyAny(
    key,
    signed,
    signatures.map((s) => s.sig),
  )
  return decodeStatement(statement.value, payload, imageDigest, {
    envelope: 'dsse',
    payloadType,
    signatures,
    verification,
  })
}

/** DSSE allows several signatures: verified when one of them checks with the key. */
function verifyAny(
  key: VerifyingKey | undefined,
  signed: Uint8Array,
  signatures: readonly string[],
): Verification {
  const noKey = { kind: 'noKey', signed: 'envelope' } as const
  let last: Verification = verifyWithKey(key, signed, signatures[0], noKey)
  for (const sig of signatures.slice(1)) {
    if (last.status !== 'failed') break
    last = verifyWithKey(key, signed, sig, noKey)
  }
  return last
}

/** A statement already parsed (plain or out of an envelope). */
export function decodeStatement(
  statement: unknown,
  bytes: Uint8Array,
  imageDigest: string | undefined,
  wrapping: Pick<InTotoStatement, 'envelope' | 'signatures' | 'verification'> & {
    readonly payloadType?: string
  } = {
    envelope: 'none',
    signatures: [],
    verification: { status: 'not-verified', reason: { kind: 'unsigned' } },
  },
): InTotoStatement | RawPart {
  const statementType = str(statement, '_type')
  const predicateType = str(statement, 'predicateType')
  if (statementType === undefined || predicateType === undefined) {
    return rawPart(bytes, { kind: 'statementFields' })
  }
  const subjects = list(statement, 'subject').map((subject) => {
    const digests = digestSet(rec(subject, 'digest'))
    return {
      name: str(subject, 'name') ?? '',
      digests,
      match: matchDigestSet(digests, imageDigest),
    }
  })
  const subjectMatch = subjects.some((s) => s.match === 'matches')
    ? 'matches'
    : subjects.some((s) => s.match === 'does-not-match')
      ? 'does-not-match'
      : 'unknown'
  const predicate = isRecord(statement) ? statement['predicate'] : undefined
  const provenance = isProvenanceType(predicateType)
    ? summarizeProvenance(predicateType, predicate)
    : undefined
  const sbom = /spdx|cyclonedx/i.test(predicateType) ? readSbom(predicate) : undefined
  return {
    kind: 'in-toto',
    ...wrapping,
    statementType,
    predicateType,
    subjects,
    subjectMatch,
    ...(provenance !== undefined ? { provenance } : {}),
    ...(sbom !== undefined && 'packages' in sbom ? { sbom } : {}),
  }
}
