// HeldBytes (the span recorder's copy of blob bytes not yet hashed): whatever mix of pushes,
// visits and drops, it hands back exactly the bytes pushed, in order, and keeps none of the
// chunks it was given.

import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { test } from 'node:test'
import { HeldBytes } from '../../../electron/compression/gzipHeldBytes'

/** A small deterministic generator, so a failure can be replayed. */
function lcg(seed: number): (n: number) => number {
  let state = seed
  return (n) => {
    state = (state * 1103515245 + 12345) % 2147483648
    return state % n
  }
}

const visited = (held: HeldBytes, count: number): Buffer => {
  const parts: Buffer[] = []
  held.visit(count, (bytes) => parts.push(Buffer.from(bytes)))
  return Buffer.concat(parts)
}

test('pushes, visits and drops across slab edges return the bytes in order', () => {
  const source = randomBytes(9 * 1024 * 1024)
  const next = lcg(7)
  const held = new HeldBytes()
  let pushed = 0
  let dropped = 0
  while (pushed < source.length) {
    const size = Math.min(source.length - pushed, 1 + next(700 * 1024))
    const chunk = Buffer.from(source.subarray(pushed, pushed + size))
    held.push(chunk)
    chunk.fill(0) // the held bytes are a copy
    pushed += size
    assert.equal(held.length, pushed - dropped)
    const look = next(held.length + 1)
    assert.ok(visited(held, look).equals(source.subarray(dropped, dropped + look)))
    const drop = next(held.length + 1)
    held.drop(drop)
    dropped += drop
  }
  assert.ok(visited(held, held.length).equals(source.subarray(dropped)))
  held.drop(held.length)
  assert.equal(held.length, 0)
  held.push(Buffer.from('again'))
  assert.equal(visited(held, 5).toString(), 'again')
  held.clear(true)
  assert.equal(held.length, 0)
  assert.throws(() => held.visit(1, () => undefined), RangeError)
  assert.throws(() => held.drop(1), RangeError)
})
