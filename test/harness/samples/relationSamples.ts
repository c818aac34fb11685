// The OCI-layout samples about how images relate: several tags on one digest and a tag that
// moved (with its bundled tag history), two images sharing base layers, and artifacts that
// point at an image through `subject`.

import type { Descriptor } from '../../../shared/oci/types'
import { OciLayoutBuilder } from '../ociBuilder'
import type { LayerDescriptor } from '../ociBuilder'
import { appLayer, baseLayer } from '../ociSampleContent'
import { datedEntries, json } from './sampleFiles'
import type { SampleTagHistory } from '../../../shared/samples'

const gzip = { compression: 'gzip' as const }
const PATH_ENV = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'

export const TAGS_OLD_CREATED = '2024-03-01T12:00:00Z'
export const TAGS_NEW_CREATED = '2024-04-15T10:00:00Z'

/** A one-layer-on-base image whose app layer says which release it is. */
function release(builder: OciLayoutBuilder, version: string, created: string): Descriptor {
  const base = builder.addLayer(datedEntries(baseLayer, '2024-03-01T12:00:00Z'), gzip)
  const app = builder.addLayer(
    datedEntries(
      [
        { type: 'dir', path: 'app' },
        { type: 'file', path: 'app/VERSION', content: `${version}\n` },
      ],
      created,
    ),
    gzip,
  )
  const layers = [base, app]
  const config = builder.addConfig({
    created,
    architecture: 'amd64',
    os: 'linux',
    config: {
      Env: [PATH_ENV],
      Cmd: ['/bin/cat', '/app/VERSION'],
      Labels: { 'org.opencontainers.image.version': version },
    },
    rootfs: { type: 'layers', diff_ids: layers.map((layer) => layer.diffId) },
    history: [
      { created: '2024-03-01T12:00:00Z', created_by: 'ADD rootfs.tar / # base image' },
      { created, created_by: `COPY VERSION /app/VERSION # ${version}` },
    ],
  })
  return builder.addManifest({
    config,
    layers,
    annotations: {
      'org.opencontainers.image.created': created,
      'org.opencontainers.image.version': version,
    },
  })
}

/**
 * tags: release 1.0.2 (older) and 1.0.3 (current). Tags 1.0, 1.0.3, stable and latest all name
 * the 1.0.3 manifest; 1.0.2 still names the older one. The bundled history says 1.0, stable
 * and latest pointed at 1.0.2 before the 1.0.3 release moved them.
 */
export function tags(dir: string): { builder: OciLayoutBuilder; history: SampleTagHistory } {
  const builder = new OciLayoutBuilder(dir)
  const older = release(builder, '1.0.2', TAGS_OLD_CREATED)
  const current = release(builder, '1.0.3', TAGS_NEW_CREATED)
  builder.tag('1.0.2', older)
  for (const tag of ['1.0', '1.0.3', 'stable', 'latest']) builder.tag(tag, current)
  const seen = (
    tag: string,
    digest: string,
    seenAt: string,
  ): SampleTagHistory['observations'][number] => ({
    tag,
    digest,
    seenAt,
  })
  const history: SampleTagHistory = {
    format: 'strata-tag-history',
    version: 1,
    observations: [
      ...['1.0', '1.0.2', 'stable', 'latest'].map((tag) =>
        seen(tag, older.digest, '2024-03-01T12:05:00Z'),
      ),
      ...['1.0', '1.0.2', 'stable', 'latest'].map((tag) =>
        seen(tag, older.digest, '2024-04-01T12:00:00Z'),
      ),
      ...['1.0', '1.0.3', 'stable', 'latest'].map((tag) =>
        seen(tag, current.digest, '2024-04-15T10:05:00Z'),
      ),
      seen('1.0.2', older.digest, '2024-04-15T10:05:00Z'),
    ],
  }
  return { builder, history }
}

export const SHARING_CREATED = '2024-07-01T10:00:00Z'

/**
 * sharing: "web" and "worker" have the same two base layers (stored once under blobs/) and
 * one top layer each.
 */
