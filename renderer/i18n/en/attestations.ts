// English strings of the "attestations" namespace. Keys are grouped by the component that shows them.
import type { Strings } from '../catalogue'

export const attestations = {
  view: {
    nothing: 'Nothing to decode',
    nothingHint:
      'Select a signature, attestation or SBOM in the image graph, or open one from the file viewer.',
    title: 'Signatures and attestations',
    backToGraph: 'Back to the graph',
    backToFile: 'Back to the file',
    keyLabel: 'Public key (PEM) to verify keyed signatures offline',
    verify: 'Verify with this key',
    forget: 'Forget the key',
    reading: 'Reading and decoding…',
    fromManifest: 'Manifest {{digest}}',
    fromFile: 'File {{path}} · layer {{layer}}',
    comparedWith: ' · compared with image {{subject}}',
  },
  part: {
    'cosign-signature': 'cosign signature',
    'in-toto': 'in-toto statement',
    sbom: 'SBOM',
    'notation-signature': 'notation signature',
    raw: 'Not decoded',
  },
  verification: {
    verified: 'Verified',
    failed: 'Verification failed',
    notVerified: 'Not verified',
    verifiedDetail: 'The signature checks with the public key you gave ({{algorithm}}).',
  },
  /** Why a signature was not checked (shared/api/attestations.ts NotVerifiedReason). */
  notVerified: {
    noKeySignature: 'No public key given: paste the signer’s public key to verify this signature.',
    noKeyEnvelope: 'No public key given: paste the signer’s public key to verify the envelope.',
    keyless:
      'Signed with a short-lived certificate (keyless): checking it needs the Sigstore trust roots, which Strata does not fetch. Give the public key of a keyed signature to verify it.',
    unsigned: 'The statement is not signed (no DSSE envelope).',
    trustPolicy:
      'Notation signatures are checked against a trust store and policy, which Strata does not have.',
  },
  /** Why a check with the given key failed (VerificationFailure). */
  failed: {
    noSignature: 'There is no signature to check.',
    signatureNotBase64: 'The signature is not base64.',
    mismatch:
      'The signature does not verify with this {{algorithm}} key: a different key signed it, or the signed bytes were changed.',
  },
  /** Why a part is shown raw (RawReason), and its binary preview. */
  raw: {
    overCap:
      'It is {{size, number}} bytes, over the {{cap, number}}-byte cap on what Strata decodes.',
    notText: {
      document: 'The document is not UTF-8 text.',
      simpleSigningPayload: 'The simple-signing payload is not UTF-8 text.',
      dssePayload: 'The DSSE payload is not UTF-8 text.',
    },
    notJson: {
      document: 'The document is not valid JSON.',
      simpleSigningPayload: 'The simple-signing payload is not valid JSON.',
      dssePayload: 'The DSSE payload is not valid JSON.',
    },
    notObject: 'The JSON is not an object.',
    noCriticalSection: 'The payload has no "critical" section: it is not a simple-signing payload.',
    coseSignature:
      'A notation signature in COSE form (binary CBOR): Strata decodes notation’s JWS form only.',
    sbomUnreadable: 'An SBOM Strata cannot read: {{problem}}.',
    sbom: {
      notSbom: 'neither an SPDX document (spdxVersion) nor a CycloneDX BOM (bomFormat)',
      spdxVersion: 'SPDX version {{version}} is not one Strata reads (SPDX 2.x JSON)',
      cyclonedxVersion: 'CycloneDX specVersion {{version}} is not one Strata reads (1.x JSON)',
    },
    dsseMalformed:
      'A malformed DSSE envelope: it needs "payloadType", a base64 "payload" and "signatures".',
    dssePayloadNotBase64: 'The DSSE payload is not base64.',
    dsseNoSignatures: 'The DSSE envelope has no signatures.',
    dssePayloadNotStatement: 'The DSSE payload ({{payloadType}}) is not an in-toto statement.',
    statementFields: 'The in-toto statement lacks "_type" or "predicateType".',
    jwsUnreadable: 'The JWS lacks a readable base64url "payload" or "protected" header.',
    bundleMessageSignature:
      'A Sigstore bundle with a message signature: it signs a digest, not a payload Strata can show.',
    bundleMessageSignatureLogged:
      'A Sigstore bundle with a message signature: it signs a digest, not a payload Strata can show (log index {{logIndexes}}).',
    unknownDocument:
      'Not a signature, in-toto statement or SBOM that Strata knows (cosign, DSSE, in-toto, notation JWS, SPDX 2.x, CycloneDX 1.x).',
    unreadable: 'The layer could not be read: {{error}}',
    binary: '({{size, number}} bytes of binary data, not shown as text)',
  },
  item: {
    line: '{{file}} line {{line}}',
  },
  warning: {
    layersCapped: 'Only the first {{decoded, number}} of {{total, number}} layers were decoded.',
    linesCapped: 'Only the first {{decoded, number}} of {{total, number}} lines were decoded.',
  },
  match: {
    matches: 'matches this image',
    doesNotMatch: 'does not match this image',
    unknown: 'not compared (no image digest to compare with)',
  },
  fact: {
    signedDigest: 'signed image digest',
    notGiven: 'not given',
    identity: 'identity',
    type: 'type',
    signature: 'signature',
    signatureKey: 'signature {{keyid}}',
    logIndex: 'log index',
    integratedTime: 'integrated time',
    logId: 'log id',
    entry: 'entry',
    subject: 'subject',
    issuer: 'issuer',
    valid: 'valid',
    names: 'names',
    predicateType: 'predicate type',
    statement: 'statement',
    envelope: 'envelope',
    unsigned: 'none (unsigned statement)',
    builder: 'builder',
    buildType: 'build type',
    started: 'started',
    finished: 'finished',
    signedArtifact: 'signed artifact',
    mediaType: 'media type',
    algorithm: 'algorithm',
  },
  cosign: {
    certificate: 'Certificate',
    chain: 'Chain {{n}}',
    noPemBlock:
      'The annotation {{annotation}} has no PEM certificate block (-----BEGIN CERTIFICATE-----).',
    notDer:
      'Certificate {{position}} of the annotation {{annotation}} is not valid DER inside its PEM block.',
    shownAsWritten: 'It is shown below as written in the manifest’s annotations.',
  },
  log: {
    title: 'Transparency log entry (not verified)',
  },
  bundle: {
    title: 'Sigstore bundle',
    keyHint: ' · public key hint {{hint}}',
    certificate: 'Certificate {{n}}',
  },
  certificate: {
    title: '{{title}} (decoded, not trusted)',
  },
  inToto: {
    subjects: 'Subjects',
    noName: '(no name)',
  },
  provenance: {
    title: 'SLSA provenance v{{version}}',
    steps: 'Build steps',
    materials: 'Materials',
  },
  sbom: {
    summary_one: '{{formatted}} package',
    summary_other: '{{formatted}} packages',
    firstListed: ' (the first {{formatted}} are listed)',
    search: 'Search packages',
    searchPlaceholder: 'name, version, license or purl',
    count: '{{shown}} of {{total}}',
    name: 'Name',
    version: 'Version',
    license: 'License',
    previous: 'Previous',
    page: 'Page {{page}} of {{pages}}',
    next: 'Next',
  },
} satisfies Strings
