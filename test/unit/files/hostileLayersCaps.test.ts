// Issue 10, hostile layers: the documented caps (path and link-target length, metadata per
// entry, index budget, zstd window), the index cache's size cap and shape check, gunzip
// backpressure inside one chunk (the cause of the 1 GB zero-bomb figure), and tree walks that
// survive nesting far deeper than a call stack.

import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { open, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test } from 'node:test'
import { gzipSync } from 'node:zlib'
import { StrataError } from '../../../shared/errors'
import type { LayerEntry } from '../../../shared/api/files'
import { LayerIndexCache, MAX_INDEX_FILE_BYTES } from '../../../electron/files/layerIndexCache'
import { digestPath } from '../../../electron/cache/cachePaths'
import { GzipIndexStream } from '../../../electron/compression/gzipIndexStream'
import { buildImageTree } from '../../../electron/filetree/imageTree'
import { indexLayer } from '../../../electron/files/indexLayer'
import { MergedView } from '../../../electron/filetree/mergedView'
import { searchTree } from '../../../electron/filetree/searchTree'
import { encodeTarHeader, paxRecord, TAR_END } from '../../../electron/tar/tarEncode'
import { MAX_PATH_BYTES } from '../../../electron/tar/tarLimits'
import { chunked, sha256, tempDir, zstd } from '../../harness/layerTars'

const fileHeader = (name: string, size = 0, linkname?: string): Buffer =>
  encodeTarHeader({
    name,
    kind: linkname === undefined ? 'file' : 'symlink',
    mode: 0o644,
    uid: 0,
    gid: 0,
    size,
    mtime: 1_700_000_000,
    ...(linkname === undefined ? {} : { linkname }),
  })

/** A pax 'x' header carrying `records`, not followed by any entry. */
function paxOnly(records: Buffer): Buffer {
  const header = fileHeader('PaxHeaders/x', records.length)
  header[156] = 'x'.charCodeAt(0)
  header.fill(0x20, 148, 156)
  let sum = 0
  for (const byte of header) sum += byte
  header.write(`${sum.toString(8).padStart(6, '0')}\u0000 `, 148, 8, 'latin1')
  return Buffer.concat([header, records, Buffer.alloc((512 - (records.length % 512)) % 512)])
}

async function malformed(tar: Buffer, pattern: RegExp, maxIndexBytes?: number): Promise<void> {
  const digest = sha256(tar)
  await assert.rejects(
    indexLayer(chunked(gzipSync(tar), 4096), digest, {
      ...(maxIndexBytes === undefined ? {} : { maxIndexBytes }),
    }),
    (error: unknown) => {
      assert.ok(error instanceof StrataError, String(error))
      assert.equal(error.code, 'MALFORMED')
      assert.match(error.message, pattern)
      assert.ok(error.message.includes(digest), `names the layer: ${error.message}`)
      return true
    },
  )
}

test('a path of exactly 4096 bytes is read; one byte more is MALFORMED naming the cap', async () => {
  const longest = `${'d/'.repeat(1000)}${'f'.repeat(MAX_PATH_BYTES - 2000)}`
  assert.equal(Buffer.byteLength(longest), MAX_PATH_BYTES)
  const ok = Buffer.concat([fileHeader(longest, 3), Buffer.from('abc'), Buffer.alloc(509), TAR_END])
  const layer = await indexLayer(chunked(ok, 4096), sha256(ok))
  assert.deepEqual(
    layer.entries.map((e) => e.path),
    [longest],
  )
  const over = Buffer.concat([fileHeader(`${longest}x`), TAR_END])
  await malformed(over, /path of 4,097 bytes \(limit 4,096 bytes, PATH_MAX\)/)
})

