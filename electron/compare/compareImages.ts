// Compares two images from any sources: each resolved to one platform image (the one Files
// shows; without a platform asked for, the right side takes the left's platform when it has
// it, so two multi-platform indexes are compared like for like), then configs and layers
// diffed. The file-level diff is added by the layer reader later (ImageComparison.files);
// this module leaves it absent.

import type { CompareWarning, ImageComparison } from '../../shared/api/compare'
import { StrataError } from '../../shared/errors'
import type { Platform } from '../../shared/oci/types'
import type { ImageSource, SourceCallOptions } from '../sources/imageSource'
import { diffConfigs } from './configDiff'
import { alignLayers, withDiffIds } from './layerAlignment'
import type { ResolvedImage } from './resolveImage'
import { resolveSingleImage } from './resolveImage'

export interface CompareOptions extends SourceCallOptions {
  /**
   * Platform to pick from an index, on both sides unless rightPlatform is given; default the
   * left's first runnable image, and the same platform on the right where it has one.
   */
  readonly platform?: Platform
  readonly rightPlatform?: Platform
  /** Configs compared without creation times (the rest of semantic compare is in handlers). */
  readonly semantic?: boolean
}

export async function compareImages(
  left: ImageSource,
  right: ImageSource,
  options: CompareOptions = {},
): Promise<ImageComparison> {
  const call = options.signal !== undefined ? { signal: options.signal } : {}
  const semantic = options.semantic === true
  const rightPlatform = options.rightPlatform ?? options.platform
  if (options.platform !== undefined || rightPlatform !== undefined) {
    const [a, b] = await Promise.all([
      resolveSingleImage(left, options.platform, call),
      resolveSingleImage(right, rightPlatform, call),
    ])
    return compareResolved(a, b, semantic)
  }
  const a = await resolveSingleImage(left, undefined, call)
  return compareResolved(a, await resolveLike(right, a.side.platform, call), semantic)
}

/** The right side on the left's platform when it has that image, else its own default. */
async function resolveLike(
  source: ImageSource,
  platform: Platform | undefined,
  call: SourceCallOptions,
): Promise<ResolvedImage> {
  if (platform === undefined) return resolveSingleImage(source, undefined, call)
  try {
    return await resolveSingleImage(source, platform, call)
  } catch (error) {
    if (!isMissingPlatform(error)) throw error
    return resolveSingleImage(source, undefined, call)
  }
}

/** openImage's "this index has no such platform" (not a missing tag or blob). */
function isMissingPlatform(error: unknown): boolean {
  return (
    error instanceof StrataError &&
    error.code === 'NOT_FOUND' &&
    error.detail?.subject === 'platform'
  )
}

export function compareResolved(
  a: ResolvedImage,
  b: ResolvedImage,
  semantic = false,
): ImageComparison {
  const warnings: CompareWarning[] = []
  for (const { side, manifest, config } of [a, b]) {
    if (config.rootfs.diff_ids.length !== manifest.layers.length) {
      warnings.push({
        kind: 'diffIdCount',
        ref: side.ref,
        diffIds: config.rootfs.diff_ids.length,
        layers: manifest.layers.length,
      })
    }
  }
  return {
    left: a.side,
    right: b.side,
    identical: a.side.manifestDigest === b.side.manifestDigest,
    mode: semantic ? 'semantic' : 'exact',
    config: diffConfigs(a.config, b.config, { semantic }),
    layers: alignLayers(
      withDiffIds(a.manifest.layers, a.config.rootfs.diff_ids),
      withDiffIds(b.manifest.layers, b.config.rootfs.diff_ids),
    ),
    warnings,
  }
}
