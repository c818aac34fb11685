// Offline verification of a keyed signature with node's crypto: the user pastes a PEM public
// key; ECDSA (P-256, SHA-256, ASN.1 DER signatures as cosign writes them) and Ed25519 are
// checked over exactly the signed bytes. Certificates are never trusted here: a keyless
// (Fulcio) signature stays "not verified", because checking it needs the Sigstore roots.

import { createPublicKey, verify, type KeyObject } from 'node:crypto'
import type { NotVerifiedReason, Verification } from '../../shared/api/attestations'
import { StrataError } from '../../shared/errors'

export interface VerifyingKey {
  readonly key: KeyObject
  /** The digest node's verify takes: "sha256" for ECDSA/RSA, null for Ed25519. */
  readonly hash: string | null
  readonly algorithm: string
}

/** A pasted PEM public key, or BAD_INPUT saying why it is not one Strata can use. */
export function readPublicKey(pem: string): VerifyingKey {
  let key: KeyObject
  try {
    key = createPublicKey({ key: pem, format: 'pem' })
  } catch {
    throw new StrataError(
      'BAD_INPUT',
      'The public key is not a PEM public key ("-----BEGIN PUBLIC KEY-----" …). Paste the cosign.pub file as it is.',
      { subject: 'publicKey' },
    )
  }
  switch (key.asymmetricKeyType) {
    case 'ec': {
      const curve = key.asymmetricKeyDetails?.namedCurve
      const hash = curve === 'secp384r1' ? 'sha384' : curve === 'secp521r1' ? 'sha512' : 'sha256'
      const named = curve !== undefined ? ` ${curve}` : ''
      return { key, hash, algorithm: `ECDSA${named} ${hash.toUpperCase()}` }
    }
    case 'ed25519':
      return { key, hash: null, algorithm: 'Ed25519' }
    case 'rsa':
      return { key, hash: 'sha256', algorithm: 'RSA PKCS#1 v1.5 SHA-256' }
    default:
      throw new StrataError(
        'BAD_INPUT',
        `The public key is a ${key.asymmetricKeyType ?? 'unknown'} key; Strata verifies ECDSA, Ed25519 and RSA keys.`,
        { subject: 'publicKey' },
      )
  }
}

const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/

/** Standard or URL-safe base64 → bytes; undefined when it is not base64. */
export function fromBase64(text: string): Uint8Array | undefined {
  const compact = text.replace(/\s+/g, '')
  if (compact === '' || !BASE64.test(compact)) return undefined
  return new Uint8Array(Buffer.from(compact.replace(/-/g, '+').replace(/_/g, '/'), 'base64'))
}

/** Checks `signatureBase64` over `signed` with the key, or says why nothing was checked. */
export function verifyWithKey(
  key: VerifyingKey | undefined,
  signed: Uint8Array,
  signatureBase64: string | undefined,
  noKeyReason: NotVerifiedReason,
): Verification {
  if (key === undefined) return { status: 'not-verified', reason: noKeyReason }
  if (signatureBase64 === undefined) {
    return { status: 'failed', reason: { kind: 'noSignature' } }
  }
  const signature = fromBase64(signatureBase64)
  if (signature === undefined) {
    return { status: 'failed', reason: { kind: 'signatureNotBase64' } }
  }
  let good: boolean
  try {
    good = verify(key.hash, signed, key.key, signature)
  } catch {
    good = false
  }
  return good
    ? { status: 'verified', algorithm: key.algorithm }
    : { status: 'failed', reason: { kind: 'mismatch', algorithm: key.algorithm } }
}
