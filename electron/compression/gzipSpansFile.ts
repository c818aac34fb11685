// The checkpoint sidecar of a cached layer index: a small hashed table (JSON) and the 32 KiB
// windows after it, read on demand. Layout:
//   "STRSPAN1" | u32 BE table length | SHA-256 of the table | table JSON | windows
// Table: { digest, compression, compressedSize, uncompressedSize,
//          points: [[compressedOffset, bitShift, uncompressedOffset, windowLength, windowSha256]],
//          spans: [spanSha256, ...] }   (hashes in hex; windows stored back to back, in order)
// Everything read back is checked (table hash, every field's range and order, each window's
// hash when loaded); anything off makes the sidecar absent, so reads fall back to full reads.

import { createHash } from 'node:crypto'
import { open } from 'node:fs/promises'
import type { GzipCheckpoint } from './gzipCheckpoints'
import { WINDOW_BYTES } from './gzipCheckpoints'
import type { LayerSpans } from './gzipSpans'

const MAGIC = Buffer.from('STRSPAN1', 'latin1')
const HEADER_BYTES = MAGIC.length + 4 + 32
const MAX_TABLE_BYTES = 64 * 1024 * 1024
const HEX64 = /^[0-9a-f]{64}$/

/** A checkpoint whose window is loaded (and verified) only when a read starts there. */
export interface SpanPoint {
  readonly compressedOffset: number
  readonly bitShift: number
  readonly uncompressedOffset: number
}

export interface SpanTable {
  readonly digest: string
  readonly compression: 'gzip' | 'none'
  readonly compressedSize: number
  readonly uncompressedSize: number
  readonly points: readonly SpanPoint[]
  readonly spanHashes: readonly Buffer[]
  /** The full checkpoint `i` with its window; undefined when the sidecar is damaged. */
  checkpoint(i: number): Promise<GzipCheckpoint | undefined>
}

type PointRow = [number, number, number, number, string]

interface TableJson {
  readonly digest: string
  readonly compression: string
  readonly compressedSize: number
  readonly uncompressedSize: number
  readonly points: readonly PointRow[]
  readonly spans: readonly string[]
}

const sha256 = (bytes: Uint8Array): Buffer => createHash('sha256').update(bytes).digest()

export function encodeSpans(spans: LayerSpans): Buffer {
  const table: TableJson = {
    digest: spans.digest,
    compression: spans.compression,
    compressedSize: spans.compressedSize,
    uncompressedSize: spans.uncompressedSize,
    points: spans.checkpoints.map((c) => [
      c.compressedOffset,
      c.bitShift,
      c.uncompressedOffset,
      c.window.length,
      sha256(c.window).toString('hex'),
    ]),
    spans: spans.spanHashes.map((h) => Buffer.from(h).toString('hex')),
  }
  const tableBytes = Buffer.from(JSON.stringify(table), 'utf8')
  const length = Buffer.alloc(4)
  length.writeUInt32BE(tableBytes.length)
  return Buffer.concat([
    MAGIC,
    length,
    sha256(tableBytes),
    tableBytes,
    ...spans.checkpoints.map((c) => c.window),
  ])
}

const isCount = (n: unknown): n is number =>
  typeof n === 'number' && Number.isSafeInteger(n) && n >= 0

/** The table if every field is sane, else undefined. */
function checkTable(value: unknown, digest: string): TableJson | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const t = value as Partial<TableJson>
  if (t.digest !== digest || (t.compression !== 'gzip' && t.compression !== 'none'))
    return undefined
  if (!isCount(t.compressedSize) || !isCount(t.uncompressedSize)) return undefined
  if (!Array.isArray(t.points) || !Array.isArray(t.spans)) return undefined
  if (t.spans.length !== t.points.length + 1) return undefined
  if (!t.spans.every((h) => typeof h === 'string' && HEX64.test(h))) return undefined
  let previous: PointRow | undefined
  for (const row of t.points as unknown[]) {
    if (!Array.isArray(row) || row.length !== 5) return undefined
    const [c, shift, u, windowLength, windowHash] = row as unknown[]
    if (!isCount(c) || !isCount(shift) || !isCount(u) || !isCount(windowLength)) return undefined
    if (typeof windowHash !== 'string' || !HEX64.test(windowHash)) return undefined
    if (shift > 7 || windowLength > WINDOW_BYTES || c >= t.compressedSize) return undefined
    if (u > t.uncompressedSize) return undefined
    if (previous && (c <= previous[0] || u < previous[2])) return undefined
    previous = row as PointRow
  }
  return t as TableJson
}

/** Opens the sidecar at `path` for `digest`; undefined when missing or damaged. */
export async function readSpansFile(path: string, digest: string): Promise<SpanTable | undefined> {
  let handle
  try {
    handle = await open(path, 'r')
  } catch {
    return undefined
  }
  try {
    const { size } = await handle.stat()
    const header = Buffer.alloc(HEADER_BYTES)
    if ((await handle.read(header, 0, HEADER_BYTES, 0)).bytesRead !== HEADER_BYTES) return undefined
    if (!header.subarray(0, MAGIC.length).equals(MAGIC)) return undefined
    const tableLength = header.readUInt32BE(MAGIC.length)
    if (tableLength > MAX_TABLE_BYTES || HEADER_BYTES + tableLength > size) return undefined
    const tableBytes = Buffer.alloc(tableLength)
    const read = await handle.read(tableBytes, 0, tableLength, HEADER_BYTES)
    if (read.bytesRead !== tableLength) return undefined
    if (!sha256(tableBytes).equals(header.subarray(MAGIC.length + 4))) return undefined
    const table = checkTable(JSON.parse(tableBytes.toString('utf8')) as unknown, digest)
    if (!table) return undefined
    const windowsStart = HEADER_BYTES + tableLength
    const offsets: number[] = []
    let end = windowsStart
    for (const row of table.points) {
      offsets.push(end)
      end += row[3]
    }
    if (end !== size) return undefined
    return tableFrom(path, table, offsets)
  } catch {
    return undefined
  } finally {
    await handle.close()
  }
}

function tableFrom(path: string, table: TableJson, offsets: readonly number[]): SpanTable {
  const points = table.points.map(([compressedOffset, bitShift, uncompressedOffset]) => ({
    compressedOffset,
    bitShift,
    uncompressedOffset,
  }))
  return {
    digest: table.digest,
    compression: table.compression as 'gzip' | 'none',
    compressedSize: table.compressedSize,
    uncompressedSize: table.uncompressedSize,
    points,
    spanHashes: table.spans.map((h) => Buffer.from(h, 'hex')),
    async checkpoint(i) {
      const row = table.points[i]
      const point = points[i]
      const at = offsets[i]
      if (!row || !point || at === undefined) return undefined
      try {
        const handle = await open(path, 'r')
        try {
          const window = Buffer.alloc(row[3])
          const { bytesRead } = await handle.read(window, 0, window.length, at)
          if (bytesRead !== window.length || sha256(window).toString('hex') !== row[4]) {
            return undefined
          }
          return { ...point, window }
        } finally {
          await handle.close()
        }
      } catch {
        return undefined
      }
    },
  }
}
