// in-toto statements in DSSE envelopes and buildx-style plain layers, written by the harness
// from the specs: PAE as the DSSE protocol defines it, envelope signatures verified with the
// right key and refused with a wrong one or a changed payload, subjects matched against the
// image, SLSA provenance v0.2 and v1 summarised, cosign 3 Sigstore bundles with their
// certificate and log entry, malformed envelopes shown raw with the reason.

import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { RawReason } from '../../../shared/api/attestations'
import { decodePart } from '../../../electron/attestations/decodePart'
import { preAuthEncoding } from '../../../electron/attestations/pae'
import { readPublicKey } from '../../../electron/attestations/verifySignature'
import {
  DSSE,
  IN_TOTO,
  dsseEnvelope,
  generateSigningKey,
  inTotoStatement,
  makeCertificatePem,
  pae,
  rekorBundleAnnotation,
  sigstoreBundle,
  slsaProvenanceV02,
  slsaProvenanceV1,
} from '../../harness/signatures'

const IMAGE = `sha256:${'12'.repeat(32)}`
const OTHER = `sha256:${'34'.repeat(32)}`
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text)

describe('DSSE and in-toto (written by the harness from the specs)', () => {
  it('encodes PAE as the DSSE protocol spells it', () => {
    const encoded = new TextDecoder().decode(
      preAuthEncoding('http://example.com/HelloWorld', bytes('hello world')),
    )
    // The protocol's own worked example.
    assert.equal(encoded, 'DSSEv1 29 http://example.com/HelloWorld 11 hello world')
    assert.deepEqual(
      preAuthEncoding(IN_TOTO, bytes('{}')),
      new Uint8Array(pae(IN_TOTO, bytes('{}'))),
    )
  })

  it('decodes an envelope, matches its subject and verifies it with the right key only', () => {
    const key = generateSigningKey('ecdsa-p256')
    const statement = inTotoStatement(
      [{ name: 'demo/app', digest: IMAGE }],
      'https://slsa.dev/provenance/v1',
      slsaProvenanceV1('https://github.com/o/r', 'abc123'),
    )
    const envelope = bytes(dsseEnvelope(statement, key))
    const none = decodePart(envelope, { imageDigest: IMAGE })
    assert.equal(none.kind, 'in-toto')
    if (none.kind !== 'in-toto') return
    assert.equal(none.envelope, 'dsse')
    assert.equal(none.payloadType, IN_TOTO)
    assert.deepEqual(
      none.signatures.map((s) => s.keyid),
      ['harness-key'],
    )
    assert.equal(none.subjectMatch, 'matches')
    assert.equal(none.verification.status, 'not-verified')
    assert.equal(none.provenance?.slsaVersion, '1')
    assert.equal(none.provenance?.builderId, 'https://github.com/actions/runner/github-hosted')
    assert.deepEqual(none.provenance?.materials, [
      { uri: 'git+https://github.com/o/r@refs/heads/main', digest: 'gitCommit:abc123' },
    ])
    assert.ok(
      none.provenance?.parameters.some(
        (p) => p.name === 'workflow' && p.value.includes('release.yml'),
      ),
    )

    const right = decodePart(envelope, { imageDigest: IMAGE, key: readPublicKey(key.publicKeyPem) })
    assert.equal(right.kind === 'in-toto' && right.verification.status, 'verified')
    const wrong = decodePart(envelope, {
      key: readPublicKey(generateSigningKey('ed25519').publicKeyPem),
    })
    assert.equal(wrong.kind === 'in-toto' && wrong.verification.status, 'failed')

    // Same signature over a changed payload.
    const parsed = JSON.parse(new TextDecoder().decode(envelope)) as {
      payload: string
      signatures: unknown
    }
    const changed = Buffer.from(JSON.stringify({ ...statement, predicateType: 'x' })).toString(
      'base64',
    )
    const tampered = decodePart(
      bytes(JSON.stringify({ ...parsed, payloadType: IN_TOTO, payload: changed })),
      {
        key: readPublicKey(key.publicKeyPem),
      },
    )
    assert.equal(tampered.kind === 'in-toto' && tampered.verification.status, 'failed')
  })

  it('says when no subject names this image', () => {
    const statement = inTotoStatement([{ name: 'x', digest: OTHER }], 'https://example.com/p', {})
    const part = decodePart(bytes(JSON.stringify(statement)), {
      mediaType: IN_TOTO,
      imageDigest: IMAGE,
    })
    assert.equal(part.kind === 'in-toto' && part.subjectMatch, 'does-not-match')
    assert.equal(part.kind === 'in-toto' && part.envelope, 'none')
  })

  it('decodes a cosign .att layer (empty signature annotation) as the envelope it holds', () => {
    const key = generateSigningKey('ecdsa-p256')
    const statement = inTotoStatement([{ name: 'x', digest: IMAGE }], 'https://example.com/p', {})
    const part = decodePart(bytes(dsseEnvelope(statement, key)), {
      mediaType: DSSE,
      annotations: {
        'dev.cosignproject.cosign/signature': '',
        predicateType: 'https://example.com/p',
      },
      imageDigest: IMAGE,
    })
    assert.equal(part.kind, 'in-toto')
    if (part.kind !== 'in-toto') return
    assert.equal(part.envelope, 'dsse')
    assert.equal(part.subjectMatch, 'matches')
    assert.deepEqual(part.verification, {
      status: 'not-verified',
      reason: { kind: 'noKey', signed: 'envelope' },
    })
    assert.equal(part.cosign, undefined, 'no certificate or log annotations')
  })

  it('shows a keyless cosign .att layer with its certificate and log entry, not verified because keyless', () => {
    const key = generateSigningKey('ecdsa-p256')
    const statement = inTotoStatement([{ name: 'x', digest: IMAGE }], 'https://example.com/p', {})
    const envelope = bytes(dsseEnvelope(statement, key))
    const annotations = {
      'dev.cosignproject.cosign/signature': '',
      predicateType: 'https://example.com/p',
      'dev.sigstore.cosign/certificate': makeCertificatePem('attester@example.com'),
      'dev.sigstore.cosign/bundle': rekorBundleAnnotation({
        logIndex: 42,
        integratedTime: 1767225600,
        logId: 'c0ffee',
      }),
    }
    const part = decodePart(envelope, { mediaType: DSSE, annotations, imageDigest: IMAGE })
    assert.equal(part.kind, 'in-toto')
    if (part.kind !== 'in-toto') return
    assert.deepEqual(part.cosign?.certificate?.subjectAltNames, ['email:attester@example.com'])
    assert.equal(part.cosign?.transparencyLog?.logIndex, 42)
    assert.deepEqual(part.verification, { status: 'not-verified', reason: { kind: 'keyless' } })
    const keyed = decodePart(envelope, {
      mediaType: DSSE,
      annotations,
      imageDigest: IMAGE,
      key: readPublicKey(key.publicKeyPem),
    })
    assert.equal(keyed.kind === 'in-toto' && keyed.verification.status, 'verified')
  })

  it('summarises buildx SLSA v0.2 provenance: builder, build type, steps, materials', () => {
    const base = `sha256:${'56'.repeat(32)}`
    const statement = inTotoStatement(
      [{ name: 'pkg:docker/demo/app', digest: IMAGE }],
      'https://slsa.dev/provenance/v0.2',
      slsaProvenanceV02('docker.io/library/alpine:3.20', base),
    )
    const part = decodePart(bytes(JSON.stringify(statement)), {
      mediaType: IN_TOTO,
      imageDigest: IMAGE,
    })
    assert.equal(part.kind, 'in-toto')
    if (part.kind !== 'in-toto') return
    assert.equal(part.provenance?.slsaVersion, '0.2')
    assert.equal(part.provenance?.builderId, 'https://github.com/docker/buildx@v0.12.0')
    assert.equal(part.provenance?.buildType, 'https://mobyproject.org/buildkit@v1')
    assert.deepEqual(part.provenance?.steps, [
      'FROM docker-image://docker.io/library/alpine:3.20',
      'RUN /bin/sh -c make install',
    ])
    assert.deepEqual(
      part.provenance?.materials.map((m) => m.digest),
      [base],
    )
    assert.equal(part.provenance?.startedOn, '2026-01-02T03:04:05Z')
  })

  it('decodes a cosign 3 Sigstore bundle: envelope, certificate, log entry; verifies with the key', () => {
    const key = generateSigningKey('ecdsa-p256')
    const statement = inTotoStatement(
      [{ name: 'demo/app', digest: IMAGE }],
      'https://sigstore.dev/cosign/sign/v1',
      {},
    )
    const bundle = bytes(
      sigstoreBundle(dsseEnvelope(statement, key), {
        certificatePem: makeCertificatePem('ci@example.com'),
        logIndex: 42,
        integratedTime: 1767225600,
        logIdHex: 'c0d23d6ad406973f9559f3ba2d1ca01f84147d8ffc5b8445c224f98b9591801d',
      }),
    )
    const part = decodePart(bundle, { imageDigest: IMAGE })
    assert.equal(part.kind, 'in-toto')
    if (part.kind !== 'in-toto') return
    assert.equal(part.subjectMatch, 'matches')
    assert.equal(part.bundle?.mediaType, 'application/vnd.dev.sigstore.bundle.v0.3+json')
    assert.deepEqual(
      part.bundle?.certificates.map((c) => c.subjectAltNames),
      [['email:ci@example.com']],
    )
    assert.deepEqual(part.bundle?.transparencyLog, [
      {
        logIndex: 42,
        integratedTime: '2026-01-01T00:00:00.000Z',
        logId: 'c0d23d6ad406973f9559f3ba2d1ca01f84147d8ffc5b8445c224f98b9591801d',
        kind: 'dsse 0.0.1',
      },
    ])
    const keyed = decodePart(bundle, { imageDigest: IMAGE, key: readPublicKey(key.publicKeyPem) })
    assert.equal(keyed.kind === 'in-toto' && keyed.verification.status, 'verified')
    const messageOnly = decodePart(
      bytes(
        JSON.stringify({
          mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
          messageSignature: {},
        }),
      ),
      {},
    )
    assert.deepEqual(messageOnly.kind === 'raw' && messageOnly.reason, {
      kind: 'bundleMessageSignature',
      logIndexes: [],
    })
  })

  it('shows malformed envelopes raw with the reason', () => {
    const cases: [string, RawReason][] = [
      [
        '{"payloadType": "application/vnd.in-toto+json", "payload": "%%%", "signatures": []}',
        { kind: 'dssePayloadNotBase64' },
      ],
      [
        `{"payloadType": "${IN_TOTO}", "payload": "${Buffer.from('{}').toString('base64')}", "signatures": []}`,
        { kind: 'dsseNoSignatures' },
      ],
      [
        `{"payloadType": "${IN_TOTO}", "payload": "${Buffer.from('nope').toString('base64')}", "signatures": [{"sig": "AA=="}]}`,
        { kind: 'notJson', bytes: 'dssePayload' },
      ],
      [
        `{"payloadType": "text/plain", "payload": "${Buffer.from('{}').toString('base64')}", "signatures": [{"sig": "AA=="}]}`,
        { kind: 'dssePayloadNotStatement', payloadType: 'text/plain' },
      ],
      ['{"signatures": [{"sig": "AA=="}]}', { kind: 'dsseMalformed' }],
      ['[1, 2]', { kind: 'notObject' }],
      ['{"_type": "https://in-toto.io/Statement/v1"}', { kind: 'statementFields' }],
    ]
    for (const [text, reason] of cases) {
      const part = decodePart(bytes(text), {})
      assert.equal(part.kind, 'raw', text)
      assert.deepEqual(part.kind === 'raw' && part.reason, reason, text)
    }
  })
})
