// The words the attestation views show for verification, digest matches and part kinds, from
// the attestations catalogue in the language shown (call during render).
import type { DecodedPart, SubjectMatch, Verification } from '../../../shared/api/attestations'
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

/** Why: the main side's reason for a failure or a missing check (English, as it sends it). */
export function verificationDetail(verification: Verification): string {
  switch (verification.status) {
    case 'verified':
      return translate('attestations:verification.verifiedDetail', {
        algorithm: verification.algorithm,
      })
    case 'failed':
      return verification.reason
    case 'not-verified':
      return verification.reason
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
