// The file-level diff of two images' merged filesystems (the top layer of each, overlay rules
// applied: whiteouts, opaque directories), path by path.
//
// What counts as changed, for a path present on both sides:
// - its kind (file, dir, symlink, other) differs;
// - its owner (uid:gid) or permission bits (mode) differ;
// - symlinks: the link target differs;
// - files (hardlinks followed to the entry holding the data): the size differs, or the sizes
//   are equal and the contents differ. Contents are compared by SHA-256 of the bytes, read
//   from the layers (or, for a layer listed from its table of contents, the TOC's per-file
//   digest: contentIdentity.ts), only when the two sides' data do not come from the same entry
//   of the same layer blob (the same entry is the same bytes). Sparse files are not read: they
//   count as changed when their modification times differ.
// - exact compare (the default): the modification time differs, for any kind of entry.
// Semantic compare ignores modification times (a rebuild touches them without changing
// anything). Devices, fifos: kind, owner and mode (and, exactly, mtime) only.

import type { Readable } from 'node:stream'
import type { CompareWarning, FileChange } from '../../shared/api/compare'
import type { LayerEntry } from '../../shared/api/files'
import type { Descriptor } from '../../shared/oci/types'
import { locateImageFile } from '../files/imageFiles'
import type { ImageLayers } from '../files/imageLayers'
import type { TocLayer } from '../files/tocIndex'
import type { MergedNode } from '../filetree/mergedView'
import { contentKey } from './contentHashes'
import { contentIdentities } from './contentIdentity'

export const MAX_FILE_CHANGES = 20_000

/** One side: its layers indexed and merged, and how to open each layer blob. */
export interface FileDiffSide {
  readonly layers: ImageLayers
  readonly descriptors: readonly Descriptor[]
  readonly openBlob: (descriptor: Descriptor, signal?: AbortSignal) => Promise<Readable>
  /** The table of contents of a layer listed from one (its per-file digests), read again. */
  readonly readToc?: (layer: number, signal?: AbortSignal) => Promise<TocLayer | undefined>
}

export interface FileDiff {
  /** Sorted by path; at most `maxChanges`. */
  readonly changes: readonly FileChange[]
  /** How many paths differ in all (more than `changes` holds when capped). */
  readonly total: number
  readonly warnings: readonly CompareWarning[]
}

export interface FileDiffOptions {
  readonly maxChanges?: number
  /** Ignore modification times (semantic compare); default: they count. */
  readonly semantic?: boolean
  readonly signal?: AbortSignal
}

type Kind = FileChange['kind']

/** A path's entry as compared: hardlinks resolved to the entry holding the data. */
interface Resolved {
  readonly kind: Kind
  readonly entry: LayerEntry
  /** Digest of the layer holding `entry`. */
  readonly layerDigest: string
  readonly layer: number
}

interface Pending {
  readonly path: string
  readonly left: Resolved
  readonly right: Resolved
}

