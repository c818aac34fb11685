// The TOCs read in this session, by layer digest, and the decision whether a layer is listed
// from its TOC. They are kept in memory only (a TOC is a few KB to fetch again); the index
// cache keeps only indexes read from the whole layer, whose offsets are real tar offsets.

import type { LayerTocInfo, TocWarning } from '../../shared/api/files'
import { StrataError } from '../../shared/errors'
import { TocError, tocFormatOf } from '../compression/layerToc'
import type { LayerRef } from './layerIndexService'
import type { TocLayer } from './tocIndex'
import { RangesRefused, readLayerToc } from './tocIndex'
import { TocSpool } from './tocSpool'

/** TOCs remembered at once; the oldest goes first. */
const REMEMBERED = 64

export type TocListing =
  /** Listed from the TOC. */
  | { readonly layer: TocLayer }
  /** A TOC was announced but is malformed or disagrees: ignored, the layer is read. */
  | { readonly ignored: LayerTocInfo }
  /** No TOC announced, or the source cannot serve ranges. */
  | { readonly none: true }

export class TocLayers {
  private readonly layers = new Map<string, TocLayer>()
  /** Where files too large to hold are decoded and checked (absent: they take a full read). */
  readonly spool: TocSpool | undefined

  constructor(spoolDir?: string) {
    this.spool = spoolDir !== undefined ? new TocSpool(spoolDir) : undefined
  }

  get(digest: string): TocLayer | undefined {
    return this.layers.get(digest)
  }

  async list(ref: LayerRef, signal?: AbortSignal): Promise<TocListing> {
    const format = tocFormatOf(ref.descriptor?.annotations)
    const openRange = ref.openRange?.bind(ref)
    if (format === undefined || !ref.descriptor || !openRange) return { none: true }
    const known = this.layers.get(ref.digest)
    if (known) return { layer: known }
    try {
      const layer = await readLayerToc({ digest: ref.digest, ...ref.descriptor, openRange }, signal)
      this.layers.delete(ref.digest)
      this.layers.set(ref.digest, layer)
      while (this.layers.size > REMEMBERED) {
        const oldest = this.layers.keys().next().value
        if (oldest === undefined) break
        this.layers.delete(oldest)
      }
      return { layer }
    } catch (error) {
      if (error instanceof RangesRefused) return { none: true }
      if (error instanceof TocError) {
        const warning: TocWarning = {
          kind: 'tocIgnored',
          format,
          error: {
            code: 'MALFORMED',
            message: `the ${format} table of contents: ${error.message}`,
            detail: { subject: ref.digest },
          },
        }
        return { ignored: { format, listedFromToc: false, warnings: [warning] } }
      }
      // A cancel passes through; other failures of the fetch (network) leave the layer to the
      // full read, which reports its own errors.
      if (error instanceof StrataError && error.code === 'CANCELLED') throw error
      if (signal?.aborted === true) throw error
      return { none: true }
    }
  }
}
