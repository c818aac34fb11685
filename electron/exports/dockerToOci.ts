// An OCI layout holds OCI documents: skopeo and umoci read only OCI manifests and indexes from
// index.json. A Docker v2 schema 2 manifest or manifest list is therefore rewritten with the
// OCI media types, as `skopeo copy` does for an oci: destination. The config and layer blobs
// keep their bytes and digests; the rewritten document gets a new digest (the result reports
// the source's one beside it).

import { createHash } from 'node:crypto'
import { MEDIA_TYPES } from '../../shared/oci/mediaTypes'
import type { Descriptor, ImageIndex, ImageManifest } from '../../shared/oci/types'

const OCI_TYPE_OF: Readonly<Record<string, string>> = {
  [MEDIA_TYPES.dockerConfig]: MEDIA_TYPES.ociConfig,
  [MEDIA_TYPES.dockerLayerGzip]: MEDIA_TYPES.ociLayerGzip,
  'application/vnd.docker.image.rootfs.diff.tar': MEDIA_TYPES.ociLayer,
  [MEDIA_TYPES.dockerLayerForeign]: MEDIA_TYPES.ociLayerNondistributableGzip,
  [MEDIA_TYPES.dockerManifest]: MEDIA_TYPES.ociManifest,
  [MEDIA_TYPES.dockerManifestList]: MEDIA_TYPES.ociIndex,
}

export function isDockerDocument(mediaType: string): boolean {
  return mediaType === MEDIA_TYPES.dockerManifest || mediaType === MEDIA_TYPES.dockerManifestList
}

/** The descriptor as an OCI document names it: media type mapped, known fields only. */
function ociDescriptor(descriptor: Descriptor): Descriptor {
  return {
    mediaType: OCI_TYPE_OF[descriptor.mediaType] ?? descriptor.mediaType,
    digest: descriptor.digest,
    size: descriptor.size,
    ...(descriptor.urls !== undefined ? { urls: descriptor.urls } : {}),
    ...(descriptor.annotations !== undefined ? { annotations: descriptor.annotations } : {}),
    ...(descriptor.platform !== undefined ? { platform: descriptor.platform } : {}),
  }
}

export interface RewrittenDocument {
  readonly descriptor: Descriptor
  readonly bytes: Uint8Array
}

function written(json: unknown, named: Descriptor, mediaType: string): RewrittenDocument {
  const bytes = new TextEncoder().encode(JSON.stringify(json))
  const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`
  return {
    descriptor: { ...ociDescriptor(named), mediaType, digest, size: bytes.byteLength },
    bytes,
  }
}

/** A Docker v2 schema 2 manifest as an OCI image manifest; `named` is how its parent named it. */
export function ociManifestOf(document: ImageManifest, named: Descriptor): RewrittenDocument {
  const json = {
    schemaVersion: 2,
    mediaType: MEDIA_TYPES.ociManifest,
    config: ociDescriptor(document.config),
    layers: document.layers.map(ociDescriptor),
    ...(document.annotations !== undefined ? { annotations: document.annotations } : {}),
  }
  return written(json, named, MEDIA_TYPES.ociManifest)
}

/** An index (Docker list or OCI) whose children are now `children` (rewritten or not). */
export function ociIndexOf(
  document: ImageIndex,
  named: Descriptor,
  children: readonly Descriptor[],
): RewrittenDocument {
  const json = {
    schemaVersion: 2,
    mediaType: MEDIA_TYPES.ociIndex,
    ...(document.artifactType !== undefined ? { artifactType: document.artifactType } : {}),
    manifests: children.map(ociDescriptor),
    ...(document.subject !== undefined ? { subject: ociDescriptor(document.subject) } : {}),
    ...(document.annotations !== undefined ? { annotations: document.annotations } : {}),
  }
  return written(json, named, MEDIA_TYPES.ociIndex)
}
