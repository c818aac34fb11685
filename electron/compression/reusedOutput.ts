// Lets Node's native zstd decoder write its output into two buffers used in turn, for a
// reader that takes each chunk in its 'data' handler and keeps nothing of it (the layer index:
// the tar scanner copies what it keeps). Node's zlib streams hand out slices of an output
// buffer and allocate a new one each time it is full; across a 200 MB layer that is 200 MB of
// memory the process has never touched, and the page faults of touching it cost as much as
// the decoding. And each chunk is read before zlib is asked for the next, so decoding and
// reading take turns on one thread's clock.
//
// How: the stream's `_outBuffer` (zlib.js's field for the buffer it decodes into; present in
// every Node with zstd) is kept when zlib replaces it, and the other buffer of the pair taken
// instead; each chunk is handed to the reader one tick later, so zlib's thread decodes the
// next chunk into one buffer while the reader reads the other. A chunk the reader did not take
// at once (the stream was paused, or it was queued in the stream's buffer) may still be
// referenced: its buffer leaves the pair, replaced by the fresh one zlib allocated, so nothing
// queued is ever overwritten. Where the fields are missing (another runtime) nothing changes.

import type { Transform } from 'node:stream'

interface ZlibFields {
  _outBuffer?: unknown
  _outOffset?: unknown
}

/** Returns whether the decoder now decodes into two reused buffers. */
export function reuseOutputBuffers(decoder: Transform, chunkSize: number): boolean {
  const fields = decoder as Transform & ZlibFields
  const initial = fields._outBuffer
  if (!Buffer.isBuffer(initial) || initial.length !== chunkSize) return false
  if (typeof fields._outOffset !== 'number') return false
  const pair: Buffer[] = [initial, Buffer.allocUnsafe(chunkSize)]
  let current: Buffer = initial
  /** Chunks handed to `push` whose tick has not come yet, by the memory they lie in. */
  const waiting = new Map<ArrayBufferLike, number>()
  /** Memory a chunk of which the reader may still hold: never decoded into again. */
  const held = new Set<ArrayBufferLike>()
  const free = (buffer: Buffer): boolean =>
    buffer !== current && !held.has(buffer.buffer) && (waiting.get(buffer.buffer) ?? 0) === 0

  Object.defineProperty(decoder, '_outBuffer', {
    configurable: true,
    enumerable: true,
    get: () => current,
    // zlib filled `current` and offers a fresh buffer for what comes next.
    set: (fresh: unknown) => {
      if (!Buffer.isBuffer(fresh)) return
      const other = pair.find(free)
      if (other) {
        current = other
        return
      }
      const gone = pair.findIndex((buffer) => held.has(buffer.buffer))
      if (gone >= 0) pair[gone] = fresh
      current = fresh
    },
  })

  const push = decoder.push.bind(decoder)
  decoder.push = (chunk: unknown, encoding?: BufferEncoding): boolean => {
    const memory = Buffer.isBuffer(chunk) ? chunk.buffer : undefined
    if (memory) waiting.set(memory, (waiting.get(memory) ?? 0) + 1)
    process.nextTick(() => {
      if (memory) waiting.set(memory, (waiting.get(memory) ?? 1) - 1)
      if (decoder.destroyed) return
      const queuedBefore = decoder.readableLength
      push(chunk, encoding)
      // Taken at once: emitted to a flowing reader, nothing queued, the reader still flowing.
      const taken = decoder.readableLength === queuedBefore && decoder.readableFlowing === true
      if (memory && !taken) held.add(memory)
    })
    // zlib decodes on while the reader flows and the stream's queue has room.
    return (
      decoder.readableFlowing === true && decoder.readableLength < decoder.readableHighWaterMark
    )
  }
  return true
}
