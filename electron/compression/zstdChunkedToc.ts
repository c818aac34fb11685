// zstd:chunked framing (containers/storage pkg/chunked): a zstd layer whose every regular
// file's content is its own zstd frame (or frames, one per chunk), with the TOC ("manifest")
// compressed as one zstd frame inside a skippable frame near the end. The descriptor's
// `…zstd-chunked.manifest-position` annotation says where (offset:length:uncompressedLength:
// type) and `…manifest-checksum` is the SHA-256 of those compressed bytes. The blob ends with
// a footer in a skippable frame (magic "GnUlInUx") that repeats the position, for readers
// without the annotation. Pure functions over bytes; fetching is files/tocIndex.ts's job.

import { createHash } from 'node:crypto'
import { Readable } from 'node:stream'
import { openDecompressed } from './decompress'
import type { LayerToc } from './layerToc'
import { MAX_TOC_BYTES, parseTocJson, TocError, validateToc } from './layerToc'

/** What the footer and the annotation say: the compressed manifest's place and size. */
export interface ZstdChunkedPosition {
  readonly offset: number
  readonly length: number
  readonly uncompressedLength: number
}

/** The manifest type containers/storage writes (a CRFS-style JSON TOC). */
const MANIFEST_TYPE_CRFS = 1
const FOOTER_MAGIC = 'GnUlInUx'
const SKIPPABLE_MAGIC = 0x184d2a50
/** Bytes to fetch from the end of the blob to find the footer, old (40) or new (64) payload. */
export const ZSTD_CHUNKED_FOOTER_TAIL = 8 + 64

function checkPosition(
  values: readonly number[],
  blobSize: number,
  where: string,
): ZstdChunkedPosition {
  const [offset, length, uncompressedLength, type] = values
  if (
    offset === undefined ||
    length === undefined ||
    uncompressedLength === undefined ||
    !values.every((v) => Number.isSafeInteger(v) && v >= 0)
  ) {
    throw new TocError(`the zstd:chunked ${where} is not four numbers`)
  }
  if (type !== MANIFEST_TYPE_CRFS)
    throw new TocError(`the zstd:chunked ${where} names an unknown manifest type`)
  if (length === 0 || offset + length > blobSize) {
    throw new TocError(`the zstd:chunked ${where} points outside the layer`)
  }
  if (length > MAX_TOC_BYTES || uncompressedLength > MAX_TOC_BYTES) {
    throw new TocError(`the zstd:chunked manifest is over the size cap`)
  }
  return { offset, length, uncompressedLength }
}

/** "offset:length:uncompressedLength:type" from the manifest-position annotation. */
export function parseManifestPosition(annotation: string, blobSize: number): ZstdChunkedPosition {
  const parts = annotation.split(':')
  const values =
    parts.length === 4 && parts.every((p) => /^\d{1,16}$/.test(p)) ? parts.map(Number) : []
  return checkPosition(values, blobSize, 'manifest-position annotation')
}

/** The position from the footer: `tail` is the blob's last ZSTD_CHUNKED_FOOTER_TAIL bytes (or all of it). */
export function parseZstdChunkedFooter(tail: Uint8Array, blobSize: number): ZstdChunkedPosition {
  const bytes = Buffer.from(tail.buffer, tail.byteOffset, tail.length)
  if (bytes.length < 48 || bytes.subarray(bytes.length - 8).toString('latin1') !== FOOTER_MAGIC) {
    throw new TocError('the layer does not end with a zstd:chunked footer')
  }
  for (const payload of [40, 64]) {
    const at = bytes.length - 8 - payload
    if (at < 0) continue
    if (bytes.readUInt32LE(at) !== SKIPPABLE_MAGIC || bytes.readUInt32LE(at + 4) !== payload)
      continue
    const values = [0, 1, 2, 3].map((i) => Number(bytes.readBigUInt64LE(at + 8 + 8 * i)))
    return checkPosition(values, blobSize, 'footer')
  }
  throw new TocError('the zstd:chunked footer is not in a skippable frame')
}

/**
 * The manifest from its compressed bytes: checked against the manifest-checksum annotation
 * when there is one, decoded with the output capped, validated.
 */
export async function decodeZstdChunkedManifest(
  compressed: Uint8Array,
  position: ZstdChunkedPosition,
  checksum: string | undefined,
): Promise<LayerToc> {
  if (compressed.length !== position.length)
    throw new TocError('the zstd:chunked manifest is cut short')
  if (checksum !== undefined) {
    const actual = `sha256:${createHash('sha256').update(compressed).digest('hex')}`
    if (actual !== checksum) {
      throw new TocError(
        'the zstd:chunked manifest does not match its manifest-checksum annotation',
      )
    }
  }
  const cap = Math.min(MAX_TOC_BYTES, position.uncompressedLength)
  let decoded: Buffer
  try {
    const layer = await openDecompressed(Readable.from([Buffer.from(compressed)]), 'manifest')
    if (layer.compression !== 'zstd') throw new TocError('the zstd:chunked manifest is not zstd')
    const parts: Buffer[] = []
    let total = 0
    for await (const chunk of layer.stream as AsyncIterable<Buffer>) {
      total += chunk.length
      if (total > cap) {
        layer.stream.destroy()
        throw new TocError('the zstd:chunked manifest is longer than its position says')
      }
      parts.push(chunk)
    }
    decoded = Buffer.concat(parts, total)
  } catch (error) {
    if (error instanceof TocError) throw error
    throw new TocError('the zstd:chunked manifest is not valid zstd')
  }
  if (decoded.length !== position.uncompressedLength) {
    throw new TocError('the zstd:chunked manifest is shorter than its position says')
  }
  return validateToc(parseTocJson(decoded), 'zstd:chunked')
}