test('a link target over 4096 bytes is MALFORMED naming the cap', async () => {
  const tar = Buffer.concat([fileHeader('link', 0, `/${'t'.repeat(5000)}`), TAR_END])
  await malformed(tar, /link target of 5,001 bytes \(limit 4,096 bytes/)
})

test('pax records that add up past 1 MiB before one entry are MALFORMED', async () => {
  const record = paxRecord('comment', 'c'.repeat(600 * 1024))
  const tar = Buffer.concat([paxOnly(record), paxOnly(record), fileHeader('f'), TAR_END])
  await malformed(tar, /adds up to more than 1 MiB \(limit 1 MiB\)/)
})

test('an index past its budget is MALFORMED naming the budget', async () => {
  const entries = Array.from({ length: 50 }, (_, i) => fileHeader(`dir/file-${i}`))
  const tar = Buffer.concat([...entries, TAR_END])
  const fine = await indexLayer(chunked(tar), sha256(tar), { maxIndexBytes: 1024 * 1024 })
  assert.equal(fine.entries.length, 50)
  await malformed(tar, /index passes 0 MiB at entry 2 \(limit: 128 bytes per entry/, 200)
})

test('a zstd frame asking for a window over 32 MiB is refused before decoding', async () => {
  const dir = tempDir('zstd-window')
  const tarPath = join(dir, 'layer.tar')
  await writeFile(
    tarPath,
    Buffer.concat([fileHeader('a', 3), Buffer.from('abc'), Buffer.alloc(509), TAR_END]),
  )
  // --long=30 from a pipe (size unknown) writes a 1 GiB window into the frame header (zstd -d
  // itself refuses it without --memory=1024MB).
  const bytes = execFileSync('zstd', ['-q', '-c', '--long=30'], { input: readFileSync(tarPath) })
  await assert.rejects(indexLayer(chunked(bytes), sha256(bytes), { zstd: 'fzstd' }), (error) => {
    assert.ok(error instanceof StrataError)
    assert.equal(error.code, 'MALFORMED')
    assert.match(error.message, /1073741824-byte window \(limit 33554432 bytes/)
    return true
  })
  // An ordinary zstd layer still reads.
  const plain = zstd(readFileSync(tarPath))
  const layer = await indexLayer(chunked(plain), sha256(plain), { zstd: 'fzstd' })
  assert.deepEqual(
    layer.entries.map((e) => e.path),
    ['a'],
  )
})

test('gunzip with checkpoints stops inflating a chunk while its reader is full', async () => {
  // 64 MiB of zeros in ~64 KB of deflate: one written chunk used to become 64 MiB buffered.
  const zeros = gzipSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 })
  const stream = GzipIndexStream.create({ onCheckpoint: () => undefined })
  assert.ok(stream, 'the runtime zlib can be stepped')
  stream.end(zeros)
  await new Promise((resolve) => setTimeout(resolve, 50))
  assert.ok(stream.readableLength <= 512 * 1024, `buffered ${stream.readableLength} bytes`)
  let total = 0
  let largestBuffered = 0
  for await (const chunk of stream) {
    total += (chunk as Buffer).length
    largestBuffered = Math.max(largestBuffered, stream.readableLength)
  }
  assert.equal(total, 64 * 1024 * 1024, 'the rest flows as it is read')
  assert.ok(largestBuffered <= 512 * 1024, `buffered up to ${largestBuffered} bytes`)
})

test('the index cache refuses a file over its size cap and rows of the wrong shape', async () => {
  const dir = tempDir('index-cache-caps')
  const cache = new LayerIndexCache(dir)
  const digest = `sha256:${'ab'.repeat(32)}`
  const entry: LayerEntry = {
    path: 'a',
    type: 'file',
    mode: 0o644,
    uid: 0,
    gid: 0,
    size: 1,
    mtime: 0,
    headerOffset: 0,
    dataOffset: 512,
    storedSize: 1,
  }
  const index = { digest, compression: 'gzip' as const, compressedSize: 10, uncompressedSize: 1024 }
  await cache.put({ ...index, entries: [entry] })
  assert.equal((await cache.get(digest))?.entries[0]?.path, 'a')
  const path = digestPath(dir, digest, '.json')
  const text = await readFile(path, 'utf8')
  await writeFile(path, text.replace('["a","file"', '["a","bogus-type"'))
  assert.equal(await cache.get(digest), undefined, 'a row with an unknown type is a miss')
  await writeFile(path, text.replace('["a","file",420', '["a","file","420"'))
  assert.equal(await cache.get(digest), undefined, 'a mode that is not a number is a miss')
  // A (sparse) file over the cap is not read at all.
  const handle = await open(path, 'w')
  await handle.truncate(MAX_INDEX_FILE_BYTES + 1)
  await handle.close()
  assert.equal(await cache.get(digest), undefined, 'an oversize index file is a miss')
})

test('merged views 100,000 directories deep: build, list, search, remove, opaque', () => {
  const depth = 100_000
  const deepest = Array.from({ length: depth }, () => 'd').join('/')
  const file = (path: string): LayerEntry => ({
    path,
    type: 'file',
    mode: 0o644,
    uid: 0,
    gid: 0,
    size: 5,
    mtime: 0,
    headerOffset: 0,
    dataOffset: 512,
    storedSize: 5,
  })
  const removed: string[] = []
  const view = new MergedView((node) => removed.push(node.entry.path))
  view.put(file(`${deepest}/leaf`), 0)
  assert.equal(view.size, depth + 1)
  assert.equal(view.list(deepest)[0]?.entry.path, `${deepest}/leaf`)
  assert.equal(searchTree(view, 'leaf').matches.length, 1)
  view.hideBelow('', 1)
  assert.equal(view.size, 0)
  assert.equal(removed.length, depth + 1)
  assert.equal(removed[0], `${deepest}/leaf`, 'children are reported before their directory')
  // The same through the layer machinery: a whiteout of the top directory in a second layer.
  const layers = [
    {
      digest: 'a',
      compression: 'none' as const,
      compressedSize: 0,
      uncompressedSize: 0,
      entries: [file(`${deepest}/leaf`)],
    },
    {
      digest: 'b',
      compression: 'none' as const,
      compressedSize: 0,
      uncompressedSize: 0,
      entries: [file('.wh.d')],
    },
  ]
  const tree = buildImageTree(layers)
  assert.equal(tree.view.size, 0)
  assert.equal(tree.wasted.length, 1)
})
