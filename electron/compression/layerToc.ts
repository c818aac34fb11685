// The table of contents (TOC) that eStargz and zstd:chunked layers carry: one JSON document
// listing every tar entry with, for regular files, where its compressed bytes sit in the blob
// and the SHA-256 of its content. Both formats inherit the entry shape from CRFS's stargz;
// this module validates the parsed (untrusted) JSON into one shape for both. The formats'
// own framing (footers, where the TOC sits) is in estargzToc.ts and zstdChunkedToc.ts.

import type { Annotations } from '../../shared/oci/types'
import type { LayerTocFormat } from '../../shared/api/files'

/** Linux's PATH_MAX, as for tar names (tar/tarLimits.ts): no file system holds a longer one. */
const MAX_NAME_BYTES = 4096

/** Entries one TOC may list: the same cap as a layer's tar entries (tar/tarLimits.ts). */
const MAX_ENTRIES = 2_000_000

/** A TOC larger than this (compressed or not) is not fetched or decoded: the layer is read. */
export const MAX_TOC_BYTES = 64 * 1024 * 1024

/** Descriptor annotations that announce a TOC. */
export const ESTARGZ_TOC_DIGEST = 'containerd.io/snapshot/stargz/toc.digest'
export const ESTARGZ_UNCOMPRESSED_SIZE = 'io.containers.estargz.uncompressed-size'
/** containers/storage wrote `io.containers.` first, `io.github.containers.` later. */
export const ZSTD_CHUNKED_PREFIXES = [
  'io.github.containers.zstd-chunked.',
  'io.containers.zstd-chunked.',
]

export type TocEntryType =
  'dir' | 'reg' | 'symlink' | 'hardlink' | 'char' | 'block' | 'fifo' | 'chunk'

/** One TOC entry, validated; absent numbers are 0 as the formats define them. */
export interface TocEntry {
  readonly type: TocEntryType
  readonly name: string
  readonly linkName: string
  readonly mode: number
  readonly uid: number
  readonly gid: number
  readonly size: number
  /** Seconds since the epoch (0 when absent). */
  readonly modtime: number
  readonly devMajor: number
  readonly devMinor: number
  /** "sha256:…" of the whole file's content (reg entries), when given. */
  readonly digest?: string
  /** Where the (first) compressed frame or gzip member of this file or chunk starts. */
  readonly offset: number
  /** zstd:chunked only: where that compressed data ends (exclusive). */
  readonly endOffset?: number
  readonly chunkOffset: number
  readonly chunkSize: number
  readonly chunkDigest?: string
  /** zstd:chunked: "data" or "zeros" (a chunk of zeros, still stored in the blob). */
  readonly chunkType?: string
}

export interface LayerToc {
  readonly format: LayerTocFormat
  readonly entries: readonly TocEntry[]
}

export class TocError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'TocError'
  }
}

/** The annotation value under either zstd:chunked prefix. */
export function zstdChunkedAnnotation(
  annotations: Annotations | undefined,
  key: 'manifest-checksum' | 'manifest-position',
): string | undefined {
  for (const prefix of ZSTD_CHUNKED_PREFIXES) {
    const value = annotations?.[prefix + key]
    if (value !== undefined) return value
  }
  return undefined
}

/** Which TOC format the layer descriptor announces, if any. */
export function tocFormatOf(annotations: Annotations | undefined): LayerTocFormat | undefined {
  // Without the position annotation, the footer says where the manifest is.
  for (const key of ['manifest-position', 'manifest-checksum'] as const) {
    if (zstdChunkedAnnotation(annotations, key) !== undefined) return 'zstd:chunked'
  }
  if (annotations?.[ESTARGZ_TOC_DIGEST] !== undefined) return 'estargz'
  return undefined
}

