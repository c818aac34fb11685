// Docker Hub search pages in the Open box: joined into one list with each repository once (Hub's
// order can shift between two page requests), the skipped counted over every page, and the next
// page asked for only while Hub has more and the list is under its cap.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { HubRepository, HubSearchResult } from '../../../shared/api'
import {
  HUB_MAX_RESULTS,
  HUB_PAGE_SIZE,
  joinHubPages,
  nextHubPage,
} from '../../../renderer/features/registry/hubSearch/hubPages'

const repository = (name: string): HubRepository => ({
  name,
  reference: `docker.io/${name}`,
  description: '',
  stars: 0,
  official: false,
  automated: false,
})

const page = (n: number, names: string[], hasMore: boolean, skipped = 0): HubSearchResult => ({
  query: 'q',
  page: n,
  results: names.map(repository),
  hasMore,
  skipped,
})

test('pages join in order, each repository once, skipped summed', () => {
  const joined = joinHubPages([
    page(1, ['a/one', 'a/two'], true, 1),
    // "a/two" moved down a place between the two requests: listed once, where first seen.
    page(2, ['a/two', 'a/three'], false, 2),
  ])
  assert.deepEqual(
    joined.results.map((r) => r.name),
    ['a/one', 'a/two', 'a/three'],
  )
  assert.equal(joined.skipped, 3)
  assert.deepEqual(joinHubPages([]), { results: [], skipped: 0 })
})

test('the next page while Hub has more, none after the last page or at the cap', () => {
  const first = page(1, ['a/one'], true)
  assert.equal(nextHubPage(first, [first]), 2)
  const last = page(3, ['a/x'], false)
  assert.equal(nextHubPage(last, [first, first, last]), undefined)
  const full = Array.from({ length: HUB_MAX_RESULTS / HUB_PAGE_SIZE }, (_, i) =>
    page(i + 1, [], true),
  )
  const atCap = full.at(-1)
  assert.ok(atCap)
  assert.equal(nextHubPage(atCap, full), undefined, `no page past ${HUB_MAX_RESULTS} results`)
  assert.equal(nextHubPage(atCap, full.slice(1)), full.length + 1, 'one page under the cap')
})
