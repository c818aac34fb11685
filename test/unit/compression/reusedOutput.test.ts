// reuseOutputBuffers (two output buffers in turn for a zlib decoder whose reader keeps nothing) on
// Node 20's gunzip, which has the same zlib stream fields as Node 24's zstd decoder: a gzip of
// this machine's own files decodes to exactly its bytes through two buffers; a reader that
// holds a chunk while paused, or a stream that queues chunks before anyone reads, still gets
// every byte intact (the held buffer is given up, never decoded over). Node 24's zstd through
// the same helper is checked on real layers in test/integration/compression/node24Zstd.test.ts.

import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { PassThrough, Readable } from 'node:stream'
import type { Transform } from 'node:stream'
import { test } from 'node:test'
import zlib from 'node:zlib'
import { reuseOutputBuffers } from '../../../electron/compression/reusedOutput'

const CHUNK = 64 * 1024

// The first 10 MB of a tar of this machine's /usr/bin.
const plain = execFileSync(
  'bash',
  ['-c', 'cd / && tar -cf - usr/bin 2>/dev/null | head -c 10000000'],
  { maxBuffer: 256 * 1024 * 1024 },
)
const gzipped = zlib.gzipSync(plain, { level: 6 })
const expected = createHash('sha256').update(plain).digest('hex')

function decoder(): Transform {
  const gunzip = zlib.createGunzip({ chunkSize: CHUNK })
  assert.equal(reuseOutputBuffers(gunzip, CHUNK), true, 'zlib fields found')
  // Fed in 100 KiB pieces, as a stream delivers a blob.
  const pieces: Buffer[] = []
  for (let at = 0; at < gzipped.length; at += 100 * 1024) {
    pieces.push(gzipped.subarray(at, at + 100 * 1024))
  }
  Readable.from(pieces).pipe(gunzip)
  return gunzip
}

interface Read {
  readonly sha256: string
  readonly chunks: number
  readonly buffers: number
}

/** Reads `stream`; `hold(n)` says whether chunk n is kept across a pause before it is hashed. */
function read(stream: Transform, hold: (n: number) => boolean): Promise<Read> {
  const hash = createHash('sha256')
  const buffers = new Set<ArrayBufferLike>()
  let chunks = 0
  return new Promise((resolve, reject) => {
    stream.on('data', (chunk: Buffer) => {
      buffers.add(chunk.buffer)
      chunks++
      if (!hold(chunks)) {
        hash.update(chunk)
        return
      }
      // As the tar scanner does while a sink waits: paused, the chunk kept, read later.
      stream.pause()
      setTimeout(() => {
        hash.update(chunk)
        stream.resume()
      }, 2)
    })
    stream.once('end', () => {
      // The last chunk may still be held when the stream ends.
      setTimeout(() => resolve({ sha256: hash.digest('hex'), chunks, buffers: buffers.size }), 10)
    })
    stream.once('error', reject)
  })
}

test('a reader that takes every chunk at once gets every byte through two buffers', async () => {
  const result = await read(decoder(), () => false)
  assert.equal(result.sha256, expected)
  assert.ok(result.chunks > 50, `${result.chunks} chunks`)
  // The pair, and at most one more if the first output came before the reader.
  assert.ok(result.buffers <= 3, `${result.buffers} buffers for ${result.chunks} chunks`)
})

test('a chunk held across a pause is never decoded over', async () => {
  const result = await read(decoder(), (n) => n % 3 === 0)
  assert.equal(result.sha256, expected)
  assert.ok(result.buffers > 3, 'held buffers were given up for fresh ones')
  assert.ok(result.buffers < result.chunks, 'the others were reused')
})

test('chunks queued before anyone reads stay intact', async () => {
  const stream = decoder()
  // Let zlib decode into the stream's queue (up to its high-water mark) with no reader.
  await new Promise((resolve) => setTimeout(resolve, 50))
  assert.ok(stream.readableLength > 0, 'output queued')
  const result = await read(stream, () => false)
  assert.equal(result.sha256, expected)
})

test('a stream without zlib fields is left as it is', () => {
  const other = new PassThrough()
  assert.equal(reuseOutputBuffers(other, CHUNK), false)
  assert.equal(Object.hasOwn(other, 'push'), false, 'push not replaced')
  assert.equal(Object.hasOwn(other, '_outBuffer'), false)
  const wrongSize = zlib.createGunzip({ chunkSize: CHUNK })
  assert.equal(reuseOutputBuffers(wrongSize, 2 * CHUNK), false)
  wrongSize.destroy()
})
