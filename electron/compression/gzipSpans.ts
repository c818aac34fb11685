// What random access into a layer needs, recorded while the layer is indexed: its checkpoints
// and a SHA-256 of every compressed span between them. Span s covers blob bytes
// [start(s), start(s + 1)] inclusive (neighbours share the byte a block boundary falls in;
// start(0) = 0 and the last span ends at the blob's last byte), so any run of spans fetched
// by range verifies on its own before a bit of it is inflated.
//
// The hashes are computed on the thread that reads the blob (in parallel with the indexing
// worker): the bytes of the span being hashed are held until the worker reports where the
// span ends, which is at most one span (plus the chunks in flight) behind.

import { createHash } from 'node:crypto'
import type { Hash } from 'node:crypto'
import type { LayerCompressionFound } from '../../shared/api/files'
import type { GzipCheckpoint } from './gzipCheckpoints'
import { HeldBytes } from './gzipHeldBytes'

export interface LayerSpans {
  readonly digest: string
  /** gzip: checkpoints are block starts with windows; none: plain offsets (no windows). */
  readonly compression: 'gzip' | 'none'
  readonly compressedSize: number
  readonly uncompressedSize: number
  /** Sorted by offset; the start of the blob is the implicit checkpoint before the first. */
  readonly checkpoints: readonly GzipCheckpoint[]
  /** SHA-256 of each span: checkpoints.length + 1 of them. */
  readonly spanHashes: readonly Uint8Array[]
}

/** Bytes held waiting for a span's end before the recorder gives up (no spans then). */
const MAX_HELD_BYTES = 64 * 1024 * 1024

export class SpanRecorder {
  private readonly checkpoints: GzipCheckpoint[] = []
  private readonly hashes: Uint8Array[] = []
  /** Blob bytes from `heldStart` on, not yet hashed (copies: the chunks themselves move on). */
  private readonly held = new HeldBytes()
  private heldStart = 0
  private hash: Hash = createHash('sha256')
  /** Span ends reported but not yet hashed (their bytes may still be coming). */
  private readonly ends: number[] = []
  private compression: LayerCompressionFound | undefined
  private failed = false

  constructor(private readonly digest: string) {}

  /** Every blob byte, in order, as it is read. The recorder keeps a copy, not `chunk`. */
  push(chunk: Uint8Array): void {
    if (this.failed) return
    this.held.push(chunk)
    this.drain()
    if (this.held.length > MAX_HELD_BYTES) this.giveUp()
  }

  setCompression(compression: LayerCompressionFound): void {
    this.compression = compression
    if (compression === 'zstd') this.giveUp()
  }

  checkpoint(checkpoint: GzipCheckpoint): void {
    if (this.failed) return
    const previous = this.checkpoints[this.checkpoints.length - 1]
    if (previous && checkpoint.compressedOffset <= previous.compressedOffset) return
    this.checkpoints.push(checkpoint)
    this.ends.push(checkpoint.compressedOffset)
    this.drain()
  }

  /** The spans, once the whole blob was read; undefined when there is nothing to record. */
  finish(compressedSize: number, uncompressedSize: number): LayerSpans | undefined {
    const compression = this.compression
    if (this.failed || (compression !== 'gzip' && compression !== 'none')) return undefined
    if (this.heldStart + this.held.length !== compressedSize) return undefined
    if (this.checkpoints.length === 0) return undefined
    this.drain()
    if (this.ends.length > 0) return undefined
    this.held.visit(this.held.length, (bytes) => this.hash.update(bytes))
    this.hashes.push(this.hash.digest())
    this.held.clear(true)
    return {
      digest: this.digest,
      compression,
      compressedSize,
      uncompressedSize,
      checkpoints: this.checkpoints,
      spanHashes: this.hashes,
    }
  }

  /** Hashes every span whose end byte has arrived; keeps the end byte for the next span. */
  private drain(): void {
    for (let end = this.ends[0]; end !== undefined; end = this.ends[0]) {
      if (this.heldStart + this.held.length <= end) return
      this.ends.shift()
      // The end byte closes this span and opens the next.
      this.held.visit(end - this.heldStart + 1, (bytes) => this.hash.update(bytes))
      this.held.drop(end - this.heldStart)
      this.heldStart = end
      this.hashes.push(this.hash.digest())
      this.hash = createHash('sha256')
    }
  }

  private giveUp(): void {
    this.failed = true
    this.held.clear(true)
  }
}
