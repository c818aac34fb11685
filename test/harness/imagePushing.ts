// Small images pushed straight to a test registry for the api tests: layers from tar entry
// specs, a config, a manifest under tags; artifacts with a subject listed in the
// distribution-spec fallback tag (sha256-<hex>), for registries without the Referrers API.

import type { Annotations, Descriptor, Platform } from '../../shared/oci/types'
import { OCI, OciLayoutBuilder } from './ociBuilder'
import type { LayerDescriptor, TarEntrySpec } from './ociBuilder'
import { RegistryPusher } from './ociPusher'

export interface PushedTestImage {
  readonly digest: string
  readonly manifest: Descriptor
  readonly config: Descriptor
  readonly layers: readonly LayerDescriptor[]
  /** The builder holding every blob, to push more from or read sizes. */
  readonly builder: OciLayoutBuilder
}

export interface TestImageSpec {
  /** Layers bottom first, each a list of tar entries (gzip-compressed). */
  readonly layers: readonly (readonly TarEntrySpec[])[]
  readonly platform?: Platform
  readonly env?: readonly string[]
  readonly created?: string
  readonly labels?: Readonly<Record<string, string>>
}

export function buildTestImage(builder: OciLayoutBuilder, spec: TestImageSpec): PushedTestImage {
  const platform = spec.platform ?? { os: 'linux', architecture: 'amd64' }
  const layers = spec.layers.map((files) => builder.addLayer(files, { compression: 'gzip' }))
  const config = builder.addConfig({
    ...(spec.created !== undefined ? { created: spec.created } : {}),
    architecture: platform.architecture,
    os: platform.os,
    config: {
      Env: spec.env ?? ['PATH=/usr/bin:/bin'],
      ...(spec.labels !== undefined ? { Labels: spec.labels } : {}),
    },
    rootfs: { type: 'layers', diff_ids: layers.map((l) => l.diffId) },
    history: layers.map((_, i) => ({ created_by: `RUN step ${i + 1}` })),
  })
  const manifest = builder.addManifest({ config, layers })
  return { digest: manifest.digest, manifest, config, layers, builder }
}

/** Builds and pushes an image under `tags` (or by digest when none). */
export async function pushTestImage(
  host: string,
  repository: string,
  tags: readonly string[],
  spec: TestImageSpec,
  builder: OciLayoutBuilder = new OciLayoutBuilder('/nonexistent'),
): Promise<PushedTestImage> {
  const image = buildTestImage(builder, spec)
  await new RegistryPusher({ host }).pushTree(
    repository,
    image.digest,
    OCI.manifest,
    (digest) => builder.getBlob(digest),
    tags,
  )
  return image
}

export interface TestArtifactSpec {
  readonly artifactType: string
  readonly annotations?: Annotations
  readonly payload: string
}

export interface PushedReferrers {
  readonly fallbackTag: string
  readonly fallbackIndexDigest: string
  readonly artifacts: readonly Descriptor[]
}

/**
 * Artifacts whose subject is `subject`, pushed by digest, and the fallback-tag index listing
 * them (with artifactType and annotations on each descriptor, as the spec asks of pushers).
 */
export async function pushReferrersWithFallbackTag(
  host: string,
  repository: string,
  subject: Descriptor,
  specs: readonly TestArtifactSpec[],
): Promise<PushedReferrers> {
  const builder = new OciLayoutBuilder('/nonexistent')
  const pusher = new RegistryPusher({ host })
  const blobs = (digest: string): Uint8Array | undefined => builder.getBlob(digest)
  const artifacts: Descriptor[] = []
  for (const spec of specs) {
    const payload = builder.addBlob(new TextEncoder().encode(spec.payload), 'application/json')
    const manifest = builder.addManifest({
      artifactType: spec.artifactType,
      config: builder.addEmptyConfig(),
      layers: [payload],
      subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
      ...(spec.annotations !== undefined ? { annotations: spec.annotations } : {}),
    })
    await pusher.pushTree(repository, manifest.digest, OCI.manifest, blobs)
    artifacts.push({
      ...manifest,
      ...(spec.annotations !== undefined ? { annotations: spec.annotations } : {}),
    })
  }
  const index = builder.addIndex({ manifests: artifacts })
  const fallbackTag = subject.digest.replace(':', '-')
  await pusher.pushTree(repository, index.digest, OCI.index, blobs, [fallbackTag])
  return { fallbackTag, fallbackIndexDigest: index.digest, artifacts }
}
