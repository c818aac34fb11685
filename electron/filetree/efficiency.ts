// Dive-style efficiency. Wasted bytes are regular-file bytes some later layer overwrites or
// deletes (still downloaded and stored, never visible in the running container). The score is
// 1 - wasted / total, where total is every regular-file byte in every layer; an image with no
// file bytes scores 1. Hardlinks count zero bytes (their data is their target's).

import type { FileSizeRow, ImageEfficiency, LayerIndex } from '../../shared/api/files'
import type { ImageTree } from './imageTree'
import { classifyEntry } from './whiteouts'

export function computeEfficiency(
  layers: readonly LayerIndex[],
  tree: ImageTree,
  top = 50,
): ImageEfficiency {
  let totalFileBytes = 0
  for (const layer of layers.slice(0, tree.changes.length)) {
    for (const entry of layer.entries) {
      if (entry.type === 'file' && classifyEntry(entry).role === 'entry')
        totalFileBytes += entry.size
    }
  }
  const wastedByLayer = new Array<number>(tree.changes.length).fill(0)
  const byPath = new Map<string, FileSizeRow>()
  let wastedBytes = 0
  for (const record of tree.wasted) {
    wastedBytes += record.size
    wastedByLayer[record.layer] = (wastedByLayer[record.layer] ?? 0) + record.size
    const row = byPath.get(record.path)
    byPath.set(record.path, {
      path: record.path,
      layer: row ? Math.min(row.layer, record.layer) : record.layer,
      size: (row?.size ?? 0) + record.size,
    })
  }
  const largest: FileSizeRow[] = []
  for (const node of tree.view.all()) {
    if (node.entry.type === 'file') {
      largest.push({ path: node.entry.path, layer: node.layer, size: node.entry.size })
    }
  }
  return {
    totalFileBytes,
    wastedBytes,
    score: totalFileBytes === 0 ? 1 : 1 - wastedBytes / totalFileBytes,
    wastedByLayer,
    largestFiles: topBySize(largest, top),
    wastedPaths: topBySize([...byPath.values()], top),
  }
}

function topBySize(rows: FileSizeRow[], top: number): FileSizeRow[] {
  return rows.sort((a, b) => b.size - a.size || a.path.localeCompare(b.path)).slice(0, top)
}
