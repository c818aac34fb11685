// Every media type Strata knows, with the plain-language name the graph shows and one line a
// teacher can read out. Kinds drive how an object is fetched and drawn.

import type { ObjectWords } from './objectWords'

export type ObjectKind = 'index' | 'manifest' | 'schema1' | 'config' | 'layer' | 'artifact'

export type LayerCompression = 'gzip' | 'zstd' | 'none' | 'foreign'

export interface MediaTypeInfo {
  readonly mediaType: string
  readonly kind: ObjectKind
  /** Short name for a graph node: "OCI index", "gzip layer". */
  readonly label: string
  /** One sentence saying what this document or blob is. */
  readonly explanation: string
  /** The same two, as keys the renderer words in the language shown. */
  readonly words: ObjectWords
  readonly compression?: LayerCompression
}

export const MEDIA_TYPES = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  ociLayer: 'application/vnd.oci.image.layer.v1.tar',
  ociLayerGzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
  ociLayerZstd: 'application/vnd.oci.image.layer.v1.tar+zstd',
  ociLayerNondistributable: 'application/vnd.oci.image.layer.nondistributable.v1.tar',
  ociLayerNondistributableGzip: 'application/vnd.oci.image.layer.nondistributable.v1.tar+gzip',
  ociLayerNondistributableZstd: 'application/vnd.oci.image.layer.nondistributable.v1.tar+zstd',
  ociEmpty: 'application/vnd.oci.empty.v1+json',
  dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerSchema1: 'application/vnd.docker.distribution.manifest.v1+json',
  dockerSchema1Signed: 'application/vnd.docker.distribution.manifest.v1+prettyjws',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
  dockerLayerGzip: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
  dockerLayerForeign: 'application/vnd.docker.image.rootfs.foreign.diff.tar.gzip',
  dockerPluginConfig: 'application/vnd.docker.plugin.v1+json',
} as const

const TABLE: readonly MediaTypeInfo[] = [
  {
    mediaType: MEDIA_TYPES.ociIndex,
    kind: 'index',
    label: 'OCI index',
    explanation:
      'Points at several manifests, usually one per platform, so one tag can serve many machines.',
    words: { label: 'ociIndex', explanation: 'ociIndex' },
  },
  {
    mediaType: MEDIA_TYPES.dockerManifestList,
    kind: 'index',
    label: 'Docker manifest list',
    explanation: "Docker's older form of an index: one manifest per platform behind one tag.",
    words: { label: 'dockerManifestList', explanation: 'dockerManifestList' },
  },
  {
    mediaType: MEDIA_TYPES.ociManifest,
    kind: 'manifest',
    label: 'OCI image manifest',
    explanation: 'Names one configuration and the ordered list of layers that make one image.',
    words: { label: 'ociManifest', explanation: 'ociManifest' },
  },
  {
    mediaType: MEDIA_TYPES.dockerManifest,
    kind: 'manifest',
    label: 'Docker image manifest',
    explanation: "Docker's schema 2 manifest: a config and ordered layers, the shape OCI adopted.",
    words: { label: 'dockerManifest', explanation: 'dockerManifest' },
  },
  {
    mediaType: MEDIA_TYPES.dockerSchema1,
    kind: 'schema1',
    label: 'Docker schema 1 manifest',
    explanation:
      'The retired first Docker format, shown read-only: fsLayers lists the layers top first and history[].v1Compatibility carries each layer’s config.',
    words: { label: 'dockerSchema1', explanation: 'dockerSchema1' },
  },
  {
    mediaType: MEDIA_TYPES.dockerSchema1Signed,
    kind: 'schema1',
    label: 'Docker schema 1 manifest (signed)',
    explanation:
      'The retired first Docker format with a JWS signature, shown read-only: fsLayers lists the layers top first; the digest covers the document without its signatures.',
    words: { label: 'dockerSchema1Signed', explanation: 'dockerSchema1Signed' },
  },
  {
    mediaType: MEDIA_TYPES.ociConfig,
    kind: 'config',
    label: 'OCI image config',
    explanation:
      'The image settings (command, environment, user) and the build history, plus the diff IDs of the layers.',
    words: { label: 'ociConfig', explanation: 'ociConfig' },
  },
  {
    mediaType: MEDIA_TYPES.dockerConfig,
    kind: 'config',
    label: 'Docker image config',
    explanation: "Docker's image configuration: command, environment, history and layer diff IDs.",
    words: { label: 'dockerConfig', explanation: 'dockerConfig' },
  },
  {
    mediaType: MEDIA_TYPES.ociEmpty,
    kind: 'config',
    label: 'empty config',
    explanation:
      'The two-byte "{}" blob artifacts use when they have no configuration of their own.',
    words: { label: 'emptyConfig', explanation: 'emptyConfig' },
  },
  {
    mediaType: MEDIA_TYPES.ociLayerGzip,
    kind: 'layer',
    label: 'gzip layer',
    compression: 'gzip',
    explanation: 'A gzip-compressed tar of the files this step added, changed or deleted.',
    words: { label: 'gzipLayer', explanation: 'gzipLayer' },
  },
  {
    mediaType: MEDIA_TYPES.ociLayerZstd,
    kind: 'layer',
    label: 'zstd layer',
    compression: 'zstd',
    explanation: 'A zstd-compressed tar of file changes: faster to unpack than gzip.',
    words: { label: 'zstdLayer', explanation: 'zstdLayer' },
  },
  {
    mediaType: MEDIA_TYPES.ociLayer,
    kind: 'layer',
    label: 'tar layer',
    compression: 'none',
    explanation: 'An uncompressed tar of file changes.',
    words: { label: 'tarLayer', explanation: 'tarLayer' },
  },
  {
    mediaType: MEDIA_TYPES.dockerLayerGzip,
    kind: 'layer',
    label: 'Docker gzip layer',
    compression: 'gzip',
    explanation: "Docker's name for a gzip-compressed tar of file changes.",
    words: { label: 'dockerGzipLayer', explanation: 'dockerGzipLayer' },
  },
  {
    mediaType: MEDIA_TYPES.dockerLayerForeign,
    kind: 'layer',
    label: 'foreign layer',
    compression: 'foreign',
    explanation:
      'A layer stored elsewhere (its descriptor lists URLs), typically Windows base layers.',
    words: { label: 'foreignLayer', explanation: 'foreignLayer' },
  },
  {
    mediaType: MEDIA_TYPES.ociLayerNondistributable,
    kind: 'layer',
    label: 'non-distributable layer',
    compression: 'foreign',
    explanation: 'A layer that registries may not redistribute (deprecated in image-spec 1.1).',
    words: { label: 'nondistributableLayer', explanation: 'nondistributableLayer' },
  },
  {
    mediaType: MEDIA_TYPES.ociLayerNondistributableGzip,
    kind: 'layer',
    label: 'non-distributable gzip layer',
    compression: 'foreign',
    explanation: 'A gzip layer that registries may not redistribute (deprecated).',
    words: { label: 'nondistributableGzipLayer', explanation: 'nondistributableGzipLayer' },
  },
  {
    mediaType: MEDIA_TYPES.ociLayerNondistributableZstd,
    kind: 'layer',
    label: 'non-distributable zstd layer',
    compression: 'foreign',
    explanation: 'A zstd layer that registries may not redistribute (deprecated).',
    words: { label: 'nondistributableZstdLayer', explanation: 'nondistributableZstdLayer' },
  },
  {
    mediaType: MEDIA_TYPES.dockerPluginConfig,
    kind: 'config',
    label: 'Docker plugin config',
    explanation: 'The configuration of a Docker Engine plugin, not of a container image.',
    words: { label: 'dockerPluginConfig', explanation: 'dockerPluginConfig' },
  },
]

