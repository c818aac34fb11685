// Hostile and broken layers: escaping names, absurd sizes, bad checksums, oversized pax
// records, garbage, truncated and corrupt gzip/zstd. Each must end in a clear error (or a
// flagged, made-safe entry), never a hang.

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { StrataError } from '../../../shared/errors'
import type { LayerIndex } from '../../../shared/api/files'
import type { ZstdDecoder } from '../../../electron/compression/decompress'
import { indexLayer } from '../../../electron/files/indexLayer'
import { chunked, gzip, rawEntry, rawTar, sha256, zstd } from '../../harness/layerTars'

async function index(bytes: Buffer, zstdDecoder: ZstdDecoder = 'auto'): Promise<LayerIndex> {
  return indexLayer(chunked(bytes, 4096), sha256(bytes), { zstd: zstdDecoder })
}

async function rejectsWith(bytes: Buffer, pattern: RegExp, zstdDecoder?: ZstdDecoder) {
  await assert.rejects(index(bytes, zstdDecoder), (error: unknown) => {
    assert.ok(error instanceof StrataError, String(error))
    assert.equal(error.code, 'MALFORMED')
    assert.match(error.message, pattern)
    return true
  })
}

const sample = rawTar(
  Array.from({ length: 40 }, (_, i) => ({
    name: `dir/file-${i}`,
    data: `content ${i} `.repeat(500),
  })),
)

test('".." and absolute names are folded into the image and flagged', async () => {
  const layer = await index(
    gzip(
      rawTar([
        { name: '../../etc/passwd', data: 'x' },
        { name: '/abs/file', data: 'y' },
        { name: 'a/../../b', data: 'z' },
        { name: 'ok/./name', data: 'w' },
        { name: 'hl', type: '1', linkname: '../../etc/shadow' },
      ]),
    ),
  )
  const rows = layer.entries.map((e) => [e.path, e.warnings ?? [], e.linkname ?? ''])
  assert.deepEqual(rows, [
    ['etc/passwd', ['dot-dot'], ''],
    ['abs/file', ['absolute-path'], ''],
    ['b', ['dot-dot'], ''],
    ['ok/name', [], ''],
    ['hl', ['link-escapes'], 'etc/shadow'],
  ])
})

test('a size larger than the stream is an error, not a hang', async () => {
  await rejectsWith(
    rawTar([{ name: 'huge', data: 'tiny', sizeField: '77777777777' }]),
    /ends early at byte .* inside entry "huge"/,
  )
})

test('a size over 64 GiB is refused', async () => {
  const block = rawEntry({ name: 'absurd', data: '' })
  block.fill(0, 124, 136)
  block[124] = 0x80
  block.writeUInt32BE(0x7fffffff, 132)
  block.writeUInt32BE(0x10, 128)
  block.fill(0x20, 148, 156)
  let sum = 0
  for (let i = 0; i < 512; i++) sum += block[i] ?? 0
  block.write(`${sum.toString(8).padStart(6, '0')}\u0000 `, 148, 'latin1')
  await rejectsWith(Buffer.concat([block, Buffer.alloc(1024)]), /over the 64 GiB limit/)
})

test('a bad header checksum names its offset', async () => {
  const tar = Buffer.concat([
    rawEntry({ name: 'fine', data: 'ok' }),
    rawEntry({ name: 'broken', data: 'no', corruptChecksum: true }),
    Buffer.alloc(1024),
  ])
  await rejectsWith(gzip(tar), /checksum is wrong at byte 1024/)
})

test('a pax record over 1 MiB is refused', async () => {
  const tar = rawTar([{ name: 'PaxHeader', type: 'x', data: Buffer.alloc(1024 * 1024 + 1, 0x41) }])
  await rejectsWith(tar, /limit 1 MiB/)
})

test('garbage is neither tar, gzip nor zstd', async () => {
  const garbage = Buffer.alloc(2048, 0x5a)
  await rejectsWith(garbage, /is not a tar, gzip or zstd stream/)
})

test('a truncated gzip stream says where it ends', async () => {
  const compressed = gzip(sample)
  const cut = compressed.subarray(0, Math.floor(compressed.length / 2))
  await rejectsWith(cut, new RegExp(`gzip stream ends early at byte ${cut.length}`))
})

test('a corrupt gzip stream is MALFORMED', async () => {
  const compressed = Buffer.from(gzip(sample))
  compressed.fill(0xff, 100, 140)
  await rejectsWith(compressed, /gzip data is corrupt near byte/)
})

test('a tar that stops mid-entry is truncated', async () => {
  await rejectsWith(gzip(sample.subarray(0, 5000)), /tar stream ends early at byte 5000/)
})

for (const decoder of ['auto', 'fzstd'] as const) {
  test(`a truncated zstd stream is MALFORMED (${decoder})`, async () => {
    const compressed = zstd(sample)
    const cut = compressed.subarray(0, Math.floor(compressed.length / 2))
    await rejectsWith(cut, /zstd stream ends early/, decoder)
  })

  test(`a corrupt zstd stream is MALFORMED (${decoder})`, async () => {
    const compressed = Buffer.from(zstd(sample))
    compressed.fill(0xff, 20, 60)
    await rejectsWith(compressed, /layer sha256:[0-9a-f]+: zstd/, decoder)
  })
}

test('a layer with more entries than the limit is refused with a clear error', async () => {
  const many = rawTar(Array.from({ length: 11 }, (_, i) => ({ name: `e${i}`, data: '' })))
  await assert.rejects(
    indexLayer(chunked(many), sha256(many), { maxEntries: 10 }),
    (error: unknown) =>
      error instanceof StrataError &&
      error.code === 'MALFORMED' &&
      error.message ===
        `layer ${sha256(many)}: layer has more than 10 entries; Strata stops reading there`,
  )
  assert.equal(
    (await indexLayer(chunked(many), sha256(many), { maxEntries: 11 })).entries.length,
    11,
  )
})

test('cancelling stops indexing with CANCELLED', async () => {
  const controller = new AbortController()
  controller.abort()
  await assert.rejects(
    indexLayer(chunked(sample), sha256(sample), { signal: controller.signal }),
    (error: unknown) => error instanceof StrataError && error.code === 'CANCELLED',
  )
})

test('randomly damaged tars end in a result or MALFORMED, never a hang or a crash', async () => {
  const base = rawTar([
    { name: 'a', data: 'x'.repeat(700) },
    { name: 'dir/', type: '5' },
    { name: 'dir/b', data: 'bb' },
    { name: 'link', type: '2', linkname: 'a' },
  ])
  const outcomes = { ok: 0, malformed: 0 }
  let seed = 20261125
  const random = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff
  for (let i = 0; i < 300; i++) {
    const damaged = Buffer.from(base)
    for (let k = 0; k < 1 + Math.floor(random() * 8); k++) {
      damaged[Math.floor(random() * damaged.length)] = Math.floor(random() * 256)
    }
    const input = i % 2 === 0 ? damaged : gzip(damaged)
    try {
      await indexLayer(chunked(input, 1 + Math.floor(random() * 2000)), sha256(input))
      outcomes.ok++
    } catch (error) {
      assert.ok(error instanceof StrataError, `case ${i}: ${String(error)}`)
      assert.equal(error.code, 'MALFORMED')
      outcomes.malformed++
    }
  }
  // Damage in file data or padding goes unnoticed by design (the digest check is the source's).
  assert.ok(outcomes.ok > 0 && outcomes.malformed > 0, JSON.stringify(outcomes))
})
