import { test } from 'node:test'
import assert from 'node:assert/strict'
import { sharedDigestGroups } from '../../../renderer/features/tags/sharedDigests'

test('tags on the same digest form a group; single tags and unknown digests do not', () => {
  const groups = sharedDigestGroups([
    ['v1', 'sha256:a'],
    ['latest', 'sha256:b'],
    ['v1.0', 'sha256:a'],
    ['stable', 'sha256:b'],
    ['v2', 'sha256:c'],
    ['pending', undefined],
  ])
  assert.equal(groups.size, 2)
  assert.deepEqual(groups.get('sha256:a'), { index: 0, digest: 'sha256:a', tags: ['v1', 'v1.0'] })
  assert.deepEqual(groups.get('sha256:b'), {
    index: 1,
    digest: 'sha256:b',
    tags: ['latest', 'stable'],
  })
  assert.equal(groups.get('sha256:c'), undefined)
  assert.equal(sharedDigestGroups([]).size, 0)
})
