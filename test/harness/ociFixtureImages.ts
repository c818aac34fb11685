// Builds the small images the registry fixtures push: a shared base layer, per-architecture
// layers, configs whose history reads like a Dockerfile, and the index shapes the graph must
// handle. All content is deterministic, so digests are the same on every run.

import type { Descriptor, HistoryEntry, Platform } from '../../shared/oci/types'
import { DOCKER, OCI } from './ociBuilder'
import type { LayerDescriptor, OciLayoutBuilder, TarEntrySpec } from './ociBuilder'

export const BASE_FILES: readonly TarEntrySpec[] = [
  { type: 'dir', path: 'etc' },
  {
    type: 'file',
    path: 'etc/os-release',
    content:
      'NAME="Strata Test Linux"\nID=strata\nVERSION_ID=1.0\nPRETTY_NAME="Strata Test Linux 1.0"\n',
  },
  { type: 'file', path: 'etc/motd', content: 'Welcome to a fixture image.\n' },
  { type: 'dir', path: 'bin' },
  {
    type: 'file',
    path: 'bin/busybox',
    content: '#!/bin/sh\necho "not really busybox"\n',
    mode: 0o755,
  },
  { type: 'symlink', path: 'bin/sh', target: 'busybox' },
  { type: 'dir', path: 'tmp', mode: 0o1777 },
]

export interface ImageParts {
  readonly manifest: Descriptor
  readonly config: Descriptor
  readonly layers: readonly LayerDescriptor[]
}

export interface FixtureImageOptions {
  readonly platform: Platform
  /** Files of the image's own top layer (the base layer is shared). */
  readonly appFiles: readonly TarEntrySpec[]
  readonly docker?: boolean
  readonly history?: readonly HistoryEntry[]
  readonly descriptorAnnotations?: Readonly<Record<string, string>>
}

export function platformString(platform: Platform): string {
  return [platform.os, platform.architecture, platform.variant].filter(Boolean).join('/')
}

/** A two-layer image: the shared base plus `appFiles`, with an ENV step as an empty layer. */
export function addFixtureImage(
  builder: OciLayoutBuilder,
  options: FixtureImageOptions,
): ImageParts {
  const docker = options.docker === true
  const layerOptions = docker
    ? { compression: 'gzip' as const, mediaType: DOCKER.layerGzip }
    : { compression: 'gzip' as const }
  const base = builder.addLayer(BASE_FILES, layerOptions)
  const app = builder.addLayer(options.appFiles, layerOptions)
  const history: readonly HistoryEntry[] = options.history ?? [
    { created: '2024-01-01T00:00:00Z', created_by: 'ADD rootfs.tar / # buildkit', comment: 'base' },
    { created: '2024-01-01T00:00:01Z', created_by: 'ENV APP_MODE=demo', empty_layer: true },
    { created: '2024-01-01T00:00:02Z', created_by: 'COPY app/ /app/ # buildkit' },
  ]
  const config = builder.addConfig(
    {
      created: '2024-01-01T00:00:02Z',
      architecture: options.platform.architecture,
      os: options.platform.os,
      ...(options.platform.variant !== undefined ? { variant: options.platform.variant } : {}),
      config: {
        Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'APP_MODE=demo'],
        Cmd: ['/app/run'],
        WorkingDir: '/app',
      },
      rootfs: { type: 'layers', diff_ids: [base.diffId, app.diffId] },
      history,
    },
    docker ? DOCKER.config : OCI.config,
  )
  const manifest = builder.addManifest({
    config,
    layers: [base, app],
    mediaType: docker ? DOCKER.manifest : OCI.manifest,
    platform: options.platform,
    ...(options.descriptorAnnotations
      ? { descriptorAnnotations: options.descriptorAnnotations }
      : {}),
  })
  return { manifest, config, layers: [base, app] }
}

export function appFilesFor(label: string): readonly TarEntrySpec[] {
  return [
    { type: 'dir', path: 'app' },
    {
      type: 'file',
      path: 'app/run',
      content: `#!/bin/sh\necho "hello from ${label}"\n`,
      mode: 0o755,
    },
    { type: 'file', path: 'app/build-info.txt', content: `built for ${label}\n` },
  ]
}

/**
 * A BuildKit-style attestation manifest for `subject`: platform unknown/unknown, pointing back
 * with vnd.docker.reference.digest, one in-toto layer.
 */
export function addAttestation(builder: OciLayoutBuilder, subject: Descriptor): Descriptor {
  const statement = builder.addBlob(
    new TextEncoder().encode(
      JSON.stringify({
        _type: 'https://in-toto.io/Statement/v0.1',
        predicateType: 'https://spdx.dev/Document',
        subject: [{ name: 'fixture', digest: { sha256: subject.digest.slice(7) } }],
        predicate: { spdxVersion: 'SPDX-2.3', name: 'fixture-sbom', packages: [] },
      }),
    ),
    'application/vnd.in-toto+json',
    { annotations: { 'in-toto.io/predicate-type': 'https://spdx.dev/Document' } },
  )
  const config = builder.addConfig({
    architecture: 'unknown',
    os: 'unknown',
    config: {},
    rootfs: { type: 'layers', diff_ids: [statement.digest] },
  })
  return builder.addManifest({
    config,
    layers: [statement],
    platform: { architecture: 'unknown', os: 'unknown' },
    descriptorAnnotations: {
      'vnd.docker.reference.digest': subject.digest,
      'vnd.docker.reference.type': 'attestation-manifest',
    },
  })
}

/** An artifact manifest (empty config, one JSON layer) whose `subject` is `subject`. */
export function addArtifact(
  builder: OciLayoutBuilder,
  subject: Descriptor,
  artifactType: string,
): Descriptor {
  const payload = builder.addBlob(
    new TextEncoder().encode(JSON.stringify({ reviewed: true, by: 'strata-fixtures' })),
    'application/json',
    { annotations: { 'org.opencontainers.image.title': 'review.json' } },
  )
  return builder.addManifest({
    artifactType,
    config: builder.addEmptyConfig(),
    layers: [payload],
    subject,
    annotations: { 'org.opencontainers.image.created': '2024-01-01T00:00:00Z' },
  })
}