export async function diffFilesystems(
  left: FileDiffSide,
  right: FileDiffSide,
  options: FileDiffOptions = {},
): Promise<FileDiff> {
  const leftView = left.layers.tree().view
  const rightView = right.layers.tree().view
  const leftPaths = pathsOf(leftView.all())
  const rightPaths = pathsOf(rightView.all())
  const changes: FileChange[] = []
  const needContent: Pending[] = []
  const warnings: CompareWarning[] = []

  for (const [path, node] of leftPaths) {
    if (!rightPaths.has(path)) changes.push(onlyOneSide(path, resolve(left, node), 'removed'))
  }
  for (const [path, node] of rightPaths) {
    const other = leftPaths.get(path)
    const b = resolve(right, node)
    if (other === undefined) {
      changes.push(onlyOneSide(path, b, 'added'))
      continue
    }
    const a = resolve(left, other)
    const verdict = compareMetadata(a, b, options.semantic === true)
    if (verdict === 'changed') changes.push(changed(path, a, b))
    else if (verdict === 'content') needContent.push({ path, left: a, right: b })
  }

  if (needContent.length > 0) {
    const hashes = await contentIdentities(
      needContent.flatMap(({ left: a, right: b }) => [
        { side: left, layer: a.layer, entry: a.entry },
        { side: right, layer: b.layer, entry: b.entry },
      ]),
      options.signal,
    )
    for (const pending of needContent) {
      const a = hashes.get(contentKey(pending.left.layerDigest, pending.left.entry.headerOffset))
      const b = hashes.get(contentKey(pending.right.layerDigest, pending.right.entry.headerOffset))
      if (a === undefined || b === undefined) {
        warnings.push({ kind: 'contentUnread', path: `/${pending.path}` })
        continue
      }
      if (a !== b) changes.push(changed(pending.path, pending.left, pending.right))
    }
  }

  changes.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0))
  const max = options.maxChanges ?? MAX_FILE_CHANGES
  if (changes.length > max) {
    warnings.push({ kind: 'filesCapped', total: changes.length, listed: max })
  }
  return { changes: changes.slice(0, max), total: changes.length, warnings }
}

function pathsOf(nodes: Iterable<MergedNode>): Map<string, MergedNode> {
  const out = new Map<string, MergedNode>()
  for (const node of nodes) if (node.entry.path !== '') out.set(node.entry.path, node)
  return out
}

function kindOf(entry: LayerEntry): Kind {
  switch (entry.type) {
    case 'file':
    case 'hardlink':
      return 'file'
    case 'dir':
      return 'dir'
    case 'symlink':
      return 'symlink'
    default:
      return 'other'
  }
}

function resolve(side: FileDiffSide, node: MergedNode): Resolved {
  let layer = node.layer
  let entry = node.entry
  if (entry.type === 'hardlink') {
    try {
      const target = locateImageFile(side.layers.tree().view, side.layers.indexes, entry.path)
      layer = target.layer
      entry = target.entry
    } catch {
      // A hardlink to nothing: compared as it stands (size 0).
    }
  }
  const layerDigest = side.layers.indexes[layer]?.digest ?? side.descriptors[layer]?.digest ?? ''
  return { kind: kindOf(node.entry), entry, layerDigest, layer }
}

/** 'same', 'changed', or 'content' when only the bytes can tell. */
function compareMetadata(
  a: Resolved,
  b: Resolved,
  semantic: boolean,
): 'same' | 'changed' | 'content' {
  if (a.kind !== b.kind) return 'changed'
  const x = a.entry
  const y = b.entry
  if (x.mode !== y.mode || x.uid !== y.uid || x.gid !== y.gid) return 'changed'
  if (!semantic && x.mtime !== y.mtime) return 'changed'
  if (a.kind === 'symlink') return x.linkname === y.linkname ? 'same' : 'changed'
  if (a.kind !== 'file') return 'same'
  if (x.size !== y.size) return 'changed'
  if (x.size === 0) return 'same'
  if (a.layerDigest === b.layerDigest && x.headerOffset === y.headerOffset) return 'same'
  if (x.sparse === true || y.sparse === true) return x.mtime === y.mtime ? 'same' : 'changed'
  return 'content'
}

function sizeOf(resolved: Resolved): number {
  return resolved.kind === 'file' ? resolved.entry.size : 0
}

function onlyOneSide(path: string, side: Resolved, status: 'added' | 'removed'): FileChange {
  const size = sizeOf(side)
  return {
    path: `/${path}`,
    status,
    kind: side.kind,
    ...(status === 'removed' ? { leftSize: size } : { rightSize: size }),
    sizeDelta: status === 'removed' ? -size : size,
  }
}

function changed(path: string, a: Resolved, b: Resolved): FileChange {
  return {
    path: `/${path}`,
    status: 'changed',
    kind: b.kind,
    leftSize: sizeOf(a),
    rightSize: sizeOf(b),
    sizeDelta: sizeOf(b) - sizeOf(a),
  }
}
