// What the files api asks of an image reference: pick the platform image, index its layers
// (from the caches where possible, reporting progress), and answer listings, lookups,
// searches, reads and efficiency from ImageLayers. Loaded images are remembered by manifest
// digest (a tag that moves resolves to another digest, so nothing goes stale).

import { randomUUID } from 'node:crypto'
import type { Readable } from 'node:stream'
import type { CacheInfo, LayerIndexInfo, ProgressEvent } from '../../shared/api'
import { StrataError } from '../../shared/errors'
import type { Descriptor } from '../../shared/oci/types'
import type { BlobCache } from '../cache/blobCache'
import type { ImageSource } from '../sources/imageSource'
import { ImageLayers } from './imageLayers'
import type { LayerIndexService, LayerRef } from './layerIndexService'
import { resolvePlatformImage } from './platformImage'

const REMEMBERED_IMAGES = 8

export interface ImageFilesDeps {
  readonly indexService: LayerIndexService
  readonly blobs: BlobCache
  /** Bytes the layer index cache holds on disk, and a way to empty it. */
  readonly indexCache: { bytes(): Promise<number>; clear(): Promise<void> }
}

export interface OpenImageOptions {
  readonly platform?: string
  readonly signal?: AbortSignal
  readonly emit?: (event: ProgressEvent) => void
}

export interface OpenedImage {
  readonly layers: ImageLayers
  readonly descriptors: readonly Descriptor[]
}

export class ImageFiles {
  private readonly images = new Map<string, Promise<OpenedImage>>()

  constructor(private readonly deps: ImageFilesDeps) {}

  /** The platform image of `source`, every layer indexed. */
  async open(source: ImageSource, options: OpenImageOptions = {}): Promise<OpenedImage> {
    const { signal } = options
    const image = await resolvePlatformImage(source, options.platform, signal)
    const known = this.images.get(image.manifestDigest)
    if (known) return known
    const refs = image.layers.map((layer) => this.layerRef(source, layer))
    const operationId = randomUUID()
    const loading = ImageLayers.load(refs, this.deps.indexService, {
      ...(signal ? { signal } : {}),
      onProgress: ({ layer, progress }) =>
        options.emit?.({
          type: 'progress',
          operationId,
          label: `indexing layer ${layer + 1}`,
          doneBytes: progress.bytesIn,
          totalBytes: image.layers[layer]?.size,
        }),
    }).then((layers) => ({ layers, descriptors: image.layers }))
    this.remember(image.manifestDigest, loading)
    return loading
  }

  /** One layer's index; `layer` is a 1-based position or a digest. */
  async indexLayer(
    source: ImageSource,
    layer: string,
    options: OpenImageOptions = {},
  ): Promise<LayerIndexInfo> {
    const image = await resolvePlatformImage(source, options.platform, options.signal)
    const position = layerPosition(image.layers, layer)
    const descriptor = image.layers[position]
    if (!descriptor) throw new StrataError('INTERNAL', `no layer ${position + 1}`)
    const operationId = randomUUID()
    const { index, fromCache } = await this.deps.indexService.get(
      this.layerRef(source, descriptor),
      {
        ...(options.signal ? { signal: options.signal } : {}),
        onProgress: (progress) =>
          options.emit?.({
            type: 'progress',
            operationId,
            label: `indexing layer ${position + 1}`,
            doneBytes: progress.bytesIn,
            totalBytes: descriptor.size,
          }),
      },
    )
    return {
      digest: index.digest,
      compression: index.compression,
      compressedSize: index.compressedSize,
      uncompressedSize: index.uncompressedSize,
      entryCount: index.entries.length,
      fromCache,
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

  private remember(digest: string, loading: Promise<OpenedImage>): void {
    this.images.set(digest, loading)
    loading.catch(() => this.images.delete(digest))
    while (this.images.size > REMEMBERED_IMAGES) {
      const oldest = this.images.keys().next().value
      if (oldest === undefined) break
      this.images.delete(oldest)
    }
  }

  /**
   * A layer as the indexer and file reader open it. The source verifies the digest while
   * streaming; registry blobs are also kept in the blob cache (local sources are on disk).
   */
  private layerRef(source: ImageSource, descriptor: Descriptor): LayerRef {
    const blobs = this.deps.blobs
    return {
      digest: descriptor.digest,
      open: async (signal?: AbortSignal): Promise<Readable> => {
        if (source.kind !== 'registry') return source.openBlob(descriptor, { signal })
        const cached = await blobs.get(descriptor.digest)
        if (cached) return cached
        const kept = await blobs.put(
          descriptor.digest,
          await source.openBlob(descriptor, { signal }),
        )
        const stored = kept ? await blobs.get(descriptor.digest) : undefined
        return stored ?? source.openBlob(descriptor, { signal })
      },
    }
  }
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
