// Buffers that local blob files are read into, reused once a reader is provably done with
// them. A file stream allocates a fresh buffer for every read; on a 100 MB layer that is 100 MB
// of memory the process has never touched, and the page faults of the kernel writing into it
// cost more than decoding a zstd layer (measured: 260 ms to decode the bench's rootfs layer
// read into reused buffers, 540 ms read into fresh ones).
//
// Only the layer index gives buffers back: its worker returns each chunk's memory once the
// decoder has consumed it (indexWorker.ts). Every other reader keeps its chunks as long as it
// likes; the pool is then empty and reads allocate as before. This pool lives on the main
// thread only (each thread has its own copy of this module).

/**
 * Size of one read. 1 MiB: the Node 24 zstd index of the bench's rootfs layer took 297 ms
 * against 328 ms with 256 KiB reads (medians of 13 alternating runs; 4 MiB gave no more),
 * a quarter of the reads, hash updates and messages to the index worker.
 */
export const READ_BUFFER_BYTES = 1024 * 1024
/** Idle buffers kept for the next read (8 MiB). */
export const MAX_IDLE_READ_BUFFERS = 8

const idle: ArrayBuffer[] = []
const taken = { reused: 0, fresh: 0 }

/** A buffer of READ_BUFFER_BYTES that owns its memory: from the pool, else a new one. */
export function takeReadBuffer(): Buffer {
  const memory = idle.pop()
  if (memory) {
    taken.reused++
    return Buffer.from(memory)
  }
  taken.fresh++
  return Buffer.allocUnsafeSlow(READ_BUFFER_BYTES)
}

/** Memory no one references any more, for a later read. Anything else is left to collection. */
export function returnReadBuffer(memory: ArrayBuffer): void {
  if (memory.byteLength !== READ_BUFFER_BYTES || idle.length >= MAX_IDLE_READ_BUFFERS) return
  idle.push(memory)
}

/** Buffers taken from the pool and newly made since the process started, and those idle. */
export function readBufferCounts(): { reused: number; fresh: number; idle: number } {
  return { ...taken, idle: idle.length }
}
