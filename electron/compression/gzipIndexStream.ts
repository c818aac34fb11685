// Gunzip for indexing that also records checkpoints (see gzipCheckpoints.ts). It steps a
// native inflater synchronously: Z_NO_FLUSH normally; once CHECKPOINT_EVERY bytes of output
// have passed since the last checkpoint, Z_BLOCK until inflate stops at a block boundary;
// then the boundary's bit is found by trial once a few KiB of the output after it are known.
// Output chunks are handed downstream as they are made, never copied.

import { Transform } from 'node:stream'
import type { TransformCallback } from 'node:stream'
import type { GzipCheckpoint } from './gzipCheckpoints'
import {
  CHECKPOINT_EVERY,
  locateCheckpoint,
  TRIAL_MATCH_BYTES,
  WINDOW_BYTES,
} from './gzipCheckpoints'
import { SyncInflater, Z_BLOCK, Z_FINISH, Z_NO_FLUSH } from './gzipInflater'
import { TurnBudget } from './turnBudget'

const OUT_BYTES = 256 * 1024
/** A fresh output buffer is taken when less than this is left in the current one. */
const OUT_MIN_ROOM = 32 * 1024
/** Output gathered after a boundary before the trial runs (twice what it must match). */
const FOLLOWING_BYTES = 2 * TRIAL_MATCH_BYTES
const MAX_PENDING_INPUT = 1024 * 1024

interface PendingBoundary {
  readonly consumedTotal: number
  readonly uncompressedOffset: number
  readonly window: Buffer
  readonly compressed: Buffer[]
  compressedLength: number
  readonly following: Buffer[]
  followingLength: number
}

/** Where inflating a chunk stopped part-way: the reader is full, or this turn made enough. */
interface Stop {
  readonly at: number
  readonly why: 'full' | 'turn'
}

export interface GzipIndexOptions {
  readonly every?: number
  readonly onCheckpoint: (checkpoint: GzipCheckpoint) => void
}

export class GzipIndexStream extends Transform {
  private readonly inflater: SyncInflater
  private readonly interval: number
  private out = Buffer.allocUnsafe(OUT_BYTES)
  private outOffset = 0
  private consumedTotal = 0
  private producedTotal = 0
  private lastByte = 0
  private lastCheckpoint = 0
  private seeking = false
  private pending: PendingBoundary | undefined
  private ended = false
  /** The latest output, newest last, at least WINDOW_BYTES long once there is that much. */
  private recent: Buffer[] = []
  private recentLength = 0
  /**
   * Output allowed before the event loop gets a turn (turnBudget.ts): a 1 MiB chunk of a layer
   * of empty files is 100 MB of tar, and in one go it held off the worker's cancel message.
   */
  private readonly turn = new TurnBudget()
  /** A chunk left part-way while the reader catches up. */
  private paused:
    { chunk: Buffer; offset: number; callback: TransformCallback; why: Stop['why'] } | undefined

  private constructor(
    inflater: SyncInflater,
    private readonly options: GzipIndexOptions,
  ) {
    super({ readableHighWaterMark: OUT_BYTES })
    this.inflater = inflater
    this.interval = options.every ?? CHECKPOINT_EVERY
  }

  /** Undefined when the runtime's zlib cannot be stepped synchronously. */
  static create(options: GzipIndexOptions): GzipIndexStream | undefined {
    const inflater = SyncInflater.create('gunzip')
    return inflater ? new GzipIndexStream(inflater, options) : undefined
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.run(chunk, 0, callback)
  }

  /**
   * Inflates `chunk` from `offset`; stops early when the reader's buffer is full and resumes
   * from `_read`. Without this a chunk of a zero bomb (1 KiB of gzip can hold 1 MiB of zeros)
   * was inflated whole into the readable buffer, ~1 GB resident for a 1 MB layer. When the
   * turn's output budget is spent it also stops, and resumes on the next turn.
   */
  private run(chunk: Buffer, offset: number, callback: TransformCallback): void {
    let stop: Stop | undefined
    try {
      stop = this.inflate(chunk, offset, Z_NO_FLUSH)
    } catch (error) {
      callback(error as Error)
      return
    }
    if (stop === undefined) {
      callback()
      return
    }
    this.paused = { chunk, offset: stop.at, callback, why: stop.why }
    if (stop.why === 'turn') this.turn.nextTurn(() => this.continuePaused())
  }

  /** Goes on with the chunk left part-way, if there is one (and the stream still runs). */
  private continuePaused(): void {
    const paused = this.paused
    if (!paused || this.destroyed) return
    this.paused = undefined
    this.run(paused.chunk, paused.offset, paused.callback)
  }

  override _read(size: number): void {
    // A chunk waiting for the next turn goes on from the timer, not from the reader.
    if (this.paused?.why === 'full') this.continuePaused()
    else if (!this.paused) super._read(size)
  }

  override _flush(callback: TransformCallback): void {
    try {
      // Z_FINISH on no input: zlib reports "unexpected end of file" if the stream is cut short.
      if (!this.ended) this.inflate(Buffer.alloc(0), 0, Z_FINISH)
      this.settlePending(true)
      callback()
    } catch (error) {
      callback(error as Error)
    }
  }

