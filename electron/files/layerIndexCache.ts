// Layer indexes on disk, keyed by layer digest, so reopening a layer (or the same layer in
// another image) skips the download and the parse.
//
// Format (version 4, see electron/files/README.md): one JSON document per layer at
// <dir>/<algorithm>/<hex>.json:
//   { "format": "strata-layer-index", "version": 4, "digest", "compression",
//     "compressedSize", "uncompressedSize",
//     "entries": [[path, type, mode, uid, gid, size, mtime, headerOffset, dataOffset,
//                  storedSize, linkname | null, flags, warnings | null,
//                  [devmajor, devminor] | null], ...] }
// flags bit 0 = sparse. Rows are tuples rather than objects: one JSON.parse of tuples is the
// fastest reopen Node offers without a native dependency (10k entries in a few ms). Files
// are written atomically; a file with another version or a different digest is a miss.
// Version 2 added the checkpoint sidecar <hex>.spans beside it (electron/compression/gzipSpansFile.ts):
// checkpoints and span hashes for ranged reads, written before the JSON; a missing or damaged
// sidecar only means file reads stream the layer from its start.

import { readFile, rm, stat } from 'node:fs/promises'
import type {
  EntryWarning,
  LayerCompressionFound,
  LayerEntry,
  LayerEntryType,
  LayerIndex,
} from '../../shared/api/files'
import type { LayerSpans } from '../compression/gzipSpans'
import type { SpanTable } from '../compression/gzipSpansFile'
import { encodeSpans, readSpansFile } from '../compression/gzipSpansFile'
import { MAX_INDEX_BYTES } from '../tar/tarLimits'
import { sweepTempFiles, writeFileAtomic } from '../cache/atomicFile'
import { digestPath } from '../cache/cachePaths'
import { dirname, join } from 'node:path'

const FORMAT = 'strata-layer-index'
/** Version 4: written by an indexer that enforces the path and index-size caps (tarLimits.ts). */
export const INDEX_FORMAT_VERSION = 4
/**
 * An index file over this is neither written nor read (a miss: the layer is indexed again).
 * The indexer refuses layers whose index would pass MAX_INDEX_BYTES, so only an index near
 * the cap, or a file someone else wrote, can be larger.
 */
export const MAX_INDEX_FILE_BYTES = MAX_INDEX_BYTES + 16 * 1024 * 1024

type Row = [
  string,
  LayerEntryType,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  string | null,
  number,
  EntryWarning[] | null,
  [number, number] | null,
]

interface IndexFile {
  readonly format: string
  readonly version: number
  readonly digest: string
  readonly compression: LayerCompressionFound
  readonly compressedSize: number
  readonly uncompressedSize: number
  readonly entries: readonly Row[]
}

export class LayerIndexCache {
  constructor(private readonly dir: string) {}

  /** Scratch space beside the indexes (large TOC files are checked there, tocSpool.ts). */
  get scratchDir(): string {
    return join(this.dir, 'toc-files')
  }

  private pathOf(digest: string): string {
    return digestPath(this.dir, digest, '.json')
  }

  async get(digest: string): Promise<LayerIndex | undefined> {
    const path = this.pathOf(digest)
    let text: string
    try {
      if ((await stat(path)).size > MAX_INDEX_FILE_BYTES) return undefined
      text = await readFile(path, 'utf8')
    } catch {
      return undefined
    }
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      return undefined // a damaged file is a miss; the next put replaces it
    }
    const file = asIndexFile(parsed)
    if (!file || file.format !== FORMAT || file.version !== INDEX_FORMAT_VERSION) return undefined
    if (file.digest !== digest) return undefined
    return {
      digest,
      compression: file.compression,
      compressedSize: file.compressedSize,
      uncompressedSize: file.uncompressedSize,
      entries: file.entries.map(fromRow),
    }
  }

  private spansPathOf(digest: string): string {
    return digestPath(this.dir, digest, '.spans')
  }

  /** The layer's checkpoint sidecar, verified; undefined when absent or damaged. */
  spans(digest: string): Promise<SpanTable | undefined> {
    return readSpansFile(this.spansPathOf(digest), digest)
  }

  async put(index: LayerIndex, spans?: LayerSpans): Promise<void> {
    const file: IndexFile = {
      format: FORMAT,
      version: INDEX_FORMAT_VERSION,
      digest: index.digest,
      compression: index.compression,
      compressedSize: index.compressedSize,
      uncompressedSize: index.uncompressedSize,
      entries: index.entries.map(toRow),
    }
    const path = this.pathOf(index.digest)
    await sweepTempFiles(dirname(path))
    const spansPath = this.spansPathOf(index.digest)
    // Not flushed to disk: a damaged index or sidecar reads as a miss and is rebuilt.
    if (spans && spans.digest === index.digest) {
      await writeFileAtomic(spansPath, encodeSpans(spans), { durable: false })
    } else await rm(spansPath, { force: true })
    const text = JSON.stringify(file)
    // Over the cap: serve this index from memory only (the next open indexes the layer again).
    if (text.length > MAX_INDEX_FILE_BYTES) {
      await rm(spansPath, { force: true })
      return
    }
    await writeFileAtomic(path, text, { durable: false })
  }

  async delete(digest: string): Promise<void> {
    await rm(this.pathOf(digest), { force: true })
    await rm(this.spansPathOf(digest), { force: true })
  }
}

