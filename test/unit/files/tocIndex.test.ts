// readLayerToc over in-memory blobs served by range: the footer path of zstd:chunked (no
// position annotation), the file ranges it gives (each range decodes to the file), the bytes
// it fetches, and a source that ignores Range.

import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { Readable } from 'node:stream'
import { before, test } from 'node:test'
import { RangesRefused, readLayerToc } from '../../../electron/files/tocIndex'
import type { TocSource } from '../../../electron/files/tocIndex'
import type { ByteRange, RangedBlob } from '../../../electron/sources/rangedBlob'
import { estargzFromTar, zstdChunkedFromTar } from '../../harness/chunkedLayers'
import type { TocLayerBlob } from '../../harness/chunkedLayers'
import { sha256 } from '../../harness/layerTars'

let tar: Buffer
let zstdChunked: TocLayerBlob
let estargz: TocLayerBlob

before(() => {
  tar = execFileSync(
    'tar',
    ['--format=gnu', '-C', '/', '-cf', '-', 'usr/share/doc/bash', 'usr/share/doc/tar'],
    { maxBuffer: 256 * 1024 * 1024 },
  )
  zstdChunked = zstdChunkedFromTar(tar)
  estargz = estargzFromTar(tar, { chunkSize: 8192 })
})

function sourceOf(layer: TocLayerBlob, annotations = layer.annotations) {
  const ranges: ByteRange[] = []
  const source: TocSource = {
    digest: sha256(layer.blob),
    size: layer.blob.length,
    annotations,
    openRange: (range: ByteRange): Promise<RangedBlob> => {
      ranges.push(range)
      const stream = Readable.from([layer.blob.subarray(range.start, range.end + 1)])
      return Promise.resolve({ kind: 'partial', range, stream })
    },
  }
  return { source, ranges }
}

/** Every file range decodes (zstd CLI / gunzip of the members) to content with the TOC digest. */
function checkRanges(layer: TocLayerBlob, toc: Awaited<ReturnType<typeof readLayerToc>>): number {
  let checked = 0
  for (const entry of toc.index.entries) {
    const file = toc.files.get(entry.headerOffset)
    if (!file) continue
    assert.ok(file.rangeable, `/${entry.path}`)
    const bytes = layer.blob.subarray(file.range.start, file.range.end + 1)
    const plain = layer.mediaType.endsWith('+zstd')
      ? execFileSync('zstd', ['-dc'], { input: bytes, maxBuffer: 64 * 1024 * 1024 })
      : execFileSync('gzip', ['-dc'], { input: bytes, maxBuffer: 64 * 1024 * 1024 })
    assert.equal(sha256(plain.subarray(0, file.size)), file.digest, `/${entry.path}`)
    checked++
  }
  return checked
}

test('zstd:chunked without the position annotation: the footer gives the manifest', async () => {
  const onlyChecksum = Object.fromEntries(
    Object.entries(zstdChunked.annotations).filter(([key]) => !key.endsWith('manifest-position')),
  )
  const { source, ranges } = sourceOf(zstdChunked, onlyChecksum)
  const toc = await readLayerToc(source)
  assert.equal(ranges.length, 2, 'the footer, then the manifest')
  assert.equal(ranges[0]?.end, zstdChunked.blob.length - 1)
  assert.equal(
    toc.bytesFetched,
    ranges.reduce((n, r) => n + r.end - r.start + 1, 0),
  )
  assert.ok(toc.bytesFetched < zstdChunked.blob.length / 20)
  assert.equal(toc.index.toc.format, 'zstd:chunked')
  assert.ok(checkRanges(zstdChunked, toc) > 10)
})

test('with the annotation: one range, the manifest only', async () => {
  const { source, ranges } = sourceOf(zstdChunked)
  await readLayerToc(source)
  assert.equal(ranges.length, 1)
})

test('eStargz: footer, then the TOC member; chunked files get one range over all their chunks', async () => {
  const { source, ranges } = sourceOf(estargz)
  const toc = await readLayerToc(source)
  assert.equal(ranges.length, 2)
  assert.equal(toc.index.toc.format, 'estargz')
  assert.ok(checkRanges(estargz, toc) > 10)
  const entries = toc.index.entries
  assert.deepEqual(
    entries.map((e) => e.headerOffset),
    entries.map((_, i) => i - entries.length),
    'header offsets are -n … -1 in TOC order',
  )
})

test('a source that sends the whole blob instead of a range: RangesRefused', async () => {
  const source: TocSource = {
    ...sourceOf(estargz).source,
    openRange: () =>
      Promise.resolve({ kind: 'whole', stream: Readable.from([estargz.blob]) } as RangedBlob),
  }
  await assert.rejects(readLayerToc(source), RangesRefused)
})
