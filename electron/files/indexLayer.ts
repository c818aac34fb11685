// Builds a layer's index in one streaming pass: decompress, parse tar headers, record every
// entry with its offsets, skip all file data. This is the in-process API; indexWorker.ts runs
// the same function on a worker thread.

import type { Readable } from 'node:stream'
import type {
  IndexProgress,
  LayerCompressionFound,
  LayerEntry,
  LayerIndex,
} from '../../shared/api/files'
import type { ZstdDecoder } from '../compression/decompress'
import { openDecompressed } from '../compression/decompress'
import type { GzipCheckpoint } from '../compression/gzipCheckpoints'
import { StrataError } from '../../shared/errors'
import { cancelled, scanTar } from '../tar/tarStream'

export interface IndexOptions {
  readonly signal?: AbortSignal
  readonly onProgress?: (progress: IndexProgress) => void
  readonly zstd?: ZstdDecoder
  /** Minimum milliseconds between progress reports (the last one is always sent). */
  readonly progressIntervalMs?: number
  readonly maxEntries?: number
  /** Index budget in bytes (default MAX_INDEX_BYTES, tarLimits.ts). */
  readonly maxIndexBytes?: number
  /** Record random-access checkpoints (gzip and uncompressed layers) and report each one. */
  readonly onCheckpoint?: (checkpoint: GzipCheckpoint) => void
  /** Uncompressed bytes between checkpoints (default CHECKPOINT_EVERY). */
  readonly checkpointEvery?: number
  readonly onCompression?: (compression: LayerCompressionFound) => void
  /**
   * Told of each chunk of `blob` once the decoder has consumed all of it, when nothing else
   * holds it (native zstd only; see DecompressOptions.onInputConsumed).
   */
  readonly onInputConsumed?: (chunk: Buffer) => void
  /**
   * The entries found since the last call, in archive order, so they can be shown while the
   * layer is still being read: called just before each progress report and once at the end.
   */
  readonly onEntries?: (entries: readonly LayerEntry[]) => void
}

export async function indexLayer(
  blob: Readable,
  digest: string,
  options: IndexOptions = {},
): Promise<LayerIndex> {
  if (options.signal?.aborted === true) {
    blob.destroy()
    throw cancelled()
  }
  const { onCheckpoint, onCompression } = options
  const layer = await openDecompressed(blob, digest, {
    zstd: options.zstd ?? 'auto',
    // The scanner below has no sinks: it reads each chunk at once and copies what it keeps.
    transientChunks: true,
    ...(options.onInputConsumed ? { onInputConsumed: options.onInputConsumed } : {}),
    ...(onCheckpoint
      ? {
          checkpoints: {
            onCheckpoint,
            ...(options.checkpointEvery ? { every: options.checkpointEvery } : {}),
          },
        }
      : {}),
    ...(onCompression ? { onCompression } : {}),
  })
  const entries: LayerEntry[] = []
  const interval = options.progressIntervalMs ?? 100
  let lastReport = 0
  let handedOut = 0
  const report = (bytesOut: number, count: number, force: boolean): void => {
    if (!options.onProgress && !options.onEntries) return
    const now = Date.now()
    if (!force && now - lastReport < interval) return
    lastReport = now
    if (options.onEntries && entries.length > handedOut) {
      options.onEntries(entries.slice(handedOut))
      handedOut = entries.length
    }
    options.onProgress?.({ bytesIn: layer.bytesIn(), bytesOut, entries: count })
  }
  const scanned = await scanTar(
    layer.stream,
    () => (entry) => {
      entries.push(entry)
      return undefined
    },
    {
      ...(options.signal ? { signal: options.signal } : {}),
      onChunk: (bytesOut, count) => report(bytesOut, count, false),
      ...(options.maxEntries === undefined ? {} : { maxEntries: options.maxEntries }),
      ...(options.maxIndexBytes === undefined ? {} : { maxIndexBytes: options.maxIndexBytes }),
    },
  ).catch((error: unknown) => {
    throw namingLayer(error, digest)
  })
  if (!blob.destroyed) blob.destroy()
  report(scanned.bytes, scanned.entries, true)
  return {
    digest,
    compression: layer.compression,
    compressedSize: layer.bytesIn(),
    uncompressedSize: scanned.bytes,
    entries,
  }
}

/** The tar parser does not know which layer it reads: MALFORMED errors get the layer's name. */
function namingLayer(error: unknown, digest: string): unknown {
  if (!(error instanceof StrataError) || error.code !== 'MALFORMED') return error
  if (error.message.includes(digest)) return error
  return new StrataError('MALFORMED', `layer ${digest}: ${error.message}`, {
    ...error.detail,
    subject: digest,
  })
}
