// The files operations' argument and result types (layers, listings, reads, downloads), part
// of the one api contract: shared/api.ts names the operations and re-exports these.

import type { Digest } from '../oci/types'
import type { ChangeKind, LayerCompressionFound, LayerEntry, MergedEntry } from '../layerTree'

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
  readonly uncompressedSize: number
  readonly entryCount: number
  /** True when the index came from the on-disk cache without reading the blob. */
  readonly fromCache: boolean
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
