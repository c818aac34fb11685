// Does a digest a payload names equal the image's? Compared as written ("sha256:<hex>"),
// lower-cased; unknown when either side is missing.

import type { SubjectMatch } from '../../shared/api/attestations'

export function matchDigest(named: string | undefined, image: string | undefined): SubjectMatch {
  if (named === undefined || image === undefined) return 'unknown'
  return named.trim().toLowerCase() === image.toLowerCase() ? 'matches' : 'does-not-match'
}

/** An in-toto subject's digest set against "alg:hex". */
export function matchDigestSet(
  digests: readonly { readonly algorithm: string; readonly value: string }[],
  image: string | undefined,
): SubjectMatch {
  if (image === undefined || digests.length === 0) return 'unknown'
  const [algorithm = '', hex = ''] = image.toLowerCase().split(':')
  const same = digests.find((d) => d.algorithm.toLowerCase() === algorithm)
  if (same === undefined) return 'unknown'
  return same.value.toLowerCase() === hex ? 'matches' : 'does-not-match'
}
