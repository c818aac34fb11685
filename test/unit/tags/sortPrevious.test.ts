import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { RepositoryTimeline } from '../../../shared/api/history'
import { previousImageFor } from '../../../renderer/features/tags/previousImage'
import {
  sortNeedsSummaries,
  sortTags,
  type TagFacts,
} from '../../../renderer/features/tags/tagOrder'

const facts: Record<string, TagFacts> = {
  old: { created: '2026-01-01T00:00:00Z', totalSize: 300 },
  mid: { created: '2026-06-01T00:00:00Z', totalSize: 100 },
  new: { created: '2026-11-01T00:00:00Z', totalSize: 200 },
  undated: { totalSize: 50 },
}
const tags = ['new', 'pending', 'old', 'undated', 'mid']

test('date and size sorts use the summaries; unknown values go last in natural order', () => {
  const of = (tag: string): TagFacts | undefined => facts[tag]
  assert.deepEqual(sortTags(tags, 'date-desc', of), ['new', 'mid', 'old', 'pending', 'undated'])
  assert.deepEqual(sortTags(tags, 'date-asc', of), ['old', 'mid', 'new', 'pending', 'undated'])
  assert.deepEqual(sortTags(tags, 'size-desc', of), ['old', 'new', 'mid', 'undated', 'pending'])
  assert.deepEqual(sortTags(tags, 'size-asc', of), ['undated', 'mid', 'new', 'old', 'pending'])
  // Without summaries the date sort is the natural order.
  assert.deepEqual(sortTags(tags, 'date-desc'), sortTags(tags, 'natural'))
  assert.equal(sortNeedsSummaries('size-asc'), true)
  assert.equal(sortNeedsSummaries('natural'), false)
})

test('equal sizes keep natural order (the sort is stable)', () => {
  const same = (): TagFacts => ({ totalSize: 1 })
  assert.deepEqual(sortTags(['v10', 'v2', 'v1'], 'size-desc', same), ['v1', 'v2', 'v10'])
})

const A = `sha256:${'a'.repeat(64)}`
const B = `sha256:${'b'.repeat(64)}`
const C = `sha256:${'c'.repeat(64)}`

test('previous digest: from the journal when it saw the tag move', () => {
  const timeline: RepositoryTimeline = {
    registry: 'r',
    repository: 'demo/app',
    tags: [
      {
        tag: 'latest',
        segments: [
          { digest: A, from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z', observations: 2 },
          { digest: B, from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z', observations: 2 },
        ],
      },
    ],
  }
  const known = new Map([['latest', { digest: B }]])
  const previous = previousImageFor('r/demo/app', 'latest', known, timeline)
  assert.equal(previous?.ref, `r/demo/app@${A}`)
  assert.deepEqual(previous?.reason, {
    kind: 'moved',
    tag: 'latest',
    until: '2026-02-01T00:00:00Z',
  })
  // The summary not known yet: the journal's newest digest stands in.
  assert.equal(
    previousImageFor('r/demo/app', 'latest', new Map(), timeline)?.ref,
    `r/demo/app@${A}`,
  )
})

test('previous digest: else the next-older tag by created date, at another digest', () => {
  const known = new Map([
    ['v3', { digest: C, created: '2026-03-01T00:00:00Z' }],
    ['v3-alias', { digest: C, created: '2026-03-01T00:00:00Z' }],
    ['v2', { digest: B, created: '2026-02-01T00:00:00Z' }],
    ['v1', { digest: A, created: '2026-01-01T00:00:00Z' }],
  ])
  assert.equal(previousImageFor('r/x', 'v3', known)?.ref, 'r/x:v2')
  assert.equal(previousImageFor('r/x', 'v2', known)?.ref, 'r/x:v1')
  assert.equal(previousImageFor('r/x', 'v1', known), undefined)
  assert.equal(previousImageFor('r/x', 'unknown', known), undefined)
})
