// The attestations feature's reasons are data from the main side: the views word every kind
// in both languages — in English exactly as the English formatter (shared/attestationText.ts)
// says it, in Spanish differently — with the kind's data in the text. The samples are keyed by
// kind, so tsc flags a new kind missing here.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import i18next from 'i18next'
import type {
  AttestationWarning,
  CertificateProblem,
  NotVerifiedReason,
  RawReason,
  Verification,
  VerificationFailure,
} from '../../../shared/api/attestations'
import {
  englishAttestationWarning,
  englishCertificateProblem,
  englishItemLabel,
  englishRawReason,
  englishVerification,
  englishVerificationDetail,
} from '../../../shared/attestationText'
import {
  attestationWarningText,
  certificateProblemText,
  itemLabelText,
  rawPreviewText,
  rawReasonText,
  verificationDetail,
  verificationTitle,
} from '../../../renderer/features/attestations/attestationText'
import { initTranslations } from '../../../renderer/i18n/translate'

interface Sample<T> {
  readonly value: T
  /** Data the words must carry, as they appear in both languages. */
  readonly shows: readonly string[]
}

/** Keyed by kind (noKey split by what it would check), so a new kind is a compile error here. */
type NotVerifiedSamples = {
  readonly [
    K in Exclude<NotVerifiedReason['kind'], 'noKey'> | 'noKeySignature' | 'noKeyEnvelope'
  ]: Sample<NotVerifiedReason>
}

const NOT_VERIFIED: NotVerifiedSamples = {
  noKeySignature: { value: { kind: 'noKey', signed: 'signature' }, shows: [] },
  noKeyEnvelope: { value: { kind: 'noKey', signed: 'envelope' }, shows: [] },
  keyless: { value: { kind: 'keyless' }, shows: ['Sigstore'] },
  unsigned: { value: { kind: 'unsigned' }, shows: ['DSSE'] },
  trustPolicy: { value: { kind: 'trustPolicy' }, shows: [] },
}

const FAILED: { readonly [K in VerificationFailure['kind']]: Sample<VerificationFailure> } = {
  noSignature: { value: { kind: 'noSignature' }, shows: [] },
  signatureNotBase64: { value: { kind: 'signatureNotBase64' }, shows: ['base64'] },
  mismatch: {
    value: { kind: 'mismatch', algorithm: 'ECDSA prime256v1 SHA256' },
    shows: ['ECDSA prime256v1 SHA256'],
  },
}

const RAW: { readonly [K in RawReason['kind']]: Sample<RawReason> } = {
  overCap: { value: { kind: 'overCap', size: 40, cap: 32 }, shows: ['40', '32'] },
  notText: { value: { kind: 'notText', bytes: 'dssePayload' }, shows: ['DSSE', 'UTF-8'] },
  notJson: { value: { kind: 'notJson', bytes: 'simpleSigningPayload' }, shows: ['JSON'] },
  notObject: { value: { kind: 'notObject' }, shows: ['JSON'] },
  noCriticalSection: { value: { kind: 'noCriticalSection' }, shows: ['"critical"'] },
  coseSignature: { value: { kind: 'coseSignature' }, shows: ['COSE', 'JWS'] },
  sbomUnreadable: {
    value: { kind: 'sbomUnreadable', problem: { kind: 'spdxVersion', version: 'SPDX-3.0' } },
    shows: ['SPDX-3.0'],
  },
  dsseMalformed: { value: { kind: 'dsseMalformed' }, shows: ['"payloadType"', '"signatures"'] },
  dssePayloadNotBase64: { value: { kind: 'dssePayloadNotBase64' }, shows: ['base64'] },
  dsseNoSignatures: { value: { kind: 'dsseNoSignatures' }, shows: ['DSSE'] },
  dssePayloadNotStatement: {
    value: { kind: 'dssePayloadNotStatement', payloadType: 'text/plain' },
    shows: ['text/plain', 'in-toto'],
  },
  statementFields: { value: { kind: 'statementFields' }, shows: ['"_type"', '"predicateType"'] },
  jwsUnreadable: { value: { kind: 'jwsUnreadable' }, shows: ['"protected"'] },
  bundleMessageSignature: {
    value: { kind: 'bundleMessageSignature', logIndexes: [7, 9] },
    shows: ['Sigstore', '7, 9'],
  },
  unknownDocument: { value: { kind: 'unknownDocument' }, shows: ['SPDX 2.x'] },
  unreadable: {
    value: {
      kind: 'unreadable',
      error: { code: 'NETWORK', message: 'registry.test: connection refused' },
    },
    shows: [],
  },
}

/** The other SBOM problems, worded inside sbomUnreadable. */
const SBOM_PROBLEMS: readonly Sample<RawReason>[] = [
  { value: { kind: 'sbomUnreadable', problem: { kind: 'notSbom' } }, shows: ['spdxVersion'] },
  {
    value: { kind: 'sbomUnreadable', problem: { kind: 'cyclonedxVersion', version: '2.0' } },
    shows: ['2.0', 'specVersion'],
  },
]

const CERTIFICATES: { readonly [K in CertificateProblem['kind']]: Sample<CertificateProblem> } = {
  noPemBlock: {
    value: { kind: 'noPemBlock', annotation: 'chain' },
    shows: ['dev.sigstore.cosign/chain', 'PEM'],
  },
  notDer: {
    value: { kind: 'notDer', annotation: 'certificate', position: 2 },
    shows: ['dev.sigstore.cosign/certificate', '2', 'DER'],
  },
}

