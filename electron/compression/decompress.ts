// A layer blob in, the uncompressed tar out: compression found by magic bytes, gzip through
// node:zlib, zstd through zlib.createZstdDecompress where the runtime has it, else fzstd.
// Decoder failures become MALFORMED errors naming the layer and the compressed byte where
// things went wrong; errors of the source (DIGEST_MISMATCH, NETWORK) pass through as they are.

import { Readable } from 'node:stream'
import type { Transform } from 'node:stream'
import zlib from 'node:zlib'
import { StrataError } from '../../shared/errors'
import type { LayerCompressionFound } from '../../shared/api/files'
import { DETECT_BYTES, detectCompression } from './detectCompression'
import type { GzipCheckpoint } from './gzipCheckpoints'
import { CHECKPOINT_EVERY } from './gzipCheckpoints'
import { GzipIndexStream } from './gzipIndexStream'
import { decodeZstd, ZstdDecodeError } from './zstdFallback'
import { MAX_ZSTD_WINDOW, ZstdFrameWalker, ZstdWindowTooLarge } from './zstdFrames'
import { decodeInline } from './inlineDecoder'
import { SourceFeed } from './sourceFeed'

export type ZstdDecoder = 'auto' | 'fzstd'

export interface DecompressOptions {
  /** "fzstd" forces the JavaScript decoder even when the runtime has a native one. */
  readonly zstd?: ZstdDecoder
  /**
   * Record checkpoints for random access: gzip block starts (gzipIndexStream.ts) every
   * `every` uncompressed bytes; for an uncompressed layer, plain offsets every `every` bytes
   * (they bound the spans whose hashes verify ranged reads). zstd records none.
   */
  readonly checkpoints?: {
    readonly every?: number
    readonly onCheckpoint: (checkpoint: GzipCheckpoint) => void
  }
  /** Told the compression as soon as the magic bytes reveal it. */
  readonly onCompression?: (compression: LayerCompressionFound) => void
  /**
   * The reader takes each chunk of `stream` in its 'data' handler and keeps none of it after
   * (copying what it needs): native zstd may then decode on this thread, every chunk into one
   * reused buffer (inlineDecoder.ts). A reader that holds chunks (a sink writing them out)
   * must not set it.
   */
  readonly transientChunks?: boolean
  /**
   * Told of each chunk of the source once the native zstd decoder has consumed all of it;
   * nothing in here refers to it after (the frame walker and the head copy what they read).
   * Other decoders never call it: they, or the records they keep, may still hold a chunk.
   */
  readonly onInputConsumed?: (chunk: Buffer) => void
}

export interface DecompressedLayer {
  readonly compression: LayerCompressionFound
  /** The uncompressed tar bytes. */
  readonly stream: Readable
  /** Compressed bytes read from the source so far. */
  bytesIn(): number
}

type ZstdFactory = (options?: {
  readonly chunkSize?: number
  readonly readableHighWaterMark?: number
  readonly writableHighWaterMark?: number
}) => Transform

/**
 * Compressed bytes the native zstd decoder takes ahead of what it is decoding (its writable
 * buffer). Only there: a reader that stops early (one file found) reads little past it.
 */
const INPUT_AHEAD = 1024 * 1024
/** Output chunk of the native zstd decoder. */
const ZSTD_CHUNK = 1024 * 1024

/** The runtime's native zstd decoder (Node ≥ 23.8, Electron ≥ 40), if it has one. */
export function nativeZstd(): ZstdFactory | undefined {
  const candidate = (zlib as unknown as { createZstdDecompress?: unknown }).createZstdDecompress
  return typeof candidate === 'function' ? (candidate as ZstdFactory) : undefined
}

