// Docker Hub search pages joined into one list, and which page to ask for next. No DOM, so a
// unit test can check the joining and the cap.
import type { HubRepository, HubSearchResult } from '../../../../shared/api'

/** Hub's own default page size. */
export const HUB_PAGE_SIZE = 25
/** Results kept at most; past that, more words narrow the search better than paging does. */
export const HUB_MAX_RESULTS = 500

/** Every page's results once (Hub's order can shift between pages), the skipped counted. */
export function joinHubPages(pages: readonly HubSearchResult[]): {
  results: HubRepository[]
  skipped: number
} {
  const seen = new Set<string>()
  const results: HubRepository[] = []
  let skipped = 0
  for (const page of pages) {
    skipped += page.skipped
    for (const repository of page.results) {
      if (seen.has(repository.name)) continue
      seen.add(repository.name)
      results.push(repository)
    }
  }
  return { results, skipped }
}

/** The page after `last`, while Hub has more and the list is under the cap; else undefined. */
export function nextHubPage(
  last: HubSearchResult,
  pages: readonly HubSearchResult[],
): number | undefined {
  return last.hasMore && pages.length * HUB_PAGE_SIZE < HUB_MAX_RESULTS ? last.page + 1 : undefined
}
