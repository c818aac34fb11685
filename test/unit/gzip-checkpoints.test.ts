// Checkpoints into gzip streams made by real compressors: found while decompressing, and
// inflating from each one reproduces the original bytes exactly (to the end of its member).

import assert from 'node:assert/strict'
import { execFileSync, spawnSync } from 'node:child_process'
import { Readable } from 'node:stream'
import { test } from 'node:test'
import zlib from 'node:zlib'
import { openDecompressed } from '../../electron/layers/decompress'
import type { GzipCheckpoint } from '../../electron/layers/gzipCheckpoints'
import { BitShifter, shiftBits } from '../../electron/layers/gzipCheckpoints'
import { CheckpointInflater } from '../../electron/layers/gzipResume'

const EVERY = 1024 * 1024

/** ~12 MB of real files (binaries, text, already-compressed data) as one tar. */
const original: Buffer = execFileSync(
  'bash',
  ['-c', 'tar -cf - -C / usr/share/perl usr/lib/x86_64-linux-gnu 2>/dev/null | head -c 12000000'],
  { maxBuffer: 64 * 1024 * 1024 },
)

const tool = (command: string, args: readonly string[], input: Buffer): Buffer =>
  execFileSync(command, args, { input, maxBuffer: 64 * 1024 * 1024 })

function members(sizes: readonly number[], level: number): { gz: Buffer; ends: number[] } {
  const parts: Buffer[] = []
  const ends: number[] = []
  let at = 0
  for (const size of sizes) {
    parts.push(zlib.gzipSync(original.subarray(at, at + size), { level }))
    at += size
    ends.push(Math.min(at, original.length))
  }
  return { gz: Buffer.concat(parts), ends }
}

const cases: { name: string; gz: () => Buffer; ends?: number[] }[] = [
  { name: 'gzip -6', gz: () => tool('gzip', ['-6', '-n'], original) },
  { name: 'gzip -1', gz: () => tool('gzip', ['-1', '-n'], original) },
  { name: 'gzip -9', gz: () => tool('gzip', ['-9', '-n'], original) },
  { name: 'node zlib level 1', gz: () => zlib.gzipSync(original, { level: 1 }) },
  { name: 'node zlib level 6', gz: () => zlib.gzipSync(original, { level: 6 }) },
  { name: 'node zlib level 9', gz: () => zlib.gzipSync(original, { level: 9 }) },
  {
    name: 'node zlib level 0 (stored blocks)',
    gz: () => zlib.gzipSync(original.subarray(0, 5_000_000), { level: 0 }),
  },
]
if (spawnSync('pigz', ['--version']).status === 0) {
  cases.push({ name: 'pigz', gz: () => tool('pigz', ['-6', '-n'], original) })
}
const multi = members([3_000_000, 4_500_000, 2_000_000, 5_000_000], 6)
cases.push({ name: 'four gzip members', gz: () => multi.gz, ends: multi.ends })

async function decompressWithCheckpoints(gz: Buffer): Promise<{
  readonly output: Buffer
  readonly checkpoints: GzipCheckpoint[]
}> {
  const checkpoints: GzipCheckpoint[] = []
  const chunks: Buffer[] = []
  for (let i = 0; i < gz.length; i += 65536) chunks.push(gz.subarray(i, i + 65536))
  const layer = await openDecompressed(Readable.from(chunks), 'sha256:test', {
    checkpoints: { every: EVERY, onCheckpoint: (c) => checkpoints.push(c) },
  })
  const out: Buffer[] = []
  for await (const chunk of layer.stream) out.push(chunk as Buffer)
  return { output: Buffer.concat(out), checkpoints }
}

for (const c of cases) {
  test(`${c.name}: checkpoints every ~1 MiB, and every one resumes to the exact bytes`, async () => {
    const gz = c.gz()
    const source = c.name.startsWith('node zlib level 0')
      ? original.subarray(0, 5_000_000)
      : original
    const { output, checkpoints } = await decompressWithCheckpoints(gz)
    assert.ok(output.equals(source), 'decompressed output matches the original')
    const expected = Math.floor(source.length / EVERY)
    assert.ok(
      checkpoints.length >= expected - 2 && checkpoints.length <= expected + 1,
      `${checkpoints.length} checkpoints for ${source.length} bytes`,
    )
    let previous = 0
    for (const checkpoint of checkpoints) {
      assert.ok(checkpoint.uncompressedOffset - previous >= EVERY)
      previous = checkpoint.uncompressedOffset
      assert.ok(checkpoint.bitShift >= 0 && checkpoint.bitShift <= 7)
      assert.equal(checkpoint.window.length, 32 * 1024)
      const inflater = CheckpointInflater.start(checkpoint)
      assert.ok(inflater)
      const parts = [...inflater.push(gz.subarray(checkpoint.compressedOffset))]
      parts.push(...inflater.end())
      inflater.close()
      const resumed = Buffer.concat(parts)
      // The member holding the checkpoint ends where the resumed stream must end.
      const memberEnd = c.ends?.find((end) => end > checkpoint.uncompressedOffset) ?? source.length
      assert.equal(resumed.length, memberEnd - checkpoint.uncompressedOffset)
      assert.ok(
        resumed.equals(source.subarray(checkpoint.uncompressedOffset, memberEnd)),
        `bytes from checkpoint at ${checkpoint.compressedOffset}.${checkpoint.bitShift}`,
      )
    }
  })
}

test('bit shifting: in one piece and streamed in odd chunks agree', () => {
  const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => (i * 37 + 11) & 0xff))
  for (let shift = 0; shift < 8; shift++) {
    const whole = shiftBits(bytes, shift)
    const shifter = new BitShifter(shift)
    const parts: Buffer[] = []
    for (let i = 0; i < bytes.length; i += 7) parts.push(shifter.push(bytes.subarray(i, i + 7)))
    parts.push(shifter.end())
    assert.ok(Buffer.concat(parts).equals(whole), `shift ${shift}`)
    // Bit n of the result is bit n + shift of the input.
    for (const n of [0, 5, 13, 800 * 8 + 3]) {
      const bitOut = ((whole[n >> 3] ?? 0) >> (n & 7)) & 1
      const m = n + shift
      assert.equal(bitOut, ((bytes[m >> 3] ?? 0) >> (m & 7)) & 1)
    }
  }
})

test('a layer too small for a checkpoint records none and still decompresses', async () => {
  const small = original.subarray(0, 500_000)
  const { output, checkpoints } = await decompressWithCheckpoints(zlib.gzipSync(small))
  assert.ok(output.equals(small))
  assert.equal(checkpoints.length, 0)
})

test('truncated gzip still fails as MALFORMED with checkpoints on', async () => {
  const gz = zlib.gzipSync(original.subarray(0, 3_000_000))
  await assert.rejects(decompressWithCheckpoints(gz.subarray(0, gz.length - 1000)), (error) => {
    assert.equal((error as { code?: string }).code, 'MALFORMED')
    assert.match((error as Error).message, /ends early/)
    return true
  })
  const corrupt = Buffer.from(gz)
  for (let i = 2_000; i < 2_100; i++) corrupt[i] = 0xff
  await assert.rejects(decompressWithCheckpoints(corrupt), /corrupt|ends early/)
})
