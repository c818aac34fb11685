// The OCI-layout samples about one image's structure: an index with platforms and
// attestations, one image in two media-type families, a build history with empty layers, and
// whiteouts over three layers. Each function fills a builder; buildSamples.ts writes it.

import type { Descriptor, Platform } from '../../../shared/oci/types'
import { DOCKER, OCI, OciLayoutBuilder } from '../ociBuilder'
import type { LayerDescriptor, TarEntrySpec } from '../ociBuilder'
import {
  appLayer,
  archLayer,
  baseLayer,
  cleanupLayer,
  SAMPLE_CREATED,
  sampleHistory,
} from '../ociSampleContent'
import { datedEntries, json } from './sampleFiles'

const gzip = { compression: 'gzip' as const }
const PATH_ENV = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'

export const PLATFORMS: readonly Platform[] = [
  { os: 'linux', architecture: 'amd64' },
  { os: 'linux', architecture: 'arm64', variant: 'v8' },
]

/** The in-toto predicate types buildx attaches: an SBOM and SLSA provenance. */
export const SBOM_PREDICATE = 'https://spdx.dev/Document'
export const PROVENANCE_PREDICATE = 'https://slsa.dev/provenance/v0.2'
export const IN_TOTO = 'application/vnd.in-toto+json'

/**
 * multi-platform: an index (tag "demo") of linux/amd64 and linux/arm64/v8 images, each
 * followed by a buildx-style attestation manifest (platform unknown/unknown, annotated with
 * the image it describes) carrying an SPDX SBOM and a provenance statement as in-toto layers.
 */
export function multiPlatform(dir: string): OciLayoutBuilder {
  const builder = new OciLayoutBuilder(dir)
  const base = builder.addLayer(datedEntries(baseLayer, SAMPLE_CREATED), gzip)
  const cleanup = builder.addLayer(datedEntries(cleanupLayer, SAMPLE_CREATED), gzip)
  const app = builder.addLayer(datedEntries(appLayer, SAMPLE_CREATED), gzip)
  const manifests: Descriptor[] = []
  for (const platform of PLATFORMS) {
    const arch = builder.addLayer(
      datedEntries(archLayer(platform.architecture), SAMPLE_CREATED),
      gzip,
    )
    const layers = [base, arch, cleanup, app]
    const config = builder.addConfig({
      created: SAMPLE_CREATED,
      architecture: platform.architecture,
      os: platform.os,
      ...(platform.variant !== undefined ? { variant: platform.variant } : {}),
      config: {
        User: 'app',
        ExposedPorts: { '8080/tcp': {} },
        Env: [PATH_ENV, 'APP_PORT=8080'],
        Cmd: ['/app/server.sh'],
        WorkingDir: '/app',
      },
      rootfs: { type: 'layers', diff_ids: layers.map((layer) => layer.diffId) },
      history: sampleHistory.map((step) => ({ created: SAMPLE_CREATED, ...step })),
    })
    const image = builder.addManifest({ config, layers, platform })
    manifests.push(image, attestation(builder, image, platform))
  }
  const index = builder.addIndex({
    manifests,
    annotations: { 'org.opencontainers.image.created': SAMPLE_CREATED },
  })
  builder.tag('demo', index)
  return builder
}

/** The attestation manifest buildx writes next to an image: two in-toto statements. */
function attestation(builder: OciLayoutBuilder, image: Descriptor, platform: Platform): Descriptor {
  const name = `pkg:docker/strata/demo@1.0?platform=${encodeURIComponent(platformText(platform))}`
  const subject = [{ name, digest: { sha256: image.digest.slice('sha256:'.length) } }]
  const statement = (predicateType: string, predicate: unknown): Uint8Array =>
    json({ _type: 'https://in-toto.io/Statement/v0.1', predicateType, subject, predicate })
  const sbom = builder.addBlob(
    statement(SBOM_PREDICATE, {
      spdxVersion: 'SPDX-2.3',
      dataLicense: 'CC0-1.0',
      SPDXID: 'SPDXRef-DOCUMENT',
      name: `strata/demo (${platformText(platform)})`,
      documentNamespace: `https://example.invalid/strata/demo/${platform.architecture}`,
      creationInfo: { created: SAMPLE_CREATED, creators: ['Tool: strata-samples'] },
      packages: [
        { name: 'greet', SPDXID: 'SPDXRef-greet', versionInfo: '1.0', downloadLocation: 'NONE' },
        {
          name: 'strata-sample-base',
          SPDXID: 'SPDXRef-base',
          versionInfo: '1.0',
          downloadLocation: 'NONE',
        },
      ],
    }),
    IN_TOTO,
    { annotations: { 'in-toto.io/predicate-type': SBOM_PREDICATE } },
  )
  const provenance = builder.addBlob(
    statement(PROVENANCE_PREDICATE, {
      builder: { id: 'https://example.invalid/strata/builder' },
      buildType: 'https://mobyproject.org/buildkit@v1',
      invocation: { configSource: { entryPoint: 'Dockerfile' } },
      metadata: { buildStartedOn: SAMPLE_CREATED, buildFinishedOn: SAMPLE_CREATED },
    }),
    IN_TOTO,
    { annotations: { 'in-toto.io/predicate-type': PROVENANCE_PREDICATE } },
  )
  const config = builder.addConfig({
    architecture: 'unknown',
    os: 'unknown',
    config: {},
    rootfs: { type: 'layers', diff_ids: [sbom.digest, provenance.digest] },
  })
  return builder.addManifest({
    config,
    layers: [sbom, provenance],
    platform: { architecture: 'unknown', os: 'unknown' },
    descriptorAnnotations: {
      'vnd.docker.reference.digest': image.digest,
      'vnd.docker.reference.type': 'attestation-manifest',
    },
  })
}