function toRow(e: LayerEntry): Row {
  return [
    e.path,
    e.type,
    e.mode,
    e.uid,
    e.gid,
    e.size,
    e.mtime,
    e.headerOffset,
    e.dataOffset,
    e.storedSize,
    e.linkname ?? null,
    e.sparse === true ? 1 : 0,
    e.warnings ? [...e.warnings] : null,
    e.device ? [e.device.major, e.device.minor] : null,
  ]
}

function fromRow(row: Row): LayerEntry {
  // Plain assignments rather than object spreads: this runs once per entry on every reopen.
  const entry: { -readonly [K in keyof LayerEntry]: LayerEntry[K] } = {
    path: row[0],
    type: row[1],
    mode: row[2],
    uid: row[3],
    gid: row[4],
    size: row[5],
    mtime: row[6],
    headerOffset: row[7],
    dataOffset: row[8],
    storedSize: row[9],
  }
  if (row[10] !== null) entry.linkname = row[10]
  if ((row[11] & 1) === 1) entry.sparse = true
  if (row[12] !== null) entry.warnings = row[12]
  const device = row[13]
  if (device) entry.device = { major: device[0], minor: device[1] }
  return entry
}

const COMPRESSIONS: readonly string[] = ['gzip', 'zstd', 'none']
const TYPES: readonly string[] = ['file', 'dir', 'symlink', 'hardlink', 'char', 'block', 'fifo']

/** The document's shape checked field by field (cheap: a few typeof tests per row). */
function asIndexFile(value: unknown): IndexFile | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const file = value as Record<string, unknown>
  const { format, version, digest, compression, compressedSize, uncompressedSize, entries } = file
  if (typeof format !== 'string' || typeof version !== 'number' || typeof digest !== 'string') {
    return undefined
  }
  if (typeof compression !== 'string' || !COMPRESSIONS.includes(compression)) return undefined
  if (typeof compressedSize !== 'number' || typeof uncompressedSize !== 'number') return undefined
  if (!Array.isArray(entries) || !entries.every(isRow)) return undefined
  return {
    format,
    version,
    digest,
    compression: compression as LayerCompressionFound,
    compressedSize,
    uncompressedSize,
    entries,
  }
}

function isRow(row: unknown): row is Row {
  if (!Array.isArray(row) || row.length !== 14) return false
  if (typeof row[0] !== 'string' || typeof row[1] !== 'string' || !TYPES.includes(row[1])) {
    return false
  }
  for (let i = 2; i <= 9; i++) if (typeof row[i] !== 'number') return false
  const [, , , , , , , , , , linkname, flags, warnings, device] = row as unknown[]
  if (linkname !== null && typeof linkname !== 'string') return false
  if (typeof flags !== 'number') return false
  if (
    warnings !== null &&
    !(Array.isArray(warnings) && warnings.every((w) => typeof w === 'string'))
  ) {
    return false
  }
  return (
    device === null ||
    (Array.isArray(device) &&
      device.length === 2 &&
      typeof device[0] === 'number' &&
      typeof device[1] === 'number')
  )
}
