// What the files api asks of an image reference: pick the platform image, index its layers
// (from the caches where possible, reporting progress), and answer listings, lookups,
// searches, reads and efficiency from ImageLayers. Loaded images are remembered by manifest
// digest (a tag that moves resolves to another digest, so nothing goes stale).

import type { Readable } from 'node:stream'
import type { CacheInfo, LayerIndex, LayerIndexInfo, ProgressEvent } from '../../shared/api'
import { StrataError } from '../../shared/errors'
import type { Descriptor } from '../../shared/oci/types'
import type { BlobCache } from '../cache/blobCache'
import { teeIntoCache } from '../cache/teeIntoCache'
import type { RangedBlob } from '../sources/rangedBlob'
import type { ImageSource } from '../sources/imageSource'
import { rangedReaderOf } from '../sources/imageSource'
import { pickImage } from '../sources/openImage'
import { ImageLayers } from './imageLayers'
import type { LayerIndexService, LayerRef } from './layerIndexService'
import type { TrackOperation } from '../util/operationTracker'
import { untrackedOperations } from '../util/operationTracker'

const REMEMBERED_IMAGES = 8
/** How long `peek` waits for the first entries of an image whose reading has just begun. */
const FIRST_ENTRIES_WAIT_MS = 600

export interface ImageFilesDeps {
  readonly indexService: LayerIndexService
  readonly blobs: BlobCache
  /** Bytes the layer index cache holds on disk, and a way to empty it. */
  readonly indexCache: { bytes(): Promise<number>; clear(): Promise<void> }
}

export interface OpenImageOptions {
  readonly platform?: string
  readonly signal?: AbortSignal
  /** Used when no `track` is given: progress without cancel by id. */
  readonly emit?: (event: ProgressEvent) => void
  /** Registers index builds as cancellable operations (electron/api's operation registry). */
  readonly track?: TrackOperation
  /**
   * Only the layers up to this one (1-based position or digest) are needed: a broken layer
   * above it does not stop the lower layers from being browsed.
   */
  readonly layer?: string
}

/** One load of an image's layers, shared by every caller that asks for it meanwhile. */
interface SharedLoad {
  readonly promise: Promise<OpenedImage>
  /** Called when the last waiting caller goes away before the load finished. */
  readonly abandon: () => void
  waiters: number
  settled: boolean
  /** What listings made meanwhile see (peek). */
  readonly reading: {
    readonly wanted: readonly Descriptor[]
    readonly descriptors: readonly Descriptor[]
    readonly refs: readonly LayerRef[]
    /** The layers indexed so far, bottom first. */
    readonly indexed: LayerIndex[]
    /** The last view handed out, kept while no new entry arrived. */
    last?: {
      readonly key: string
      readonly opened: OpenedImage
      /** When it was made, and how many entries it holds. */
      readonly at: number
      readonly entries: number
    }
  }
}

/** What `peek` knows of an image: all of it, or (`indexing`) the part read so far. */
export interface PeekedImage {
  readonly opened: OpenedImage
  readonly indexing: boolean
}

export interface OpenedImage {
  readonly layers: ImageLayers
  readonly descriptors: readonly Descriptor[]
  /** The layers' blobs, bottom first, as the indexer and file readers open them. */
  readonly refs: readonly LayerRef[]
}

export class ImageFiles {
  /** By manifest digest and layer count ("sha256:…#3"): the whole image, or a lower part. */
  private readonly images = new Map<string, SharedLoad>()

  constructor(private readonly deps: ImageFilesDeps) {}

  /**
   * The platform image of `source`, its layers indexed: all of them, or those up to
   * `options.layer`. Callers asking for the same image meanwhile share one load; a caller
   * that goes away stops waiting, and the load stops when nobody waits for it any more (or
   * when `operation:cancel` names its progress).
   */
  async open(source: ImageSource, options: OpenImageOptions = {}): Promise<OpenedImage> {
    const { signal } = options
    const image = await pickImage(source, platformOptions(options.platform, signal))
    const total = image.layers.length
    const count =
      options.layer === undefined ? total : layerPosition(image.layers, options.layer) + 1
    const whole = this.images.get(`${image.descriptor.digest}#${total}`)
    const key = `${image.descriptor.digest}#${count}`
    const load =
      (whole?.settled === true ? whole : undefined) ??
      this.images.get(key) ??
      this.startLoad(key, source, image.layers.slice(0, count), image.layers, options)
    return waitFor(load, signal)
  }