export function sharing(dir: string): OciLayoutBuilder {
  const builder = new OciLayoutBuilder(dir)
  const base = builder.addLayer(datedEntries(baseLayer, SHARING_CREATED), gzip)
  const runtime = builder.addLayer(
    datedEntries(
      [
        { type: 'dir', path: 'usr/lib/runtime' },
        { type: 'file', path: 'usr/lib/runtime/VERSION', content: 'runtime 2.1\n' },
        { type: 'file', path: 'usr/lib/runtime/libruntime.so', content: 'pretend library\n' },
      ],
      SHARING_CREATED,
    ),
    gzip,
  )
  const top = (name: string, command: string): Descriptor => {
    const own = builder.addLayer(
      datedEntries(
        [
          { type: 'dir', path: 'app' },
          { type: 'file', path: `app/${name}.sh`, mode: 0o755, content: `#!/bin/sh\n${command}\n` },
        ],
        SHARING_CREATED,
      ),
      gzip,
    )
    const layers: LayerDescriptor[] = [base, runtime, own]
    const config = builder.addConfig({
      created: SHARING_CREATED,
      architecture: 'amd64',
      os: 'linux',
      config: { Env: [PATH_ENV], Cmd: [`/app/${name}.sh`] },
      rootfs: { type: 'layers', diff_ids: layers.map((layer) => layer.diffId) },
      history: [
        { created: SHARING_CREATED, created_by: 'ADD rootfs.tar / # base image' },
        { created: SHARING_CREATED, created_by: 'COPY runtime/ /usr/lib/runtime/ # buildkit' },
        { created: SHARING_CREATED, created_by: `COPY ${name}.sh /app/ # buildkit` },
      ],
    })
    return builder.addManifest({ config, layers })
  }
  builder.tag('web', top('web', 'echo "web: serving on 8080"'))
  builder.tag('worker', top('worker', 'echo "worker: waiting for jobs"'))
  return builder
}

export const ARTIFACTS_CREATED = '2024-08-01T10:00:00Z'
export const SPDX_TYPE = 'application/spdx+json'
export const SIGNATURE_TYPE = 'application/vnd.dev.cosign.artifact.sig.v1+json'
export const SIMPLE_SIGNING = 'application/vnd.dev.cosign.simplesigning.v1+json'

/**
 * artifacts: an image (tag "app") and two artifacts whose `subject` is that image: an SPDX
 * SBOM and a cosign-style signature (its payload names the image; the signature value is a
 * placeholder, so it does not verify). Both are listed in index.json without a tag, the way
 * `oras attach --oci-layout` leaves them, so referrers are found offline.
 */
export function artifacts(dir: string): OciLayoutBuilder {
  const builder = new OciLayoutBuilder(dir)
  const layers = [
    builder.addLayer(datedEntries(baseLayer, ARTIFACTS_CREATED), gzip),
    builder.addLayer(datedEntries(appLayer, ARTIFACTS_CREATED), gzip),
  ]
  const config = builder.addConfig({
    created: ARTIFACTS_CREATED,
    architecture: 'amd64',
    os: 'linux',
    config: { Env: [PATH_ENV], Cmd: ['/app/server.sh'], WorkingDir: '/app' },
    rootfs: { type: 'layers', diff_ids: layers.map((layer) => layer.diffId) },
    history: [
      { created: ARTIFACTS_CREATED, created_by: 'ADD rootfs.tar / # base image' },
      { created: ARTIFACTS_CREATED, created_by: 'COPY app/ /app/ # buildkit' },
    ],
  })
  const image = builder.addManifest({ config, layers })
  builder.tag('app', image)
  const subject = { mediaType: image.mediaType, digest: image.digest, size: image.size }
  const created = { 'org.opencontainers.image.created': ARTIFACTS_CREATED }
  const sbom = builder.addBlob(
    json({
      spdxVersion: 'SPDX-2.3',
      dataLicense: 'CC0-1.0',
      SPDXID: 'SPDXRef-DOCUMENT',
      name: 'strata/artifacts:app',
      documentNamespace: 'https://example.invalid/strata/artifacts/app',
      creationInfo: { created: ARTIFACTS_CREATED, creators: ['Tool: strata-samples'] },
      packages: [
        { name: 'greet', SPDXID: 'SPDXRef-greet', versionInfo: '1.0', downloadLocation: 'NONE' },
      ],
    }),
    SPDX_TYPE,
    { annotations: { 'org.opencontainers.image.title': 'sbom.spdx.json' } },
  )
  builder.addToIndex(
    builder.addManifest({
      artifactType: SPDX_TYPE,
      config: builder.addEmptyConfig(),
      layers: [sbom],
      subject,
      annotations: created,
    }),
  )
  const payload = builder.addBlob(
    json({
      critical: {
        identity: { 'docker-reference': 'example.invalid/strata/artifacts' },
        image: { 'docker-manifest-digest': image.digest },
        type: 'cosign container image signature',
      },
      optional: null,
    }),
    SIMPLE_SIGNING,
    {
      annotations: {
        'dev.cosignproject.cosign/signature': 'c2FtcGxlLXNpZ25hdHVyZS1ub3QtdmFsaWQ=',
      },
    },
  )
  builder.addToIndex(
    builder.addManifest({
      artifactType: SIGNATURE_TYPE,
      config: builder.addEmptyConfig(),
      layers: [payload],
      subject,
      annotations: created,
    }),
  )
  return builder
}
