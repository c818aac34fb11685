// notation signatures in JWS form, written by the harness from the notation spec (payload
// naming the target artifact, x5c chain from an openssl certificate): decoded, matched
// against the image, always "not verified" (notation needs a trust policy); broken JWS raw.

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { decodePart } from '../../../electron/attestations/decodePart'
import { makeCertificatePem } from '../../harness/signatures'

const IMAGE = `sha256:${'ef'.repeat(32)}`
const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url')

function jws(digest: string): Uint8Array {
  const der = makeCertificatePem('notary@example.com')
    .replace(/-----(BEGIN|END) CERTIFICATE-----/g, '')
    .replace(/\s+/g, '')
  return new TextEncoder().encode(
    JSON.stringify({
      payload: b64url({
        targetArtifact: {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          digest,
          size: 1234,
        },
      }),
      protected: b64url({ alg: 'ES256', cty: 'application/vnd.cncf.notary.payload.v1+json' }),
      header: { x5c: [der] },
      signature: Buffer.from('not checked').toString('base64url'),
    }),
  )
}

test('a notation JWS (written by the harness from the spec): target, chain, not verified', () => {
  const part = decodePart(jws(IMAGE), { imageDigest: IMAGE })
  assert.equal(part.kind, 'notation-signature')
  if (part.kind !== 'notation-signature') return
  assert.equal(part.signedDigest, IMAGE)
  assert.equal(part.match, 'matches')
  assert.equal(part.algorithm, 'ES256')
  assert.deepEqual(part.certificates[0]?.subjectAltNames, ['email:notary@example.com'])
  assert.equal(part.verification.status, 'not-verified')
  const other = decodePart(jws(`sha256:${'0'.repeat(64)}`), { imageDigest: IMAGE })
  assert.equal(other.kind === 'notation-signature' && other.match, 'does-not-match')
})

test('a COSE notation signature is shown raw with the reason', () => {
  const part = decodePart(new Uint8Array([0xd2, 0x84, 0x58, 0x1f, 0x00]), {
    mediaType: 'application/cose',
  })
  assert.deepEqual(part.kind === 'raw' && part.reason, { kind: 'coseSignature' })
  assert.deepEqual(part.kind === 'raw' && part.preview, { kind: 'binary', size: 5 })
})

test('a JWS with an unreadable payload is shown raw with the reason', () => {
  const broken = new TextEncoder().encode('{"payload": "***", "protected": "***", "signature": ""}')
  const part = decodePart(broken, {})
  assert.deepEqual(part.kind === 'raw' && part.reason, { kind: 'jwsUnreadable' })
})
