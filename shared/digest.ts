// OCI content digests ("algorithm:encoded"): parsing, short display, hashing and verification.
// Hashing uses Web Crypto so the same code runs in Node 20 and in the renderer.

import { StrataError } from './errors'

export type DigestAlgorithm = 'sha256' | 'sha512'

export interface ParsedDigest {
  readonly algorithm: DigestAlgorithm
  readonly encoded: string
}

// image-spec descriptor.md: algorithm components joined by [+._-], encoded [a-zA-Z0-9=_-]+.
const DIGEST_GRAMMAR = /^([a-z0-9]+(?:[+._-][a-z0-9]+)*):([a-zA-Z0-9=_-]+)$/

const HEX_LENGTH: Readonly<Record<DigestAlgorithm, number>> = { sha256: 64, sha512: 128 }

const WEB_CRYPTO_NAME: Readonly<Record<DigestAlgorithm, string>> = {
  sha256: 'SHA-256',
  sha512: 'SHA-512',
}

function isKnownAlgorithm(algorithm: string): algorithm is DigestAlgorithm {
  return algorithm === 'sha256' || algorithm === 'sha512'
}

/** Parses and checks a digest; throws BAD_INPUT saying what is wrong with it. */
export function parseDigest(s: string): ParsedDigest {
  const match = DIGEST_GRAMMAR.exec(s)
  if (!match) {
    throw new StrataError(
      'BAD_INPUT',
      `"${s}" is not a digest: expected "algorithm:hex", for example "sha256:" followed by 64 hex digits`,
      { subject: s },
    )
  }
  const algorithm = match[1] ?? ''
  const encoded = match[2] ?? ''
  if (!isKnownAlgorithm(algorithm)) {
    throw new StrataError(
      'BAD_INPUT',
      `digest algorithm "${algorithm}" is not supported (use sha256 or sha512)`,
      { subject: s },
    )
  }
  const length = HEX_LENGTH[algorithm]
  if (encoded.length !== length || !/^[a-f0-9]+$/.test(encoded)) {
    throw new StrataError(
      'BAD_INPUT',
      `${algorithm} digest must be ${length} lowercase hex digits, got "${encoded}" (${encoded.length} characters)`,
      { subject: s },
    )
  }
  return { algorithm, encoded }
}

export function isDigest(s: string): boolean {
  try {
    parseDigest(s)
    return true
  } catch {
    return false
  }
}

/** "sha256:0123456789ab": the algorithm and the first hexChars of the encoded part. */
export function shortDigest(d: string, hexChars = 12): string {
  const colon = d.indexOf(':')
  if (colon < 0) return d.slice(0, hexChars)
  return d.slice(0, colon + 1 + hexChars)
}

export async function computeDigest(
  bytes: Uint8Array,
  algorithm: DigestAlgorithm = 'sha256',
): Promise<string> {
  if (!isKnownAlgorithm(algorithm)) {
    throw new StrataError('BAD_INPUT', `digest algorithm "${String(algorithm)}" is not supported`)
  }
  // Web Crypto wants a view on a plain ArrayBuffer; copy only when the input is on a shared one.
  const view: Uint8Array<ArrayBuffer> =
    bytes.buffer instanceof ArrayBuffer
      ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
      : new Uint8Array(bytes)
  const hash = await globalThis.crypto.subtle.digest(WEB_CRYPTO_NAME[algorithm], view)
  return `${algorithm}:${toHex(new Uint8Array(hash))}`
}

/**
 * Refuses bytes that do not match their descriptor: SIZE_MISMATCH when the length differs
 * (checked first, it is cheap), DIGEST_MISMATCH when the hash differs.
 */
export async function verifyBytes(
  bytes: Uint8Array,
  expectedDigest: string,
  expectedSize?: number,
): Promise<void> {
  const { algorithm } = parseDigest(expectedDigest)
  if (expectedSize !== undefined && bytes.byteLength !== expectedSize) {
    throw new StrataError(
      'SIZE_MISMATCH',
      `content for ${expectedDigest} is ${bytes.byteLength} bytes, but its descriptor says ${expectedSize}`,
      { expectedDigest, subject: expectedDigest },
    )
  }
  const actualDigest = await computeDigest(bytes, algorithm)
  if (actualDigest !== expectedDigest) {
    throw new StrataError(
      'DIGEST_MISMATCH',
      `content was expected to hash to ${expectedDigest} but hashes to ${actualDigest}; refused`,
      { expectedDigest, actualDigest },
    )
  }
}

function toHex(bytes: Uint8Array): string {
  let out = ''
  for (const b of bytes) out += b.toString(16).padStart(2, '0')
  return out
}
