// cosign simple-signing payloads written by the harness from the spec (node:crypto keys,
// openssl certificates): decoded, matched against the image, verified offline with the right
// key, refused with a wrong key or a tampered payload, and shown raw when malformed.

import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { decodePart } from '../../../electron/attestations/decodePart'
import { readPublicKey } from '../../../electron/attestations/verifySignature'
import {
  SIMPLE_SIGNING,
  generateSigningKey,
  makeCertificatePem,
  rekorBundleAnnotation,
  signBytes,
  simpleSigningPayload,
} from '../../harness/signatures'

const IMAGE = `sha256:${'ab'.repeat(32)}`
const OTHER = `sha256:${'cd'.repeat(32)}`

function signed(key = generateSigningKey('ecdsa-p256'), digest = IMAGE) {
  const payload = simpleSigningPayload(digest, '127.0.0.1:5000/demo/app')
  const annotations = { 'dev.cosignproject.cosign/signature': signBytes(key, payload) }
  return { key, payload, annotations }
}

describe('cosign signatures (written by the harness from the spec)', () => {
  it('decodes the payload and says "not verified" without a key', () => {
    const { payload, annotations } = signed()
    const part = decodePart(payload, { mediaType: SIMPLE_SIGNING, annotations, imageDigest: IMAGE })
    assert.equal(part.kind, 'cosign-signature')
    if (part.kind !== 'cosign-signature') return
    assert.equal(part.signedDigest, IMAGE)
    assert.equal(part.dockerReference, '127.0.0.1:5000/demo/app')
    assert.equal(part.type, 'cosign container image signature')
    assert.deepEqual(part.optional, [{ name: 'creator', value: 'strata test harness' }])
    assert.equal(part.match, 'matches')
    assert.equal(part.verification.status, 'not-verified')
  })

  it('verifies an ECDSA P-256 signature with the right key and fails with another', () => {
    const { key, payload, annotations } = signed()
    const right = decodePart(payload, {
      mediaType: SIMPLE_SIGNING,
      annotations,
      imageDigest: IMAGE,
      key: readPublicKey(key.publicKeyPem),
    })
    assert.equal(right.kind === 'cosign-signature' && right.verification.status, 'verified')
    const wrong = decodePart(payload, {
      mediaType: SIMPLE_SIGNING,
      annotations,
      imageDigest: IMAGE,
      key: readPublicKey(generateSigningKey('ecdsa-p256').publicKeyPem),
    })
    assert.equal(wrong.kind === 'cosign-signature' && wrong.verification.status, 'failed')
  })

  it('verifies Ed25519, and a tampered payload fails with the right key', () => {
    const { key, payload, annotations } = signed(generateSigningKey('ed25519'))
    const publicKey = readPublicKey(key.publicKeyPem)
    const good = decodePart(payload, { mediaType: SIMPLE_SIGNING, annotations, key: publicKey })
    assert.equal(good.kind === 'cosign-signature' && good.verification.status, 'verified')
    assert.match(
      good.kind === 'cosign-signature' && good.verification.status === 'verified'
        ? good.verification.algorithm
        : '',
      /Ed25519/,
    )
    const tampered = simpleSigningPayload(OTHER, '127.0.0.1:5000/demo/app')
    const bad = decodePart(tampered, { mediaType: SIMPLE_SIGNING, annotations, key: publicKey })
    assert.equal(bad.kind === 'cosign-signature' && bad.verification.status, 'failed')
  })

  it('says a payload naming another digest does not match this image', () => {
    const { payload, annotations } = signed(undefined, OTHER)
    const part = decodePart(payload, { mediaType: SIMPLE_SIGNING, annotations, imageDigest: IMAGE })
    assert.equal(part.kind === 'cosign-signature' && part.match, 'does-not-match')
  })

  it('decodes the certificate (openssl) and the Rekor bundle, keyless stays not verified', () => {
    const { payload, annotations } = signed()
    const certificatePem = makeCertificatePem('signer@example.com')
    const part = decodePart(payload, {
      mediaType: SIMPLE_SIGNING,
      annotations: {
        ...annotations,
        'dev.sigstore.cosign/certificate': certificatePem,
        'dev.sigstore.cosign/chain': certificatePem,
        'dev.sigstore.cosign/bundle': rekorBundleAnnotation({
          logIndex: 123456,
          integratedTime: 1767225600,
          logId: 'c0d23d6ad406973f9559f3ba2d1ca01f84147d8ffc5b8445c224f98b9591801d',
        }),
      },
      imageDigest: IMAGE,
    })
    assert.equal(part.kind, 'cosign-signature')
    if (part.kind !== 'cosign-signature') return
    assert.match(part.certificate?.subject ?? '', /CN=sigstore-intermediate/)
    assert.deepEqual(part.certificate?.subjectAltNames, ['email:signer@example.com'])
    assert.equal(part.chain.length, 1)
    assert.equal(part.transparencyLog?.logIndex, 123456)
    assert.equal(part.transparencyLog?.integratedTime, '2026-01-01T00:00:00.000Z')
    assert.equal(part.transparencyLog?.kind, 'hashedrekord 0.0.1')
    assert.equal(part.verification.status, 'not-verified')
    assert.deepEqual(part.verification, { status: 'not-verified', reason: { kind: 'keyless' } })
  })

  it('shows malformed payloads and certificates raw, with the reason', () => {
    const broken = decodePart(new TextEncoder().encode('{"critical": '), {
      mediaType: SIMPLE_SIGNING,
    })
    assert.equal(broken.kind, 'raw')
    assert.deepEqual(broken.kind === 'raw' && broken.reason, {
      kind: 'notJson',
      bytes: 'simpleSigningPayload',
    })
    assert.deepEqual(broken.kind === 'raw' && broken.preview, {
      kind: 'text',
      text: '{"critical": ',
      truncated: false,
    })
    const noCritical = decodePart(new TextEncoder().encode('{"a":1}'), {
      mediaType: SIMPLE_SIGNING,
    })
    assert.deepEqual(noCritical.kind === 'raw' && noCritical.reason, { kind: 'noCriticalSection' })
    const { payload, annotations } = signed()
    const badCert = decodePart(payload, {
      mediaType: SIMPLE_SIGNING,
      annotations: {
        ...annotations,
        'dev.sigstore.cosign/certificate':
          '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----',
      },
    })
    assert.deepEqual(badCert.kind === 'cosign-signature' && badCert.certificateError, {
      kind: 'notDer',
      annotation: 'certificate',
      position: 1,
    })
    assert.match(badCert.kind === 'cosign-signature' ? (badCert.certificateRaw ?? '') : '', /AAAA/)
  })

  it('refuses a public key that is not PEM with BAD_INPUT', () => {
    assert.throws(() => readPublicKey('hello'), { code: 'BAD_INPUT' })
  })
})
