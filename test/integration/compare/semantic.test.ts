// Semantic compare (`semantic: true`, like `diffoci --semantic`) against exact compare, through
// the handler table on the real registry. The same directory is packed twice with GNU tar at two
// different times (every mtime differs), one copy compressed with gzip and the other with the
// zstd CLI, under configs whose creation and history times differ: semantically equivalent,
// exactly different (files changed by mtime, layers unmatched, times differ). A real change of
// content (same size, one byte) is still found semantically.

import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { createHandlers } from '../../../electron/api/handlers'
import type { HandlerTable } from '../../../electron/api/handlerTable'
import { composeServices } from '../../../electron/app/composeServices'
import { callHandler } from '../../harness/handlerCalls'
import { packedTree, pushRepacked, sha256Of } from '../../harness/repackedImages'
import { startRegistry, type RunningRegistry } from '../../harness/registryServer'

let registry: RunningRegistry
let dataDir: string
let table: HandlerTable

let gzipRef: string
let zstdRef: string
let changedRef: string

before(async () => {
  registry = await startRegistry()
  dataDir = await mkdtemp(join(tmpdir(), 'strata-semantic-'))
  table = createHandlers(await composeServices({ mode: 'web', dataDir, env: {} }))
  const first = await packedTree('2024-01-01 00:00:00')
  const second = await packedTree('2025-06-15 12:30:00')
  assert.notEqual(sha256Of(first), sha256Of(second), 'the two packings differ byte for byte')
  gzipRef = await pushRepacked(
    registry.host,
    'semantic/gzip',
    first,
    'gzip',
    '2024-01-01T00:00:00Z',
  )
  zstdRef = await pushRepacked(
    registry.host,
    'semantic/zstd',
    second,
    'zstd',
    '2025-06-15T12:30:00Z',
  )
  // Same size, one byte different: a change of meaning.
  const third = await packedTree('2025-06-15 12:30:00', 'HELLO\n')
  changedRef = await pushRepacked(
    registry.host,
    'semantic/changed',
    third,
    'zstd',
    '2025-06-15T12:30:00Z',
  )
})
after(async () => {
  await registry?.stop()
  await rm(dataDir, { recursive: true, force: true })
})

test('the same files packed twice (mtimes, gzip vs zstd) are equivalent semantically', async () => {
  const result = await callHandler(table, 'compare:images', {
    left: gzipRef,
    right: zstdRef,
    semantic: true,
  })
  assert.equal(result.mode, 'semantic')
  assert.equal(result.equivalent, true)
  assert.equal(result.identical, false)
  assert.deepEqual(result.files, [])
  assert.equal(result.config.created, undefined)
  assert.ok(result.config.history.every((r) => r.status === 'same' && r.created === undefined))
  assert.deepEqual(
    result.layers.sharedPrefix.map((p) => p.match),
    ['content'],
  )
  assert.deepEqual([result.layers.onlyLeft, result.layers.onlyRight], [[], []])
})

test('and different exactly: every file by mtime, the layer unmatched, the times', async () => {
  const result = await callHandler(table, 'compare:images', {
    left: gzipRef,
    right: zstdRef,
    files: true,
  })
  assert.equal(result.mode, 'exact')
  assert.equal(result.equivalent, undefined)
  assert.deepEqual(
    (result.files ?? []).map((f) => [f.path, f.status]),
    [
      ['/app', 'changed'],
      ['/app/bin', 'changed'],
      ['/app/bin/run', 'changed'],
      ['/app/bin/start', 'changed'],
      ['/etc', 'changed'],
      ['/etc/motd', 'changed'],
      ['/etc/os-release', 'changed'],
    ],
  )
  assert.deepEqual(result.config.created, {
    left: '2024-01-01T00:00:00Z',
    right: '2025-06-15T12:30:00Z',
  })
  assert.deepEqual(
    result.config.history.map((row) => [row.status, row.created]),
    [['same', { left: '2024-01-01T00:00:00Z', right: '2025-06-15T12:30:00Z' }]],
  )
  assert.equal(result.layers.sharedPrefix.length, 0)
  assert.equal(result.layers.onlyLeft.length, 1)
  assert.equal(result.layers.onlyRight.length, 1)
})

test('semantic compare still finds a change of content of the same size', async () => {
  const result = await callHandler(table, 'compare:images', {
    left: zstdRef,
    right: changedRef,
    semantic: true,
  })
  assert.equal(result.equivalent, false)
  assert.deepEqual(
    (result.files ?? []).map((f) => [f.path, f.status, f.sizeDelta]),
    [['/etc/motd', 'changed', 0]],
  )
  assert.equal(result.layers.onlyLeft.length, 1)
  assert.equal(result.layers.onlyRight.length, 1)
})
