// Blob bytes the span recorder must keep until it learns where a span ends (gzipSpans.ts),
// copied into a few reused 1 MiB slabs instead of kept as the chunks they arrived in. Holding
// the chunks themselves would pin every chunk of the current span and leave each one as
// garbage afterwards (a 1 GiB layer: ~600 MB of buffers for the collector to catch up with);
// copying lets the chunks move on (to the index worker, transferred) and keeps this bounded.

const SLAB_BYTES = 1024 * 1024
/** Emptied slabs kept for reuse; a span plus the worker's lag is a few of them. */
const SPARE_SLABS = 8

export class HeldBytes {
  private slabs: Buffer[] = []
  private spare: Buffer[] = []
  /** Read position in the first slab. */
  private head = 0
  /** Write position in the last slab (SLAB_BYTES = full, or no slab yet). */
  private tail = SLAB_BYTES
  private size = 0

  get length(): number {
    return this.size
  }

  push(chunk: Uint8Array): void {
    let at = 0
    while (at < chunk.length) {
      if (this.tail === SLAB_BYTES) {
        this.slabs.push(this.spare.pop() ?? Buffer.allocUnsafeSlow(SLAB_BYTES))
        this.tail = 0
      }
      const slab = this.slabs[this.slabs.length - 1] as Buffer
      const n = Math.min(chunk.length - at, SLAB_BYTES - this.tail)
      slab.set(chunk.subarray(at, at + n), this.tail)
      this.tail += n
      at += n
    }
    this.size += chunk.length
  }

  /** Hands the first `count` held bytes to `use`, in order, without dropping them. */
  visit(count: number, use: (bytes: Buffer) => void): void {
    if (count > this.size) throw new RangeError(`only ${this.size} bytes are held`)
    let left = count
    let from = this.head
    for (let i = 0; left > 0; i++) {
      const slab = this.slabs[i] as Buffer
      const end = i === this.slabs.length - 1 ? this.tail : SLAB_BYTES
      const n = Math.min(left, end - from)
      use(slab.subarray(from, from + n))
      left -= n
      from = 0
    }
  }

  /** Drops the first `count` held bytes. */
  drop(count: number): void {
    if (count > this.size) throw new RangeError(`only ${this.size} bytes are held`)
    this.size -= count
    let left = count
    while (left > 0) {
      const last = this.slabs.length === 1
      const end = last ? this.tail : SLAB_BYTES
      const n = Math.min(left, end - this.head)
      this.head += n
      left -= n
      if (this.head === end && !last) this.retireFirst()
    }
    if (this.size === 0 && this.slabs.length === 1) {
      this.head = 0
      this.tail = 0
    }
  }

  /** Drops everything; `release` also lets go of the spare slabs. */
  clear(release = false): void {
    while (this.slabs.length > 0) this.retireFirst()
    this.head = 0
    this.tail = SLAB_BYTES
    this.size = 0
    if (release) this.spare = []
  }

  private retireFirst(): void {
    const slab = this.slabs.shift()
    if (slab && this.spare.length < SPARE_SLABS) this.spare.push(slab)
    this.head = 0
  }
}
