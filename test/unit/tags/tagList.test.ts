import { test } from 'node:test'
import assert from 'node:assert/strict'
import { windowRange } from '../../../renderer/components/windowRange'
import { compareTags, groupByDigest, sortTags } from '../../../renderer/features/tags/tagOrder'

test('natural order: numbers inside tags compare as numbers', () => {
  const tags = ['tag-10', 'tag-2', 'v1.10.0', 'latest', 'v1.9.3', 'tag-1', 'V2', 'v2']
  assert.deepEqual(sortTags(tags, 'natural'), [
    'latest',
    'tag-1',
    'tag-2',
    'tag-10',
    'v1.9.3',
    'v1.10.0',
    'V2',
    'v2',
  ])
  assert.ok(compareTags('tag-2', 'tag-10') < 0)
  assert.ok(compareTags('v1.9', 'v1.10') < 0)
  assert.deepEqual(sortTags(['b', 'a'], 'registry'), ['b', 'a'])
  assert.deepEqual(sortTags(['tag-2', 'tag-10', 'tag-1'], 'natural-desc'), [
    'tag-10',
    'tag-2',
    'tag-1',
  ])
  // Ties between case variants are still deterministic.
  assert.deepEqual(sortTags(['v2', 'V2'], 'natural'), sortTags(['V2', 'v2'], 'natural'))
})

test('group by digest: one row per image, in the order of its first tag; unknown tags stay put', () => {
  const digests: Record<string, string> = { latest: 'sha256:a', v1: 'sha256:a', v2: 'sha256:b' }
  const rows = groupByDigest(['latest', 'v0', 'v1', 'v2'], (tag) => digests[tag])
  assert.deepEqual(rows, [
    { kind: 'group', digest: 'sha256:a', tags: ['latest', 'v1'] },
    { kind: 'tag', tag: 'v0' },
    { kind: 'group', digest: 'sha256:b', tags: ['v2'] },
  ])
})

test('windowing renders the visible rows plus overscan, with spacers for the rest', () => {
  assert.deepEqual(windowRange(1000, 44, 0, 440, 5), {
    start: 0,
    end: 15,
    padTop: 0,
    padBottom: 985 * 44,
  })
  const middle = windowRange(1000, 44, 4400, 440, 5)
  assert.equal(middle.start, 95)
  assert.equal(middle.end, 115)
  assert.equal(middle.padTop + (middle.end - middle.start) * 44 + middle.padBottom, 1000 * 44)
  // The list starts below the visible part: only the overscan rows are rendered.
  assert.deepEqual(windowRange(10, 44, -2000, 500, 3), {
    start: 0,
    end: 3,
    padTop: 0,
    padBottom: 7 * 44,
  })
  const past = windowRange(10, 44, 5000, 500, 3)
  assert.equal(past.end, 10)
  assert.equal(past.padBottom, 0)
  assert.deepEqual(windowRange(0, 44, 0, 500, 3), { start: 0, end: 0, padTop: 0, padBottom: 0 })
})
