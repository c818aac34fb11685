// The sharing feature's part of the api contract: layer sharing across a set of images (which
// layers each image shares with which, the bytes stored once versus the bytes if nothing were
// shared), and the sharing operation.

import type { Digest } from '../oci/types'
import type { Operation } from './common'

/** One image of the set: a label the user recognizes and its layers, bottom first. */
export interface SharingImageInput {
  /** "demo/multi:latest linux/arm64", "oci:/tmp/x:v1". */
  readonly label: string
  /** Manifest digest, when known (to link back to the graph). */
  readonly digest?: Digest
  /** A reference that opens exactly this image (pinned to its digest when the source can be). */
  readonly ref?: string
  /** For a platform image of an index the reference could not pin: its platform. */
  readonly platform?: string
  readonly layers: readonly SharingLayerInput[]
}

export interface SharingLayerInput {
  readonly digest: Digest
  readonly size: number
  readonly mediaType: string
}

export interface SharedLayer {
  readonly digest: Digest
  readonly size: number
  readonly mediaType: string
  /** Indexes into SharingReport.images, ascending; each image counted once. */
  readonly usedBy: readonly number[]
}

export interface SharingImage {
  readonly label: string
  readonly digest?: Digest
  /** A reference that opens exactly this image, for links to it and its layers. */
  readonly ref?: string
  /** With `ref`: the platform to pick when `ref` still names an index. */
  readonly platform?: string
  /** Layers as listed (a layer listed twice in one manifest counts twice here). */
  readonly layerCount: number
  /** Sum of the sizes of its distinct layers. */
  readonly layerBytes: number
  /** Bytes of its layers no other image in the set uses. */
  readonly exclusiveBytes: number
}

/** Shared between image i and image j: the distinct layers both use. */
export interface SharingCell {
  readonly layers: number
  readonly bytes: number
}

export interface SharingReport {
  readonly images: readonly SharingImage[]
  /** Every distinct layer, most widely shared first, then largest. */
  readonly layers: readonly SharedLayer[]
  /** matrix[i][j]: what images i and j share; the diagonal is each image's own layers. */
  readonly matrix: readonly (readonly SharingCell[])[]
  /** Sum over distinct layer digests: what a registry or store keeps. */
  readonly storedOnceBytes: number
  /** Sum over every image of its distinct layers: as if nothing were shared. */
  readonly unsharedBytes: number
  /** unsharedBytes - storedOnceBytes. */
  readonly savedBytes: number
}

export interface SharingArgs {
  /**
   * Images to compare, from any sources. A repository reference (no tag/digest, or one of
   * kind 'repository') stands for all its tags; an index stands for all its platforms.
   */
  readonly refs: readonly string[]
  /** Cap on images collected from repositories (default 200). */
  readonly limit?: number
}

export interface SharingOperations {
  'sharing:compute': Operation<SharingArgs, SharingReport>
}
