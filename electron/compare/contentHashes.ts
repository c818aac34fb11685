// SHA-256 of file contents straight out of layer blobs, for the file diff: every entry wanted
// from one layer is hashed in a single pass over that layer (never one pass per file), and
// the pass stops as soon as the last wanted entry has been read. Entries wanted by path (a
// layer listed from its table of contents, whose entries have no tar offsets) are hashed in a
// pass to the end of the layer: the source verifies the blob's digest as the stream ends, and
// the last entry of a path is the one that counts.

import { createHash } from 'node:crypto'
import type { Readable } from 'node:stream'
import { openDecompressed } from '../compression/decompress'
import { scanTar } from '../tar/tarStream'

/** One layer and the entries (by tar header offset) whose contents are wanted. */
export interface LayerHashRequest {
  readonly digest: string
  readonly headerOffsets: ReadonlySet<number>
  /** Regular files found by path instead: path → the offset their hash is keyed by. */
  readonly paths?: ReadonlyMap<string, number>
  /** Opens the layer blob as its source serves it (digest-verified by the source). */
  readonly open: (signal?: AbortSignal) => Promise<Readable>
}

/** `${layerDigest}@${headerOffset}` → hex SHA-256 of the entry's data. */
export type ContentHashes = ReadonlyMap<string, string>

export function contentKey(layerDigest: string, headerOffset: number): string {
  return `${layerDigest}@${headerOffset}`
}

export async function hashLayerEntries(
  requests: readonly LayerHashRequest[],
  options: { readonly signal?: AbortSignal } = {},
): Promise<ContentHashes> {
  const out = new Map<string, string>()
  // One layer at a time: the layers are streamed whole, and the caller may be the only
  // thing running; bounded memory matters more here than wall time.
  for (const request of requests) {
    const byPath = request.paths ?? new Map<string, number>()
    if (request.headerOffsets.size === 0 && byPath.size === 0) continue
    const blob = await request.open(options.signal)
    const layer = await openDecompressed(blob, request.digest)
    let remaining = request.headerOffsets.size
    await scanTar(
      layer.stream,
      (control) => (entry) => {
        const key = request.headerOffsets.has(entry.headerOffset)
          ? entry.headerOffset
          : entry.type === 'file'
            ? byPath.get(entry.path)
            : undefined
        if (key === undefined) return undefined
        const hash = createHash('sha256')
        return {
          data: (chunk) => {
            hash.update(chunk)
          },
          end: () => {
            out.set(contentKey(request.digest, key), hash.digest('hex'))
            if (key !== entry.headerOffset) return
            remaining -= 1
            if (remaining === 0 && byPath.size === 0) control.stop()
          },
        }
      },
      options.signal !== undefined ? { signal: options.signal } : {},
    )
  }
  return out
}
