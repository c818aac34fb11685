// decodeInline (a zlib-style decoder run with its synchronous write on the reading thread, into
// one reused buffer while the reader takes each chunk at once) on Node 20's gunzip, which has
// the same zlib stream fields as Node 24's zstd decoder: a gzip of this machine's own files
// decodes to exactly its bytes; a reader that holds a chunk while paused, or a stream that
// queues chunks before anyone reads, still gets every byte intact; a zero bomb is decoded a
// few MiB per turn of the event loop; corrupt and cut-short input fail through mapError; the
// consumed input chunks are reported. Node 24's zstd through the same code is checked on real
// layers in test/integration/compression/node24Zstd.test.ts.

import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { PassThrough, Readable } from 'node:stream'
import type { Transform } from 'node:stream'
import { test } from 'node:test'
import zlib from 'node:zlib'
import { decodeInline } from '../../../electron/compression/inlineDecoder'

const CHUNK = 64 * 1024

// The first 10 MB of a tar of this machine's /usr/bin.
const plain = execFileSync(
  'bash',
  ['-c', 'cd / && tar -cf - usr/bin 2>/dev/null | head -c 10000000'],
  { maxBuffer: 256 * 1024 * 1024 },
)
const gzipped = zlib.gzipSync(plain, { level: 6 })
const expected = createHash('sha256').update(plain).digest('hex')

class Mapped extends Error {
  constructor(readonly original: unknown) {
    super(`mapped: ${original instanceof Error ? original.message : String(original)}`)
  }
}

/** `bytes` fed in 100 KiB pieces, as a stream delivers a blob. */
function pieces(bytes: Buffer): Buffer[] {
  const out: Buffer[] = []
  for (let at = 0; at < bytes.length; at += 100 * 1024)
    out.push(bytes.subarray(at, at + 100 * 1024))
  return out
}

function decoded(bytes: Buffer, consumed?: Buffer[]): Readable {
  const stream = decodeInline(Readable.from(pieces(bytes)), zlib.createGunzip(), {
    chunkSize: CHUNK,
    mapError: (error) => new Mapped(error),
    ...(consumed ? { onInputConsumed: (chunk: Buffer) => consumed.push(chunk) } : {}),
  })
  assert.ok(stream, 'zlib fields found')
  return stream
}

interface Read {
  readonly sha256: string
  readonly chunks: number
  readonly buffers: number
  readonly largest: number
}

/** Reads `stream`; `hold(n)` says whether chunk n is kept across a pause before it is hashed. */
function read(stream: Readable, hold: (n: number) => boolean): Promise<Read> {
  const hash = createHash('sha256')
  const buffers = new Set<ArrayBufferLike>()
  let chunks = 0
  let largest = 0
  return new Promise((resolve, reject) => {
    stream.on('data', (chunk: Buffer) => {
      buffers.add(chunk.buffer)
      chunks++
      largest = Math.max(largest, chunk.length)
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
      setTimeout(() => {
        resolve({ sha256: hash.digest('hex'), chunks, buffers: buffers.size, largest })
      }, 10)
    })
    stream.once('error', reject)
  })
}

test('a reader that takes every chunk at once gets every byte through one reused buffer', async () => {
  const consumed: Buffer[] = []
  const result = await read(decoded(gzipped, consumed), () => false)
  assert.equal(result.sha256, expected)
  assert.ok(result.chunks > 50, `${result.chunks} chunks`)
  assert.ok(result.largest <= CHUNK)
  // The reused one, and the few queued before the reader came.
  assert.ok(result.buffers <= 4, `${result.buffers} buffers for ${result.chunks} chunks`)
  // Every input piece was reported once it was all decoded, in order.
  assert.deepEqual(
    consumed.map((chunk) => chunk.length),
    pieces(gzipped).map((chunk) => chunk.length),
  )
})

test('a chunk held across a pause is never decoded over', async () => {
  const result = await read(decoded(gzipped), (n) => n % 3 === 0)
  assert.equal(result.sha256, expected)
  assert.ok(result.buffers > 4, 'held chunks kept their buffers')
  assert.ok(result.buffers < result.chunks, 'the others were reused')
})

test('chunks queued before anyone reads stay intact', async () => {
  const stream = decoded(gzipped)
  await new Promise((resolve) => setTimeout(resolve, 50))
  assert.ok(stream.readableLength > 0, 'output queued')
  assert.ok(stream.readableLength <= 3 * CHUNK, 'no more than the high-water mark and one chunk')
  const result = await read(stream, () => false)
  assert.equal(result.sha256, expected)
})

test('a zero bomb is decoded a few MiB per turn of the event loop, through one buffer', async () => {
  const zeros = zlib.gzipSync(Buffer.alloc(64 * 1024 * 1024))
  assert.ok(zeros.length < 100 * 1024)
  const stream = decoded(zeros)
  let turns = 0
  let counting = true
  const tick = (): void => {
    turns++
    if (counting) setImmediate(tick)
  }
  setImmediate(tick)
  const result = await read(stream, () => false).finally(() => (counting = false))
  assert.equal(
    result.sha256,
    createHash('sha256')
      .update(Buffer.alloc(64 * 1024 * 1024))
      .digest('hex'),
  )
  // 64 MiB at 8 MiB per turn: the loop came round between them.
  assert.ok(turns >= 7, `${turns} turns`)
  assert.ok(result.buffers <= 4, `${result.buffers} buffers`)
})

test('corrupt input fails with the mapped error; so does input cut short', async () => {
  const corrupt = Buffer.from(gzipped)
  corrupt.fill(0x55, 200_000, 200_400)
  await assert.rejects(
    read(decoded(corrupt), () => false),
    (error: unknown) => {
      assert.ok(error instanceof Mapped)
      assert.equal((error.original as { code?: unknown }).code, 'Z_DATA_ERROR')
      return true
    },
  )
  await assert.rejects(
    read(decoded(gzipped.subarray(0, 300_000)), () => false),
    (error: unknown) => {
      assert.ok(error instanceof Mapped)
      assert.match(String((error.original as Error).message), /unexpected end/)
      return true
    },
  )
})

test('an error of the input passes as it is; a reader that stops early releases the input', async () => {
  const failing = new Readable({ read: () => undefined })
  const stream = decodeInline(failing, zlib.createGunzip(), {
    chunkSize: CHUNK,
    mapError: (error) => new Mapped(error),
  })
  assert.ok(stream)
  failing.push(gzipped.subarray(0, 50_000))
  const source = new Error('the registry went away')
  setTimeout(() => failing.destroy(source), 10)
  await assert.rejects(
    read(stream, () => false),
    (error: unknown) => error === source,
  )

  const input = Readable.from(pieces(gzipped))
  const early = decodeInline(input, zlib.createGunzip(), {
    chunkSize: CHUNK,
    mapError: (error) => new Mapped(error),
  })
  assert.ok(early)
  await new Promise<void>((resolve) => {
    early.once('data', () => {
      early.destroy()
      resolve()
    })
  })
  await new Promise((resolve) => setTimeout(resolve, 10))
  assert.equal(input.destroyed, true)
})

test('a stream without zlib fields is left to the caller', () => {
  const other: Transform = new PassThrough()
  assert.equal(
    decodeInline(Readable.from([]), other, { chunkSize: CHUNK, mapError: (e) => new Mapped(e) }),
    undefined,
  )
})
