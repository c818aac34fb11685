// Everything the files view asks of one image, given its layers bottom first: the index of
// each layer, the merged filesystem as of any layer (built once per layer asked for and
// remembered), directory listings, path lookups, per-layer changes, efficiency, file reads.

import { StrataError } from '../../shared/errors'
import type {
  ImageEfficiency,
  IndexProgress,
  LayerChange,
  LayerIndex,
} from '../../shared/api/files'
import { computeEfficiency } from '../filetree/efficiency'
import type { SpanTable } from '../compression/gzipSpansFile'
import { openRangedLayerFile } from './rangedLayerFile'
import { openTocLayerFile } from './tocFile'
import { locateImageFile, openImageFile } from './imageFiles'
import type { ImageTree } from '../filetree/imageTree'
import { buildImageTree } from '../filetree/imageTree'
import type { LayerIndexService, LayerRef } from './layerIndexService'
import type { MergedNode } from '../filetree/mergedView'
import type { OpenedLayerFile } from './readLayerFile'
import type { SearchResult } from '../filetree/searchTree'
import { searchTree } from '../filetree/searchTree'

export interface LoadProgress {
  /** 0-based layer being indexed. */
  readonly layer: number
  readonly layers: number
  readonly progress: IndexProgress
}

export class ImageLayers {
  private readonly trees = new Map<number, ImageTree>()
  private readonly spanTables = new Map<number, Promise<SpanTable | undefined>>()

  private constructor(
    private readonly refs: readonly LayerRef[],
    readonly indexes: readonly LayerIndex[],
    private readonly service?: Pick<LayerIndexService, 'spans'> &
      Partial<Pick<LayerIndexService, 'tocLayers'>>,
  ) {}

  /** Indexes every layer (from the cache where possible), one at a time, bottom first. */
  static async load(
    refs: readonly LayerRef[],
    service: LayerIndexService,
    options: {
      readonly signal?: AbortSignal
      readonly onProgress?: (p: LoadProgress) => void
      /** Each layer's index as soon as it is complete (for listings made meanwhile). */
      readonly onIndexed?: (layer: number, index: LayerIndex) => void
    } = {},
  ): Promise<ImageLayers> {
    const indexes: LayerIndex[] = []
    for (const [layer, ref] of refs.entries()) {
      const { index } = await service.get(ref, {
        ...(options.signal ? { signal: options.signal } : {}),
        onProgress: (progress) => options.onProgress?.({ layer, layers: refs.length, progress }),
      })
      indexes.push(index)
      options.onIndexed?.(layer, index)
    }
    return new ImageLayers(refs, indexes, service)
  }

  /**
   * The layers as far as they are read while a load runs: `indexes` as they stand (a layer
   * being read holds its entries so far, one not reached yet none). For listings only.
   */
  static soFar(refs: readonly LayerRef[], indexes: readonly LayerIndex[]): ImageLayers {
    return new ImageLayers(refs, indexes)
  }

  get layerCount(): number {
    return this.indexes.length
  }

  /** The merged filesystem of layers 0..upTo (default: the whole image). */
  tree(upTo = this.indexes.length - 1): ImageTree {
    const top = this.checkLayer(upTo)
    let tree = this.trees.get(top)
    if (!tree) {
      tree = buildImageTree(this.indexes, top)
      this.trees.set(top, tree)
    }
    return tree
  }

  /** Entries directly inside `dir` of the merged filesystem as of `upTo`. */
  list(dir: string, upTo?: number): readonly MergedNode[] {
    const path = trimSlashes(dir)
    const tree = this.tree(upTo)
    if (path !== '' && tree.view.get(path)?.entry.type !== 'dir') {
      throw new StrataError('NOT_FOUND', `/${path} is not a directory in this image`, {
        subject: dir,
      })
    }
    return tree.view.list(path)
  }

  /** The merged entry at `path` (symlinks not followed), or undefined. */
  lookup(path: string, upTo?: number): MergedNode | undefined {
    return this.tree(upTo).view.get(trimSlashes(path))
  }

