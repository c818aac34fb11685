// A Sigstore bundle (cosign 3 referrers, GitHub artifact attestations): a DSSE envelope plus
// its verification material — the signing certificate or chain, or a public key hint, and
// the transparency-log entries. The envelope is decoded like any other; the material is
// decoded for display only (checking it needs the Sigstore trust roots).

import type {
  BundleMaterial,
  DecodedPart,
  TransparencyLogEntry,
} from '../../shared/api/attestations'
import { readDerCertificate } from './certificates'
import { list, num, rec, str } from './jsonFields'
import { decodeEnvelope } from './inTotoStatement'
import { rawPart } from './rawPart'
import type { VerifyingKey } from './verifySignature'

export function isSigstoreBundle(document: unknown): boolean {
  return (str(document, 'mediaType') ?? '').startsWith('application/vnd.dev.sigstore.bundle')
}

export function decodeSigstoreBundle(
  document: unknown,
  bytes: Uint8Array,
  imageDigest: string | undefined,
  key: VerifyingKey | undefined,
): DecodedPart {
  const envelope = rec(document, 'dsseEnvelope')
  const material = bundleMaterial(document)
  if (envelope === undefined) {
    const logIndexes = material.transparencyLog
      .map((e) => e.logIndex)
      .filter((i) => i !== undefined)
    return rawPart(bytes, { kind: 'bundleMessageSignature', logIndexes })
  }
  const decoded = decodeEnvelope(envelope, bytes, imageDigest, key)
  return decoded.kind === 'in-toto' ? { ...decoded, bundle: material } : decoded
}

function bundleMaterial(document: unknown): BundleMaterial {
  const material = rec(document, 'verificationMaterial')
  const single = str(rec(material, 'certificate'), 'rawBytes')
  const chain = list(rec(material, 'x509CertificateChain'), 'certificates').map((c) =>
    str(c, 'rawBytes'),
  )
  const certificates = [single, ...chain].flatMap((raw) => {
    const summary = raw !== undefined ? readDerCertificate(raw) : undefined
    return summary !== undefined ? [summary] : []
  })
  const hint = str(rec(material, 'publicKey'), 'hint')
  return {
    mediaType: str(document, 'mediaType') ?? '',
    certificates,
    ...(hint !== undefined ? { publicKeyHint: hint } : {}),
    transparencyLog: list(material, 'tlogEntries').slice(0, 16).map(logEntry),
  }
}

/** A bundle's tlog entry: numbers as strings (protobuf JSON), the log id as base64 keyId. */
function logEntry(entry: unknown): TransparencyLogEntry {
  const logIndex = num(entry, 'logIndex')
  const integrated = num(entry, 'integratedTime')
  const keyId = str(rec(entry, 'logId'), 'keyId')
  const kindVersion = rec(entry, 'kindVersion')
  const kind = str(kindVersion, 'kind')
  const version = str(kindVersion, 'version')
  return {
    ...(logIndex !== undefined ? { logIndex } : {}),
    ...(integrated !== undefined
      ? { integratedTime: new Date(integrated * 1000).toISOString() }
      : {}),
    ...(keyId !== undefined ? { logId: Buffer.from(keyId, 'base64').toString('hex') } : {}),
    ...(kind !== undefined ? { kind: version !== undefined ? `${kind} ${version}` : kind } : {}),
  }
}
