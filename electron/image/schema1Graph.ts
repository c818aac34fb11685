// The layers of a Docker schema 1 manifest as graph leaves. fsLayers lists them top layer
// first (fsLayers[0] is the top, the last entry the base), and history[i].v1Compatibility is
// the legacy JSON config of the layer fsLayers[i]: its container_config.Cmd is the build step.
// Schema 1 records no sizes, so the leaves carry UNKNOWN_SIZE.

import { MEDIA_TYPES } from '../../shared/oci/mediaTypes'
import { schema1Layers } from '../../shared/oci/schema1'
import type { Descriptor, Schema1Manifest } from '../../shared/oci/types'
import { UNKNOWN_SIZE } from '../sources/imageSource'
import { describeStep } from '../../shared/oci/history'

export interface Schema1Leaf {
  readonly descriptor: Descriptor
  /** Index in fsLayers: the edge position, so "fsLayers[i]" matches the document. */
  readonly position: number
}

export interface Schema1LayerPlan {
  readonly leaves: readonly Schema1Leaf[]
  /** Per blob digest, the steps that produced it in build order (base first). */
  readonly steps: ReadonlyMap<string, readonly string[]>
}

export function planSchema1Layers(manifest: Schema1Manifest): Schema1LayerPlan {
  const layers = schema1Layers(manifest)
  const steps = new Map<string, string[]>()
  // Build order is the reverse of fsLayers; one blob (the empty tar) often serves many steps.
  for (const layer of [...layers].reverse()) {
    const text = describeStep(layer.command !== undefined ? { created_by: layer.command } : {})
    const list = steps.get(layer.blobSum)
    if (list) list.push(text)
    else steps.set(layer.blobSum, [text])
  }
  return {
    leaves: layers.map((layer) => ({
      descriptor: {
        mediaType: MEDIA_TYPES.dockerLayerGzip,
        digest: layer.blobSum,
        size: UNKNOWN_SIZE,
      },
      position: layer.position,
    })),
    steps,
  }
}
