// What a referrers lookup answers: the signatures, SBOMs and attestations whose `subject` is a
// given manifest. Plain data; both sides use it.

import type { Annotations, Digest } from '../oci/types'

/** A manifest whose `subject` is the looked-up manifest: a signature, an SBOM, an attestation. */
export interface Referrer {
  readonly digest: Digest
  readonly mediaType: string
  readonly size: number
  /** The artifact's type (its artifactType, else its config media type). */
  readonly artifactType?: string
  readonly annotations?: Annotations
}

export interface ReferrersResult {
  readonly subject: Digest
  /**
   * 'api': the registry's Referrers API answered. 'fallback-tag': the registry lacks the API
   * and the `<alg>-<hex>` tag listed them. 'none': neither exists (no referrers known).
   * 'unsupported': the source is not a registry (local stores keep no referrers).
   */
  readonly via: 'api' | 'fallback-tag' | 'none' | 'unsupported'
  readonly referrers: readonly Referrer[]
  /** The artifactType filter asked for, if any (already applied to `referrers`). */
  readonly artifactType?: string
  /** Whether the registry applied the filter itself (OCI-Filters-Applied), else Strata did. */
  readonly filteredBy?: 'registry' | 'strata'
  /** The fallback tag consulted ("sha256-<hex>"). */
  readonly fallbackTag?: string
}
