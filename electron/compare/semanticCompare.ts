// Semantic compare (CompareArgs.semantic), the layer and verdict half: layers that did not match
// by digest or diff ID are matched again by their files (semanticLayers.ts's content keys), and
// the comparison is "equivalent" when nothing that carries meaning differs. Configs without
// creation times are diffConfigs' part; files without mtimes are diffFilesystems' part.

import type { AlignedLayer, ImageComparison, LayerAlignment } from '../../shared/api/compare'
import type { FileDiffSide } from './fileDiff'
import { alignLayers } from './layerAlignment'
import { layerContentKeys } from './semanticLayers'

export async function semanticLayers(
  exact: LayerAlignment,
  left: FileDiffSide,
  right: FileDiffSide,
  signal?: AbortSignal,
): Promise<LayerAlignment> {
  const leftLayers = layersOf(exact, 'left')
  const rightLayers = layersOf(exact, 'right')
  // Only layers without an exact match anywhere need their files read.
  const unmatched = (mine: readonly AlignedLayer[], theirs: readonly AlignedLayer[]): number[] =>
    mine
      .filter((l) => !theirs.some((r) => r.digest === l.digest || sameDiffId(l, r)))
      .map((l) => l.position)
  const leftKeys = await layerContentKeys(left, unmatched(leftLayers, rightLayers), signal)
  const rightKeys = await layerContentKeys(right, unmatched(rightLayers, leftLayers), signal)
  return alignLayers(leftLayers, rightLayers, (l, r) => {
    const key = leftKeys.get(l.digest)
    return key !== undefined && key === rightKeys.get(r.digest)
  })
}

export function isEquivalent(comparison: ImageComparison): boolean {
  const { config, layers, files } = comparison
  const keyedSame = (d: { added: readonly unknown[]; removed: readonly unknown[] }): boolean =>
    d.added.length === 0 && d.removed.length === 0
  const configSame =
    keyedSame(config.env) &&
    config.env.changed.length === 0 &&
    keyedSame(config.labels) &&
    config.labels.changed.length === 0 &&
    config.cmd === undefined &&
    config.entrypoint === undefined &&
    config.user === undefined &&
    config.workdir === undefined &&
    config.stopSignal === undefined &&
    config.platform === undefined &&
    keyedSame(config.exposedPorts) &&
    keyedSame(config.volumes) &&
    config.history.every((row) => row.status === 'same')
  const layersSame =
    layers.onlyLeft.length === 0 &&
    layers.onlyRight.length === 0 &&
    layers.movedLeft.length === 0 &&
    layers.movedRight.length === 0
  return configSame && layersSame && (files ?? []).length === 0
}

/** Every layer of one side, bottom first, from an alignment. */
function layersOf(alignment: LayerAlignment, side: 'left' | 'right'): AlignedLayer[] {
  const all =
    side === 'left'
      ? [
          ...alignment.sharedPrefix.map((p) => p.left),
          ...alignment.onlyLeft,
          ...alignment.movedLeft,
        ]
      : [
          ...alignment.sharedPrefix.map((p) => p.right),
          ...alignment.onlyRight,
          ...alignment.movedRight,
        ]
  return all.sort((a, b) => a.position - b.position)
}

function sameDiffId(a: AlignedLayer, b: AlignedLayer): boolean {
  return a.diffId !== undefined && a.diffId === b.diffId
}
