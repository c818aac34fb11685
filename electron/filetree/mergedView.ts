// The merged filesystem of layers 0..N with overlay semantics: the upper layer wins, a
// whiteout deletes a path and everything under it, an opaque directory hides what lower
// layers put in it, a file replacing a directory drops the directory's contents. Flat maps
// (path → entry, directory → child paths) so 200,000 entries stay cheap to build and query.

import type { LayerEntry, MergedEntry } from '../../shared/api/files'
import { parentOf } from './entryPath'

export interface MergedNode extends MergedEntry {
  /** A directory no tar entry named: implied by a path below it. */
  readonly implicit?: boolean
}

/** Told about every entry the merge removes or replaces, with the layer that removed it. */
export type RemovalListener = (removed: MergedNode, byLayer: number) => void

export class MergedView {
  private readonly nodes = new Map<string, MergedNode>()
  private readonly children = new Map<string, Set<string>>()

  constructor(private readonly onRemoved: RemovalListener = () => undefined) {}

  get size(): number {
    return this.nodes.size
  }

  /** The entry at `path` ("" is the root, which always exists and is never stored). */
  get(path: string): MergedNode | undefined {
    return this.nodes.get(path)
  }

  has(path: string): boolean {
    return path === '' || this.nodes.has(path)
  }

  /** Entries directly inside `dir`, sorted by path. */
  list(dir: string): readonly MergedNode[] {
    const paths = this.children.get(dir)
    if (!paths) return []
    const out: MergedNode[] = []
    for (const path of [...paths].sort()) {
      const node = this.nodes.get(path)
      if (node) out.push(node)
    }
    return out
  }

  /** Every entry, in no particular order. */
  all(): IterableIterator<MergedNode> {
    return this.nodes.values()
  }

  /** Puts an entry from `layer` at its path, replacing what was there. */
  put(entry: LayerEntry, layer: number): void {
    const path = entry.path
    if (path === '') return
    const existing = this.nodes.get(path)
    if (existing) {
      if (existing.entry.type !== 'dir' || entry.type !== 'dir') this.removeChildren(path, layer)
      this.onRemoved(existing, layer)
    } else {
      this.ensureParents(path, layer)
      this.link(path)
    }
    this.nodes.set(path, { entry, layer })
  }

  /** A whiteout: removes `path` and everything under it. */
  remove(path: string, layer: number): void {
    const existing = this.nodes.get(path)
    if (!existing) return
    this.removeChildren(path, layer)
    this.onRemoved(existing, layer)
    this.nodes.delete(path)
    this.children.get(parentOf(path))?.delete(path)
  }

  /** An opaque directory: removes everything under `dir` that came from layers below `layer`. */
  hideBelow(dir: string, layer: number): void {
    // Iterative (an explicit stack), so a deeply nested tree cannot overflow the call stack.
    const stack = [dir]
    for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
      const kids = this.children.get(next)
      if (!kids) continue
      for (const child of [...kids]) {
        const node = this.nodes.get(child)
        if (node && node.layer < layer) this.remove(child, layer)
        else if (node && node.entry.type === 'dir') stack.push(child)
      }
    }
  }

  /**
   * Removes everything under `dir` (not `dir` itself), deepest first, without recursion: the
   * listener hears of each entry in the same order the recursive walk used (children before
   * their directory).
   */
  private removeChildren(dir: string, layer: number): void {
    if (!this.children.has(dir)) return
    // Post-order walk: a directory is finished once all its children are.
    const stack: { path: string; kids: string[] | undefined }[] = [{ path: dir, kids: undefined }]
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { path: string; kids: string[] | undefined }
      if (top.kids === undefined) top.kids = [...(this.children.get(top.path) ?? [])].reverse()
      const child = top.kids.pop()
      if (child !== undefined) {
        if (this.nodes.has(child)) stack.push({ path: child, kids: undefined })
        continue
      }
      stack.pop()
      this.children.delete(top.path)
      if (top.path === dir) continue
      const node = this.nodes.get(top.path)
      if (!node) continue
      this.onRemoved(node, layer)
      this.nodes.delete(top.path)
      this.children.get(parentOf(top.path))?.delete(top.path)
    }
  }

  private link(path: string): void {
    const parent = parentOf(path)
    let kids = this.children.get(parent)
    if (!kids) {
      kids = new Set()
      this.children.set(parent, kids)
    }
    kids.add(path)
  }

  /** Creates missing parent directories (tars may omit them), replacing non-directories. */
  private ensureParents(path: string, layer: number): void {
    // Walk up to the first directory that exists, then create the missing ones top down
    // (a loop, not recursion: paths may be thousands of components deep).
    const missing: string[] = []
    for (let parent = parentOf(path); parent !== ''; parent = parentOf(parent)) {
      const existing = this.nodes.get(parent)
      if (existing?.entry.type === 'dir') break
      if (existing) this.remove(parent, layer)
      missing.push(parent)
    }
    for (let i = missing.length - 1; i >= 0; i--) {
      const parent = missing[i] as string
      this.link(parent)
      this.nodes.set(parent, { entry: implicitDir(parent), layer, implicit: true })
    }
  }
}

function implicitDir(path: string): LayerEntry {
  return {
    path,
    type: 'dir',
    mode: 0o755,
    uid: 0,
    gid: 0,
    size: 0,
    mtime: 0,
    headerOffset: -1,
    dataOffset: -1,
    storedSize: 0,
  }
}