  /** What layer `layer` changed relative to the layers below it. */
  changes(layer: number): readonly LayerChange[] {
    return this.tree().changes[this.checkLayer(layer)] ?? []
  }

  /** Entries whose name or path matches `pattern` (see searchTree.ts), capped at `limit`. */
  search(
    pattern: string,
    options: { readonly upTo?: number; readonly limit?: number } = {},
  ): SearchResult {
    return searchTree(this.tree(options.upTo).view, pattern, options.limit)
  }

  efficiency(top = 50): ImageEfficiency {
    return computeEfficiency(this.indexes, this.tree(), top)
  }

  /** A file's bytes as of `upTo`, symlinks followed inside the image. */
  async openFile(
    path: string,
    options: { readonly upTo?: number; readonly signal?: AbortSignal } = {},
  ): Promise<OpenedLayerFile & { readonly layer: number }> {
    const tree = this.tree(options.upTo)
    const fromToc = this.tocTarget(tree, path)
    if (fromToc) {
      const { ref, entry, layer, index } = fromToc
      const tocs = this.service?.tocLayers
      const toc = tocs?.get(index.digest)
      return { ...(await openTocLayerFile(toc, ref, entry, options.signal, tocs?.spool)), layer }
    }
    const ranged = await this.openRanged(tree, path, options.signal)
    if (ranged) return ranged
    const open = (layer: number, signal?: AbortSignal) => {
      const ref = this.refs[layer]
      if (!ref) throw new StrataError('INTERNAL', `no layer ${layer} in this image`)
      return ref.open(signal)
    }
    return openImageFile(
      tree.view,
      this.indexes,
      open,
      path,
      options.signal ? { signal: options.signal } : {},
    )
  }

  /** The file's layer and entry when that layer was listed from its table of contents. */
  private tocTarget(tree: ImageTree, path: string) {
    let target
    try {
      target = locateImageFile(tree.view, this.indexes, path)
    } catch {
      return undefined
    }
    const ref = this.refs[target.layer]
    const index = this.indexes[target.layer]
    if (!ref || index?.toc?.listedFromToc !== true || target.entry.type !== 'file') return undefined
    return { ref, index, entry: target.entry, layer: target.layer }
  }

  /**
   * The file by ranged reads when its layer has checkpoints and its source can seek (see
   * rangedLayerFile.ts); undefined means "stream the layer" (and that path reports errors).
   */
  private async openRanged(
    tree: ImageTree,
    path: string,
    signal: AbortSignal | undefined,
  ): Promise<(OpenedLayerFile & { readonly layer: number }) | undefined> {
    let target
    try {
      target = locateImageFile(tree.view, this.indexes, path)
    } catch {
      return undefined
    }
    const { entry, layer } = target
    const ref = this.refs[layer]
    const index = this.indexes[layer]
    if (entry.type !== 'file' || entry.sparse === true || !ref || !index) return undefined
    const openRange = ref.openRange?.bind(ref)
    if (!openRange || !this.service || index.compression === 'zstd') return undefined
    let tables = this.spanTables.get(layer)
    if (!tables) {
      tables = this.service.spans(index.digest).catch(() => undefined)
      this.spanTables.set(layer, tables)
    }
    const spans = await tables
    if (!spans || spans.compressedSize !== index.compressedSize) return undefined
    if (spans.compression !== index.compression) return undefined
    const opened = await openRangedLayerFile({
      digest: index.digest,
      entry,
      spans,
      openRange,
      openWhole: (s) => ref.open(s),
      ...(signal ? { signal } : {}),
    })
    return opened ? { ...opened, layer } : undefined
  }

  private checkLayer(layer: number): number {
    if (!Number.isInteger(layer) || layer < 0 || layer >= this.indexes.length) {
      throw new StrataError(
        'BAD_INPUT',
        `layer ${layer + 1} does not exist: this image has ${this.indexes.length} layers`,
      )
    }
    return layer
  }
}

function trimSlashes(path: string): string {
  return path.replace(/^\/+|\/+$/g, '')
}
