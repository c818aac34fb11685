// The words the attestation views show for verification, digest matches, part kinds, the
// reasons a part is shown raw, item labels and warnings, from the attestations catalogue in
// the language shown (call during render). The main side sends kinds and their data, never
// sentences; shared/attestationText.ts words the same kinds in English for logs. No DOM, so a
// unit test checks every kind in English and Spanish.
import type {
  AttestationWarning,
  CertificateProblem,
  DecodedPart,
  ItemLabel,
  NotVerifiedReason,
  RawPreview,
  RawReason,
  SbomProblem,
  SubjectMatch,
  Verification,
  VerificationFailure,
} from '../../../shared/api/attestations'
import { certificateAnnotation } from '../../../shared/attestationText'
import { describeError } from '../../components/errorText'
import { translate } from '../../i18n/translate'

export function verificationTitle(verification: Verification): string {
  switch (verification.status) {
    case 'verified':
      return translate('attestations:verification.verified')
    case 'failed':
      return translate('attestations:verification.failed')
    case 'not-verified':
      return translate('attestations:verification.notVerified')
  }
}

function notVerifiedText(reason: NotVerifiedReason): string {
  switch (reason.kind) {
    case 'noKey':
      return reason.signed === 'signature'
        ? translate('attestations:notVerified.noKeySignature')
        : translate('attestations:notVerified.noKeyEnvelope')
    case 'keyless':
      return translate('attestations:notVerified.keyless')
    case 'unsigned':
      return translate('attestations:notVerified.unsigned')
    case 'trustPolicy':
      return translate('attestations:notVerified.trustPolicy')
  }
}

function failureText(reason: VerificationFailure): string {
  switch (reason.kind) {
    case 'noSignature':
      return translate('attestations:failed.noSignature')
    case 'signatureNotBase64':
      return translate('attestations:failed.signatureNotBase64')
    case 'mismatch':
      return translate('attestations:failed.mismatch', { algorithm: reason.algorithm })
  }
}

/** Why: the check's result or the reason nothing was checked. */
export function verificationDetail(verification: Verification): string {
  switch (verification.status) {
    case 'verified':
      return translate('attestations:verification.verifiedDetail', {
        algorithm: verification.algorithm,
      })
    case 'failed':
      return failureText(verification.reason)
    case 'not-verified':
      return notVerifiedText(verification.reason)
  }
}

export function matchText(match: SubjectMatch): string {
  switch (match) {
    case 'matches':
      return translate('attestations:match.matches')
    case 'does-not-match':
      return translate('attestations:match.doesNotMatch')
    case 'unknown':
      return translate('attestations:match.unknown')
  }
}

/** "cosign signature", "in-toto statement", "SBOM", …: the heading of one decoded part. */
export function partTitle(kind: DecodedPart['kind']): string {
  return translate(`attestations:part.${kind}` as const, {})
}

function sbomProblemText(problem: SbomProblem): string {
  switch (problem.kind) {
    case 'notSbom':
      return translate('attestations:raw.sbom.notSbom')
    case 'spdxVersion':
      return translate('attestations:raw.sbom.spdxVersion', { version: problem.version })
    case 'cyclonedxVersion':
      return translate('attestations:raw.sbom.cyclonedxVersion', { version: problem.version })
  }
}

/** Why a part is shown raw. */
export function rawReasonText(reason: RawReason): string {
  const t = translate
  switch (reason.kind) {
    case 'overCap':
      return t('attestations:raw.overCap', { size: reason.size, cap: reason.cap })
    case 'notText':
      return t(`attestations:raw.notText.${reason.bytes}` as const, {})
    case 'notJson':
      return t(`attestations:raw.notJson.${reason.bytes}` as const, {})
    case 'notObject':
      return t('attestations:raw.notObject')
    case 'noCriticalSection':
      return t('attestations:raw.noCriticalSection')
    case 'coseSignature':
      return t('attestations:raw.coseSignature')
    case 'sbomUnreadable':
      return t('attestations:raw.sbomUnreadable', { problem: sbomProblemText(reason.problem) })
    case 'dsseMalformed':
      return t('attestations:raw.dsseMalformed')
    case 'dssePayloadNotBase64':
      return t('attestations:raw.dssePayloadNotBase64')
    case 'dsseNoSignatures':
      return t('attestations:raw.dsseNoSignatures')
    case 'dssePayloadNotStatement':
      return t('attestations:raw.dssePayloadNotStatement', { payloadType: reason.payloadType })
    case 'statementFields':
      return t('attestations:raw.statementFields')
    case 'jwsUnreadable':
      return t('attestations:raw.jwsUnreadable')
    case 'bundleMessageSignature':
      return reason.logIndexes.length > 0
        ? t('attestations:raw.bundleMessageSignatureLogged', {
            logIndexes: reason.logIndexes.join(', '),
          })
        : t('attestations:raw.bundleMessageSignature')
    case 'unknownDocument':
      return t('attestations:raw.unknownDocument')
    case 'unreadable':
      return t('attestations:raw.unreadable', { error: describeError(reason.error).title })
  }
}

/** The text under a raw part's reason: its first bytes, or a note that they are binary. */
export function rawPreviewText(preview: RawPreview): string {
  return preview.kind === 'text'
    ? preview.text + (preview.truncated ? '\n…' : '')
    : translate('attestations:raw.binary', { size: preview.size })
}

export function certificateProblemText(problem: CertificateProblem): string {
  const annotation = certificateAnnotation(problem)
  switch (problem.kind) {
    case 'noPemBlock':
      return translate('attestations:cosign.noPemBlock', { annotation })
    case 'notDer':
      return translate('attestations:cosign.notDer', { annotation, position: problem.position })
  }
}

/** "layers[0]" (a token), a file's name, or "app.jsonl line 3". */
export function itemLabelText(label: ItemLabel): string {
  switch (label.kind) {
    case 'layer':
      return `layers[${label.position}]`
    case 'file':
      return label.name
    case 'line':
      return translate('attestations:item.line', { file: label.file, line: label.line })
  }
}

export function attestationWarningText(warning: AttestationWarning): string {
  switch (warning.kind) {
    case 'layersCapped':
      return translate('attestations:warning.layersCapped', {
        decoded: warning.decoded,
        total: warning.total,
      })
    case 'linesCapped':
      return translate('attestations:warning.linesCapped', {
        decoded: warning.decoded,
        total: warning.total,
      })
  }
}
