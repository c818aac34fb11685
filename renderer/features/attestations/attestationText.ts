// The words the attestation views show for verification and digest matches, in one place
// (they go through the i18n layer later).
import type { SubjectMatch, Verification } from '../../../shared/api/attestations'

export function verificationTitle(verification: Verification): string {
  switch (verification.status) {
    case 'verified':
      return 'Verified'
    case 'failed':
      return 'Verification failed'
    case 'not-verified':
      return 'Not verified'
  }
}

export function verificationDetail(verification: Verification): string {
  switch (verification.status) {
    case 'verified':
      return `The signature checks with the public key you gave (${verification.algorithm}).`
    case 'failed':
      return verification.reason
    case 'not-verified':
      return verification.reason
  }
}

export function matchText(match: SubjectMatch): string {
  switch (match) {
    case 'matches':
      return 'matches this image'
    case 'does-not-match':
      return 'does not match this image'
    case 'unknown':
      return 'not compared (no image digest to compare with)'
  }
}

export const PART_TITLES = {
  'cosign-signature': 'cosign signature',
  'in-toto': 'in-toto statement',
  sbom: 'SBOM',
  'notation-signature': 'notation signature',
  raw: 'Not decoded',
} as const
