// The content-addressed blob cache: verified writes, LRU eviction order by use (not by file
// times), the size limit, a crashed writer's temp file, clear(), reopening.

import assert from 'node:assert/strict'
import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { test } from 'node:test'
import { StrataError } from '../../../shared/errors'
import { BlobCache } from '../../../electron/cache/blobCache'
import { sha256, tempDir } from '../../harness/layerTars'

const blob = (fill: number, size = 1000): Buffer => Buffer.alloc(size, fill)

async function readAll(stream: Readable | undefined): Promise<Buffer> {
  assert.ok(stream, 'blob is cached')
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

test('a blob is stored, read back and counted', async () => {
  const cache = await BlobCache.open(tempDir('blobs'), 10_000)
  const bytes = blob(1)
  assert.equal(await cache.put(sha256(bytes), Readable.from([bytes])), true)
  assert.deepEqual(await readAll(await cache.get(sha256(bytes))), bytes)
  assert.equal(cache.size(), 1000)
  assert.equal(await cache.get(sha256(blob(2))), undefined)
})

test('bytes that do not match the digest are refused and leave nothing behind', async () => {
  const dir = tempDir('blobs-bad')
  const cache = await BlobCache.open(dir, 10_000)
  await assert.rejects(
    cache.put(sha256(blob(1)), Readable.from([blob(2)])),
    (error: unknown) => error instanceof StrataError && error.code === 'DIGEST_MISMATCH',
  )
  assert.equal(cache.size(), 0)
  assert.deepEqual(readdirSync(join(dir, 'blobs', 'sha256')), [])
  assert.deepEqual(
    readdirSync(join(dir, 'blobs')).filter((n) => n.startsWith('.tmp')),
    [],
  )
})

test('eviction drops the least recently used first and keeps the total under the limit', async () => {
  const dir = tempDir('blobs-lru')
  const cache = await BlobCache.open(dir, 3000)
  const [a, b, c, d] = [blob(1), blob(2), blob(3), blob(4)]
  for (const bytes of [a, b, c]) await cache.put(sha256(bytes), Readable.from([bytes]))
  await readAll(await cache.get(sha256(a))) // a is now the most recently used
  await cache.put(sha256(d), Readable.from([d]))
  assert.equal(cache.has(sha256(b)), false, 'b was least recently used')
  assert.deepEqual(cache.digestsByAge(), [sha256(c), sha256(a), sha256(d)])
  assert.equal(cache.size(), 3000)
  const reopened = await BlobCache.open(dir, 3000)
  assert.deepEqual(reopened.digestsByAge(), [sha256(c), sha256(a), sha256(d)])
  assert.equal(existsSync(join(dir, 'blobs', 'sha256', sha256(b).slice(7))), false)
})

test('a blob larger than the whole limit is not kept', async () => {
  const cache = await BlobCache.open(tempDir('blobs-big'), 500)
  const bytes = blob(9)
  assert.equal(await cache.put(sha256(bytes), Readable.from([bytes])), false)
  assert.equal(cache.size(), 0)
})

test("a crashed writer's temp file is ignored and swept on open", async () => {
  const dir = tempDir('blobs-crash')
  const first = await BlobCache.open(dir, 10_000)
  await first.put(sha256(blob(5)), Readable.from([blob(5)]))
  // A writer that no longer runs (no pid can exceed 4194304).
  const leftover = join(dir, 'blobs', '.tmp-4194305-abcdef')
  writeFileSync(leftover, 'half a blob')
  const reopened = await BlobCache.open(dir, 10_000)
  assert.equal(existsSync(leftover), false)
  assert.equal(reopened.size(), 1000)
})

test('clear() empties the cache', async () => {
  const dir = tempDir('blobs-clear')
  const cache = await BlobCache.open(dir, 10_000)
  await cache.put(sha256(blob(6)), Readable.from([blob(6)]))
  await cache.clear()
  assert.equal(cache.size(), 0)
  assert.equal(cache.has(sha256(blob(6))), false)
  assert.equal((await BlobCache.open(dir, 10_000)).size(), 0)
})

test('a key that is not a digest is refused before anything is written', async () => {
  const cache = await BlobCache.open(tempDir('blobs-hostile'), 10_000)
  await assert.rejects(
    cache.put('sha256:../../escape', Readable.from([blob(1)])),
    (error: unknown) => error instanceof StrataError && error.code === 'BAD_INPUT',
  )
})
