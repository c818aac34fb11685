// Runs a native zlib-style decoder (Node 24's zstd) on the reading thread itself, for a reader
// that takes each chunk in its 'data' handler and keeps none of it (the layer index: the tar
// scanner copies what it keeps). Through Node's zlib stream every output chunk is a round trip
// to libuv's thread pool and a fresh buffer; on two cores the layer index spent more time on
// those hops, the threads' turns and the collector than on decoding. Here each compressed chunk
// is decoded at once with the decoder's synchronous write into one output buffer used again
// and again: the index worker is already off the UI thread, so decoding there costs nothing
// the UI sees.
//
// How: the decoder's handle (`_handle.writeSync` and the `_writeState` pair zlib.js reads after
// each write; the zlib streams of Node 20 and 24 both have them, and zlib.js's own *Sync
// functions use them) decodes from `chunk[inOff..]` into the output buffer until the decoder
// has taken the whole chunk and given everything it could. An output chunk the reader did not
// take at once (it was paused, or the chunk was queued) may still be referenced: the next one
// goes into a new buffer, so nothing queued is ever written over.
// After 8 MiB of output in one turn the rest waits for the next turn of the event loop
// (turnBudget.ts), so a zero bomb cannot keep a cancel message from being seen. Where the fields are missing
// (another runtime) `decodeInline` returns undefined and the caller pipes through the stream.

import { Readable } from 'node:stream'
import type { Transform } from 'node:stream'
import { TurnBudget } from './turnBudget'

interface ZlibHandle {
  writeSync(
    flush: number,
    input: Uint8Array,
    inOff: number,
    inLen: number,
    output: Uint8Array,
    outOff: number,
    outLen: number,
  ): void
}

interface ZlibFields {
  _handle?: unknown
  _writeState?: unknown
  _defaultFlushFlag?: unknown
  _finishFlushFlag?: unknown
}

export interface InlineDecodeOptions {
  /** Size of the output buffer (the largest chunk handed to the reader). */
  readonly chunkSize: number
  /** Maps the decoder's own error (corrupt data, early end); errors of `input` pass as they are. */
  readonly mapError: (error: unknown) => Error
  /** Told of each chunk of `input` once the decoder has taken all of it. */
  readonly onInputConsumed?: (chunk: Buffer) => void
}

interface Pending {
  readonly chunk: Buffer
  inOff: number
  inLen: number
  readonly flush: number
}

function handleOf(decoder: Transform): ZlibHandle | undefined {
  const handle = (decoder as Transform & ZlibFields)._handle
  if (typeof handle !== 'object' || handle === null) return undefined
  const writeSync = (handle as { writeSync?: unknown }).writeSync
  return typeof writeSync === 'function' ? (handle as ZlibHandle) : undefined
}

/**
 * The decoded bytes of `input`, decoded by `decoder` (a fresh, unpiped zlib-style stream) on
 * this thread; undefined when the decoder lacks the fields this needs.
 */
export function decodeInline(
  input: Readable,
  decoder: Transform,
  options: InlineDecodeOptions,
): Readable | undefined {
  const fields = decoder as Transform & ZlibFields
  const handle = handleOf(decoder)
  const state = fields._writeState
  const continueFlag = fields._defaultFlushFlag
  const endFlag = fields._finishFlushFlag
  if (!handle || !(state instanceof Uint32Array) || state.length < 2) return undefined
  if (typeof continueFlag !== 'number' || typeof endFlag !== 'number') return undefined
  const { chunkSize, mapError, onInputConsumed } = options
  // zlib reports its errors by destroying the decoder; `errored` holds the error at once and
  // the 'error' event that follows has nobody else to hear it.
  decoder.on('error', () => undefined)

  /** The buffer decoded into while the reader takes each chunk at once. */
  let reused = Buffer.allocUnsafe(chunkSize)
  let pending: Pending | undefined
  let inputEnded = false
  let finished = false
  let endWritten = false
  let scheduled = false
  const turn = new TurnBudget()
  const later = (next: (callback: () => void) => void): void => {
    scheduled = true
    next(() => {
      scheduled = false
      run()
    })
  }

  const stream = new Readable({
    highWaterMark: 2 * chunkSize,
    // Called while the stream's own read is under way, when a push would only be queued: the
    // decoding goes on a moment later, when a flowing reader takes each chunk as it comes.
    read: () => {
      if (!scheduled) later((next) => process.nextTick(next))
    },
    destroy: (error, callback) => {
      pending = undefined
      input.destroy()
      decoder.destroy()
      callback(error)
    },
  })

  /** Decodes what is pending; false when it stopped before the chunk was all taken. */
  const decodePending = (): boolean => {
    while (pending && !stream.destroyed) {
      const step = pending
      // Only a reader that takes chunks as they come lets the same buffer be decoded into
      // again; a chunk that waits in the stream's queue gets a buffer of its own.
      const queuedBefore = stream.readableLength
      const direct = queuedBefore === 0 && stream.readableFlowing === true
      const output = direct ? reused : Buffer.allocUnsafe(chunkSize)
      handle.writeSync(step.flush, step.chunk, step.inOff, step.inLen, output, 0, chunkSize)
      if (decoder.destroyed) {
        stream.destroy(mapError(decoder.errored ?? new Error('the decoder closed')))
        return false
      }
      const availOut = state[0] ?? 0
      const availIn = state[1] ?? 0
      step.inOff += step.inLen - availIn
      step.inLen = availIn
      const have = chunkSize - availOut
      let taken = true
      const turnSpent = turn.spend(have)
      if (have > 0) {
        stream.push(output.subarray(0, have))
        taken = stream.readableLength === queuedBefore && stream.readableFlowing === true
        if (!taken && output === reused) reused = Buffer.allocUnsafe(chunkSize)
      }
      // Output left unfilled: the decoder took the whole chunk and gave all it had.
      if (availOut !== 0) {
        pending = undefined
        if (step.chunk.length > 0) onInputConsumed?.(step.chunk)
        return true
      }
      // Queued, or the reader went away: the rest waits until the reader asks (read above).
      if (!taken || stream.destroyed) return false
      if (turnSpent) {
        later((next) => turn.nextTurn(next))
        return false
      }
    }
    return pending === undefined
  }

  /** Goes on where decoding stopped: the pending chunk, then the input, or the end. */
  const run = (): void => {
    while (!stream.destroyed && decodePending()) {
      if (!inputEnded) {
        input.resume()
        return
      }
      if (finished) return
      if (!endWritten) {
        // An empty write with the finishing flag: a frame cut short fails here.
        endWritten = true
        pending = { chunk: Buffer.alloc(0), inOff: 0, inLen: 0, flush: endFlag }
        continue
      }
      finished = true
      stream.push(null)
      decoder.destroy()
    }
  }

  input.on('data', (chunk: Buffer) => {
    pending = { chunk, inOff: 0, inLen: chunk.length, flush: continueFlag }
    if (!decodePending()) input.pause()
  })
  // A paused input still ends once its queue is empty: the last chunk may be mid-way.
  input.once('end', () => {
    inputEnded = true
    if (!scheduled && pending === undefined) run()
  })
  input.on('error', (error) => stream.destroy(error))
  return stream
}
