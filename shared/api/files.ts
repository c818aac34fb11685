// The files feature's part of the api contract: what is inside layers (the entries of one
// layer's tar, how each entry changes the filesystem below it, the merged filesystem as of a
// layer, dive-style efficiency figures), and the operations that index layers, list, search,
// stat, read and download files. The main side computes these shapes (electron/files/,
// electron/filetree/) and the renderer lists them. Paths are image paths without a leading
// slash ("etc/os-release"); the root directory is "".

import type { Digest } from '../oci/types'
import type { ApiError } from '../errors'
import type { Operation, Page } from './common'
import type { FileInspection } from './fileInspection'

export type * from './fileInspection'

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

/** Lazy-pull layer formats that carry a table of contents (TOC) of their files. */
export type LayerTocFormat = 'estargz' | 'zstd:chunked'

/**
 * Why a layer with a TOC is marked, as data the renderer words (shared/tocWarningText.ts has
 * the English for logs and tests). Paths are image paths without a leading slash.
 */
export type TocWarning =
  /** The TOC is malformed or disagrees with its annotation: ignored, the layer read in full. */
  | { readonly kind: 'tocIgnored'; readonly format: LayerTocFormat; readonly error: ApiError }
  /** The blob bytes the TOC names for a file do not decode to it: read from the whole layer. */
  | {
      readonly kind: 'fileRangeUnreadable'
      readonly path: string
      readonly start: number
      readonly end: number
    }
  /** The bytes decode, but not to the digest the TOC gives: read from the whole layer. */
  | {
      readonly kind: 'fileDigestMismatch'
      readonly path: string
      readonly expectedDigest: string
      readonly actualDigest: string
    }

/** A layer with a table of contents: its format, whether it was listed from it, what disagreed. */
export interface LayerTocInfo {
  readonly format: LayerTocFormat
  /** True when the entries came from the TOC (footer and TOC fetched, the layer not read). */
  readonly listedFromToc: boolean
  /** A malformed TOC (ignored) or files whose bytes disagreed with it (read in full instead). */
  readonly warnings: readonly TocWarning[]
}

