// Messages between the main thread and the layer-index worker. The main thread owns the blob
// streams (sources live there) and sends compressed chunks; the worker decompresses and parses
// them and acknowledges each chunk, so at most a few chunks per job are ever in flight. One
// worker serves every index build running at once (see indexWorkerHost.ts): each message
// carries the job it belongs to.

import type { ApiError } from '../../shared/errors'
import type {
  IndexProgress,
  LayerCompressionFound,
  LayerEntry,
  LayerIndex,
} from '../../shared/api/files'
import type { ZstdDecoder } from '../compression/decompress'
import type { GzipCheckpoint } from '../compression/gzipCheckpoints'

export type ToWorker = { readonly job: number } & (
  | {
      readonly type: 'start'
      readonly digest: string
      readonly zstd: ZstdDecoder
      /** Record checkpoints (sent back as they are found) for ranged reads. */
      readonly checkpoints: boolean
    }
  | { readonly type: 'chunk'; readonly data: Uint8Array }
  | { readonly type: 'end' }
  | { readonly type: 'fail'; readonly error: ApiError }
  | { readonly type: 'cancel' }
)

export type FromWorker = { readonly job: number } & (
  | { readonly type: 'ack' }
  /**
   * A chunk's memory, moved back once the decoder has consumed every byte of it (native zstd
   * only), for the file reader to read into again (util/readBufferPool.ts).
   */
  | { readonly type: 'recycle'; readonly data: Uint8Array<ArrayBuffer> }
  /** The worker's modules are loaded (job 0): builds can start without waiting for them. */
  | { readonly type: 'ready' }
  | { readonly type: 'progress'; readonly progress: IndexProgress }
  | { readonly type: 'compression'; readonly compression: LayerCompressionFound }
  | { readonly type: 'checkpoint'; readonly checkpoint: GzipCheckpoint }
  /** Entries found since the last batch, in archive order (sent before each progress). */
  | { readonly type: 'entries'; readonly entries: readonly LayerEntry[] }
  /** The index without its entries: they came in the batches before it. */
  | { readonly type: 'done'; readonly index: LayerIndex }
  | { readonly type: 'error'; readonly error: ApiError }
)

/** Chunks the main thread may send for one job before the worker acknowledges one. */
export const CHUNKS_IN_FLIGHT = 4
