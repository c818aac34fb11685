// A signature's verification state and a digest's match, as badges with their reasons.
import { useTranslation } from 'react-i18next'
import type { SubjectMatch, Verification } from '../../../shared/api/attestations'
import { matchText, verificationDetail, verificationTitle } from './attestationText'

export function VerificationLine({ verification }: { readonly verification: Verification }) {
  // Re-renders with the language: the words come from translate().
  useTranslation('attestations')
  return (
    <p
      className={`attestation-verification verification-${verification.status}`}
      data-testid="verification-status"
      data-status={verification.status}
    >
      <span className="badge">{verificationTitle(verification)}</span>{' '}
      {verificationDetail(verification)}
    </p>
  )
}

export function MatchBadge({ match }: { readonly match: SubjectMatch }) {
  useTranslation('attestations')
  return (
    <span
      className={`badge attestation-match match-${match}`}
      data-testid="subject-match"
      data-match={match}
    >
      {matchText(match)}
    </span>
  )
}
