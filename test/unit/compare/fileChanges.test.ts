import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { FileChange } from '../../../shared/api/compare'
import { formatBytes } from '../../../shared/format'
import {
  countByStatus,
  filterChanges,
  formatDelta,
  opensSideBySide,
  sortChangesNaturally,
} from '../../../renderer/features/compare/fileChanges'
import { artifactKind } from '../../../renderer/features/image/artifactKind'

const changes: FileChange[] = [
  {
    path: '/etc/os-release',
    status: 'changed',
    kind: 'file',
    leftSize: 10,
    rightSize: 12,
    sizeDelta: 2,
  },
  { path: '/app/new.txt', status: 'added', kind: 'file', rightSize: 5, sizeDelta: 5 },
  { path: '/app/old', status: 'removed', kind: 'dir', leftSize: 0, sizeDelta: 0 },
  { path: '/bin/sh', status: 'changed', kind: 'symlink', sizeDelta: 0 },
]

test('filter by status and path; counts per status', () => {
  assert.deepEqual(
    filterChanges(changes, 'changed', '').map((c) => c.path),
    ['/etc/os-release', '/bin/sh'],
  )
  assert.deepEqual(
    filterChanges(changes, 'all', 'APP').map((c) => c.path),
    ['/app/new.txt', '/app/old'],
  )
  assert.deepEqual(countByStatus(changes), { added: 1, removed: 1, changed: 2 })
})

test('deltas and which rows open side by side', () => {
  assert.equal(formatDelta(2048, formatBytes), '+2 KiB')
  assert.equal(formatDelta(-300, formatBytes), '−300 B')
  assert.equal(formatDelta(0, formatBytes), '±0')
  assert.deepEqual(
    changes.filter(opensSideBySide).map((c) => c.path),
    ['/etc/os-release'],
  )
})

test('artifact kinds name signatures, SBOMs and attestations', () => {
  assert.equal(artifactKind('application/vnd.dev.cosign.artifact.sig.v1+json'), 'signature')
  assert.equal(artifactKind('application/spdx+json'), 'SBOM')
  assert.equal(artifactKind('application/vnd.in-toto+json'), 'attestation')
  assert.equal(artifactKind('application/vnd.strata.test.review.v1+json'), 'strata.test.review.v1')
  assert.equal(artifactKind(undefined), 'artifact')
})

test('changes sort naturally: page2 before page10, a directory before its neighbours', () => {
  const named = (path: string): FileChange => ({
    path,
    status: 'added',
    kind: 'file',
    sizeDelta: 0,
  })
  const paths = ['/page10', '/page1', '/a-b', '/page11', '/a/z', '/page2', '/a', '/a.txt', '/Page3']
  assert.deepEqual(
    sortChangesNaturally(paths.map(named)).map((c) => c.path),
    ['/a', '/a/z', '/a-b', '/a.txt', '/page1', '/page2', '/Page3', '/page10', '/page11'],
  )
})
