// Layers applied in order: the per-layer change lists (added / modified / deleted / opaque,
// each relative to the layers below) and the merged filesystem as of the top layer asked for,
// with the waste bookkeeping that efficiency.ts turns into dive-style figures.

import type { ChangeKind, LayerChange, LayerEntry, LayerIndex } from '../../shared/api/files'
import { MergedView } from './mergedView'
import type { MergedNode } from './mergedView'
import { classifyEntry } from './whiteouts'

export interface ImageTree {
  /** Merged filesystem after the last applied layer. */
  readonly view: MergedView
  /** changes[i]: what layer i did to the filesystem of layers 0..i-1. */
  readonly changes: readonly (readonly LayerChange[])[]
  /** Regular-file bytes removed or overwritten, keyed by the layer that held them. */
  readonly wasted: readonly WasteRecord[]
}

export interface WasteRecord {
  readonly path: string
  /** The layer whose bytes became invisible. */
  readonly layer: number
  readonly size: number
  /** The layer that overwrote or deleted them. */
  readonly byLayer: number
}

/** Applies layers 0..upTo (inclusive; default all) in order. */
export function buildImageTree(layers: readonly LayerIndex[], upTo?: number): ImageTree {
  const wasted: WasteRecord[] = []
  const view = new MergedView((removed: MergedNode, byLayer: number) => {
    if (removed.entry.type === 'file' && removed.entry.size > 0) {
      wasted.push({
        path: removed.entry.path,
        layer: removed.layer,
        size: removed.entry.size,
        byLayer,
      })
    }
  })
  const last = Math.min(upTo ?? layers.length - 1, layers.length - 1)
  const changes: LayerChange[][] = []
  for (let layer = 0; layer <= last; layer++) {
    const index = layers[layer]
    if (index) changes.push(applyLayer(view, index.entries, layer))
  }
  return { view, changes, wasted }
}

/**
 * One layer onto the view. Whiteouts and opaque markers apply to lower layers only (image
 * spec), so they go first; change kinds are judged against the view before this layer.
 */
function applyLayer(
  view: MergedView,
  entries: readonly LayerEntry[],
  layer: number,
): LayerChange[] {
  const changes: LayerChange[] = []
  const opaqueDirs = new Set<string>()
  const deletions: string[] = []
  const writes: { readonly entry: LayerEntry; readonly kind: ChangeKind }[] = []
  const seen = new Set<string>()
  for (const entry of entries) {
    const role = classifyEntry(entry)
    if (role.role === 'opaque') opaqueDirs.add(role.dir)
    else if (role.role === 'whiteout') deletions.push(role.target)
    else if (role.role === 'entry' && entry.path !== '') {
      const kind: ChangeKind = view.has(entry.path) || seen.has(entry.path) ? 'modified' : 'added'
      seen.add(entry.path)
      writes.push({ entry, kind })
    }
  }
  for (const path of deletions) {
    view.remove(path, layer)
    changes.push({ path, kind: 'deleted' })
  }
  for (const dir of opaqueDirs) view.hideBelow(dir, layer)
  const opaqueWithEntry = new Set<string>()
  for (const { entry, kind } of writes) {
    view.put(entry, layer)
    const opaque = entry.type === 'dir' && opaqueDirs.has(entry.path)
    if (opaque) opaqueWithEntry.add(entry.path)
    changes.push({ path: entry.path, kind: opaque ? 'opaque' : kind, entry })
  }
  for (const dir of opaqueDirs) {
    if (!opaqueWithEntry.has(dir)) changes.push({ path: dir, kind: 'opaque' })
  }
  return changes
}
