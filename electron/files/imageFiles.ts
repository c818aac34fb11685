// Opening a file of an image by path: resolve symlinks in the merged filesystem, follow
// hardlinks to the entry that holds the data (in the hardlink's own layer first, as the tar
// applier would), then stream that entry out of the one layer that has it.

import type { Readable } from 'node:stream'
import { StrataError } from '../../shared/errors'
import type { LayerEntry, LayerIndex } from '../../shared/api/files'
import type { LayerFileOptions, OpenedLayerFile } from './readLayerFile'
import { openLayerFile } from './readLayerFile'
import type { MergedView } from '../filetree/mergedView'
import { MAX_SYMLINK_HOPS, resolveImagePath } from '../filetree/resolveSymlinks'

/** Opens layer `layer` (0 = bottom) of the image as the blob stream its source serves. */
export type LayerBlobOpener = (layer: number, signal?: AbortSignal) => Promise<Readable>

export interface ImageFileTarget {
  readonly layer: number
  readonly entry: LayerEntry
  /** The path after following symlinks and hardlinks. */
  readonly resolvedPath: string
}

/** Where the bytes of `path` live: which layer and which tar entry. */
export function locateImageFile(
  view: MergedView,
  layers: readonly LayerIndex[],
  path: string,
): ImageFileTarget {
  const lookup = (p: string): LayerEntry | undefined => view.get(p)?.entry
  const resolved = resolveImagePath(lookup, path.replace(/^\/+/, ''))
  const node = view.get(resolved)
  if (!node) {
    throw new StrataError('NOT_FOUND', `/${path.replace(/^\/+/, '')} is not in the image`, {
      subject: path,
    })
  }
  let layer = node.layer
  let entry = node.entry
  for (let hops = 0; entry.type === 'hardlink'; hops++) {
    if (hops >= MAX_SYMLINK_HOPS) {
      throw new StrataError('MALFORMED', `hardlink chain at /${entry.path} does not end`, {
        subject: path,
      })
    }
    const target = entry.linkname ?? ''
    const sameLayer = lastEntryBefore(layers[layer], target, entry.headerOffset)
    if (sameLayer) {
      entry = sameLayer
      continue
    }
    const merged = view.get(target)
    if (!merged) {
      throw new StrataError('NOT_FOUND', `hardlink /${entry.path} points at missing /${target}`, {
        subject: path,
      })
    }
    layer = merged.layer
    entry = merged.entry
  }
  return { layer, entry, resolvedPath: resolved }
}

export async function openImageFile(
  view: MergedView,
  layers: readonly LayerIndex[],
  openBlob: LayerBlobOpener,
  path: string,
  options: LayerFileOptions = {},
): Promise<OpenedLayerFile & { readonly layer: number }> {
  const target = locateImageFile(view, layers, path)
  if (target.entry.type !== 'file') {
    throw new StrataError(
      'BAD_INPUT',
      `/${target.resolvedPath} is a ${target.entry.type}, not a regular file: it has no content to show`,
      { subject: path },
    )
  }
  const index = layers[target.layer]
  if (!index) throw new StrataError('INTERNAL', `layer ${target.layer} has no index`)
  const blob = await openBlob(target.layer, options.signal)
  const opened = await openLayerFile(blob, index.digest, target.entry, options)
  return { ...opened, layer: target.layer }
}

function lastEntryBefore(
  index: LayerIndex | undefined,
  path: string,
  before: number,
): LayerEntry | undefined {
  if (!index) return undefined
  let found: LayerEntry | undefined
  for (const entry of index.entries) {
    if (entry.headerOffset >= before) break
    if (entry.path === path) found = entry
  }
  return found
}