/** Everything one layer's tar holds, in archive order. */
export interface LayerIndex {
  readonly digest: string
  readonly compression: LayerCompressionFound
  readonly compressedSize: number
  /**
   * Bytes of the layer's tar. A layer listed from its TOC whose descriptor gives no way to the
   * tar's size (eStargz's uncompressed-size annotation, zstd:chunked's tar-split; the TOC's
   * file sizes do not add up to it) has 0 here, which no tar can be; LayerIndexInfo leaves
   * the figure out then.
   */
  readonly uncompressedSize: number
  readonly entries: readonly LayerEntry[]
  /**
   * Set for eStargz and zstd:chunked layers (not kept in the index cache). A layer listed from
   * its TOC has header offsets -n … -1.
   */
  readonly toc?: LayerTocInfo
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

/** Which image of a reference the files operations read. */
export interface ImageFilesArgs {
  readonly ref: string
  /** For an index: "linux/amd64", "linux/arm/v7"; default: the first runnable platform. */
  readonly platform?: string
}

/** One layer of that image: a 1-based position ("1" = bottom) or the layer's digest. */
export interface LayerArgs extends ImageFilesArgs {
  readonly layer: string
}

export interface LayerIndexInfo {
  readonly digest: Digest
  readonly compression: LayerCompressionFound
  readonly compressedSize: number
  /** Bytes of the layer's tar; absent when unknown (a TOC listing that does not say it). */
  readonly uncompressedSize?: number
  readonly entryCount: number
  /** True when the index came from the on-disk cache without reading the blob. */
  readonly fromCache: boolean
  readonly toc?: LayerTocInfo
}

export interface FileListArgs extends ImageFilesArgs {
  /** Absent: the merged filesystem of the whole image; else the filesystem as of that layer. */
  readonly layer?: string
  /** Directory to list ("/" or "" for the root). */
  readonly path: string
  readonly cursor?: string
  /** Up to 5000. */
  readonly limit?: number
  /** name: by path ascending (default); size: largest first. */
  readonly sort?: 'name' | 'size'
  /** Only paths the listed layer (default: the top layer) changed in one of these ways. */
  readonly change?: readonly ChangeKind[]
  /** Every path below `path`, flat, in path order, instead of its direct children. */
  readonly recursive?: boolean
  /**
   * Answer from what is read so far instead of waiting for the layers to be indexed (while
   * nothing is read yet, main waits a moment for the first entries); never starts
   * reading them (a plain files:list does). See FileListPage.indexing.
   */
  readonly partial?: boolean
}

/** A page of a listing; with `partial`, possibly of a filesystem still being read. */
export interface FileListPage extends Page<FileListItem> {
  /**
   * Only with `partial`: the layers are still being read (or their reading has not started),
   * so the items are what is known so far. Ask again as indexing progresses.
   */
  readonly indexing?: boolean
}

export interface FileListItem {
  readonly path: string
  /** 0-based layer that last touched the path (for a deletion: the layer that deleted it). */
  readonly layer: number
  /** Absent for a deleted path (a whiteout has no content). */
  readonly entry?: LayerEntry
  /** How the listed layer changed this path; absent when it did not touch it. */
  readonly change?: ChangeKind
}

export interface FileStatArgs extends ImageFilesArgs {
  readonly layer?: string
  readonly path: string
}

export interface FileStat {
  /** The entry holding the data, after following symlinks and hardlinks inside the image. */
  readonly entry: LayerEntry
  readonly layer: number
  readonly resolvedPath: string
}

export interface FileSearchArgs extends ImageFilesArgs {
  readonly layer?: string
  /** A name substring, a name glob ("*.conf") or a path glob ("usr/lib/**\/*.so"). */
  readonly pattern: string
  readonly limit?: number
}

export interface FileSearchResult {
  readonly matches: readonly MergedEntry[]
  /** True when more entries matched than the limit. */
  readonly truncated: boolean
}

export interface FileReadArgs extends ImageFilesArgs {
  readonly layer?: string
  readonly path: string
  readonly offset: number
  /** Up to 1 MiB. */
  readonly length: number
}

export interface FileChunk {
  /** The bytes from offset, base64 (binary-safe). */
  readonly base64: string
  /** The whole file's size. */
  readonly size: number
  /** True when this chunk reaches the end of the file. */
  readonly eof: boolean
  readonly layer: number
  readonly resolvedPath: string
}

export interface CacheInfo {
  readonly blobBytes: number
  readonly indexBytes: number
  readonly limitBytes: number
}

/** A file, or a directory as a tar, streamed by GET `WEB_DOWNLOAD_PATH` + downloadQuery(). */
export interface DownloadArgs extends ImageFilesArgs {
  /** Absent: the merged filesystem of the whole image; else as of that layer. */
  readonly layer?: string
  /** "/etc/os-release" (a file: its bytes) or "/etc" (a directory: a tar of it). */
  readonly path: string
}

/** The query string of a download URL: `${WEB_DOWNLOAD_PATH}${downloadQuery(args)}`. */
export function downloadQuery(args: DownloadArgs): string {
  const params = new URLSearchParams()
  params.set('ref', args.ref)
  if (args.platform !== undefined) params.set('platform', args.platform)
  if (args.layer !== undefined) params.set('layer', args.layer)
  params.set('path', args.path)
  return `?${params.toString()}`
}

export interface FileInspectArgs extends ImageFilesArgs {
  readonly layer?: string
  readonly path: string
}

export interface FilesOperations {
  'layers:index': Operation<LayerArgs, LayerIndexInfo>
  'files:list': Operation<FileListArgs, FileListPage>
  'files:stat': Operation<FileStatArgs, FileStat>
  'files:search': Operation<FileSearchArgs, FileSearchResult>
  'files:read': Operation<FileReadArgs, FileChunk>
  'files:inspect': Operation<FileInspectArgs, FileInspection>
  'image:efficiency': Operation<ImageFilesArgs, ImageEfficiency>
  'cache:info': Operation<Record<string, never>, CacheInfo>
  'cache:clear': Operation<Record<string, never>, CacheInfo>
}
