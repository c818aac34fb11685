// Semantic compare's layer identity: a layer's files as a set, apart from modification times
// and compression. Two layers packed from the same files at different times (or gzip vs zstd)
// get the same key; their diff IDs differ because tar headers carry the mtimes. The key is a
// SHA-256 over each entry's path, type, mode, owner, size, link target, device and the SHA-256
// of its contents, sorted by path; contents are hashed in one pass per layer (a layer listed
// from its table of contents gives each file's SHA-256 itself: contentIdentity.ts).

import { createHash } from 'node:crypto'
import type { LayerEntry } from '../../shared/api/files'
import { contentKey } from './contentHashes'
import { contentIdentities } from './contentIdentity'
import type { FileDiffSide } from './fileDiff'

/** Layer digest → content key, for the layers at `positions` of one side. */
export async function layerContentKeys(
  side: FileDiffSide,
  positions: readonly number[],
  signal?: AbortSignal,
): Promise<Map<string, string>> {
  const wanted = positions.flatMap((position) => {
    const index = side.layers.indexes[position]
    const descriptor = side.descriptors[position]
    return index !== undefined && descriptor !== undefined ? [{ index, layer: position }] : []
  })
  const hashes = await contentIdentities(
    wanted.flatMap(({ index, layer }) =>
      index.entries.filter(hasContent).map((entry) => ({ side, layer, entry })),
    ),
    signal,
  )
  const keys = new Map<string, string>()
  for (const { index } of wanted) {
    const lines = index.entries.map((entry) => {
      const content = hasContent(entry)
        ? // Unread contents match nothing: no two layers are taken for the same on trust.
          (hashes.get(contentKey(index.digest, entry.headerOffset)) ?? `unread ${index.digest}`)
        : ''
      return [
        entry.path,
        entry.type,
        entry.mode,
        entry.uid,
        entry.gid,
        entry.size,
        entry.linkname ?? '',
        entry.device !== undefined ? `${entry.device.major},${entry.device.minor}` : '',
        content,
      ].join('\0')
    })
    lines.sort()
    const hash = createHash('sha256')
    for (const line of lines) hash.update(`${line}\n`)
    keys.set(index.digest, hash.digest('hex'))
  }
  return keys
}

function hasContent(entry: LayerEntry): boolean {
  return entry.type === 'file' && entry.size > 0 && entry.sparse !== true
}
