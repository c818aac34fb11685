// The attestations feature's coded reasons in English: for logs, the command line and tests
// that read text. The views word the same kinds from their catalogues instead
// (renderer/features/attestations/attestationText.ts). Exhaustive switches: a new kind without
// words fails to compile.
import type {
  AttestationWarning,
  CertificateProblem,
  DecodedBytes,
  ItemLabel,
  NotVerifiedReason,
  RawReason,
  SbomProblem,
  Verification,
  VerificationFailure,
} from './api/attestations'

/** Counts and byte figures as the English catalogue writes them (1,234). */
const count = (n: number): string => n.toLocaleString('en-US')

export function englishNotVerified(reason: NotVerifiedReason): string {
  switch (reason.kind) {
    case 'noKey':
      return reason.signed === 'signature'
        ? 'No public key given: paste the signer’s public key to verify this signature.'
        : 'No public key given: paste the signer’s public key to verify the envelope.'
    case 'keyless':
      return 'Signed with a short-lived certificate (keyless): checking it needs the Sigstore trust roots, which Strata does not fetch. Give the public key of a keyed signature to verify it.'
    case 'unsigned':
      return 'The statement is not signed (no DSSE envelope).'
    case 'trustPolicy':
      return 'Notation signatures are checked against a trust store and policy, which Strata does not have.'
  }
}

export function englishVerificationFailure(reason: VerificationFailure): string {
  switch (reason.kind) {
    case 'noSignature':
      return 'There is no signature to check.'
    case 'signatureNotBase64':
      return 'The signature is not base64.'
    case 'mismatch':
      return `The signature does not verify with this ${reason.algorithm} key: a different key signed it, or the signed bytes were changed.`
  }
}

/** What the views show beside the verification badge. */
export function englishVerificationDetail(verification: Verification): string {
  switch (verification.status) {
    case 'verified':
      return `The signature checks with the public key you gave (${verification.algorithm}).`
    case 'failed':
      return englishVerificationFailure(verification.reason)
    case 'not-verified':
      return englishNotVerified(verification.reason)
  }
}

/** One line for logs: the status, then why. */
export function englishVerification(verification: Verification): string {
  const status = {
    verified: 'Verified',
    failed: 'Verification failed',
    'not-verified': 'Not verified',
  }[verification.status]
  return `${status}: ${englishVerificationDetail(verification)}`
}

function bytesName(bytes: DecodedBytes): string {
  switch (bytes) {
    case 'document':
      return 'The document'
    case 'simpleSigningPayload':
      return 'The simple-signing payload'
    case 'dssePayload':
      return 'The DSSE payload'
  }
}

export function englishSbomProblem(problem: SbomProblem): string {
  switch (problem.kind) {
    case 'notSbom':
      return 'neither an SPDX document (spdxVersion) nor a CycloneDX BOM (bomFormat)'
    case 'spdxVersion':
      return `SPDX version ${problem.version} is not one Strata reads (SPDX 2.x JSON)`
    case 'cyclonedxVersion':
      return `CycloneDX specVersion ${problem.version} is not one Strata reads (1.x JSON)`
  }
}

export function englishRawReason(reason: RawReason): string {
  switch (reason.kind) {
    case 'overCap':
      return `It is ${count(reason.size)} bytes, over the ${count(reason.cap)}-byte cap on what Strata decodes.`
    case 'notText':
      return `${bytesName(reason.bytes)} is not UTF-8 text.`
    case 'notJson':
      return `${bytesName(reason.bytes)} is not valid JSON.`
    case 'notObject':
      return 'The JSON is not an object.'
    case 'noCriticalSection':
      return 'The payload has no "critical" section: it is not a simple-signing payload.'
    case 'coseSignature':
      return 'A notation signature in COSE form (binary CBOR): Strata decodes notation’s JWS form only.'
    case 'sbomUnreadable':
      return `An SBOM Strata cannot read: ${englishSbomProblem(reason.problem)}.`
    case 'dsseMalformed':
      return 'A malformed DSSE envelope: it needs "payloadType", a base64 "payload" and "signatures".'
    case 'dssePayloadNotBase64':
      return 'The DSSE payload is not base64.'
    case 'dsseNoSignatures':
      return 'The DSSE envelope has no signatures.'
    case 'dssePayloadNotStatement':
      return `The DSSE payload (${reason.payloadType}) is not an in-toto statement.`
    case 'statementFields':
      return 'The in-toto statement lacks "_type" or "predicateType".'
    case 'jwsUnreadable':
      return 'The JWS lacks a readable base64url "payload" or "protected" header.'
    case 'bundleMessageSignature':
      return reason.logIndexes.length > 0
        ? `A Sigstore bundle with a message signature: it signs a digest, not a payload Strata can show (log index ${reason.logIndexes.join(', ')}).`
        : 'A Sigstore bundle with a message signature: it signs a digest, not a payload Strata can show.'
    case 'unknownDocument':
      return 'Not a signature, in-toto statement or SBOM that Strata knows (cosign, DSSE, in-toto, notation JWS, SPDX 2.x, CycloneDX 1.x).'
    case 'unreadable':
      return `The layer could not be read: ${reason.error.message}`
  }
}

/** The annotation's own key, a token in every language ("dev.sigstore.cosign/chain"). */
export function certificateAnnotation(problem: CertificateProblem): string {
  return `dev.sigstore.cosign/${problem.annotation}`
}

export function englishCertificateProblem(problem: CertificateProblem): string {
  switch (problem.kind) {
    case 'noPemBlock':
      return `The annotation ${certificateAnnotation(problem)} has no PEM certificate block (-----BEGIN CERTIFICATE-----).`
    case 'notDer':
      return `Certificate ${problem.position} of the annotation ${certificateAnnotation(problem)} is not valid DER inside its PEM block.`
  }
}

export function englishItemLabel(label: ItemLabel): string {
  switch (label.kind) {
    case 'layer':
      return `layers[${label.position}]`
    case 'file':
      return label.name
    case 'line':
      return `${label.file} line ${label.line}`
  }
}

export function englishAttestationWarning(warning: AttestationWarning): string {
  switch (warning.kind) {
    case 'layersCapped':
      return `Only the first ${count(warning.decoded)} of ${count(warning.total)} layers were decoded.`
    case 'linesCapped':
      return `Only the first ${count(warning.decoded)} of ${count(warning.total)} lines were decoded.`
  }
}
