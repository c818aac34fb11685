// The one way the app gets a layer's index: from the on-disk cache when this digest was read
// before (in any image), else by streaming the blob once through the indexer (on a worker
// thread by default) and caching the result. Concurrent requests for one digest share a read.

import type { Readable } from 'node:stream'
import type { IndexProgress, LayerIndex } from '../../shared/layerTree'
import type { LayerIndexCache } from '../cache/layerIndexCache'
import type { ZstdDecoder } from './decompress'
import { indexLayer } from './indexLayer'
import { indexLayerInWorker } from './indexInWorker'

/** A layer as a source serves it: its digest and a way to open its (verified) blob stream. */
export interface LayerRef {
  readonly digest: string
  open(signal?: AbortSignal): Promise<Readable>
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
}

export interface CachedLayerIndex {
  readonly index: LayerIndex
  /** True when the index came from the cache without reading the blob. */
  readonly fromCache: boolean
}

export class LayerIndexService {
  private readonly inFlight = new Map<string, Promise<CachedLayerIndex>>()

  constructor(
    private readonly cache: LayerIndexCache,
    private readonly options: LayerIndexServiceOptions = {},
  ) {}

  /**
   * The layer's index. A request that joins one already running shares its outcome,
   * including a cancel by the request that started it.
   */
  async get(layer: LayerRef, options: IndexRequestOptions = {}): Promise<CachedLayerIndex> {
    const running = this.inFlight.get(layer.digest)
    if (running) return running
    const work = this.load(layer, options).finally(() => this.inFlight.delete(layer.digest))
    this.inFlight.set(layer.digest, work)
    return work
  }

  private async load(layer: LayerRef, options: IndexRequestOptions): Promise<CachedLayerIndex> {
    const cached = await this.cache.get(layer.digest)
    if (cached) return { index: cached, fromCache: true }
    const blob = await layer.open(options.signal)
    const indexOptions = {
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      zstd: this.options.zstd ?? 'auto',
    }
    const index =
      this.options.worker === false
        ? await indexLayer(blob, layer.digest, indexOptions)
        : await indexLayerInWorker(blob, layer.digest, {
            ...indexOptions,
            ...(this.options.workerUrl ? { workerUrl: this.options.workerUrl } : {}),
          })
    await this.cache.put(index)
    return { index, fromCache: false }
  }
}
