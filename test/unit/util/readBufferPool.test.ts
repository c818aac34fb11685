// pooledRangeStream and readBufferPool.ts on this machine's own files: every range reads
// exactly the bytes fs reads; full reads are chunks that own their whole buffer; memory given
// back is read into again (and the bytes read into it are right); the pool refuses memory of
// another size or moved away, holds at most MAX_IDLE_READ_BUFFERS, and a stream destroyed
// mid-way closes its file.

import assert from 'node:assert/strict'
import { readFileSync, statSync } from 'node:fs'
import type { Readable } from 'node:stream'
import { test } from 'node:test'
import {
  MAX_IDLE_READ_BUFFERS,
  READ_BUFFER_BYTES,
  readBufferCounts,
  returnReadBuffer,
  takeReadBuffer,
} from '../../../electron/util/readBufferPool'
import { openUserFile, pooledRangeStream } from '../../../electron/util/safeFile'

// Two of this machine's binaries: this Node (tens of MB, many reads), and one smaller than a read.
const LARGE = process.execPath
const SMALL = '/usr/bin/env'

/** Reads the stream; `giveBack` returns each chunk's memory once its bytes are copied out. */
async function collect(
  stream: Readable,
  giveBack: boolean,
): Promise<{ bytes: Buffer; chunks: Buffer[]; memories: Set<ArrayBufferLike> }> {
  const parts: Buffer[] = []
  const chunks: Buffer[] = []
  const memories = new Set<ArrayBufferLike>()
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    parts.push(Buffer.from(chunk))
    memories.add(chunk.buffer)
    if (giveBack && chunk.buffer instanceof ArrayBuffer) returnReadBuffer(chunk.buffer)
    else chunks.push(chunk)
  }
  return { bytes: Buffer.concat(parts), chunks, memories }
}

test('every range reads exactly the bytes fs reads', async () => {
  for (const path of [LARGE, SMALL]) {
    const whole = readFileSync(path)
    const size = statSync(path).size
    const ranges = [
      [0, size - 1],
      [0, size + 10], // past the end: stops at the end
      [1, READ_BUFFER_BYTES],
      [READ_BUFFER_BYTES - 1, READ_BUFFER_BYTES + 1],
      [size - 1, size - 1],
      [Math.floor(size / 3), Math.floor((2 * size) / 3)],
    ] as const
    for (const [start, end] of ranges) {
      const file = await openUserFile(path, 'a test file')
      const { bytes } = await collect(pooledRangeStream(file, { start, end }), false)
      assert.ok(bytes.equals(whole.subarray(start, end + 1)), `${path} [${start}, ${end}]`)
    }
  }
})

test('full reads own their whole buffer; the last short read is a slice', async () => {
  const file = await openUserFile(LARGE, 'a test file')
  const { chunks } = await collect(pooledRangeStream(file, { start: 0, end: 1e12 }), false)
  assert.ok(chunks.length > 2)
  for (const chunk of chunks.slice(0, -1)) {
    assert.equal(chunk.byteOffset, 0)
    assert.equal(chunk.byteLength, READ_BUFFER_BYTES)
    assert.equal(chunk.buffer.byteLength, READ_BUFFER_BYTES)
  }
})

test('memory given back is read into again, and what is read into it is right', async () => {
  const whole = readFileSync(LARGE)
  const first = await collect(
    pooledRangeStream(await openUserFile(LARGE, 'a test file'), { start: 0, end: 1e12 }),
    true,
  )
  assert.ok(first.bytes.equals(whole))
  const before = readBufferCounts()
  assert.ok(before.idle > 0, 'given back')
  const second = await collect(
    pooledRangeStream(await openUserFile(LARGE, 'a test file'), { start: 0, end: 1e12 }),
    true,
  )
  assert.ok(second.bytes.equals(whole))
  const after = readBufferCounts()
  assert.ok(after.reused - before.reused >= Math.min(before.idle, second.memories.size - 1))
  const shared = [...second.memories].filter((memory) => first.memories.has(memory))
  assert.ok(shared.length > 0, 'the second read lay in memory of the first')
})

test('the pool refuses other sizes and moved memory, and keeps at most its limit', () => {
  const start = readBufferCounts().idle
  returnReadBuffer(new ArrayBuffer(READ_BUFFER_BYTES - 1))
  const moved = new ArrayBuffer(READ_BUFFER_BYTES)
  structuredClone(moved, { transfer: [moved] })
  returnReadBuffer(moved)
  assert.equal(readBufferCounts().idle, start)
  for (let i = 0; i < 40; i++) returnReadBuffer(new ArrayBuffer(READ_BUFFER_BYTES))
  assert.equal(readBufferCounts().idle, MAX_IDLE_READ_BUFFERS)
  const taken = takeReadBuffer()
  assert.equal(taken.length, READ_BUFFER_BYTES)
  assert.equal(readBufferCounts().idle, MAX_IDLE_READ_BUFFERS - 1)
})

test('a stream destroyed mid-way closes its file', async () => {
  const file = await openUserFile(LARGE, 'a test file')
  const stream = pooledRangeStream(file, { start: 0, end: 1e12 })
  await new Promise<void>((resolve) => stream.once('data', () => resolve()))
  stream.destroy()
  await new Promise((resolve) => stream.once('close', resolve))
  assert.equal(file.handle.fd, -1, 'closed')
})