function platformText(platform: Platform): string {
  const variant = platform.variant !== undefined ? `/${platform.variant}` : ''
  return `${platform.os}/${platform.architecture}${variant}`
}

/**
 * media-types: one image written twice, with the same files and config: in OCI media types
 * (tag "oci") and in Docker v2 schema 2 media types (tag "docker"). The layer bytes are the
 * same, so the layer digests agree; only the documents' media types differ. (skopeo and umoci
 * read only the OCI-typed entries of a layout's index.json, so "docker" is for Strata to show;
 * the tests check that they pass over it.)
 */
export function mediaTypes(dir: string): OciLayoutBuilder {
  const builder = new OciLayoutBuilder(dir)
  const files = datedEntries([...baseLayer, ...appLayer], SAMPLE_CREATED)
  const config = {
    created: SAMPLE_CREATED,
    architecture: 'amd64',
    os: 'linux',
    config: { Env: [PATH_ENV], Cmd: ['/app/server.sh'], WorkingDir: '/app' },
    rootfs: { type: 'layers', diff_ids: [] as string[] },
    history: [{ created: SAMPLE_CREATED, created_by: 'COPY rootfs/ / # buildkit' }],
  }
  const ociLayer = builder.addLayer(files, gzip)
  const dockerLayer = builder.addLayer(files, { ...gzip, mediaType: DOCKER.layerGzip })
  config.rootfs.diff_ids = [ociLayer.diffId]
  const ociConfig = builder.addConfig(config, OCI.config)
  const dockerConfig = builder.addConfig(config, DOCKER.config)
  builder.tag('oci', builder.addManifest({ config: ociConfig, layers: [ociLayer] }))
  builder.tag(
    'docker',
    builder.addManifest({
      config: dockerConfig,
      layers: [dockerLayer],
      mediaType: DOCKER.manifest,
    }),
  )
  return builder
}

export const BUILD_CREATED = '2024-05-20T09:30:00Z'

/** The Dockerfile the build-steps history reads as (a comment in the lesson, not a file). */
export const BUILD_STEPS_DOCKERFILE = [
  'FROM strata/base:1.0',
  'ENV APP_HOME=/srv/app LANG=C.UTF-8',
  'RUN mkdir -p /srv/app/data && echo ready > /srv/app/data/state',
  'WORKDIR /srv/app',
  'COPY app/ /srv/app/',
  'LABEL org.opencontainers.image.title=build-steps',
  'EXPOSE 8080/tcp',
  'USER 1000',
  'CMD ["/srv/app/run.sh"]',
]

/**
 * build-steps (tag "1.0"): three real layers (FROM's base, RUN, COPY) and, between them, the
 * steps that change only the config (ENV, WORKDIR, LABEL, EXPOSE, USER, CMD) as history
 * entries with empty_layer: true. Nine history entries, three layers.
 */
