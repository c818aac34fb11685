// Inflating from a checkpoint: the blob's bytes from the checkpoint's byte on are fed behind
// output-free primer blocks that end where the block starts (gzipCheckpoints.ts), to a raw
// inflater given the checkpoint's window as its dictionary. Without a checkpoint (the start of the blob) it is a plain gunzip. Synchronous steps;
// the caller feeds chunks and forwards the output with whatever backpressure it needs.

import type { GzipCheckpoint } from './gzipCheckpoints'
import { StreamPrimer } from './gzipCheckpoints'
import { SyncInflater, Z_NO_FLUSH, Z_SYNC_FLUSH } from './gzipInflater'

const OUT_BYTES = 256 * 1024
const unlimited = (): number => Number.POSITIVE_INFINITY

export class CheckpointInflater {
  private ended = false

  private constructor(
    private readonly inflater: SyncInflater,
    private readonly primer: StreamPrimer,
  ) {}

  /** Undefined when the runtime's zlib cannot be stepped synchronously. */
  static start(checkpoint: GzipCheckpoint | undefined): CheckpointInflater | undefined {
    const inflater = checkpoint
      ? SyncInflater.create('raw', checkpoint.window.length > 0 ? checkpoint.window : undefined)
      : SyncInflater.create('gunzip')
    if (!inflater) return undefined
    return new CheckpointInflater(inflater, new StreamPrimer(checkpoint?.bitShift ?? 0))
  }

  /**
   * True once the deflate data ended: for a raw start that is the end of the gzip member the
   * checkpoint is in (a later member needs another start).
   */
  get finished(): boolean {
    return this.ended
  }

  /**
   * Output for the next compressed bytes (blob order, from the checkpoint's byte on), made
   * lazily one output buffer at a time: a few KiB of zeros-heavy input may inflate to
   * gigabytes, so the caller pulls as fast as its reader drains.
   */
  push(chunk: Uint8Array, room: () => number = unlimited): Generator<Buffer> {
    return this.run(this.primer.push(chunk), Z_NO_FLUSH, room)
  }

  /**
   * Output still held inside the inflater once the fetched bytes are all pushed. Pass `room`:
   * output beyond what the fetched spans cover is never asked for, so inflate never decodes
   * the next span's bits it does not have.
   */
  end(room: () => number = unlimited): Generator<Buffer> {
    return this.run(Buffer.alloc(0), Z_SYNC_FLUSH, room)
  }

  close(): void {
    this.inflater.close()
  }

  /** `room` = output still wanted; inflate stops there (and never decodes past it). */
  private *run(input: Buffer, flush: number, room: () => number): Generator<Buffer> {
    let offset = 0
    while (!this.ended && (offset < input.length || flush === Z_SYNC_FLUSH)) {
      const size = Math.min(OUT_BYTES, room())
      if (size <= 0) return
      const out = Buffer.allocUnsafe(size)
      const step = this.inflater.step(input, offset, input.length - offset, out, 0, size, flush)
      offset += step.consumed
      if (step.produced > 0) yield out.subarray(0, step.produced)
      if (step.stopped) this.ended = true
      if (step.produced < size && offset >= input.length) break
      if (step.consumed === 0 && step.produced === 0) break
    }
  }
}
