// The tar size of a zstd:chunked layer listed from its TOC. The TOC's file sizes do not add up
// to a tar (headers, padding and the end blocks are missing), but containers/storage also keeps
// a tar-split beside the manifest: the tar's headers and padding as raw segments and its files
// by name and size, as zstd-compressed JSON lines (vbatts/tar-split's storage entries, type 1 a
// file, type 2 a segment), where the descriptor's `…zstd-chunked.tarsplit-position`
// annotation says (offset:length:uncompressedLength). The tar is every segment's bytes plus
// every file's size. A layer without it (as Debian's skopeo 1.9.3 writes them) keeps its tar
// size unknown.

import { Readable } from 'node:stream'
import { StringDecoder } from 'node:string_decoder'
import type { Annotations } from '../../shared/oci/types'
import { openDecompressed } from '../compression/decompress'
import { MAX_TOC_BYTES, TocError, ZSTD_CHUNKED_PREFIXES } from '../compression/layerToc'
import type { ByteRange } from '../sources/rangedBlob'

export interface TarSplitPosition {
  readonly range: ByteRange
  readonly uncompressedLength: number
}

/** Where the tar-split is, from the annotation; undefined when absent or not three numbers. */
export function tarSplitPosition(
  annotations: Annotations | undefined,
  blobSize: number,
): TarSplitPosition | undefined {
  const value = ZSTD_CHUNKED_PREFIXES.map((p) => annotations?.[`${p}tarsplit-position`]).find(
    (v) => v !== undefined,
  )
  const parts = value?.split(':') ?? []
  if (parts.length !== 3 || !parts.every((p) => /^\d{1,16}$/.test(p))) return undefined
  const [offset, length, uncompressedLength] = parts.map(Number) as [number, number, number]
  if (length === 0 || offset + length > blobSize) return undefined
  if (length > MAX_TOC_BYTES || uncompressedLength > MAX_TOC_BYTES) return undefined
  return { range: { start: offset, end: offset + length - 1 }, uncompressedLength }
}

/** The tar's size from the compressed tar-split; TocError when it is not one. */
export async function tarSizeFromTarSplit(
  compressed: Uint8Array,
  uncompressedLength: number,
): Promise<number> {
  let decoded = 0
  let size = 0
  let pending = ''
  let line = 0
  const text = new StringDecoder('utf8')
  const take = (json: string): void => {
    line++
    if (json.trim() === '') return
    let item: unknown
    try {
      item = JSON.parse(json)
    } catch {
      throw new TocError(`tar-split line ${line} is not JSON`)
    }
    size += entryBytes(item, line)
  }
  try {
    const layer = await openDecompressed(Readable.from([Buffer.from(compressed)]), 'tar-split')
    if (layer.compression !== 'zstd') throw new TocError('the tar-split is not zstd')
    for await (const chunk of layer.stream as AsyncIterable<Buffer>) {
      decoded += chunk.length
      if (decoded > uncompressedLength) {
        layer.stream.destroy()
        throw new TocError('the tar-split is longer than its position says')
      }
      const lines = (pending + text.write(chunk)).split('\n')
      pending = lines.pop() ?? ''
      for (const json of lines) take(json)
    }
  } catch (error) {
    if (error instanceof TocError) throw error
    throw new TocError('the tar-split is not valid zstd')
  }
  take(pending + text.end())
  if (decoded !== uncompressedLength) {
    throw new TocError('the tar-split is shorter than its position says')
  }
  if (!Number.isSafeInteger(size)) throw new TocError('the tar-split adds up to no size')
  return size
}

/** A file's size (type 1) or a segment's raw bytes (type 2, base64 in `payload`). */
function entryBytes(item: unknown, line: number): number {
  if (typeof item !== 'object' || item === null) {
    throw new TocError(`tar-split line ${line} is not an object`)
  }
  const { type, size, payload } = item as Record<string, unknown>
  if (type === 1) {
    if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) {
      throw new TocError(`tar-split line ${line} has no file size`)
    }
    return size
  }
  if (type === 2) {
    if (typeof payload !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(payload)) {
      throw new TocError(`tar-split line ${line} has no base64 payload`)
    }
    return Buffer.byteLength(payload, 'base64')
  }
  throw new TocError(`tar-split line ${line} has an unknown type`)
}
