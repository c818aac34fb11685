// The media types of a manifest Strata writes itself (docker save's legacy archives, the
// Docker daemon's export, containers-storage layers served uncompressed). One document keeps
// to one family: a Docker v2 manifest names Docker configs and layers, an OCI manifest OCI
// ones, as skopeo and docker write them.

import { MEDIA_TYPES } from '../../shared/oci/mediaTypes'

/** Docker's uncompressed layer; the OCI image spec has no entry for it. */
export const DOCKER_LAYER_TAR = 'application/vnd.docker.image.rootfs.diff.tar'

export type SynthesizedCompression = 'gzip' | 'zstd' | 'none'

export interface MediaTypeFamily {
  readonly manifest: string
  readonly config: string
  layer(compression: SynthesizedCompression): string
}

export const DOCKER_V2_TYPES: MediaTypeFamily = {
  manifest: MEDIA_TYPES.dockerManifest,
  config: MEDIA_TYPES.dockerConfig,
  // Docker's v2 schema has no zstd layer; familyForLayers picks OCI for those.
  layer: (compression) =>
    compression === 'gzip'
      ? MEDIA_TYPES.dockerLayerGzip
      : compression === 'zstd'
        ? MEDIA_TYPES.ociLayerZstd
        : DOCKER_LAYER_TAR,
}

export const OCI_TYPES: MediaTypeFamily = {
  manifest: MEDIA_TYPES.ociManifest,
  config: MEDIA_TYPES.ociConfig,
  layer: (compression) =>
    compression === 'gzip'
      ? MEDIA_TYPES.ociLayerGzip
      : compression === 'zstd'
        ? MEDIA_TYPES.ociLayerZstd
        : MEDIA_TYPES.ociLayer,
}

/** Docker's family unless a layer is zstd, which only OCI's can name. */
export function familyForLayers(compressions: readonly SynthesizedCompression[]): MediaTypeFamily {
  return compressions.includes('zstd') ? OCI_TYPES : DOCKER_V2_TYPES
}

/** The family a stored manifest's media type belongs to (OCI when it has none). */
export function familyOfManifest(mediaType: string | undefined): MediaTypeFamily {
  const bare = mediaType?.split(';')[0]?.trim().toLowerCase()
  return bare === MEDIA_TYPES.dockerManifest ? DOCKER_V2_TYPES : OCI_TYPES
}

export function isUncompressedLayerType(mediaType: string): boolean {
  return mediaType === MEDIA_TYPES.ociLayer || mediaType === DOCKER_LAYER_TAR
}
