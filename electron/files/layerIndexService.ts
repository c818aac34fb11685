// The one way the app gets a layer's index: from the on-disk cache when this digest was read
// before (in any image), else by streaming the blob once through the indexer (on a worker
// thread by default) and caching the result. Concurrent requests for one digest share a read.
// While indexing, checkpoints and span hashes for ranged reads are recorded (gzipSpans.ts):
// the worker finds checkpoints, this thread hashes the blob bytes it feeds the worker.

import { Transform } from 'node:stream'
import type { Readable } from 'node:stream'
import type { IndexProgress, LayerIndex } from '../../shared/api/files'
import { StrataError } from '../../shared/errors'
import type { LayerIndexCache } from './layerIndexCache'
import type { ByteRange, RangedBlob } from '../sources/rangedBlob'
import type { ZstdDecoder } from '../compression/decompress'
import { SyncInflater } from '../compression/gzipInflater'
import { SpanRecorder } from '../compression/gzipSpans'
import type { SpanTable } from '../compression/gzipSpansFile'
import { indexLayer } from './indexLayer'
import { CANCELLED_BY_USER, cancelledByUser } from '../util/operationTracker'
import { indexLayerInWorker } from './indexInWorker'

/** A layer as a source serves it: its digest and a way to open its (verified) blob stream. */
export interface LayerRef {
  readonly digest: string
  /**
   * The verified blob stream. Indexing on a worker moves (transfers) chunks that own their
   * whole ArrayBuffer to the worker, so a source must not keep or reuse a chunk it emitted.
   */
  open(signal?: AbortSignal): Promise<Readable>
  /**
   * Inclusive byte range of the blob, when the source can serve one (HTTP Range, a file read
   * at an offset). A `partial` answer is not verified by the source: the reader checks it
   * against the span hashes. `whole` = the source sent the whole (verified) blob instead.
   */
  openRange?(range: ByteRange, signal?: AbortSignal): Promise<RangedBlob>
}

export interface IndexRequestOptions {
  readonly signal?: AbortSignal
  readonly onProgress?: (progress: IndexProgress) => void
}

export interface LayerIndexServiceOptions {
  /** Parse on a worker thread (default) or in this thread (tests, tools). */
  readonly worker?: boolean
  readonly workerUrl?: URL
  readonly zstd?: ZstdDecoder
  /** Record checkpoints for ranged file reads (default: when the runtime's zlib allows it). */
  readonly checkpoints?: boolean
}

export interface CachedLayerIndex {
  readonly index: LayerIndex
  /** True when the index came from the cache without reading the blob. */
  readonly fromCache: boolean
}

export class LayerIndexService {
  /** Index builds running now, by layer digest, with the signal of the request that started it. */
  private readonly inFlight = new Map<
    string,
    {
      readonly work: Promise<CachedLayerIndex>
      /** The starter's signal, or a joiner's user cancel (`stop`). */
      readonly signal: AbortSignal
      readonly stop: AbortController
    }
  >()
  private readonly checkpoints: boolean

  constructor(
    private readonly cache: LayerIndexCache,
    private readonly options: LayerIndexServiceOptions = {},
  ) {
    this.checkpoints = options.checkpoints ?? SyncInflater.supported()
  }

  /** The checkpoints of a cached layer index; undefined when it has none (or they are damaged). */
  spans(digest: string): Promise<SpanTable | undefined> {
    return this.cache.spans(digest)
  }

  /**
   * The layer's index. A request that joins one already running shares its outcome, except
   * when the request that started it went away: then this one starts afresh. (A cancel the
   * user asked for, `operation:cancel`, stops the work for every request that shares it.)
   */
  async get(layer: LayerRef, options: IndexRequestOptions = {}): Promise<CachedLayerIndex> {
    for (let running = this.inFlight.get(layer.digest); running;) {
      // A joiner the user cancels stops the shared build too.
      const stop = (): void => {
        if (cancelledByUser(options.signal)) running?.stop.abort(CANCELLED_BY_USER)
      }
      options.signal?.addEventListener('abort', stop, { once: true })
      try {
        return await running.work
      } catch (error) {
        const cancelled = error instanceof StrataError && error.code === 'CANCELLED'
        if (!cancelled || options.signal?.aborted === true || cancelledByUser(running.signal)) {
          throw error
        }
      } finally {
        options.signal?.removeEventListener('abort', stop)
      }
      running = this.inFlight.get(layer.digest)
    }
    const stop = new AbortController()
    const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal
    const work = this.load(layer, { ...options, signal }).finally(() =>
      this.inFlight.delete(layer.digest),
    )
    this.inFlight.set(layer.digest, { work, signal, stop })
    return work
  }

  private async load(layer: LayerRef, options: IndexRequestOptions): Promise<CachedLayerIndex> {
    const cached = await this.cache.get(layer.digest)
    if (cached) return { index: cached, fromCache: true }
    const opened = await layer.open(options.signal)
    const recorder = this.checkpoints ? new SpanRecorder(layer.digest) : undefined
    const blob = recorder ? hashedAsRead(opened, recorder) : opened
    const indexOptions = {
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      zstd: this.options.zstd ?? 'auto',
      ...(recorder
        ? {
            onCheckpoint: recorder.checkpoint.bind(recorder),
            onCompression: recorder.setCompression.bind(recorder),
          }
        : {}),
    }
    const index =
      this.options.worker === false
        ? await indexLayer(blob, layer.digest, indexOptions)
        : await indexLayerInWorker(blob, layer.digest, {
            ...indexOptions,
            ...(this.options.workerUrl ? { workerUrl: this.options.workerUrl } : {}),
          })
    const spans = recorder?.finish(index.compressedSize, index.uncompressedSize)
    await this.cache.put(index, spans)
    return { index, fromCache: false }
  }
}

/** `blob` with every chunk also handed to the recorder (on this thread) as it is read. */
function hashedAsRead(blob: Readable, recorder: SpanRecorder): Readable {
  const tap = new Transform({
    highWaterMark: 256 * 1024,
    transform(chunk: Buffer, _encoding, callback): void {
      recorder.push(chunk)
      callback(null, chunk)
    },
  })
  blob.on('error', (error) => tap.destroy(error))
  tap.on('close', () => blob.destroy())
  blob.pipe(tap)
  return tap
}