export async function openDecompressed(
  source: Readable,
  digest: string,
  options: DecompressOptions = {},
): Promise<DecompressedLayer> {
  const feed = new SourceFeed(source)
  let compression: LayerCompressionFound
  try {
    compression = detectCompression(await feed.head(DETECT_BYTES), digest)
  } catch (error) {
    feed.stream.destroy()
    throw error
  }
  options.onCompression?.(compression)
  let bytesIn = 0
  const every = options.checkpoints?.every ?? CHECKPOINT_EVERY
  const plainCheckpoint = compression === 'none' ? options.checkpoints?.onCheckpoint : undefined
  let nextPlain = every
  const native = nativeZstd()
  const useNative = compression === 'zstd' && options.zstd !== 'fzstd' && native !== undefined
  // The native decoder allocates whatever window a frame asks for (up to zstd's own 128 MiB
  // default): frames are checked against the cap fzstd has, before the decoder gets them.
  const frames = useNative ? new ZstdFrameWalker() : undefined
  feed.start((chunk) => {
    bytesIn += chunk.length
    try {
      frames?.push(chunk)
    } catch (error) {
      feed.stream.destroy(
        error instanceof ZstdWindowTooLarge ? windowTooLarge(digest, error) : undefined,
      )
    }
    // An uncompressed layer's "checkpoints" are plain offsets: they only bound hashed spans.
    for (; plainCheckpoint && nextPlain < bytesIn; nextPlain += every) {
      plainCheckpoint({
        compressedOffset: nextPlain,
        bitShift: 0,
        uncompressedOffset: nextPlain,
        window: new Uint8Array(0),
      })
    }
  })
  const input = feed.stream
  const failure = (format: string, error: unknown, atEnd: boolean): StrataError => {
    if (error instanceof StrataError) return error
    const cause = error instanceof Error ? error.message : String(error)
    const message = atEnd
      ? `layer ${digest}: ${format} stream ends early at byte ${bytesIn}`
      : `layer ${digest}: ${format} data is corrupt near byte ${bytesIn} (${cause})`
    return new StrataError('MALFORMED', message, { subject: digest, cause })
  }
  const result = (stream: Readable): DecompressedLayer => ({
    compression,
    stream,
    bytesIn: () => bytesIn,
  })
  if (compression === 'none') return result(input)
  if (compression === 'zstd' && !useNative) {
    async function* decoded(): AsyncGenerator<Buffer> {
      try {
        yield* decodeZstd(input)
      } catch (error) {
        if (error instanceof ZstdWindowTooLarge) throw windowTooLarge(digest, error)
        const atEnd = error instanceof ZstdDecodeError && (error.atEnd || feed.done)
        throw failure('zstd', error, atEnd)
      }
    }
    return result(Readable.from(decoded(), { objectMode: false }))
  }
  const recorder =
    compression === 'gzip' && options.checkpoints
      ? GzipIndexStream.create(options.checkpoints)
      : undefined
  const decoder =
    compression === 'gzip'
      ? (recorder ?? zlib.createGunzip({ chunkSize: 128 * 1024 }))
      : (native as ZstdFactory)({
          // 1 MiB output chunks: fewer round trips to zlib's thread and buffers the allocator
          // reuses (at 128 KiB each one is a fresh mapping, a third more CPU per layer).
          chunkSize: ZSTD_CHUNK,
          // Room for two chunks, so decoding runs on while the tar scanner reads one.
          readableHighWaterMark: 2 * ZSTD_CHUNK,
          writableHighWaterMark: INPUT_AHEAD,
        })
  const mapError = (error: unknown): Error => failure(compression, error, endedEarly(error))
  if (compression === 'zstd' && options.transientChunks === true) {
    const inline = decodeInline(input, decoder, {
      chunkSize: ZSTD_CHUNK,
      mapError,
      ...(options.onInputConsumed ? { onInputConsumed: options.onInputConsumed } : {}),
    })
    if (inline) return result(inline)
  }
  if (compression === 'zstd' && options.onInputConsumed) {
    tellConsumed(decoder, options.onInputConsumed)
  }
  return result(wire(input, decoder, mapError))
}

/** Calls `consumed` with each chunk written to `decoder` once the decoder is done with it. */
function tellConsumed(decoder: Transform, consumed: (chunk: Buffer) => void): void {
  const transform = decoder._transform.bind(decoder)
  decoder._transform = (chunk: Buffer, encoding, callback): void => {
    transform(chunk, encoding, (error, data: unknown) => {
      callback(error, data)
      if (!error) consumed(chunk)
    })
  }
}

function windowTooLarge(digest: string, error: ZstdWindowTooLarge): StrataError {
  return new StrataError(
    'MALFORMED',
    `layer ${digest}: a zstd frame asks for a ${error.windowSize}-byte window ` +
      `(limit ${MAX_ZSTD_WINDOW} bytes: the decoder holds the whole window in memory)`,
    { subject: digest },
  )
}

/** Whether a zlib-style error means "input ended too soon" rather than "bytes are wrong". */
function endedEarly(error: unknown): boolean {
  const code = (error as { code?: unknown }).code
  const message = error instanceof Error ? error.message : ''
  return code === 'Z_BUF_ERROR' || /unexpected end|end of (file|input)|truncated/i.test(message)
}

/** input → decoder with backpressure; decoder errors mapped, input errors passed through. */
function wire(input: Readable, decoder: Transform, mapError: (e: unknown) => Error): Readable {
  let inputFailed = false
  input.on('error', (error) => {
    inputFailed = true
    decoder.destroy(error)
  })
  decoder.on('close', () => input.destroy())
  input.pipe(decoder)
  // Map zlib's own errors as the stream is destroyed with them, so every listener sees the
  // mapped one; zlib's own teardown (closing its handle) still runs.
  const originalDestroy = decoder._destroy.bind(decoder)
  decoder._destroy = (error, callback): void => {
    originalDestroy(error, (final) => {
      callback(final && !inputFailed ? mapError(final) : final)
    })
  }
  return decoder
}