const BY_TYPE = new Map(TABLE.map((info) => [info.mediaType, info]))

export function allMediaTypes(): readonly MediaTypeInfo[] {
  return TABLE
}

/** Known info for a media type, or undefined for anything Strata has no entry for. */
export function mediaTypeInfo(mediaType: string): MediaTypeInfo | undefined {
  return BY_TYPE.get(stripParameters(mediaType))
}

/** Media types that name manifests and indexes: the Accept list for manifest requests. */
export function manifestMediaTypes(): readonly string[] {
  return TABLE.filter(
    (t) => t.kind === 'index' || t.kind === 'manifest' || t.kind === 'schema1',
  ).map((t) => t.mediaType)
}

export function isIndexMediaType(mediaType: string): boolean {
  return mediaTypeInfo(mediaType)?.kind === 'index'
}

export function isManifestMediaType(mediaType: string): boolean {
  const kind = mediaTypeInfo(mediaType)?.kind
  return kind === 'manifest' || kind === 'index' || kind === 'schema1'
}

/**
 * Guess for media types not in the table: layers by their +gzip/+zstd/.tar suffix, anything
 * else is an artifact blob. Used to label nodes; never to decide how to verify bytes.
 */
export function describeMediaType(mediaType: string): MediaTypeInfo {
  const known = mediaTypeInfo(mediaType)
  if (known) return known
  const bare = stripParameters(mediaType)
  if (/\.tar\+gzip$|\.tar\.gzip$/.test(bare)) {
    return {
      mediaType: bare,
      kind: 'layer',
      label: 'gzip layer',
      compression: 'gzip',
      explanation: 'A gzip-compressed tar (media type not in the image spec).',
      words: { label: 'gzipLayer', explanation: 'guessedGzipLayer' },
    }
  }
  if (/\.tar\+zstd$/.test(bare)) {
    return {
      mediaType: bare,
      kind: 'layer',
      label: 'zstd layer',
      compression: 'zstd',
      explanation: 'A zstd-compressed tar (media type not in the image spec).',
      words: { label: 'zstdLayer', explanation: 'guessedZstdLayer' },
    }
  }
  if (/\.tar$/.test(bare)) {
    return {
      mediaType: bare,
      kind: 'layer',
      label: 'tar layer',
      compression: 'none',
      explanation: 'An uncompressed tar (media type not in the image spec).',
      words: { label: 'tarLayer', explanation: 'guessedTarLayer' },
    }
  }
  return {
    mediaType: bare,
    kind: 'artifact',
    label: 'artifact blob',
    explanation: 'A blob of a type Strata does not interpret: shown as it is.',
    words: { label: 'artifactBlob', explanation: 'artifactBlob' },
  }
}

function stripParameters(mediaType: string): string {
  return mediaType.split(';')[0]?.trim().toLowerCase() ?? ''
}
