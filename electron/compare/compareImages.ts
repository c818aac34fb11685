// Compares two images from any sources: each resolved to one platform image, then their
// configs and layers diffed. The file-level diff is added by the layer reader later
// (ImageComparison.files); this module leaves it absent.

import type { ImageComparison } from '../../shared/compare'
import type { Platform } from '../../shared/oci/types'
import type { ImageSource, SourceCallOptions } from '../sources/imageSource'
import { diffConfigs } from './configDiff'
import { alignLayers, withDiffIds } from './layerAlignment'
import type { ResolvedImage } from './resolveImage'
import { DEFAULT_PLATFORM, resolveSingleImage } from './resolveImage'

export interface CompareOptions extends SourceCallOptions {
  /** Platform to pick from an index, on both sides unless rightPlatform is given. */
  readonly platform?: Platform
  readonly rightPlatform?: Platform
}

export async function compareImages(
  left: ImageSource,
  right: ImageSource,
  options: CompareOptions = {},
): Promise<ImageComparison> {
  const platform = options.platform ?? DEFAULT_PLATFORM
  const call = options.signal !== undefined ? { signal: options.signal } : {}
  const [a, b] = await Promise.all([
    resolveSingleImage(left, platform, call),
    resolveSingleImage(right, options.rightPlatform ?? platform, call),
  ])
  return compareResolved(a, b)
}

export function compareResolved(a: ResolvedImage, b: ResolvedImage): ImageComparison {
  const warnings: string[] = []
  for (const { side, manifest, config } of [a, b]) {
    if (config.rootfs.diff_ids.length !== manifest.layers.length) {
      warnings.push(
        `${side.ref}: the config lists ${config.rootfs.diff_ids.length} diff IDs for ${manifest.layers.length} layers; layers are matched by digest only`,
      )
    }
  }
  return {
    left: a.side,
    right: b.side,
    identical: a.side.manifestDigest === b.side.manifestDigest,
    config: diffConfigs(a.config, b.config),
    layers: alignLayers(
      withDiffIds(a.manifest.layers, a.config.rootfs.diff_ids),
      withDiffIds(b.manifest.layers, b.config.rootfs.diff_ids),
    ),
    warnings,
  }
}
