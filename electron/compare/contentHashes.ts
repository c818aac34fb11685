// SHA-256 of file contents straight out of layer blobs, for the file diff: every entry wanted
// from one layer is hashed in a single pass over that layer (never one pass per file), and
// the pass stops as soon as the last wanted entry has been read.

import { createHash } from 'node:crypto'
import type { Readable } from 'node:stream'
import { openDecompressed } from '../compression/decompress'
import { scanTar } from '../tar/tarStream'

/** One layer and the entries (by tar header offset) whose contents are wanted. */
export interface LayerHashRequest {
  readonly digest: string
  readonly headerOffsets: ReadonlySet<number>
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
    if (request.headerOffsets.size === 0) continue
    const blob = await request.open(options.signal)
    const layer = await openDecompressed(blob, request.digest)
    let remaining = request.headerOffsets.size
    await scanTar(
      layer.stream,
      (control) => (entry) => {
        if (!request.headerOffsets.has(entry.headerOffset)) return undefined
        const hash = createHash('sha256')
        return {
          data: (chunk) => {
            hash.update(chunk)
          },
          end: () => {
            out.set(contentKey(request.digest, entry.headerOffset), hash.digest('hex'))
            remaining -= 1
            if (remaining === 0) control.stop()
          },
        }
      },
      options.signal !== undefined ? { signal: options.signal } : {},
    )
  }
  return out
}
