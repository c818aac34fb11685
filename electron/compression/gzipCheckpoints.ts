// Checkpoints into a gzip stream: places where inflating can start again without reading
// what came before. A checkpoint is the bit where a deflate block starts plus the 32 KiB of
// output before it (the window back-references may reach into). Node's zlib cannot report
// bit offsets, so a boundary found with Z_BLOCK is known only to the byte (the block starts
// 0–7 bits before the last byte consumed); the bit is found by trial: inflate from each
// candidate and keep the one whose output equals the real output that followed. Inflating
// from a bit inside a byte is done by priming (below), never by shifting bits.

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

// Why not shift the bits into byte alignment: a stored block (what deflate writes for data
// it cannot compress) pads its header to the next byte edge of the *original* stream, and so
// does the empty stored block of a sync flush. Shifted, that edge moves, the block's length
// fields are read from the wrong bits ("invalid stored block lengths"), and every block after
// it is misread. Instead the stream is fed as it is, with synthetic blocks in front that
// produce no output and end exactly `bitShift` bits into the checkpoint's byte: the real
// block then starts at the same bit of a byte as it did in the blob, so every later byte
// edge is where the encoder put it.

/** Deflate's bit order: fields least significant bit first, Huffman codes most significant first. */
class BitWriter {
  private readonly bytes: number[] = []
  private bitCount = 0

  get length(): number {
    return this.bitCount
  }

  /** A field of `count` bits, least significant first. */
  field(value: number, count: number): void {
    for (let i = 0; i < count; i++) this.bit((value >> i) & 1)
  }

  /** A Huffman code of `count` bits, most significant first. */
  code(value: number, count: number): void {
    for (let i = count - 1; i >= 0; i--) this.bit((value >> i) & 1)
  }

  /** Whole bytes written so far, and the bits of the unfinished last byte. */
  finish(): { readonly whole: Buffer; readonly tail: number } {
    const wholeCount = this.bitCount >> 3
    return {
      whole: Buffer.from(this.bytes.slice(0, wholeCount)),
      tail: this.bytes[wholeCount] ?? 0,
    }
  }

  private bit(value: number): void {
    const index = this.bitCount >> 3
    if (index === this.bytes.length) this.bytes.push(0)
    this.bytes[index] = (this.bytes[index] ?? 0) | (value << (this.bitCount & 7))
    this.bitCount++
  }
}

/** An empty, non-final block with the fixed Huffman codes: 10 bits. */
function emptyFixedBlock(out: BitWriter): void {
  out.field(0, 1) // BFINAL = 0
  out.field(1, 2) // BTYPE = fixed codes
  out.code(0, 7) // end of block (symbol 256)
}

/** Code-length alphabet order in a dynamic block header (RFC 1951, 3.2.7). */
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1]

/**
 * An empty, non-final block with dynamic codes whose only literal/length code is the end of
 * block: 99 bits, an odd count (the fixed block alone only reaches even counts).
 */
function emptyDynamicBlock(out: BitWriter): void {
  out.field(0, 1) // BFINAL = 0
  out.field(2, 2) // BTYPE = dynamic codes
  out.field(0, 5) // HLIT: 257 literal/length code lengths
  out.field(0, 5) // HDIST: 1 distance code length
  out.field(CODE_LENGTH_ORDER.length - 4, 4) // HCLEN
  // Code-length code: symbols 0, 1, 17, 18 of two bits each (codes 00, 01, 10, 11).
  const lengths = new Map([
    [0, 2],
    [1, 2],
    [17, 2],
    [18, 2],
  ])
  for (const symbol of CODE_LENGTH_ORDER) out.field(lengths.get(symbol) ?? 0, 3)
  // 256 zero lengths for the literals (138 + 115 + 3), length 1 for end of block, 0 for the
  // one distance code.
  out.code(3, 2)
  out.field(138 - 11, 7)
  out.code(3, 2)
  out.field(115 - 11, 7)
  out.code(2, 2)
  out.field(3 - 3, 3)
  out.code(1, 2)
  out.code(0, 2)
  out.code(0, 1) // end of block: the only code, one bit
}

export interface BlockPrimer {
  /** Whole bytes to feed before the checkpoint's byte. */
  readonly prefix: Buffer
  /** The low `bitShift` bits to put in place of the previous block's bits of that byte. */
  readonly tail: number
}

/** Output-free blocks whose length in bits ends `bitShift` bits into a byte (0–7). */
export function blockPrimer(bitShift: number): BlockPrimer {
  const out = new BitWriter()
  if (bitShift % 2 === 1) emptyDynamicBlock(out) // 99 ≡ 3 (mod 8)
  while (out.length % 8 !== bitShift) emptyFixedBlock(out) // each adds 2 (mod 8)
  const { whole, tail } = out.finish()
  return { prefix: whole, tail: bitShift === 0 ? 0 : tail }
}

/**
 * The compressed bytes from a checkpoint's byte on, made decodable by a raw inflater: the
 * primer's blocks in front, and the bits of the block before replaced by the primer's tail.
 */
export function primedInput(bytes: Uint8Array, bitShift: number): Buffer {
  if (bitShift === 0) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)
  const primer = blockPrimer(bitShift)
  const out = Buffer.allocUnsafe(primer.prefix.length + bytes.length)
  primer.prefix.copy(out, 0)
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).copy(out, primer.prefix.length)
  if (bytes.length > 0) {
    const keep = 0xff & ~((1 << bitShift) - 1)
    out[primer.prefix.length] = ((bytes[0] ?? 0) & keep) | primer.tail
  }
  return out
}

/** Primes the first chunk of a stream fed from a checkpoint; later chunks pass unchanged. */
export class StreamPrimer {
  private primed = false

  constructor(private readonly bitShift: number) {}

  push(chunk: Uint8Array): Buffer {
    if (this.primed || chunk.length === 0) {
      return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length)
    }
    this.primed = true
    return primedInput(chunk, this.bitShift)
  }
}

/**
 * Inflates from a candidate block start and returns how many leading bytes of `expected` it
 * reproduced (0 on any decoding error).
 */
function trialMatch(
  compressed: Uint8Array,
  bitShift: number,
  window: Uint8Array,
  expected: Uint8Array,
): number {
  const inflater = SyncInflater.create('raw', window.length > 0 ? window : undefined)
  if (!inflater) return 0
  try {
    const input = primedInput(compressed.subarray(0, TRIAL_INPUT_BYTES), bitShift)
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
  const matching: GzipCheckpoint[] = []
  // unused = bits of the last consumed byte not yet used: the block starts (8 − unused) bits
  // into that byte, or at the next byte when unused is 0.
  for (let unused = 0; unused < 8; unused++) {
    const compressedOffset = unused === 0 ? evidence.consumedTotal : evidence.consumedTotal - 1
    const bitShift = unused === 0 ? 0 : 8 - unused
    const bytes = unused === 0 ? evidence.compressed.subarray(1) : evidence.compressed
    if (trialMatch(bytes, bitShift, evidence.window, evidence.following) < need) continue
    matching.push({
      compressedOffset,
      bitShift,
      uncompressedOffset: evidence.uncompressedOffset,
      window: evidence.window,
    })
  }
  // A stored block starting on a byte edge also decodes from the 1–2 zero bits before it
  // (they read as the start of a stored-block header that pads to the same edge): the byte
  // edge is the boundary. Any other disagreement is too little evidence: try the next one.
  if (matching.length > 1 && matching[0]?.bitShift === 0) return matching[0]
  return matching.length === 1 ? matching[0] : undefined
}
