// The compare feature's part of the api contract: comparing two images (their configs, their
// layers, and on request their merged filesystems), and the compare operation.

import type { Digest, Platform } from '../oci/types'
import type { Operation } from './common'

/** One side of a comparison, after resolving to a single-platform image. */
export interface CompareSide {
  /** Canonical source reference ("docker://host/repo:tag", "oci:/path:tag"). */
  readonly ref: string
  readonly sourceLabel: string
  /** What the reference resolved to (an index when a platform had to be picked). */
  readonly rootDigest: Digest
  readonly manifestDigest: Digest
  readonly configDigest: Digest
  readonly platform?: Platform
}

/** A value present on both sides, or only on one. Absent fields mean "not set". */
export interface ValueChange<T> {
  readonly left?: T
  readonly right?: T
}

/** Keyed entries (env, labels): what was added, removed, changed; unchanged keys are counted. */
export interface KeyedDiff {
  readonly added: readonly { readonly key: string; readonly value: string }[]
  readonly removed: readonly { readonly key: string; readonly value: string }[]
  readonly changed: readonly {
    readonly key: string
    readonly left: string
    readonly right: string
  }[]
  readonly unchanged: number
}

/** Unordered sets (exposed ports, volumes). */
export interface SetDiff {
  readonly added: readonly string[]
  readonly removed: readonly string[]
  readonly unchanged: readonly string[]
}

/** One history step on either side, aligned: same step on both, or only one side. */
export interface HistoryRow {
  readonly status: 'same' | 'only-left' | 'only-right'
  /** "RUN apk add curl", as the graph shows steps. */
  readonly step: string
  readonly emptyLayer: boolean
  readonly leftIndex?: number
  readonly rightIndex?: number
  /** Exact compare: the same step run at different times (absent in semantic compare). */
  readonly created?: ValueChange<string>
}

export interface ConfigDiff {
  readonly env: KeyedDiff
  readonly labels: KeyedDiff
  /** Present only when the two sides differ. */
  readonly cmd?: ValueChange<readonly string[]>
  readonly entrypoint?: ValueChange<readonly string[]>
  readonly user?: ValueChange<string>
  readonly workdir?: ValueChange<string>
  readonly stopSignal?: ValueChange<string>
  readonly platform?: ValueChange<string>
  readonly created?: ValueChange<string>
  readonly exposedPorts: SetDiff
  readonly volumes: SetDiff
  readonly history: readonly HistoryRow[]
}

export interface AlignedLayer {
  readonly digest: Digest
  readonly size: number
  readonly mediaType: string
  /** The uncompressed tar's digest (config rootfs.diff_ids), when the config lists it. */
  readonly diffId?: Digest
  readonly position: number
}

/**
 * Layers compared position by position from the bottom: the common prefix is what both
 * images build on; after the first difference, a layer is "also in other" when the other
 * image has it anywhere (by digest, or by diff ID when only the compression differs).
 */
export interface LayerAlignment {
  readonly sharedPrefix: readonly {
    readonly left: AlignedLayer
    readonly right: AlignedLayer
    /** 'content': different diff IDs, the same files (semantic compare only). */
    readonly match: 'digest' | 'diffId' | 'content'
  }[]
  readonly onlyLeft: readonly AlignedLayer[]
  readonly onlyRight: readonly AlignedLayer[]
  /** Past the prefix, but present somewhere on the other side too. */
  readonly movedLeft: readonly AlignedLayer[]
  readonly movedRight: readonly AlignedLayer[]
  readonly sharedBytes: number
  readonly onlyLeftBytes: number
  readonly onlyRightBytes: number
}

/**
 * Reserved for the file-level diff of the merged filesystems (the layer reader, issue 4).
 * Paths are absolute inside the image ("/etc/os-release").
 */
export interface FileChange {
  readonly path: string
  readonly status: 'added' | 'removed' | 'changed'
  readonly kind: 'file' | 'dir' | 'symlink' | 'other'
  readonly leftSize?: number
  readonly rightSize?: number
  readonly sizeDelta: number
}

/**
 * A non-fatal problem of a comparison, as a code and its data: the renderer words it in the
 * language shown (shared/compareWarningText.ts has the English, for logs and the command line).
 */
export type CompareWarning =
  /** A config whose diff IDs do not pair with the manifest's layers: matched by digest only. */
  | {
      readonly kind: 'diffIdCount'
      /** The side's canonical reference. */
      readonly ref: string
      readonly diffIds: number
      readonly layers: number
    }
  /** A file whose contents could not be read to compare them ("/etc/motd"). */
  | { readonly kind: 'contentUnread'; readonly path: string }
  /** The file diff is longer than the list holds: the first `listed` paths are listed. */
  | { readonly kind: 'filesCapped'; readonly total: number; readonly listed: number }

export interface ImageComparison {
  readonly left: CompareSide
  readonly right: CompareSide
  readonly identical: boolean
  /** How it was compared: exact (the default) or semantic (CompareArgs.semantic). */
  readonly mode?: 'exact' | 'semantic'
  /**
   * Semantic compare only: nothing that changes meaning differs (configs apart from creation
   * times, layers by diff ID or content, files apart from modification times).
   */
  readonly equivalent?: boolean
  readonly config: ConfigDiff
  readonly layers: LayerAlignment
  /** Filled in by the layer reader when asked for; absent until then. */
  readonly files?: readonly FileChange[]
  readonly warnings: readonly CompareWarning[]
}

export interface CompareArgs {
  readonly left: string
  readonly right: string
  /**
   * For indexes: which platform to compare ("linux/amd64"); default the left's first runnable
   * image, and the same platform on the right where it has one.
   */
  readonly platform?: string
  /** Also diff the merged filesystems (reads every layer's index; may take a while). */
  readonly files?: boolean
  /**
   * Ignore what does not change meaning, as `diffoci --semantic` does: file modification times,
   * layer compression (layers matched by diff ID, then by their files), history and config
   * creation times. Reads every layer (implies `files`). Default: exact.
   */
  readonly semantic?: boolean
}

export interface CompareOperations {
  'compare:images': Operation<CompareArgs, ImageComparison>
}
