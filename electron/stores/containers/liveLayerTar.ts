// A container's writable layer as an uncompressed tar stream, built entry by entry from what
// the store shows (a Docker daemon's changes, an overlay upper directory, a vfs tree compared
// with its image). Deletions become ".wh." whiteouts, as in any image layer, so the layer index
// reads it like every other layer. Entries are streamed one file at a time; the layer is
// never held whole in memory.

import type { Readable } from 'node:stream'
import { Readable as ReadableStream } from 'node:stream'
import { StrataError } from '../../../shared/errors'
import type { TarHeaderFields } from '../../tar/tarEncode'
import { encodeTarHeader, padding, TAR_END } from '../../tar/tarEncode'

/** One entry of a writable layer; `open` gives a regular file's bytes. */
export interface LiveEntry extends Omit<TarHeaderFields, 'name'> {
  /** Relative path in the container's filesystem, no leading or trailing "/". */
  readonly path: string
  readonly open?: (signal?: AbortSignal) => Promise<AsyncIterable<Uint8Array>>
}

/** What a change listing says about one path, in `docker diff` / `podman diff` terms. */
export type LiveChangeKind = 'added' | 'changed' | 'deleted'

export interface LiveChange {
  /** Absolute path, as docker diff and podman diff print it. */
  readonly path: string
  readonly kind: LiveChangeKind
}

export const WHITEOUT_PREFIX = '.wh.'
export const OPAQUE_MARKER = '.wh..wh..opq'

/** The whiteout entry that deletes `path` (relative) from the layers below. */
export function whiteoutEntry(path: string, mtime = 0): LiveEntry {
  const slash = path.lastIndexOf('/')
  const dir = slash < 0 ? '' : `${path.slice(0, slash)}/`
  return {
    path: `${dir}${WHITEOUT_PREFIX}${path.slice(slash + 1)}`,
    kind: 'file',
    mode: 0o644,
    uid: 0,
    gid: 0,
    size: 0,
    mtime,
  }
}

/** The tar of `entries`, in the order given; a file whose size changed meanwhile is an error. */
export function liveLayerTar(
  entries: AsyncIterable<LiveEntry>,
  where: string,
  signal?: AbortSignal,
): Readable {
  return ReadableStream.from(tarChunks(entries, where, signal), { objectMode: false })
}

async function* tarChunks(
  entries: AsyncIterable<LiveEntry>,
  where: string,
  signal?: AbortSignal,
): AsyncGenerator<Buffer> {
  for await (const entry of entries) {
    signal?.throwIfAborted()
    const size = entry.kind === 'file' ? entry.size : 0
    yield encodeTarHeader({
      name: entry.path,
      kind: entry.kind,
      mode: entry.mode,
      uid: entry.uid,
      gid: entry.gid,
      size,
      mtime: entry.mtime,
      ...(entry.linkname !== undefined ? { linkname: entry.linkname } : {}),
      ...(entry.device !== undefined ? { device: entry.device } : {}),
    })
    if (size === 0) continue
    if (entry.open === undefined) throw changedMeanwhile(where, entry.path)
    let seen = 0
    for await (const chunk of await entry.open(signal)) {
      seen += chunk.byteLength
      if (seen > size) throw changedMeanwhile(where, entry.path)
      yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
    }
    if (seen !== size) throw changedMeanwhile(where, entry.path)
    yield padding(size)
  }
  yield TAR_END
}

function changedMeanwhile(where: string, path: string): StrataError {
  return new StrataError(
    'SIZE_MISMATCH',
    `/${path} in ${where} changed while Strata read it (the container is writing to it); reopen the container`,
    { subject: `/${path}` },
  )
}
