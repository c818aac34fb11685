// Compare against the registry: demo/app:v1 against an image pushed here that shares its base
// layer and differs in known ways (env, cmd, user, labels, ports, one more history step), and
// an index narrowed to linux/amd64 against a plain manifest.

import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseReference } from '../../../shared/reference'
import { compareImages } from '../../../electron/compare/compareImages'
import { RegistryClientPool } from '../../../electron/registry/clientPool'
import { openRegistryImage } from '../../../electron/registry/registrySource'
import { OCI, OciLayoutBuilder } from '../../harness/ociBuilder'
import { BASE_FILES, appFilesFor } from '../../harness/ociFixtureImages'
import { RegistryPusher } from '../../harness/ociPusher'
import { pushFixtures } from '../../harness/registryFixtures'
import type { FixtureSet } from '../../harness/registryFixtures'
import { startRegistry } from '../../harness/registryServer'
import type { RunningRegistry } from '../../harness/registryServer'

describe('compare against the registry', () => {
  let registry: RunningRegistry
  let fixtures: FixtureSet
  let pool: RegistryClientPool
  let variantDigest: string
  let variantTop: string

  before(async () => {
    registry = await startRegistry()
    fixtures = await pushFixtures({ host: registry.host })
    pool = new RegistryClientPool()
    const b = new OciLayoutBuilder(join(tmpdir(), 'strata-unused-layout'))
    const baseLayer = b.addLayer(BASE_FILES, { compression: 'gzip' })
    const top = b.addLayer(appFilesFor('compare variant'), { compression: 'gzip' })
    variantTop = top.digest
    const config = b.addConfig({
      created: '2024-02-01T00:00:00Z',
      architecture: 'amd64',
      os: 'linux',
      config: {
        Env: [
          'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
          'APP_MODE=prod',
          'DEBUG=0',
        ],
        Cmd: ['/app/run', '--serve'],
        User: 'app',
        WorkingDir: '/app',
        Labels: { 'org.opencontainers.image.version': '2.0' },
        ExposedPorts: { '8080/tcp': {} },
      },
      rootfs: { type: 'layers', diff_ids: [baseLayer.diffId, top.diffId] },
      history: [
        {
          created: '2024-01-01T00:00:00Z',
          created_by: 'ADD rootfs.tar / # buildkit',
          comment: 'base',
        },
        {
          created: '2024-02-01T00:00:00Z',
          created_by: 'ENV APP_MODE=prod DEBUG=0',
          empty_layer: true,
        },
        { created: '2024-02-01T00:00:01Z', created_by: 'USER app', empty_layer: true },
        { created: '2024-02-01T00:00:02Z', created_by: 'COPY app/ /app/ # buildkit' },
      ],
    })
    const manifest = b.addManifest({ config, layers: [baseLayer, top], mediaType: OCI.manifest })
    variantDigest = manifest.digest
    await new RegistryPusher({ host: registry.host }).pushTree(
      'demo/variant',
      manifest.digest,
      manifest.mediaType,
      (digest) => b.getBlob(digest),
      ['v2'],
    )
  })
  after(async () => {
    await pool?.close()
    await registry?.stop()
  })

  const open = (ref: string): ReturnType<typeof openRegistryImage> =>
    openRegistryImage(parseReference(`${registry.host}/${ref}`), { pool })

  it('reports exactly the known config and layer differences', async () => {
    const result = await compareImages(open('demo/app:v1'), open('demo/variant:v2'))
    assert.equal(result.identical, false)
    assert.equal(result.left.manifestDigest, fixtures.plain.digest)
    assert.equal(result.right.manifestDigest, variantDigest)
    assert.deepEqual(result.config.env, {
      added: [{ key: 'DEBUG', value: '0' }],
      removed: [],
      changed: [{ key: 'APP_MODE', left: 'demo', right: 'prod' }],
      unchanged: 1,
    })
    assert.deepEqual(result.config.cmd, { left: ['/app/run'], right: ['/app/run', '--serve'] })
    assert.deepEqual(result.config.user, { right: 'app' })
    assert.equal(result.config.workdir, undefined)
    assert.equal(result.config.entrypoint, undefined)
    assert.deepEqual(result.config.labels.added, [
      { key: 'org.opencontainers.image.version', value: '2.0' },
    ])
    assert.deepEqual(result.config.exposedPorts.added, ['8080/tcp'])
    assert.deepEqual(
      result.config.history.map((r) => [r.status, r.step]),
      [
        ['same', 'ADD rootfs.tar / # buildkit'],
        ['only-left', 'ENV APP_MODE=demo'],
        ['only-right', 'ENV APP_MODE=prod DEBUG=0'],
        ['only-right', 'USER app'],
        ['same', 'COPY app/ /app/ # buildkit'],
      ],
    )
    const [appBase, appTop] = fixtures.plain.layerDigests ?? []
    assert.deepEqual(
      result.layers.sharedPrefix.map((p) => [p.left.digest, p.match]),
      [[appBase, 'digest']],
    )
    assert.deepEqual(
      result.layers.onlyLeft.map((l) => l.digest),
      [appTop],
    )
    assert.deepEqual(
      result.layers.onlyRight.map((l) => l.digest),
      [variantTop],
    )
    assert.deepEqual(result.warnings, [])
  })

  it('narrows an index to linux/amd64 (or a chosen platform) before comparing', async () => {
    const multi = fixtures.multiPlatform
    const amd64 = multi.manifests?.find((m) => m.platform === 'linux/amd64')
    const arm64 = multi.manifests?.find((m) => m.platform === 'linux/arm64/v8')
    const result = await compareImages(open('demo/multi:latest'), open('demo/app:v1'))
    assert.equal(result.left.rootDigest, multi.digest)
    assert.equal(result.left.manifestDigest, amd64?.digest)
    assert.equal(result.layers.sharedPrefix.length, 1)
    assert.equal(result.config.env.changed.length, 0)

    const arm = await compareImages(open('demo/multi:latest'), open('demo/multi:latest'), {
      platform: { os: 'linux', architecture: 'arm64' },
      rightPlatform: { os: 'linux', architecture: 'amd64' },
    })
    assert.equal(arm.left.manifestDigest, arm64?.digest)
    assert.deepEqual(arm.config.platform, { left: 'linux/arm64/v8', right: 'linux/amd64' })

    await assert.rejects(
      compareImages(open('demo/multi:latest'), open('demo/app:v1'), {
        platform: { os: 'windows', architecture: 'amd64' },
      }),
      { code: 'NOT_FOUND' },
    )
  })

  it('says two references to the same image are identical', async () => {
    const result = await compareImages(
      open('demo/app:v1'),
      open(`demo/app@${fixtures.plain.digest}`),
    )
    assert.equal(result.identical, true)
    assert.equal(result.layers.onlyLeft.length + result.layers.onlyRight.length, 0)
  })
})
