// Plain data describing what is inside layers: the entries of one layer's tar, how each entry
// changes the filesystem below it, the merged filesystem as of a layer, and dive-style
// efficiency figures. Both sides use these shapes; the main side computes them
// (electron/files/) and the renderer lists them. Paths are image paths without a leading
// slash ("etc/os-release"); the root directory is "".

export type LayerEntryType = 'file' | 'dir' | 'symlink' | 'hardlink' | 'char' | 'block' | 'fifo'

/** Why an entry's name was not taken as written (the entry is still listed, made safe). */
export type EntryWarning = 'absolute-path' | 'dot-dot' | 'invalid-utf8' | 'link-escapes'

/** One tar entry of one layer, as recorded in the layer index. */
export interface LayerEntry {
  /** Normalized, safe image path: no leading slash, no "." or ".." components. */
  readonly path: string
  readonly type: LayerEntryType
  /** Permission and special bits (the low 12 bits of the tar mode). */
  readonly mode: number
  readonly uid: number
  readonly gid: number
  /** File size in bytes; for sparse files the real (expanded) size. */
  readonly size: number
  /** Seconds since the epoch; pax headers may carry fractions. */
  readonly mtime: number
  /** Symlink target as written (may be relative), or the hardlink's target image path. */
  readonly linkname?: string
  /** Offset of the entry's first header (including pax / GNU long-name headers). */
  readonly headerOffset: number
  /** Offset of the entry's data in the uncompressed tar stream. */
  readonly dataOffset: number
  /** Bytes the data occupies in the tar (differs from size for sparse files). */
  readonly storedSize: number
  readonly sparse?: boolean
  /** Character and block devices: the device numbers (0/0 for a whiteout-style device). */
  readonly device?: DeviceNumbers
  readonly warnings?: readonly EntryWarning[]
}

export interface DeviceNumbers {
  readonly major: number
  readonly minor: number
}

export type LayerCompressionFound = 'gzip' | 'zstd' | 'none'

/** Everything one layer's tar holds, in archive order. */
export interface LayerIndex {
  readonly digest: string
  readonly compression: LayerCompressionFound
  readonly compressedSize: number
  readonly uncompressedSize: number
  readonly entries: readonly LayerEntry[]
}

/**
 * How an entry changes the filesystem of the layers below it:
 * added (nothing at that path below), modified (something was there), deleted (a `.wh.NAME`
 * whiteout), opaque (a directory marked `.wh..wh..opq`: everything below it in lower layers
 * is hidden).
 */
export type ChangeKind = 'added' | 'modified' | 'deleted' | 'opaque'

export interface LayerChange {
  readonly path: string
  readonly kind: ChangeKind
  /** The tar entry that made the change; absent for deletions (the whiteout has no content). */
  readonly entry?: LayerEntry
}

/** A path present in the merged filesystem, with the layer that last touched it. */
export interface MergedEntry {
  readonly entry: LayerEntry
  /** 0-based layer position (0 = bottom layer). */
  readonly layer: number
}

export interface FileSizeRow {
  readonly path: string
  readonly layer: number
  readonly size: number
}

/**
 * Dive-style figures. Wasted bytes are bytes of regular files that some later layer
 * overwrites or deletes (they are still downloaded and stored, but nobody sees them).
 * Score = 1 - wastedBytes / totalFileBytes (1 means no waste; 1 when the image has no file bytes).
 */
export interface ImageEfficiency {
  readonly totalFileBytes: number
  readonly wastedBytes: number
  readonly score: number
  /** Per layer (0 = bottom): file bytes in it that later layers overwrite or delete. */
  readonly wastedByLayer: readonly number[]
  /** The largest regular files of the merged filesystem, largest first. */
  readonly largestFiles: readonly FileSizeRow[]
  /** Paths written in more than one layer, by wasted bytes, largest first. */
  readonly wastedPaths: readonly FileSizeRow[]
}

/** Progress of indexing one layer. */
export interface IndexProgress {
  readonly bytesIn: number
  readonly bytesOut: number
  readonly entries: number
}