const WARNINGS: { readonly [K in AttestationWarning['kind']]: Sample<AttestationWarning> } = {
  layersCapped: { value: { kind: 'layersCapped', decoded: 64, total: 70 }, shows: ['64', '70'] },
  linesCapped: { value: { kind: 'linesCapped', decoded: 256, total: 300 }, shows: ['256', '300'] },
}

const verifications = (): readonly Sample<Verification>[] => [
  ...Object.values(NOT_VERIFIED).map((s) => ({
    value: { status: 'not-verified' as const, reason: s.value },
    shows: s.shows,
  })),
  ...Object.values(FAILED).map((s) => ({
    value: { status: 'failed' as const, reason: s.value },
    shows: s.shows,
  })),
  { value: { status: 'verified', algorithm: 'Ed25519' }, shows: ['Ed25519'] },
]

/** Every sample as [name, renderer words, English formatter words (undefined: not compared)]. */
function wordings(): [string, string, string | undefined, readonly string[]][] {
  return [
    ...verifications().map((s): [string, string, string, readonly string[]] => [
      `verification ${s.value.status} ${'reason' in s.value ? s.value.reason.kind : ''}`,
      verificationDetail(s.value),
      englishVerificationDetail(s.value),
      s.shows,
    ]),
    ...[...Object.values(RAW), ...SBOM_PROBLEMS].map(
      (s): [string, string, string | undefined, readonly string[]] => [
        `raw ${s.value.kind}`,
        rawReasonText(s.value),
        // The error is worded from its code; its English message is for logs.
        s.value.kind === 'unreadable' ? undefined : englishRawReason(s.value),
        s.shows,
      ],
    ),
    ...Object.values(CERTIFICATES).map((s): [string, string, string, readonly string[]] => [
      `certificate ${s.value.kind}`,
      certificateProblemText(s.value),
      englishCertificateProblem(s.value),
      s.shows,
    ]),
    ...Object.values(WARNINGS).map((s): [string, string, string, readonly string[]] => [
      `warning ${s.value.kind}`,
      attestationWarningText(s.value),
      englishAttestationWarning(s.value),
      s.shows,
    ]),
    [
      'label line',
      itemLabelText({ kind: 'line', file: 'app.intoto.jsonl', line: 3 }),
      englishItemLabel({ kind: 'line', file: 'app.intoto.jsonl', line: 3 }),
      ['app.intoto.jsonl', '3'],
    ],
  ]
}

test('every attestation reason in English reads as the English formatter says it, with its data', () => {
  initTranslations('en')
  for (const [name, text, english, shows] of wordings()) {
    assert.ok(text.trim() !== '', `${name} has words`)
    if (english !== undefined) assert.equal(text, english, name)
    for (const data of shows) assert.ok(text.includes(data), `${name} shows ${data}: ${text}`)
  }
  const unreadable = rawReasonText(RAW.unreadable.value)
  assert.match(unreadable, /^The layer could not be read: \S/)
  assert.doesNotMatch(unreadable, /connection refused/, 'the error is worded, not echoed')
  assert.equal(
    rawReasonText({ kind: 'overCap', size: 33_554_433, cap: 33_554_432 }),
    'It is 33,554,433 bytes, over the 33,554,432-byte cap on what Strata decodes.',
  )
  assert.equal(
    englishVerification({ status: 'failed', reason: { kind: 'noSignature' } }),
    'Verification failed: There is no signature to check.',
  )
  assert.equal(verificationTitle({ status: 'verified', algorithm: 'Ed25519' }), 'Verified')
  assert.equal(itemLabelText({ kind: 'layer', position: 2 }), 'layers[2]')
  assert.equal(itemLabelText({ kind: 'file', name: 'app.spdx.json' }), 'app.spdx.json')
  assert.equal(
    rawPreviewText({ kind: 'binary', size: 1234 }),
    '(1,234 bytes of binary data, not shown as text)',
  )
  assert.equal(rawPreviewText({ kind: 'text', text: '{"a":', truncated: true }), '{"a":\n…')
})

test('every attestation reason is worded in Spanish, differently, each its own, with its data', async () => {
  initTranslations('en')
  const english = wordings().map(([, text]) => text)
  initTranslations('es')
  await i18next.changeLanguage('es')
  try {
    const spanish = wordings()
    for (const [i, [name, text, , shows]] of spanish.entries()) {
      assert.ok(text.trim() !== '', `${name} has words`)
      assert.notEqual(text, english[i], `${name} is worded in Spanish`)
      assert.doesNotMatch(text, /\{\{|attestations:|raw\.|notVerified\./, 'no raw key')
      for (const data of shows) assert.ok(text.includes(data), `${name} shows ${data}: ${text}`)
    }
    const texts = spanish.map(([, text]) => text)
    assert.equal(new Set(texts).size, texts.length, 'each kind has its own words')
    assert.equal(
      rawReasonText({ kind: 'overCap', size: 33_554_433, cap: 33_554_432 }),
      'Ocupa 33.554.433 bytes, más que el límite de 33.554.432 bytes de lo que Strata descifra.',
    )
    assert.equal(
      verificationTitle({ status: 'not-verified', reason: { kind: 'unsigned' } }),
      'Sin verificar',
    )
  } finally {
    await i18next.changeLanguage('en')
  }
})
