// The on-disk layer index: round trip, reopen speed, atomic writes (a crashed writer's temp
// file is ignored and swept), version and digest checks, hostile keys.

import assert from 'node:assert/strict'
import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'
import { StrataError } from '../../../shared/errors'
import type { LayerEntry, LayerIndex } from '../../../shared/api/files'
import { LayerIndexCache } from '../../../electron/files/layerIndexCache'
import { tempDir } from '../../harness/layerTars'

const DIGEST = `sha256:${'ab'.repeat(32)}`

function bigIndex(count: number): LayerIndex {
  const entries: LayerEntry[] = []
  for (let i = 0; i < count; i++) {
    entries.push({
      path: `usr/lib/pkg-${i % 97}/file-${i}.so`,
      type: i % 10 === 0 ? 'symlink' : 'file',
      mode: 0o644,
      uid: 0,
      gid: 0,
      size: i * 7,
      mtime: 1700000000 + i / 4,
      ...(i % 10 === 0 ? { linkname: `file-${i + 1}.so` } : {}),
      headerOffset: i * 1024,
      dataOffset: i * 1024 + 512,
      storedSize: i % 10 === 0 ? 0 : i * 7,
      ...(i === 5 ? { sparse: true, warnings: ['dot-dot' as const] } : {}),
    })
  }
  return {
    digest: DIGEST,
    compression: 'gzip',
    compressedSize: 1234,
    uncompressedSize: count * 1024,
    entries,
  }
}

test('an index round-trips exactly and reopens 10k entries in under 50 ms', async () => {
  const cache = new LayerIndexCache(tempDir('index-cache'))
  const index = bigIndex(10_000)
  await cache.put(index)
  assert.deepEqual(await cache.get(DIGEST), index)
  // Best of five: the figure is the reopen cost, not the noise of a busy test machine.
  let best = Infinity
  for (let i = 0; i < 5; i++) {
    const started = performance.now()
    await cache.get(DIGEST)
    best = Math.min(best, performance.now() - started)
  }
  assert.ok(best < 50, `reopen took ${best.toFixed(1)} ms`)
})

test('a temp file left by a crashed writer is ignored, then swept', async () => {
  const dir = tempDir('index-crash')
  const cache = new LayerIndexCache(dir)
  const shardDir = join(dir, 'sha256')
  await cache.put(bigIndex(3))
  // A writer that no longer runs (no pid can exceed 4194304), so the next put sweeps it.
  const leftover = join(shardDir, '.tmp-4194305-deadbeef0000')
  writeFileSync(leftover, '{"format":"strata-layer-index", "vers')
  assert.equal((await cache.get(DIGEST))?.entries.length, 3)
  await cache.put(bigIndex(4))
  assert.equal(existsSync(leftover), false)
  assert.deepEqual(readdirSync(shardDir), [`${'ab'.repeat(32)}.json`])
})

test('another format version, a damaged file, or another digest is a miss', async () => {
  const dir = tempDir('index-miss')
  const cache = new LayerIndexCache(dir)
  const path = join(dir, 'sha256', `${'ab'.repeat(32)}.json`)
  await cache.put(bigIndex(2))
  writeFileSync(path, JSON.stringify({ format: 'strata-layer-index', version: 99, entries: [] }))
  assert.equal(await cache.get(DIGEST), undefined)
  writeFileSync(path, '{ not json')
  assert.equal(await cache.get(DIGEST), undefined)
  await cache.put({ ...bigIndex(1), digest: `sha256:${'cd'.repeat(32)}` })
  assert.equal(await cache.get(`sha256:${'ef'.repeat(32)}`), undefined)
})

test('a key that is not a digest never becomes a path', async () => {
  const cache = new LayerIndexCache(tempDir('index-hostile'))
  await assert.rejects(
    cache.put({ ...bigIndex(1), digest: 'sha256:../../../../tmp/pwned' }),
    (error: unknown) => error instanceof StrataError && error.code === 'BAD_INPUT',
  )
})
