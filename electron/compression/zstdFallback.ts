// zstd decoding in JavaScript (fzstd) for runtimes without zlib.createZstdDecompress (Node
// before 23.8). Written as a pull-driven generator so a highly compressible layer (a 1 GiB
// file of zeros is 33 KB of zstd) cannot flood memory: input goes in small slices, the
// slice shrinks while one produces more than OUT_TARGET bytes, and the next slice is decoded
// only after the consumer took the output. Frames asking for a window over MAX_ZSTD_WINDOW
// are refused before fzstd allocates it (zstdFrames.ts).

import { Decompress } from 'fzstd'
import { ZstdFrameWalker, ZstdWindowTooLarge } from './zstdFrames'

/** Input bytes fed to the decoder at a time, at most; normal data always gets this. */
const MAX_SLICE = 1024
/** A zstd RLE block is 4 bytes for 128 KiB of output: 16 bytes make at most 512 KiB. */
const MIN_SLICE = 16
/** Output one slice should produce at most, roughly. */
const OUT_TARGET = 1024 * 1024

export class ZstdDecodeError extends Error {
  constructor(
    message: string,
    readonly atEnd: boolean,
  ) {
    super(message)
    this.name = 'ZstdDecodeError'
  }
}

export async function* decodeZstd(input: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const out: Buffer[] = []
  let produced = 0
  // fzstd may hand out views of its window; copy before the window moves.
  const decoder = new Decompress((chunk) => {
    produced += chunk.length
    out.push(Buffer.from(chunk))
  })
  const frames = new ZstdFrameWalker()
  const feed = (bytes: Uint8Array, final: boolean, atEnd: boolean): void => {
    try {
      frames.push(bytes)
      decoder.push(bytes, final)
    } catch (error) {
      if (error instanceof ZstdWindowTooLarge) throw error // decompress.ts names the layer
      throw new ZstdDecodeError(error instanceof Error ? error.message : String(error), atEnd)
    }
  }
  let slice = MAX_SLICE
  for await (const chunk of input) {
    for (let i = 0; i < chunk.length;) {
      const piece = chunk.subarray(i, i + slice)
      i += piece.length
      produced = 0
      feed(piece, false, false)
      if (produced > OUT_TARGET) slice = Math.max(MIN_SLICE, slice >> 1)
      else if (produced < OUT_TARGET / 4) slice = Math.min(MAX_SLICE, slice * 2)
      while (out.length > 0) yield out.shift() as Buffer
    }
  }
  feed(new Uint8Array(0), true, true)
  while (out.length > 0) yield out.shift() as Buffer
}
