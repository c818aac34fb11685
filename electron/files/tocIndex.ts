// A layer's file list from its table of contents (eStargz, zstd:chunked) instead of reading
// the layer: the footer and the TOC are fetched by range requests (a few KB of a layer of
// hundreds of MB), validated, and turned into a LayerIndex. Each regular file also gets the
// one byte range that holds its compressed content, for tocFile.ts. The entries carry
// negative header offsets (-n … -1, in TOC order): a TOC does not say where tar headers are,
// so nothing may mistake these for offsets in the tar stream.

import type {
  LayerEntry,
  LayerEntryType,
  LayerIndex,
  LayerTocInfo,
  TocWarning,
} from '../../shared/api/files'
import type { Annotations } from '../../shared/oci/types'
import type { ByteRange, RangedBlob } from '../sources/rangedBlob'
import {
  ESTARGZ_TOC_DIGEST,
  ESTARGZ_UNCOMPRESSED_SIZE,
  MAX_TOC_BYTES,
  TocError,
  tocFormatOf,
  zstdChunkedAnnotation,
} from '../compression/layerToc'
import type { LayerToc, TocEntry, TocEntryType } from '../compression/layerToc'
import {
  decodeEstargzToc,
  ESTARGZ_FOOTER_SIZE,
  parseEstargzFooter,
} from '../compression/estargzToc'
import {
  decodeZstdChunkedManifest,
  parseManifestPosition,
  parseZstdChunkedFooter,
  ZSTD_CHUNKED_FOOTER_TAIL,
} from '../compression/zstdChunkedToc'
import type { ZstdChunkedPosition } from '../compression/zstdChunkedToc'
import { normalizeEntryPath } from '../tar/tarNames'
import { tarSizeFromTarSplit, tarSplitPosition } from './tocTarSize'

/** What reading a TOC needs of a layer: its descriptor's size and annotations, and ranges. */
export interface TocSource {
  readonly digest: string
  readonly size: number
  readonly annotations?: Annotations
  openRange(range: ByteRange, signal?: AbortSignal): Promise<RangedBlob>
}

/** Where one regular file's compressed content is, and what its content must hash to. */
export interface TocFileSpan {
  /** Inclusive blob range: the file's gzip members (eStargz) or zstd frames (zstd:chunked). */
  readonly range: ByteRange
  readonly size: number
  /** "sha256:…" of the content; undefined when the TOC gives none (then: full read). */
  readonly digest?: string
  /** False when the TOC does not place every chunk (then: full read). */
  readonly rangeable: boolean
}

export interface TocLayer {
  readonly index: LayerIndex & { readonly toc: LayerTocInfo }
  /** By the entry's (negative) header offset. */
  readonly files: ReadonlyMap<number, TocFileSpan>
  /** Bytes fetched to list the layer (footer + TOC). */
  readonly bytesFetched: number
  /** The same array as index.toc.warnings: files whose bytes disagreed with the TOC. */
  readonly warnings: TocWarning[]
}

/** The server ignored Range: no TOC reading from this source (not a fault of the layer). */
export class RangesRefused extends Error {
  constructor() {
    super('the source sent the whole blob instead of a range')
    this.name = 'RangesRefused'
  }
}

/** Reads footer and TOC; TocError for a malformed TOC, RangesRefused, or the source's errors. */
export async function readLayerToc(source: TocSource, signal?: AbortSignal): Promise<TocLayer> {
  const format = tocFormatOf(source.annotations)
  if (format === undefined) throw new TocError('the layer announces no TOC')
  let fetched = 0
  const fetch = async (start: number, end: number): Promise<Buffer> => {
    const bytes = await fetchRange(source, { start, end }, signal)
    fetched += bytes.length
    return bytes
  }
  let toc: LayerToc
  /** Blob offset where the TOC begins (eStargz: the end of the last file's members). */
  let tocStart: number
  /** zstd:chunked: the tar's size from its tar-split, when the layer has one. */
  let tarSize: number | undefined
  if (format === 'estargz') {
    const size = source.size
    if (size < ESTARGZ_FOOTER_SIZE + 1) throw new TocError('the layer is too small for eStargz')
    const footer = await fetch(size - ESTARGZ_FOOTER_SIZE, size - 1)
    tocStart = parseEstargzFooter(footer, size)
    if (size - ESTARGZ_FOOTER_SIZE - tocStart > MAX_TOC_BYTES) {
      throw new TocError('the eStargz TOC is over the size cap')
    }
    const decoded = decodeEstargzToc(await fetch(tocStart, size - ESTARGZ_FOOTER_SIZE - 1))
    const expected = source.annotations?.[ESTARGZ_TOC_DIGEST]
    if (expected !== undefined && expected !== decoded.digest) {
      throw new TocError('the eStargz TOC does not match its toc.digest annotation')
    }
    toc = decoded.toc
  } else {
    const annotation = zstdChunkedAnnotation(source.annotations, 'manifest-position')
    let position: ZstdChunkedPosition
    if (annotation !== undefined) {
      position = parseManifestPosition(annotation, source.size)
    } else {
      const tail = Math.min(source.size, ZSTD_CHUNKED_FOOTER_TAIL)
      position = parseZstdChunkedFooter(
        await fetch(source.size - tail, source.size - 1),
        source.size,
      )
    }
    const compressed = await fetch(position.offset, position.offset + position.length - 1)
    const checksum = zstdChunkedAnnotation(source.annotations, 'manifest-checksum')
    toc = await decodeZstdChunkedManifest(compressed, position, checksum)
    tocStart = position.offset
    const split = tarSplitPosition(source.annotations, source.size)
    if (split !== undefined) {
      try {
        const bytes = await fetch(split.range.start, split.range.end)
        tarSize = await tarSizeFromTarSplit(bytes, split.uncompressedLength)
      } catch (error) {
        // Only the size is lost: the listing stands, its tar size unknown.
        if (signal?.aborted === true) throw error
      }
    }
  }
  return tocLayerOf(source, toc, tocStart, fetched, tarSize)
}