const TYPES: ReadonlySet<string> = new Set([
  'dir',
  'reg',
  'symlink',
  'hardlink',
  'char',
  'block',
  'fifo',
  'chunk',
])
const SHA256 = /^sha256:[0-9a-f]{64}$/

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** `{ version: 1, entries: [...] }` parsed as unknown → a validated TOC; TocError names the fault. */
export function validateToc(json: unknown, format: LayerTocFormat): LayerToc {
  if (!isRecord(json)) throw new TocError('the TOC is not a JSON object')
  if (json['version'] !== 1) throw new TocError('the TOC version is not 1')
  const raw = json['entries']
  if (!Array.isArray(raw)) throw new TocError('the TOC has no entries array')
  if (raw.length > MAX_ENTRIES) {
    throw new TocError(`the TOC lists ${raw.length} entries (limit ${MAX_ENTRIES})`)
  }
  const entries = raw.map((item: unknown, i) => validateEntry(item, i))
  return { format, entries }
}

function validateEntry(item: unknown, i: number): TocEntry {
  const where = `TOC entry ${i}`
  if (!isRecord(item)) throw new TocError(`${where} is not an object`)
  const type = item['type']
  if (typeof type !== 'string' || !TYPES.has(type)) {
    throw new TocError(`${where} has an unknown type`)
  }
  const name = item['name']
  if (typeof name !== 'string') throw new TocError(`${where} has no name`)
  const linkName = item['linkName']
  for (const value of [name, linkName]) {
    if (typeof value === 'string' && Buffer.byteLength(value) > MAX_NAME_BYTES) {
      throw new TocError(`${where} has a name or link target over ${MAX_NAME_BYTES} bytes`)
    }
  }
  const text = (key: string): string | undefined => {
    const value = item[key]
    if (value === undefined || value === null || value === '') return undefined
    if (typeof value !== 'string') throw new TocError(`${where}: "${key}" is not a string`)
    return value
  }
  const count = (key: string): number => {
    const value = item[key]
    if (value === undefined || value === null) return 0
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      throw new TocError(`${where}: "${key}" is not a non-negative integer`)
    }
    return value
  }
  const hash = (key: string): string | undefined => {
    const value = text(key)
    if (value !== undefined && !SHA256.test(value)) {
      throw new TocError(`${where}: "${key}" is not a sha256 digest`)
    }
    return value
  }
  const modtimeText = text('modtime')
  const parsed = modtimeText === undefined ? 0 : Date.parse(modtimeText)
  if (Number.isNaN(parsed)) throw new TocError(`${where}: "modtime" is not a date`)
  const digest = hash('digest')
  const chunkDigest = hash('chunkDigest')
  const chunkType = text('chunkType')
  const endOffset = item['endOffset'] === undefined ? undefined : count('endOffset')
  const offset = count('offset')
  if (endOffset !== undefined && endOffset !== 0 && endOffset < offset) {
    throw new TocError(`${where} ends before it starts`)
  }
  return {
    type: type as TocEntryType,
    name,
    linkName: text('linkName') ?? '',
    mode: count('mode'),
    uid: count('uid'),
    gid: count('gid'),
    size: count('size'),
    // Go's zero time ("0001-01-01T00:00:00Z") means "unknown": shown as the epoch.
    modtime: modtimeText?.startsWith('0001-01-01') === true ? 0 : Math.floor(parsed / 1000),
    devMajor: count('devMajor'),
    devMinor: count('devMinor'),
    ...(digest !== undefined ? { digest } : {}),
    offset,
    ...(endOffset !== undefined ? { endOffset } : {}),
    chunkOffset: count('chunkOffset'),
    chunkSize: count('chunkSize'),
    ...(chunkDigest !== undefined ? { chunkDigest } : {}),
    ...(chunkType !== undefined ? { chunkType } : {}),
  }
}

/** JSON text → unknown, a TocError on a syntax error (never echoing the text). */
export function parseTocJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown
  } catch (error) {
    throw new TocError(
      `the TOC is not valid JSON (${error instanceof Error ? error.name : 'parse error'})`,
    )
  }
}
