// One side of a comparison: the image a reference means, as sources/openImage picks it (the
// same image the Files tab shows), with its validated config and the side's description.

import type { CompareSide } from '../../shared/api/compare'
import type { ImageConfig, ImageManifest, Platform } from '../../shared/oci/types'
import type { ImageSource, SourceCallOptions } from '../sources/imageSource'
import { openImage } from '../sources/openImage'

export interface ResolvedImage {
  readonly side: CompareSide
  readonly manifest: ImageManifest
  readonly config: ImageConfig
}

/** What an artifact (a manifest whose config is not an image config) compares as. */
const NO_IMAGE_CONFIG: ImageConfig = Object.freeze({
  architecture: '',
  os: '',
  rootfs: Object.freeze({ type: '', diff_ids: [] }),
})

/** The image `source` names for `platform` (default: openImage's, the first runnable one). */
export async function resolveSingleImage(
  source: ImageSource,
  platform: Platform | undefined,
  options: SourceCallOptions = {},
): Promise<ResolvedImage> {
  const image = await openImage(source, {
    ...(platform !== undefined ? { platform } : {}),
    ...(options.signal !== undefined ? { signal: options.signal } : {}),
  })
  const config = image.config ?? NO_IMAGE_CONFIG
  const found = image.platform ?? platformOfConfig(config)
  const side: CompareSide = {
    ref: source.ref,
    sourceLabel: source.label,
    rootDigest: image.root.digest,
    manifestDigest: image.descriptor.digest,
    configDigest: image.manifest.config.digest,
    ...(found !== undefined ? { platform: found } : {}),
  }
  return { side, manifest: image.manifest, config }
}

function platformOfConfig(config: ImageConfig): Platform | undefined {
  if (config.os === '' || config.architecture === '') return undefined
  return {
    os: config.os,
    architecture: config.architecture,
    ...(config.variant !== undefined ? { variant: config.variant } : {}),
  }
}
