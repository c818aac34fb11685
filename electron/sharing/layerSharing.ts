// Which layers a set of images share, and what that saves. Exact integer arithmetic over
// descriptor sizes; a layer is identified by its digest (the same bytes, stored once).

import { StrataError } from '../../shared/errors'
import type {
  SharedLayer,
  SharingCell,
  SharingImage,
  SharingImageInput,
  SharingLayerInput,
  SharingReport,
} from '../../shared/api/sharing'

export function computeSharing(images: readonly SharingImageInput[]): SharingReport {
  const layers = new Map<string, { layer: SharingLayerInput; usedBy: Set<number> }>()
  const distinctPerImage = images.map((image, index) => {
    const own = new Map<string, SharingLayerInput>()
    for (const layer of image.layers) {
      checkSize(layer, image.label)
      const known = layers.get(layer.digest)
      if (known !== undefined && known.layer.size !== layer.size) {
        throw new StrataError(
          'MALFORMED',
          `layer ${layer.digest} is listed with two sizes (${known.layer.size} and ${layer.size})`,
          { subject: image.label },
        )
      }
      own.set(layer.digest, layer)
      const entry = known ?? { layer, usedBy: new Set<number>() }
      entry.usedBy.add(index)
      layers.set(layer.digest, entry)
    }
    return own
  })

  const sharedLayers: SharedLayer[] = [...layers.values()]
    .map(({ layer, usedBy }) => ({
      digest: layer.digest,
      size: layer.size,
      mediaType: layer.mediaType,
      usedBy: [...usedBy].sort((a, b) => a - b),
    }))
    .sort((a, b) => b.usedBy.length - a.usedBy.length || b.size - a.size || cmp(a.digest, b.digest))

  const summaries: SharingImage[] = images.map((image, index) => {
    const own = distinctPerImage[index] ?? new Map<string, SharingLayerInput>()
    let layerBytes = 0
    let exclusiveBytes = 0
    for (const layer of own.values()) {
      layerBytes += layer.size
      if (layers.get(layer.digest)?.usedBy.size === 1) exclusiveBytes += layer.size
    }
    return {
      label: image.label,
      ...(image.digest !== undefined ? { digest: image.digest } : {}),
      ...(image.ref !== undefined ? { ref: image.ref } : {}),
      ...(image.platform !== undefined ? { platform: image.platform } : {}),
      layerCount: image.layers.length,
      layerBytes,
      exclusiveBytes,
    }
  })

  const matrix: SharingCell[][] = distinctPerImage.map((left) =>
    distinctPerImage.map((right) => {
      let count = 0
      let bytes = 0
      for (const [digest, layer] of left) {
        if (right.has(digest)) {
          count += 1
          bytes += layer.size
        }
      }
      return { layers: count, bytes }
    }),
  )

  const storedOnceBytes = sharedLayers.reduce((sum, layer) => sum + layer.size, 0)
  const unsharedBytes = summaries.reduce((sum, image) => sum + image.layerBytes, 0)
  return {
    images: summaries,
    layers: sharedLayers,
    matrix,
    storedOnceBytes,
    unsharedBytes,
    savedBytes: unsharedBytes - storedOnceBytes,
  }
}

function checkSize(layer: SharingLayerInput, label: string): void {
  if (!Number.isSafeInteger(layer.size) || layer.size < 0) {
    throw new StrataError('MALFORMED', `layer ${layer.digest} of ${label} has no usable size`, {
      subject: label,
    })
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