  override _destroy(error: Error | null, callback: (error: Error | null) => void): void {
    this.inflater.close()
    callback(error)
  }

  /** Undefined when `chunk` is used up; else where to resume, and why it stopped. */
  private inflate(chunk: Buffer, from: number, finalFlush: number): Stop | undefined {
    let offset = from
    while (!this.ended && (offset < chunk.length || finalFlush === Z_FINISH)) {
      if (OUT_BYTES - this.outOffset < OUT_MIN_ROOM) {
        this.out = Buffer.allocUnsafe(OUT_BYTES)
        this.outOffset = 0
      }
      const wantBoundary = this.seeking
      const flush = finalFlush === Z_FINISH ? Z_FINISH : wantBoundary ? Z_BLOCK : Z_NO_FLUSH
      const room = OUT_BYTES - this.outOffset
      const step = this.inflater.step(
        chunk,
        offset,
        chunk.length - offset,
        this.out,
        this.outOffset,
        room,
        flush,
      )
      const input = chunk.subarray(offset, offset + step.consumed)
      offset += step.consumed
      this.consumedTotal += step.consumed
      if (step.consumed > 0) this.lastByte = input[input.length - 1] ?? 0
      // The pending boundary sees this step's input before its output, so a trial run on
      // the output always has the compressed bytes that made it.
      if (this.pending) this.feedPending(input)
      const output = this.out.subarray(this.outOffset, this.outOffset + step.produced)
      this.outOffset += step.produced
      const wantsMore = step.produced > 0 ? this.deliver(output) : true
      const turnSpent = this.turn.spend(step.produced)
      if (finalFlush === Z_FINISH) return undefined
      const atBoundary =
        wantBoundary && (step.stopped || (step.consumed === 0 && step.produced === 0))
      if (atBoundary) {
        this.startPending()
        continue
      }
      if (step.stopped) this.ended = true // end of the gzip data; anything after is padding
      if (step.consumed === 0 && step.produced === 0) break
      if (offset < chunk.length) {
        if (!wantsMore) return { at: offset, why: 'full' }
        if (turnSpent) return { at: offset, why: 'turn' }
      }
    }
    return undefined
  }

  /** Hands `output` downstream; false when the reader's buffer is full. */
  private deliver(output: Buffer): boolean {
    this.producedTotal += output.length
    const wantsMore = this.push(output)
    if (this.pending) {
      this.pending.following.push(output)
      this.pending.followingLength += output.length
      this.settlePending(false)
    }
    this.recent.push(output)
    this.recentLength += output.length
    while (
      this.recent.length > 1 &&
      this.recentLength - (this.recent[0]?.length ?? 0) >= WINDOW_BYTES
    ) {
      this.recentLength -= this.recent.shift()?.length ?? 0
    }
    if (
      !this.seeking &&
      !this.pending &&
      this.producedTotal - this.lastCheckpoint >= this.interval
    ) {
      this.seeking = true
    }
    return wantsMore
  }

  private startPending(): void {
    this.seeking = false
    this.pending = {
      consumedTotal: this.consumedTotal,
      uncompressedOffset: this.producedTotal,
      window: this.lastOutput(WINDOW_BYTES),
      compressed: [Buffer.of(this.lastByte)],
      compressedLength: 1,
      following: [],
      followingLength: 0,
    }
  }

  /**
   * The last `size` bytes of output (fewer at the start) in a buffer of exactly that size:
   * the window outlives the output buffers it is cut from, so it must not keep them alive.
   */
  private lastOutput(size: number): Buffer {
    const window = Buffer.allocUnsafeSlow(Math.min(size, this.recentLength))
    let end = window.length
    for (let i = this.recent.length - 1; i >= 0 && end > 0; i--) {
      const piece = this.recent[i] as Buffer
      const take = Math.min(end, piece.length)
      piece.copy(window, end - take, piece.length - take)
      end -= take
    }
    return window
  }

  private feedPending(input: Buffer): void {
    const pending = this.pending
    if (!pending || input.length === 0) return
    pending.compressed.push(input)
    pending.compressedLength += input.length
    // Pathological streams (long runs of empty blocks) must not grow this without bound.
    if (pending.compressedLength > MAX_PENDING_INPUT) this.settlePending(true)
  }

  /** Runs the trial once enough output followed the boundary (or the stream ended). */
  private settlePending(atEnd: boolean): void {
    const pending = this.pending
    if (!pending) return
    if (!atEnd && pending.followingLength < FOLLOWING_BYTES) return
    this.pending = undefined
    const checkpoint = locateCheckpoint({
      consumedTotal: pending.consumedTotal,
      compressed: Buffer.concat(pending.compressed, pending.compressedLength),
      uncompressedOffset: pending.uncompressedOffset,
      window: pending.window,
      following: Buffer.concat(pending.following, pending.followingLength),
    })
    if (checkpoint) {
      this.lastCheckpoint = checkpoint.uncompressedOffset
      this.options.onCheckpoint(checkpoint)
    } else if (!this.ended) {
      this.seeking = true // try the next boundary
    }
  }
}
