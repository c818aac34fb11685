// The zstd:chunked position, footer and manifest parsers on layers written by a real tool
// (Debian's skopeo 1.9.3, `--dest-compress-format zstd:chunked`), and on damaged copies.

import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { before, test } from 'node:test'
import {
  TocError,
  tocFormatOf,
  zstdChunkedAnnotation,
} from '../../../electron/compression/layerToc'
import {
  decodeZstdChunkedManifest,
  parseManifestPosition,
  parseZstdChunkedFooter,
  ZSTD_CHUNKED_FOOTER_TAIL,
} from '../../../electron/compression/zstdChunkedToc'
import { zstdChunkedFromTar } from '../../harness/chunkedLayers'
import type { TocLayerBlob } from '../../harness/chunkedLayers'

let tar: Buffer
let layer: TocLayerBlob

before(() => {
  tar = execFileSync(
    'tar',
    ['--format=gnu', '-C', '/', '-cf', '-', 'usr/share/doc/bash', 'usr/share/doc/tar'],
    { maxBuffer: 256 * 1024 * 1024 },
  )
  layer = zstdChunkedFromTar(tar)
})

const positionText = (): string =>
  zstdChunkedAnnotation(layer.annotations, 'manifest-position') ?? ''
const checksum = (): string | undefined =>
  zstdChunkedAnnotation(layer.annotations, 'manifest-checksum')

test('skopeo 1.9.3 writes zstd:chunked: annotations, footer and manifest agree, the manifest lists the tar', async () => {
  assert.equal(tocFormatOf(layer.annotations), 'zstd:chunked')
  const position = parseManifestPosition(positionText(), layer.blob.length)
  const tail = layer.blob.subarray(layer.blob.length - ZSTD_CHUNKED_FOOTER_TAIL)
  assert.deepEqual(parseZstdChunkedFooter(tail, layer.blob.length), position)
  const bytes = layer.blob.subarray(position.offset, position.offset + position.length)
  const toc = await decodeZstdChunkedManifest(bytes, position, checksum())
  const names = execFileSync('tar', ['-tf', '-'], { input: tar })
    .toString('utf8')
    .split('\n')
    .filter((n) => n !== '')
    .map((n) => n.replace(/\/$/, ''))
  const listed = toc.entries.filter((e) => e.type !== 'chunk').map((e) => e.name.replace(/\/$/, ''))
  assert.deepEqual(listed, names)
  const files = toc.entries.filter((e) => e.type === 'reg' && e.size > 0)
  assert.ok(files.every((f) => f.digest !== undefined && (f.endOffset ?? 0) > f.offset))
})

test('a manifest whose bytes do not match manifest-checksum is refused', async () => {
  const position = parseManifestPosition(positionText(), layer.blob.length)
  const bytes = Buffer.from(layer.blob.subarray(position.offset, position.offset + position.length))
  bytes[bytes.length >> 1] = (bytes[bytes.length >> 1] ?? 0) ^ 0xff
  await assert.rejects(
    decodeZstdChunkedManifest(bytes, position, checksum()),
    (e: unknown) => e instanceof TocError && /manifest-checksum/.test(e.message),
  )
  // Without the annotation the damage still shows: the bytes do not decode as zstd.
  await assert.rejects(
    decodeZstdChunkedManifest(bytes, position, undefined),
    (e: unknown) => e instanceof TocError,
  )
})

test('a manifest longer than its position says is refused (decoding stops at the cap)', async () => {
  const position = parseManifestPosition(positionText(), layer.blob.length)
  const bytes = layer.blob.subarray(position.offset, position.offset + position.length)
  const short = { ...position, uncompressedLength: 10 }
  await assert.rejects(
    decodeZstdChunkedManifest(bytes, short, undefined),
    /longer than its position says/,
  )
})

test('bad manifest-position annotations are refused', () => {
  const size = layer.blob.length
  for (const [text, message] of [
    ['1:2:3', /not four numbers/],
    ['a:b:c:d', /not four numbers/],
    ['10:20:30:2', /unknown manifest type/],
    [`${size}:20:30:1`, /outside the layer/],
    ['0:0:30:1', /outside the layer/],
    [`0:10:${128 * 1024 * 1024}:1`, /size cap/],
  ] as const) {
    assert.throws(
      () => parseManifestPosition(text, size),
      (e: unknown) => e instanceof TocError && message.test(e.message),
      text,
    )
  }
})

test('a layer without the footer magic is refused', () => {
  const plain = execFileSync('zstd', ['-q', '-c'], { input: tar })
  assert.throws(
    () => parseZstdChunkedFooter(plain.subarray(plain.length - 72), plain.length),
    /does not end with a zstd:chunked footer/,
  )
})
