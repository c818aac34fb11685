// The one way the app gets a layer's index: from the on-disk cache when this digest was read
// before (in any image), else by streaming the blob once through the indexer (on a worker
// thread by default) and caching the result. Concurrent requests for one digest share a read.
// While indexing, checkpoints and span hashes for ranged reads are recorded (gzipSpans.ts):
// the worker finds checkpoints, this thread hashes the blob bytes it feeds the worker.

import { Transform } from 'node:stream'
import type { Readable } from 'node:stream'
import type { IndexProgress, LayerEntry, LayerIndex } from '../../shared/api/files'
import { StrataError } from '../../shared/errors'
import type { LayerIndexCache } from './layerIndexCache'
import type { ByteRange, RangedBlob } from '../sources/rangedBlob'
import type { ZstdDecoder } from '../compression/decompress'
import { SyncInflater } from '../compression/gzipInflater'
import { SpanRecorder } from '../compression/gzipSpans'
import type { SpanTable } from '../compression/gzipSpansFile'
import { indexLayer } from './indexLayer'
import { CANCELLED_BY_USER, cancelledByUser } from '../util/operationTracker'
import { indexLayerInWorker, keepIndexWorkerReady, warmIndexWorker } from './indexInWorker'
import { TocLayers } from './tocLayers'
import type { Annotations } from '../../shared/oci/types'

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
  /** The layer's descriptor: an eStargz or zstd:chunked one is listed from its TOC (tocIndex.ts). */
  readonly descriptor?: { readonly size: number; readonly annotations?: Annotations }
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
      /** The entries read so far, in archive order (what a listing can show meanwhile). */
      readonly entries: LayerEntry[]
    }
  >()
  private readonly checkpoints: boolean
  /** Layers listed from their table of contents, for file reads (tocFile.ts). */
  readonly tocLayers: TocLayers

  constructor(
    private readonly cache: LayerIndexCache,
    private readonly options: LayerIndexServiceOptions = {},
  ) {
    this.checkpoints = options.checkpoints ?? SyncInflater.supported()
    this.tocLayers = new TocLayers(cache.scratchDir)
  }

  /**
   * Starts the index thread now and keeps one ready from then on (the app does this at
   * launch), so the first layer opened does not wait for a thread to start. Settles once
   * it is ready; nothing to do when indexing runs on this thread.
   */
  keepWorkerReady(): Promise<void> {
    if (this.options.worker === false) return Promise.resolve()
    return keepIndexWorkerReady(this.options.workerUrl)
  }

  /**
   * The entries read so far of a layer being indexed now (a growing list, in archive order);
   * undefined when no build of that digest is running.
   */
  entriesSoFar(digest: string): readonly LayerEntry[] | undefined {
    return this.inFlight.get(digest)?.entries
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
    const entries: LayerEntry[] = []
    const work = this.load(layer, { ...options, signal }, entries).finally(() =>
      this.inFlight.delete(layer.digest),
    )
    this.inFlight.set(layer.digest, { work, signal, stop, entries })
    return work
  }

  private async load(
    layer: LayerRef,
    options: IndexRequestOptions,
    soFar: LayerEntry[],
  ): Promise<CachedLayerIndex> {
    const cached = await this.cache.get(layer.digest)
    if (cached) return { index: cached, fromCache: true }
    const toc = await this.tocLayers.list(layer, options.signal)
    if ('layer' in toc) return { index: toc.layer.index, fromCache: false }
    // The blob is requested once the worker thread is ready for it: bytes that arrived before
    // would only wait in buffers, and the first entries would come no sooner.
    const warm = this.options.worker === false ? undefined : warmIndexWorker(this.options.workerUrl)
    try {
      await warm?.ready
      const opened = await layer.open(options.signal)
      try {
        const read = await this.indexOpened(layer, opened, options, soFar)
        // A TOC that was announced but ignored is said so on the layer.
        return 'ignored' in toc ? { ...read, index: { ...read.index, toc: toc.ignored } } : read
      } catch (error) {
        throw await verdictOf(opened, error, options.signal)
      }
    } finally {
      warm?.release()
    }
  }

  private async indexOpened(
    layer: LayerRef,
    opened: Readable,
    options: IndexRequestOptions,
    soFar: LayerEntry[],
  ): Promise<CachedLayerIndex> {
    const recorder = this.checkpoints ? new SpanRecorder(layer.digest) : undefined
    const blob = recorder ? hashedAsRead(opened, recorder) : feedOf(opened)
    const indexOptions = {
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      onEntries: (batch: readonly LayerEntry[]) => {
        for (const entry of batch) soFar.push(entry)
      },
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
    // The tar can end before the blob does (padding after the gzip member): the digest is
    // only known once every byte has been read, and nothing unverified is cached.
    await readToEnd(opened, options.signal)
    const spans = recorder?.finish(index.compressedSize, index.uncompressedSize)
    await this.cache.put(index, spans)
    return { index, fromCache: false }
  }
}

/** `blob` with every chunk also handed to the recorder (on this thread) as it is read. */
function hashedAsRead(blob: Readable, recorder: SpanRecorder): Readable {
  return feedOf(blob, (chunk) => recorder.push(chunk))
}

/**
 * What the indexer reads: `blob` piped through a stream of its own, so that when the indexer
 * stops early (a malformed layer) `blob` itself stays open for verdictOf to read to its end.
 */
function feedOf(blob: Readable, onChunk?: (chunk: Buffer) => void): Readable {
  const tap = new Transform({
    highWaterMark: 256 * 1024,
    transform(chunk: Buffer, _encoding, callback): void {
      onChunk?.(chunk)
      callback(null, chunk)
    },
  })
  blob.on('error', (error) => tap.destroy(error))
  blob.pipe(tap)
  return tap
}

/**
 * The error to report for a failed index build, once `blob` is closed (so a blob cache temp
 * file is gone when the caller hears of the failure). A layer whose bytes do not parse may
 * simply not be the layer the manifest names: a byte corrupted in transit breaks the gzip
 * stream long before the digest can be checked at the end. So the rest of the blob is read
 * (and thrown away) to let the digest check speak: DIGEST_MISMATCH wins over MALFORMED.
 */
async function verdictOf(
  blob: Readable,
  error: unknown,
  signal: AbortSignal | undefined,
): Promise<unknown> {
  const malformed = error instanceof StrataError && error.code === 'MALFORMED'
  let verdict = error
  if (malformed && !blob.destroyed && signal?.aborted !== true) {
    try {
      await readToEnd(blob, signal)
    } catch (drained) {
      const code = drained instanceof StrataError ? drained.code : undefined
      if (code === 'DIGEST_MISMATCH' || code === 'SIZE_MISMATCH') verdict = drained
    }
  }
  if (!blob.destroyed) blob.destroy()
  if (!blob.closed) await new Promise<void>((resolve) => blob.once('close', () => resolve()))
  return verdict
}

/** Reads what is left of `blob` (the indexer may have stopped before its end), discarding it. */
async function readToEnd(blob: Readable, signal: AbortSignal | undefined): Promise<void> {
  if (blob.readableEnded) return
  const onAbort = (): void => {
    blob.destroy(new StrataError('CANCELLED', 'reading the layer was cancelled'))
  }
  signal?.addEventListener('abort', onAbort, { once: true })
  try {
    blob.unpipe()
    for await (const chunk of blob) void chunk
  } finally {
    signal?.removeEventListener('abort', onAbort)
  }
}
