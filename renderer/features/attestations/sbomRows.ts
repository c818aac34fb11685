// The SBOM table's search and paging, pure so it is unit-tested: a case-insensitive match on
// name, version, license or purl, then one page of the matches.
import type { SbomPackage } from '../../../shared/api/attestations'

export const SBOM_PAGE_ROWS = 100

export function filterPackages(
  packages: readonly SbomPackage[],
  query: string,
): readonly SbomPackage[] {
  const needle = query.trim().toLowerCase()
  if (needle === '') return packages
  return packages.filter((p) =>
    [p.name, p.version, p.license, p.purl].some(
      (field) => field !== undefined && field.toLowerCase().includes(needle),
    ),
  )
}

export interface SbomPage {
  readonly rows: readonly SbomPackage[]
  /** 0-based page shown (clamped to the pages there are). */
  readonly page: number
  readonly pageCount: number
  /** 0-based index of the first row shown. */
  readonly first: number
}

export function pageOf(matches: readonly SbomPackage[], page: number): SbomPage {
  const pageCount = Math.max(1, Math.ceil(matches.length / SBOM_PAGE_ROWS))
  const shown = Math.min(Math.max(0, page), pageCount - 1)
  const first = shown * SBOM_PAGE_ROWS
  return { rows: matches.slice(first, first + SBOM_PAGE_ROWS), page: shown, pageCount, first }
}
