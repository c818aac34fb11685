// zstd decoding in JavaScript (fzstd) for runtimes without zlib.createZstdDecompress (Node
// before 23.8). Written as a pull-driven generator so a highly compressible layer (a 1 GiB
// file of zeros is a few kilobytes of zstd) cannot flood memory: input goes in small
// slices and the next slice is decoded only after the consumer took the output.

import { Decompress } from 'fzstd'

/** Input bytes fed to the decoder at a time; bounds the output one push can produce. */
const SLICE = 1024

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
  // fzstd may hand out views of its window; copy before the window moves.
  const decoder = new Decompress((chunk) => out.push(Buffer.from(chunk)))
  const feed = (bytes: Uint8Array, final: boolean, atEnd: boolean): void => {
    try {
      decoder.push(bytes, final)
    } catch (error) {
      throw new ZstdDecodeError(error instanceof Error ? error.message : String(error), atEnd)
    }
  }
  for await (const chunk of input) {
    for (let i = 0; i < chunk.length; i += SLICE) {
      feed(chunk.subarray(i, i + SLICE), false, false)
      while (out.length > 0) yield out.shift() as Buffer
    }
  }
  feed(new Uint8Array(0), true, true)
  while (out.length > 0) yield out.shift() as Buffer
}
