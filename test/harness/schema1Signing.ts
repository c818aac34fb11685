// Builds signed Docker schema 1 manifests the way Docker 1.x clients pushed them, for tests:
// the document pretty-printed with three-space indents, then a "pretty JWS" signature (ES256
// over an EC P-256 key, the public key embedded as a JWK) spliced in before the closing brace.
// Distribution refuses unsigned schema 1 pushes (MANIFEST_INVALID) and checks this signature
// with the embedded key, so a fixture has to be signed for real. Test code only.

import { createHash, generateKeyPairSync, sign } from 'node:crypto'
import type { KeyObject } from 'node:crypto'

export interface Schema1Fixture {
  readonly name: string
  readonly tag: string
  readonly architecture: string
  /** Top layer first, as schema 1 lists them. */
  readonly fsLayers: readonly { readonly blobSum: string }[]
  /** history[i].v1Compatibility describes fsLayers[i]; written as JSON strings. */
  readonly history: readonly Readonly<Record<string, unknown>>[]
}

export interface SignedSchema1 {
  /** What is PUT: the payload with its signatures. */
  readonly signed: Uint8Array
  /** The document without signatures: what the manifest digest is computed over. */
  readonly payload: Uint8Array
  /** sha256 of the payload. */
  readonly digest: string
}

export function signSchema1(fixture: Schema1Fixture): SignedSchema1 {
  const document = {
    schemaVersion: 1,
    name: fixture.name,
    tag: fixture.tag,
    architecture: fixture.architecture,
    fsLayers: fixture.fsLayers,
    history: fixture.history.map((entry) => ({ v1Compatibility: JSON.stringify(entry) })),
  }
  const payload = Buffer.from(JSON.stringify(document, null, 3))
  // The signed bytes keep the payload up to its closing "\n}"; the header says how to cut back.
  const formatLength = payload.lastIndexOf('\n}')
  const formatTail = payload.subarray(formatLength)
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const protectedHeader = Buffer.from(
    JSON.stringify({
      formatLength,
      formatTail: formatTail.toString('base64url'),
      time: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    }),
  ).toString('base64url')
  const signingInput = `${protectedHeader}.${payload.toString('base64url')}`
  const signature = sign('sha256', Buffer.from(signingInput), {
    key: privateKey,
    dsaEncoding: 'ieee-p1363',
  })
  const signatures = [
    {
      header: { jwk: publicJwk(publicKey), alg: 'ES256' },
      signature: signature.toString('base64url'),
      protected: protectedHeader,
    },
  ]
  const indented = JSON.stringify(signatures, null, 3).replace(/\n/g, '\n   ')
  const signed = Buffer.concat([
    payload.subarray(0, formatLength),
    Buffer.from(`,\n   "signatures": ${indented}`),
    formatTail,
  ])
  return {
    signed: new Uint8Array(signed),
    payload: new Uint8Array(payload),
    digest: `sha256:${createHash('sha256').update(payload).digest('hex')}`,
  }
}

/** The JWK libtrust expects, with its key id: SHA-256 of the SPKI DER, 240 bits in base32. */
function publicJwk(publicKey: KeyObject): Record<string, string> {
  const jwk = publicKey.export({ format: 'jwk' })
  const der = publicKey.export({ format: 'der', type: 'spki' })
  const fingerprint = createHash('sha256').update(der).digest().subarray(0, 30)
  const kid = (base32(fingerprint).match(/.{4}/g) ?? []).join(':')
  return { crv: 'P-256', kid, kty: 'EC', x: String(jwk.x), y: String(jwk.y) }
}

function base32(bytes: Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  let out = ''
  let bits = 0
  let value = 0
  for (const byte of bytes) {
    value = ((value << 8) | byte) & 0xffff
    bits += 8
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31]
  return out
}