const ENTRY_TYPES: Readonly<Record<Exclude<TocEntryType, 'chunk'>, LayerEntryType>> = {
  reg: 'file',
  dir: 'dir',
  symlink: 'symlink',
  hardlink: 'hardlink',
  char: 'char',
  block: 'block',
  fifo: 'fifo',
}

function tocLayerOf(
  source: TocSource,
  toc: LayerToc,
  tocStart: number,
  fetched: number,
  tarSize: number | undefined,
): TocLayer {
  const listed = toc.entries.filter((e) => e.type !== 'chunk')
  // eStargz gives only where a file's members start: they end where the next member any
  // entry names starts (or the TOC does).
  const starts = [...new Set(toc.entries.filter((e) => e.offset > 0).map((e) => e.offset))]
  starts.push(tocStart)
  starts.sort((a, b) => a - b)
  const nextStart = (offset: number): number => {
    let lo = 0
    let hi = starts.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((starts[mid] ?? 0) <= offset) lo = mid + 1
      else hi = mid
    }
    return starts[lo] ?? tocStart
  }
  const entries: LayerEntry[] = []
  const files = new Map<number, TocFileSpan>()
  let position = 0
  for (let i = 0; i < toc.entries.length; i++) {
    const item = toc.entries[i] as TocEntry
    if (item.type === 'chunk') continue
    const headerOffset = position - listed.length
    position++
    const chunks = [item]
    for (let j = i + 1; toc.entries[j]?.type === 'chunk'; j++)
      chunks.push(toc.entries[j] as TocEntry)
    const entry = layerEntryOf(item, headerOffset)
    entries.push(entry)
    if (item.type !== 'reg' || item.size === 0) continue
    const first = chunks[0] as TocEntry
    const last = chunks[chunks.length - 1] as TocEntry
    // zstd:chunked: the reg entry's endOffset covers all its chunks (chunks may omit theirs).
    const end =
      toc.format === 'estargz'
        ? nextStart(last.offset)
        : Math.max(...chunks.map((c) => c.endOffset ?? 0))
    const rangeable =
      first.offset > 0 &&
      end > first.offset &&
      end <= tocStart &&
      // "zeros" chunks (containers/storage's hint that a chunk is all zeros) are still stored;
      // the file's digest checks whatever the range decodes to.
      chunks.every((c) => c.offset > 0)
    const digest = item.digest ?? (chunks.length === 1 ? item.chunkDigest : undefined)
    files.set(headerOffset, {
      range: { start: first.offset, end: end - 1 },
      size: item.size,
      ...(digest !== undefined ? { digest } : {}),
      rangeable,
    })
  }
  const warnings: TocWarning[] = []
  // 0 when unknown (no tar is 0 bytes): eStargz's annotation, zstd:chunked's tar-split.
  const uncompressed =
    toc.format === 'estargz'
      ? Number(source.annotations?.[ESTARGZ_UNCOMPRESSED_SIZE] ?? 0)
      : (tarSize ?? 0)
  return {
    index: {
      digest: source.digest,
      compression: toc.format === 'estargz' ? 'gzip' : 'zstd',
      compressedSize: source.size,
      uncompressedSize: Number.isSafeInteger(uncompressed) ? uncompressed : 0,
      entries,
      toc: { format: toc.format, listedFromToc: true, warnings },
    },
    files,
    bytesFetched: fetched,
    warnings,
  }
}

function layerEntryOf(item: TocEntry, headerOffset: number): LayerEntry {
  const type = ENTRY_TYPES[item.type as Exclude<TocEntryType, 'chunk'>]
  const { path, warnings } = normalizeEntryPath(item.name)
  const link =
    type === 'hardlink'
      ? normalizeEntryPath(item.linkName).path
      : type === 'symlink'
        ? item.linkName
        : undefined
  const device = type === 'char' || type === 'block'
  return {
    path,
    type,
    mode: item.mode & 0o7777,
    uid: item.uid,
    gid: item.gid,
    size: type === 'file' ? item.size : 0,
    mtime: item.modtime,
    ...(link !== undefined ? { linkname: link } : {}),
    headerOffset,
    dataOffset: -1,
    storedSize: type === 'file' ? item.size : 0,
    ...(device ? { device: { major: item.devMajor, minor: item.devMinor } } : {}),
    ...(warnings.length > 0 ? { warnings } : {}),
  }
}

/** The bytes of one inclusive range, length-checked; RangesRefused on a whole-blob answer. */
export async function fetchRange(
  source: Pick<TocSource, 'openRange'>,
  range: ByteRange,
  signal?: AbortSignal,
): Promise<Buffer> {
  const answer = await source.openRange(range, signal)
  if (answer.kind === 'whole') {
    answer.stream.destroy()
    throw new RangesRefused()
  }
  const parts: Buffer[] = []
  let total = 0
  const want = range.end - range.start + 1
  for await (const chunk of answer.stream as AsyncIterable<Buffer>) {
    total += chunk.length
    if (total > want) break
    parts.push(chunk)
  }
  answer.stream.destroy()
  if (total !== want) {
    throw new TocError(`the range ${range.start}–${range.end} came back with ${total} bytes`)
  }
  return Buffer.concat(parts, total)
}