  /**
   * What is known of the image's layers right now, without starting or waiting for any
   * reading: the whole load when it finished, the layers read so far (`indexing`) while it
   * runs, undefined when no load of it is running or remembered (not started, or failed).
   */
  async peek(
    source: ImageSource,
    options: OpenImageOptions = {},
  ): Promise<PeekedImage | undefined> {
    const image = await pickImage(source, platformOptions(options.platform, options.signal))
    const total = image.layers.length
    const count =
      options.layer === undefined ? total : layerPosition(image.layers, options.layer) + 1
    const loadOf = (): SharedLoad | undefined => {
      const whole = this.images.get(`${image.descriptor.digest}#${total}`)
      return (
        (whole?.settled === true ? whole : undefined) ??
        this.images.get(`${image.descriptor.digest}#${count}`) ??
        whole
      )
    }
    // Nothing read yet (the load is starting, or its first bytes are on the way): wait a
    // moment for the first entries rather than answer with nothing and be asked again.
    const waitUntil = Date.now() + FIRST_ENTRIES_WAIT_MS
    for (;;) {
      const load = loadOf()
      if (load?.settled === true) return { opened: await load.promise, indexing: false }
      const opened = load ? this.readSoFar(load.reading, count) : undefined
      const known = opened?.layers.indexes.some((index) => index.entries.length > 0) === true
      if (known || Date.now() >= waitUntil || options.signal?.aborted === true) {
        return opened ? { opened, indexing: true } : undefined
      }
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }

  /** The first `count` layers as far as they are read (see ImageLayers.soFar). */
  private readSoFar(reading: SharedLoad['reading'], count: number): OpenedImage {
    const indexed = reading.indexed.slice(0, count)
    const current = indexed.length < count ? reading.wanted[indexed.length] : undefined
    const entries = current ? this.deps.indexService.entriesSoFar(current.digest) : undefined
    const key = `${count}:${indexed.length}:${entries?.length ?? 0}`
    const { last } = reading
    if (last?.key === key) return last.opened
    // Each view is a new merged tree, built again by the listing: a large layer's view is
    // rebuilt at most every couple of seconds (2 s per million entries, 0.5 s at least).
    const layerDone = last !== undefined && !last.key.startsWith(`${count}:${indexed.length}:`)
    const age = last ? Date.now() - last.at : Infinity
    if (last && last.entries > 0 && !layerDone && age < Math.max(500, last.entries / 500)) {
      return last.opened
    }
    const indexes = reading.wanted.slice(0, count).map(
      (descriptor, position): LayerIndex =>
        indexed[position] ?? {
          digest: descriptor.digest,
          compression: 'none',
          compressedSize: 0,
          uncompressedSize: 0,
          entries: position === indexed.length ? (entries?.slice() ?? []) : [],
        },
    )
    const opened: OpenedImage = {
      layers: ImageLayers.soFar(reading.refs.slice(0, count), indexes),
      descriptors: reading.descriptors,
      refs: reading.refs.slice(0, count),
    }
    const held = indexes.reduce((sum, index) => sum + index.entries.length, 0)
    reading.last = { key, opened, at: Date.now(), entries: held }
    return opened
  }

  private startLoad(
    key: string,
    source: ImageSource,
    wanted: readonly Descriptor[],
    descriptors: readonly Descriptor[],
    options: OpenImageOptions,
  ): SharedLoad {
    const controller = new AbortController()
    const refs = wanted.map((layer) => this.layerRef(source, layer))
    const indexed: LayerIndex[] = []
    const operation = trackerOf(options)({ kind: 'indexLayer', layer: 1 }, controller.signal, {
      shared: true,
    })
    const promise = ImageLayers.load(refs, this.deps.indexService, {
      signal: operation.signal,
      onProgress: ({ layer, progress }) =>
        operation.report(
          progress.bytesIn,
          wanted[layer]?.size,
          { kind: 'indexLayer', layer: layer + 1 },
          {
            entries: progress.entries,
          },
        ),
      onIndexed: (_layer, index) => indexed.push(index),
    })
      .then((layers) => ({ layers, descriptors, refs }))
      .finally(() => operation.finish())
    const load: SharedLoad = {
      promise,
      waiters: 0,
      settled: false,
      reading: { wanted, descriptors, refs, indexed },
      // Forget it at once, so a caller arriving next starts afresh instead of joining a
      // load that is being cancelled.
      abandon: () => {
        if (this.images.get(key) === load) this.images.delete(key)
        controller.abort()
      },
    }
    promise.then(
      () => {
        load.settled = true
      },
      () => {
        if (this.images.get(key) === load) this.images.delete(key)
      },
    )
    this.images.set(key, load)
    while (this.images.size > REMEMBERED_IMAGES) {
      const oldest = this.images.keys().next().value
      if (oldest === undefined) break
      this.images.delete(oldest)
    }
    return load
  }

  /** One layer's index; `layer` is a 1-based position or a digest. */
  async indexLayer(
    source: ImageSource,
    layer: string,
    options: OpenImageOptions = {},
  ): Promise<LayerIndexInfo> {
    const image = await pickImage(source, platformOptions(options.platform, options.signal))
    const position = layerPosition(image.layers, layer)
    const descriptor = image.layers[position]
    if (!descriptor) throw new StrataError('INTERNAL', `no layer ${position + 1}`)
    const operation = trackerOf(options)(
      { kind: 'indexLayer', layer: position + 1 },
      options.signal,
    )
    const { index, fromCache } = await this.deps.indexService
      .get(this.layerRef(source, descriptor), {
        signal: operation.signal,
        onProgress: (progress) =>
          operation.report(progress.bytesIn, descriptor.size, undefined, {
            entries: progress.entries,
          }),
      })
      .finally(() => operation.finish())
    return {
      digest: index.digest,
      compression: index.compression,
      compressedSize: index.compressedSize,
      // A TOC listing whose tar size is unknown keeps 0: say "unknown" by leaving it out.
      ...(index.toc?.listedFromToc === true && index.uncompressedSize === 0
        ? {}
        : { uncompressedSize: index.uncompressedSize }),
      entryCount: index.entries.length,
      fromCache,
      ...(index.toc ? { toc: index.toc } : {}),
    }
  }

  async cacheInfo(): Promise<CacheInfo> {
    return {
      blobBytes: this.deps.blobs.size(),
      indexBytes: await this.deps.indexCache.bytes(),
      limitBytes: this.deps.blobs.limitBytes,
    }
  }

  async clearCaches(): Promise<CacheInfo> {
    this.images.clear()
    await this.deps.blobs.clear()
    await this.deps.indexCache.clear()
    return this.cacheInfo()
  }

  /**
   * A layer as the indexer and file reader open it. The source verifies the digest while
   * streaming; registry blobs are also written to the blob cache as they stream (local sources
   * are on disk).
   */
  private layerRef(source: ImageSource, descriptor: Descriptor): LayerRef {
    const blobs = this.deps.blobs
    const openBlobRange = rangedReaderOf(source)?.openBlobRange.bind(source)
    return {
      digest: descriptor.digest,
      descriptor: {
        size: descriptor.size,
        ...(descriptor.annotations ? { annotations: descriptor.annotations } : {}),
      },
      open: async (signal?: AbortSignal): Promise<Readable> => {
        if (source.kind !== 'registry') return source.openBlob(descriptor, { signal })
        const cached = await blobs.get(descriptor.digest)
        if (cached) return cached
        // Read while it downloads: the bytes reach the cache and the reader at once.
        return teeIntoCache(blobs, descriptor.digest, await source.openBlob(descriptor, { signal }))
      },
      ...(openBlobRange
        ? {
            // Ranged file reads (rangedLayerFile.ts); a registry blob the cache holds is read
            // from disk at the same offsets (the spans are verified against their hashes).
            openRange: async (range, signal): Promise<RangedBlob> => {
              const cached =
                source.kind === 'registry' && (await blobs.getRange(descriptor.digest, range))
              if (cached) return { kind: 'partial', range, stream: cached }
              return openBlobRange(descriptor, range, { signal })
            },
          }
        : {}),
    }
  }
}

/** Waits for a shared load as one caller: gives up when `signal` aborts, without failing others. */
function waitFor(load: SharedLoad, signal: AbortSignal | undefined): Promise<OpenedImage> {
  load.waiters++
  return new Promise<OpenedImage>((resolve, reject) => {
    let waiting = true
    const leave = (): void => {
      if (!waiting) return
      waiting = false
      signal?.removeEventListener('abort', onAbort)
      load.waiters--
      if (load.waiters === 0 && !load.settled) load.abandon()
    }
    const onAbort = (): void => {
      leave()
      reject(new StrataError('CANCELLED', 'The operation was cancelled.'))
    }
    if (signal?.aborted) {
      onAbort()
      return
    }
    signal?.addEventListener('abort', onAbort, { once: true })
    load.promise.then(
      (opened) => {
        leave()
        resolve(opened)
      },
      (error: unknown) => {
        leave()
        reject(error instanceof Error ? error : new Error(String(error)))
      },
    )
  })
}

function trackerOf(options: OpenImageOptions): TrackOperation {
  return options.track ?? untrackedOperations(options.emit)
}

/** 0-based position of `layer` ("1" = bottom, or a digest) among `layers`. */
export function layerPosition(layers: readonly Descriptor[], layer: string): number {
  if (/^\d+$/.test(layer)) {
    const n = Number(layer)
    if (n >= 1 && n <= layers.length) return n - 1
    throw new StrataError(
      'BAD_INPUT',
      `"layer" ${layer} does not exist: this image has ${layers.length} layers (1 is the bottom).`,
      { subject: 'layer' },
    )
  }
  const found = layers.findIndex((d) => d.digest === layer)
  if (found < 0) {
    throw new StrataError('NOT_FOUND', `No layer ${layer} in this image.`, { subject: 'layer' })
  }
  return found
}

function platformOptions(
  platform: string | undefined,
  signal: AbortSignal | undefined,
): { platform?: string; signal?: AbortSignal } {
  return {
    ...(platform !== undefined ? { platform } : {}),
    ...(signal !== undefined ? { signal } : {}),
  }
}