export function buildSteps(dir: string): OciLayoutBuilder {
  const builder = new OciLayoutBuilder(dir)
  const at = (second: number): string => `2024-05-20T09:30:${String(second).padStart(2, '0')}Z`
  const base = builder.addLayer(datedEntries(baseLayer, SAMPLE_CREATED), gzip)
  const run = builder.addLayer(
    datedEntries(
      [
        { type: 'dir', path: 'srv' },
        { type: 'dir', path: 'srv/app' },
        { type: 'dir', path: 'srv/app/data' },
        { type: 'file', path: 'srv/app/data/state', content: 'ready\n' },
      ],
      at(2),
    ),
    gzip,
  )
  const copy = builder.addLayer(
    datedEntries(
      [
        { type: 'dir', path: 'srv/app' },
        {
          type: 'file',
          path: 'srv/app/run.sh',
          mode: 0o755,
          content: '#!/bin/sh\necho "serving $APP_HOME on 8080"\nexec sleep infinity\n',
        },
        { type: 'file', path: 'srv/app/settings.ini', content: '[app]\nport = 8080\n' },
      ],
      at(4),
    ),
    gzip,
  )
  const history = [
    { created: SAMPLE_CREATED, created_by: 'ADD rootfs.tar / # strata/base:1.0' },
    { created: SAMPLE_CREATED, created_by: 'CMD ["/bin/sh"]', empty_layer: true },
    { created: at(1), created_by: 'ENV APP_HOME=/srv/app LANG=C.UTF-8', empty_layer: true },
    {
      created: at(2),
      created_by:
        'RUN /bin/sh -c mkdir -p /srv/app/data && echo ready > /srv/app/data/state # buildkit',
    },
    { created: at(3), created_by: 'WORKDIR /srv/app', empty_layer: true },
    { created: at(4), created_by: 'COPY app/ /srv/app/ # buildkit' },
    {
      created: at(5),
      created_by: 'LABEL org.opencontainers.image.title=build-steps',
      empty_layer: true,
    },
    { created: at(6), created_by: 'EXPOSE map[8080/tcp:{}]', empty_layer: true },
    { created: at(7), created_by: 'USER 1000', empty_layer: true },
    { created: at(8), created_by: 'CMD ["/srv/app/run.sh"]', empty_layer: true },
  ]
  const layers = [base, run, copy]
  const config = builder.addConfig({
    created: at(8),
    architecture: 'amd64',
    os: 'linux',
    config: {
      User: '1000',
      ExposedPorts: { '8080/tcp': {} },
      Env: [PATH_ENV, 'APP_HOME=/srv/app', 'LANG=C.UTF-8'],
      Cmd: ['/srv/app/run.sh'],
      WorkingDir: '/srv/app',
      Labels: { 'org.opencontainers.image.title': 'build-steps' },
    },
    rootfs: { type: 'layers', diff_ids: layers.map((layer) => layer.diffId) },
    history,
  })
  builder.tag('1.0', builder.addManifest({ config, layers }))
  return builder
}

export const WHITEOUTS_CREATED = '2024-06-10T08:00:00Z'

/**
 * whiteouts (tag "latest"), three layers:
 *   layer 1 adds /etc/motd, /etc/hostname, /etc/app.conf and /var/cache/app/{a,b};
 *   layer 2 deletes /etc/motd (a whiteout, etc/.wh.motd) and makes /var/cache/app opaque
 *           (var/cache/app/.wh..wh..opq) with one new file, /var/cache/app/c: a and b are gone;
 *   layer 3 adds /srv/hello.txt and modifies /etc/app.conf.
 * Lessons ask "which layer deleted /etc/motd?" (answer: layer 2).
 */
export function whiteouts(dir: string): OciLayoutBuilder {
  const builder = new OciLayoutBuilder(dir)
  const layerFiles: TarEntrySpec[][] = [
    [
      { type: 'dir', path: 'etc' },
      { type: 'file', path: 'etc/motd', content: 'Welcome! A later layer deletes this file.\n' },
      { type: 'file', path: 'etc/hostname', content: 'whiteouts\n' },
      { type: 'file', path: 'etc/app.conf', content: 'mode=first\n' },
      { type: 'dir', path: 'var' },
      { type: 'dir', path: 'var/cache' },
      { type: 'dir', path: 'var/cache/app' },
      { type: 'file', path: 'var/cache/app/a', content: 'cached a\n' },
      { type: 'file', path: 'var/cache/app/b', content: 'cached b\n' },
    ],
    [
      { type: 'dir', path: 'etc' },
      { type: 'whiteout', path: 'etc/motd' },
      { type: 'dir', path: 'var/cache/app' },
      { type: 'opaque', path: 'var/cache/app' },
      {
        type: 'file',
        path: 'var/cache/app/c',
        content: 'cached c (after the cache was cleared)\n',
      },
    ],
    [
      { type: 'dir', path: 'etc' },
      { type: 'file', path: 'etc/app.conf', content: 'mode=second\n' },
      { type: 'dir', path: 'srv' },
      { type: 'file', path: 'srv/hello.txt', content: 'hello from layer 3\n' },
    ],
  ]
  const layers: LayerDescriptor[] = layerFiles.map((files) =>
    builder.addLayer(datedEntries(files, WHITEOUTS_CREATED), gzip),
  )
  const config = builder.addConfig({
    created: WHITEOUTS_CREATED,
    architecture: 'amd64',
    os: 'linux',
    config: { Env: [PATH_ENV], Cmd: ['/bin/sh'] },
    rootfs: { type: 'layers', diff_ids: layers.map((layer) => layer.diffId) },
    history: [
      { created: WHITEOUTS_CREATED, created_by: 'COPY rootfs/ / # buildkit' },
      {
        created: WHITEOUTS_CREATED,
        created_by:
          'RUN /bin/sh -c rm /etc/motd && rm -rf /var/cache/app && mkdir /var/cache/app && echo "cached c (after the cache was cleared)" > /var/cache/app/c # buildkit',
      },
      {
        created: WHITEOUTS_CREATED,
        created_by: 'COPY srv/ etc/app.conf / # buildkit',
      },
    ],
  })
  builder.tag('latest', builder.addManifest({ config, layers }))
  return builder
}
