// scanTar's stream plumbing: a sink that asks the scanner to wait (several times inside one
// chunk of the stream) gets every byte of every entry, in order, before the next chunk comes;
// a scan stopped early stops reading its stream.

import assert from 'node:assert/strict'
import type { Readable } from 'node:stream'
import { test } from 'node:test'
import { scanTar } from '../../../electron/tar/tarStream'
import { chunked, rawTar } from '../../harness/layerTars'

const FILES = Array.from({ length: 12 }, (_, i) => ({
  name: `f${i}`,
  data: Buffer.alloc(3000 + i * 700, i + 1),
}))

async function readAll(tar: Readable): Promise<Map<string, Buffer>> {
  const got = new Map<string, Buffer[]>()
  await scanTar(tar, () => (entry) => {
    const parts: Buffer[] = []
    got.set(entry.path, parts)
    return {
      // Every piece makes the scanner wait a turn of the event loop.
      data: (chunk) => {
        parts.push(Buffer.from(chunk))
        return new Promise<void>((resolve) => setImmediate(resolve))
      },
      end: () => undefined,
    }
  })
  return new Map([...got].map(([path, parts]) => [path, Buffer.concat(parts)]))
}

for (const [label, size] of [
  ['the whole tar in one chunk', 1 << 20],
  ['chunks of 1,000 bytes', 1000],
] as const) {
  test(`a sink that waits gets every entry whole and in order (${label})`, async () => {
    const tar = rawTar(FILES)
    // One chunk holds the end of one file and the start of the next: two waits in a chunk.
    const got = await readAll(chunked(tar, size))
    assert.deepEqual(
      [...got.keys()],
      FILES.map((f) => f.name),
    )
    for (const file of FILES) assert.ok(got.get(file.name)?.equals(file.data), file.name)
  })
}

test('a scan stopped early reads little past the entry it wanted', async () => {
  const tar = rawTar(FILES)
  let served = 0
  const source = chunked(tar, 512)
  source.on('data', (chunk: Buffer) => (served += chunk.length))
  const result = await scanTar(source, (control) => (entry) => {
    if (entry.path === 'f0') control.stop()
    return undefined
  })
  assert.equal(result.stoppedEarly, true)
  await new Promise((resolve) => setImmediate(resolve))
  assert.ok(served < tar.length / 4, `read ${served} of ${tar.length} bytes`)
  assert.equal(source.destroyed, true)
})
