// Checkpoints into gzip streams made by real compressors: found while decompressing, and
// inflating from each one reproduces the original bytes exactly (to the end of its member).
// The input mixes text, binaries and already-compressed files, so deflate writes stored
// blocks (incompressible data) right after checkpoints at every bit of a byte.

import assert from 'node:assert/strict'
import { execFileSync, spawnSync } from 'node:child_process'
import { once } from 'node:events'
import { Readable } from 'node:stream'
import { test } from 'node:test'
import zlib from 'node:zlib'
import { openDecompressed } from '../../../electron/compression/decompress'
import type { GzipCheckpoint } from '../../../electron/compression/gzipCheckpoints'
import { blockPrimer, primedInput } from '../../../electron/compression/gzipCheckpoints'
import { CheckpointInflater } from '../../../electron/compression/gzipResume'

const EVERY = 1024 * 1024

/**
 * ~12 MB of real files as one tar: already-compressed changelogs and zoneinfo files (stored
 * blocks), text, binaries.
 */
const original: Buffer = execFileSync(
  'bash',
  [
    '-c',
    'tar -cf - -C / usr/share/doc usr/share/zoneinfo usr/share/perl usr/lib/x86_64-linux-gnu 2>/dev/null | head -c 12000000',
  ],
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

async function decompressWithCheckpoints(
  gz: Buffer,
  every = EVERY,
): Promise<{
  readonly output: Buffer
  readonly checkpoints: GzipCheckpoint[]
}> {
  const checkpoints: GzipCheckpoint[] = []
  const chunks: Buffer[] = []
  for (let i = 0; i < gz.length; i += 65536) chunks.push(gz.subarray(i, i + 65536))
  const layer = await openDecompressed(Readable.from(chunks), 'sha256:test', {
    checkpoints: { every, onCheckpoint: (c) => checkpoints.push(c) },
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

test('primer blocks end at every bit of a byte and inflate to nothing', () => {
  for (let bitShift = 0; bitShift < 8; bitShift++) {
    const primer = blockPrimer(bitShift)
    // The primer, then a final empty fixed-code block starting at bit `bitShift` of the next
    // byte (BFINAL 1, BTYPE 01, end-of-block 0000000): a complete raw stream of no output.
    const finalBlock = 0b011 << bitShift
    const bytes = Buffer.concat([
      primer.prefix,
      Buffer.of(primer.tail | (finalBlock & 0xff), finalBlock >> 8, 0),
    ])
    const output = zlib.inflateRawSync(bytes)
    assert.equal(output.length, 0, `bit ${bitShift}`)
    assert.ok(primer.tail < 1 << bitShift, `tail fits in ${bitShift} bits`)
  }
})

test('a stored block after a mid-byte checkpoint resumes (primed, not shifted)', async () => {
  // Text then random bytes, repeated: deflate switches to stored blocks for the random parts,
  // and the boundaries before them fall at any bit.
  const pieces: Buffer[] = []
  let seed = 7
  for (let i = 0; i < 40; i++) {
    pieces.push(original.subarray(i * 100_000, i * 100_000 + 60_000))
    const noise = Buffer.allocUnsafe(50_000)
    for (let b = 0; b < noise.length; b++) {
      seed = (seed * 1103515245 + 12345) >>> 0
      noise[b] = seed >>> 24
    }
    pieces.push(noise)
  }
  const source = Buffer.concat(pieces)
  const gz = tool('gzip', ['-6', '-n'], source)
  const checkpoints: GzipCheckpoint[] = []
  const chunks: Buffer[] = []
  for (let i = 0; i < gz.length; i += 65536) chunks.push(gz.subarray(i, i + 65536))
  const layer = await openDecompressed(Readable.from(chunks), 'sha256:test', {
    checkpoints: { every: 64 * 1024, onCheckpoint: (c) => checkpoints.push(c) },
  })
  for await (const chunk of layer.stream) void chunk
  const shifts = new Set<number>()
  for (const checkpoint of checkpoints) {
    shifts.add(checkpoint.bitShift)
    const inflater = CheckpointInflater.start(checkpoint)
    assert.ok(inflater)
    const parts = [...inflater.push(gz.subarray(checkpoint.compressedOffset)), ...inflater.end()]
    inflater.close()
    assert.ok(
      Buffer.concat(parts).equals(source.subarray(checkpoint.uncompressedOffset)),
      `from ${checkpoint.compressedOffset}.${checkpoint.bitShift}`,
    )
  }
  // Checkpoints at many bits of a byte were exercised, among them 0 and 7.
  assert.ok(shifts.has(0) && shifts.has(7) && shifts.size >= 6, [...shifts].join(','))
})

test('empty stored blocks of a sync flush resume from every checkpoint', async () => {
  // A gzip stream flushed with Z_SYNC_FLUSH every 100 KB (as streaming compressors do):
  // each flush ends a block and writes an empty stored block (00 00 ff ff).
  const source = original.subarray(0, 6_000_000)
  const deflate = zlib.createGzip({ level: 6 })
  const out: Buffer[] = []
  deflate.on('data', (chunk: Buffer) => out.push(chunk))
  for (let at = 0; at < source.length; at += 100_000) {
    deflate.write(source.subarray(at, at + 100_000))
    await new Promise<void>((resolve) => deflate.flush(zlib.constants.Z_SYNC_FLUSH, resolve))
  }
  deflate.end()
  await once(deflate, 'end')
  const gz = Buffer.concat(out)
  assert.ok(gz.includes(Buffer.of(0, 0, 0xff, 0xff)), 'the stream holds sync-flush markers')
  const { output, checkpoints } = await decompressWithCheckpoints(gz, 128 * 1024)
  assert.ok(output.equals(source))
  assert.ok(checkpoints.length >= 30)
  // Most flushes leave the next block on a byte edge; some checkpoints must not be, so that
  // the flushes' stored blocks after them are decoded from a mid-byte start.
  assert.ok(
    checkpoints.some((c) => c.bitShift !== 0),
    'a checkpoint inside a byte',
  )
  for (const checkpoint of checkpoints) {
    const inflater = CheckpointInflater.start(checkpoint)
    assert.ok(inflater)
    const parts = [...inflater.push(gz.subarray(checkpoint.compressedOffset)), ...inflater.end()]
    inflater.close()
    assert.ok(Buffer.concat(parts).equals(source.subarray(checkpoint.uncompressedOffset)))
  }
})

test('primed input keeps the block bits of the first byte and replaces the rest', () => {
  const bytes = Buffer.of(0b10110101, 1, 2, 3)
  for (let bitShift = 1; bitShift < 8; bitShift++) {
    const primer = blockPrimer(bitShift)
    const primed = primedInput(bytes, bitShift)
    assert.equal(primed.length, primer.prefix.length + bytes.length)
    const first = primed[primer.prefix.length] ?? 0
    const high = 0xff & ~((1 << bitShift) - 1)
    assert.equal(first & high, (bytes[0] ?? 0) & high)
    assert.equal(first & ~high & 0xff, primer.tail)
    assert.ok(primed.subarray(primer.prefix.length + 1).equals(bytes.subarray(1)))
  }
  assert.ok(primedInput(bytes, 0).equals(bytes))
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
