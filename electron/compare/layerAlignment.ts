// The layer half of a comparison: the common prefix both images build on (matched by digest,
// or by diff ID when only the compression differs), then what each side has on its own.

import type { AlignedLayer, LayerAlignment } from '../../shared/api/compare'
import type { Descriptor, Digest } from '../../shared/oci/types'

/** Layer descriptors with their diff IDs (the config's rootfs.diff_ids, same order). */
export function withDiffIds(
  layers: readonly Descriptor[],
  diffIds: readonly Digest[] | undefined,
): AlignedLayer[] {
  // Diff IDs only mean something when there is exactly one per layer.
  const usable = diffIds !== undefined && diffIds.length === layers.length
  return layers.map((layer, position) => ({
    digest: layer.digest,
    size: layer.size,
    mediaType: layer.mediaType,
    position,
    ...(usable && diffIds[position] !== undefined ? { diffId: diffIds[position] } : {}),
  }))
}

type LayerMatch = 'digest' | 'diffId' | 'content'

/**
 * `sameContent` (semantic compare): whether two layers with different diff IDs hold the same
 * files, apart from modification times.
 */
export function alignLayers(
  left: readonly AlignedLayer[],
  right: readonly AlignedLayer[],
  sameContent?: (left: AlignedLayer, right: AlignedLayer) => boolean,
): LayerAlignment {
  const matchOf = (l: AlignedLayer, r: AlignedLayer): LayerMatch | undefined =>
    exactMatchOf(l, r) ?? (sameContent?.(l, r) === true ? 'content' : undefined)
  const sharedPrefix: { left: AlignedLayer; right: AlignedLayer; match: LayerMatch }[] = []
  for (let i = 0; i < Math.min(left.length, right.length); i += 1) {
    const l = left[i] as AlignedLayer
    const r = right[i] as AlignedLayer
    const match = matchOf(l, r)
    if (match === undefined) break
    sharedPrefix.push({ left: l, right: r, match })
  }
  const restLeft = left.slice(sharedPrefix.length)
  const restRight = right.slice(sharedPrefix.length)
  const onlyLeft = restLeft.filter((l) => !right.some((r) => matchOf(l, r) !== undefined))
  const onlyRight = restRight.filter((r) => !left.some((l) => matchOf(l, r) !== undefined))
  return {
    sharedPrefix,
    onlyLeft,
    onlyRight,
    movedLeft: restLeft.filter((l) => !onlyLeft.includes(l)),
    movedRight: restRight.filter((r) => !onlyRight.includes(r)),
    sharedBytes: sharedPrefix
      .filter((p) => p.match === 'digest')
      .reduce((sum, p) => sum + p.left.size, 0),
    onlyLeftBytes: onlyLeft.reduce((sum, l) => sum + l.size, 0),
    onlyRightBytes: onlyRight.reduce((sum, r) => sum + r.size, 0),
  }
}

function exactMatchOf(left: AlignedLayer, right: AlignedLayer): 'digest' | 'diffId' | undefined {
  if (left.digest === right.digest) return 'digest'
  if (left.diffId !== undefined && left.diffId === right.diffId) return 'diffId'
  return undefined
}
