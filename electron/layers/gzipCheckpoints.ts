// Checkpoints into a gzip stream: places where inflating can start again without reading
// what came before. A checkpoint is the bit where a deflate block starts plus the 32 KiB of
// output before it (the window back-references may reach into). Node's zlib cannot report
// bit offsets, so a boundary found with Z_BLOCK is known only to the byte (the block starts
// 0–7 bits before the last byte consumed); the bit is found by trial: inflate from each
// candidate and keep the one whose output equals the real output that followed.

import { SyncInflater, Z_SYNC_FLUSH } from './gzipInflater'

/** Output bytes back-references may reach. */
export const WINDOW_BYTES = 32 * 1024
/** Default distance between checkpoints, in uncompressed bytes. */
export const CHECKPOINT_EVERY = 4 * 1024 * 1024
/** Real output a trial must reproduce before its bit offset is believed. */
export const TRIAL_MATCH_BYTES = 4096
/** Compressed bytes a trial inflates (plenty for TRIAL_MATCH_BYTES of output). */
const TRIAL_INPUT_BYTES = 32 * 1024

export interface GzipCheckpoint {
  /** Blob byte holding the first bit of the block. */
  readonly compressedOffset: number
  /** Bits of that byte (from its least significant end) that belong to the block before. */
  readonly bitShift: number
  /** Offset in the uncompressed stream where the block's output starts. */
  readonly uncompressedOffset: number
  /** The output just before `uncompressedOffset` (up to 32 KiB). */
  readonly window: Uint8Array
}

/**
 * `bytes` shifted right by `shift` bits across byte edges (deflate packs bits from the least
 * significant end), so a block starting mid-byte starts at bit 0 of the result. The result is
 * one byte shorter unless `last` is set (then the final byte's high bits are zero).
 */
export function shiftBits(bytes: Uint8Array, shift: number, last = true): Buffer {
  if (shift === 0) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)
  const length = last ? bytes.length : Math.max(0, bytes.length - 1)
  const out = Buffer.allocUnsafe(length)
  const back = 8 - shift
  for (let i = 0; i < length; i++) {
    const next = i + 1 < bytes.length ? (bytes[i + 1] ?? 0) : 0
    out[i] = (((bytes[i] ?? 0) >> shift) | (next << back)) & 0xff
  }
  return out
}

/** Streams bits shifted by a fixed amount: holds back one byte between chunks. */
export class BitShifter {
  private held: number | undefined

  constructor(private readonly shift: number) {}

  push(chunk: Uint8Array): Buffer {
    if (this.shift === 0) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length)
    if (chunk.length === 0) return Buffer.alloc(0)
    const joined = this.held === undefined ? chunk : Buffer.concat([Buffer.of(this.held), chunk])
    this.held = joined[joined.length - 1]
    return shiftBits(joined, this.shift, false)
  }

  /** The last byte's remaining bits. */
  end(): Buffer {
    if (this.shift === 0 || this.held === undefined) return Buffer.alloc(0)
    const last = Buffer.of((this.held >> this.shift) & 0xff)
    this.held = undefined
    return last
  }
}

/**
 * Inflates from a candidate block start and returns how many leading bytes of `expected` it
 * reproduced (0 on any decoding error).
 */
function trialMatch(
  compressed: Uint8Array,
  shift: number,
  window: Uint8Array,
  expected: Uint8Array,
): number {
  const inflater = SyncInflater.create('raw', window.length > 0 ? window : undefined)
  if (!inflater) return 0
  try {
    const input = shiftBits(compressed.subarray(0, TRIAL_INPUT_BYTES), shift)
    const out = Buffer.allocUnsafe(Math.min(expected.length, TRIAL_MATCH_BYTES))
    let produced = 0
    let offset = 0
    while (produced < out.length && offset < input.length) {
      const step = inflater.step(
        input,
        offset,
        input.length - offset,
        out,
        produced,
        out.length - produced,
        Z_SYNC_FLUSH,
      )
      offset += step.consumed
      produced += step.produced
      if (step.consumed === 0 && step.produced === 0) break
    }
    return out.subarray(0, produced).equals(expected.subarray(0, produced)) ? produced : 0
  } catch {
    return 0
  } finally {
    inflater.close()
  }
}

export interface BoundaryEvidence {
  /** Blob offset just past the last byte inflate consumed when it stopped at the boundary. */
  readonly consumedTotal: number
  /** Compressed bytes from consumedTotal − 1 on (the byte before may hold the block's start). */
  readonly compressed: Uint8Array
  /** Uncompressed offset of the boundary. */
  readonly uncompressedOffset: number
  readonly window: Uint8Array
  /** Real output that followed the boundary. */
  readonly following: Uint8Array
}

/**
 * The checkpoint at a Z_BLOCK boundary, or undefined when no candidate bit (or more than one)
 * reproduces the output that followed: then the caller tries the next boundary.
 */
export function locateCheckpoint(evidence: BoundaryEvidence): GzipCheckpoint | undefined {
  const need = Math.min(TRIAL_MATCH_BYTES, evidence.following.length)
  if (need < 64 || evidence.consumedTotal < 1) return undefined
  let found: GzipCheckpoint | undefined
  // unused = bits of the last consumed byte not yet used: the block starts (8 − unused) bits
  // into that byte, or at the next byte when unused is 0.
  for (let unused = 0; unused < 8; unused++) {
    const compressedOffset = unused === 0 ? evidence.consumedTotal : evidence.consumedTotal - 1
    const bitShift = unused === 0 ? 0 : 8 - unused
    const bytes = unused === 0 ? evidence.compressed.subarray(1) : evidence.compressed
    if (trialMatch(bytes, bitShift, evidence.window, evidence.following) < need) continue
    if (found) return undefined // two candidates agree: too little evidence, skip this one
    found = {
      compressedOffset,
      bitShift,
      uncompressedOffset: evidence.uncompressedOffset,
      window: evidence.window,
    }
  }
  return found
}
