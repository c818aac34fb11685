// The caps that keep a hostile layer from costing unbounded memory, disk or time while it is
// indexed (see README.md, "Limits"): metadata records, entries, path and link-target lengths,
// and the size of the index as a whole. Every one ends in MALFORMED naming the cap.

import { StrataError } from '../../shared/errors'

export const MAX_META_BYTES = 1024 * 1024
export const MAX_ENTRIES = 2_000_000
/** Longest path or link target, in bytes (Linux's PATH_MAX). */
export const MAX_PATH_BYTES = 4096
/**
 * What a layer's index may cost, counted as INDEX_ENTRY_BYTES per entry plus its path and link
 * target: it bounds the index in memory and on disk (the cached JSON is about this size).
 */
export const MAX_INDEX_BYTES = 256 * 1024 * 1024
export const INDEX_ENTRY_BYTES = 128

/** Paths and link targets over MAX_PATH_BYTES are refused before any work is done on them. */
export function checkPathLength(what: string, text: string, headerOffset: number): void {
  // UTF-8 takes at most 3 bytes per UTF-16 unit: skip the count for the usual short names.
  if (text.length * 3 <= MAX_PATH_BYTES) return
  const bytes = Buffer.byteLength(text)
  if (bytes <= MAX_PATH_BYTES) return
  throw new StrataError(
    'MALFORMED',
    `tar entry at byte ${headerOffset} has a ${what} of ${bytes.toLocaleString('en')} bytes ` +
      `(limit ${MAX_PATH_BYTES.toLocaleString('en')} bytes, PATH_MAX)`,
  )
}

/** Bytes `text` takes in the index cache's JSON (UTF-8, control characters escaped). */
export function jsonBytes(text: string | undefined): number {
  if (text === undefined) return 0
  // eslint-disable-next-line no-control-regex
  const escaped = /[\u0000-\u001f"\\]/.test(text) ? JSON.stringify(text).length - 2 : text.length
  return escaped + Buffer.byteLength(text) - text.length
}

export function paxNumber(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+$/.test(value)) return undefined
  const n = Number(value)
  if (!Number.isSafeInteger(n) || n > 64 * 1024 ** 3) {
    const shown = value.length > 24 ? `${value.slice(0, 24)}…` : value
    throw new StrataError('MALFORMED', `pax header carries an absurd number: ${shown}`)
  }
  return n
}

export function paxTime(value: string | undefined): number | undefined {
  if (value === undefined || !/^-?\d+(\.\d+)?$/.test(value)) return undefined
  const seconds = Number(value)
  // A thousand-digit time is Infinity, which JSON (the index cache) cannot hold.
  return Number.isFinite(seconds) ? seconds : undefined
}
