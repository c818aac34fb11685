// Reading a few ranges of a file that only comes as a stream (a file inside a layer): the
// inspectors ask for (offset, length) pairs; this keeps the file's head in memory and walks one
// stream forward for everything past it, reopening only when asked to go back. Every read is
// bounded by the caller's length; nothing else is kept.

import type { Readable } from 'node:stream'
import { StrataError } from '../../../shared/errors'

/** Up to `length` bytes at `offset` (fewer at the end of the file). */
export type ReadAt = (offset: number, length: number) => Promise<Uint8Array>

/** How many times one inspection may restart the stream (each restart reads from the start). */
const MAX_REOPENS = 4

export interface StreamWindow {
  readonly readAt: ReadAt
  close(): void
}

/** `open` gives the file's bytes from its start; `head` bytes are kept after the first read. */
export function streamWindow(open: () => Promise<Readable>, head = 256 * 1024): StreamWindow {
  let stream: Readable | undefined
  let iterator: AsyncIterator<Buffer> | undefined
  let position = 0 // file offset of `pending`'s first byte
  let pending: Buffer = Buffer.alloc(0)
  let ended = false
  let opens = 0
  let headBytes: Buffer | undefined

  const restart = async (): Promise<void> => {
    stream?.destroy()
    if (opens > MAX_REOPENS) {
      throw new StrataError(
        'MALFORMED',
        `the file was read from its start ${opens} times; its headers point back and forth too often to summarise`,
      )
    }
    opens++
    stream = await open()
    iterator = (stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]()
    position = 0
    pending = Buffer.alloc(0)
    ended = false
  }

  const pull = async (): Promise<boolean> => {
    if (ended || iterator === undefined) return false
    const next = await iterator.next()
    if (next.done === true) {
      ended = true
      return false
    }
    pending = pending.length === 0 ? next.value : Buffer.concat([pending, next.value])
    return true
  }

  const readStreamed = async (offset: number, length: number): Promise<Uint8Array> => {
    if (iterator === undefined || offset < position) await restart()
    // Drop whole chunks before the wanted range, keeping only what may still be asked for.
    for (;;) {
      if (offset < position + pending.length || !(await pull())) break
      if (offset >= position + pending.length) {
        position += pending.length
        pending = Buffer.alloc(0)
      }
    }
    const from = offset - position
    while (pending.length < from + length && (await pull()));
    const bytes = Buffer.from(pending.subarray(Math.max(0, from), from + length))
    // Keep from the range's start on: a later read usually continues from here.
    if (from > 0) {
      pending = pending.subarray(Math.min(from, pending.length))
      position = offset
    }
    return bytes
  }

  return {
    readAt: async (offset, length) => {
      if (headBytes === undefined) {
        headBytes = Buffer.from(await readStreamed(0, head))
      }
      if (offset + length <= headBytes.length || headBytes.length < head) {
        return headBytes.subarray(offset, offset + length)
      }
      return readStreamed(offset, length)
    },
    close: () => {
      stream?.destroy()
    },
  }
}
