// Layer sharing over the registry fixtures: demo/multi's three platform images share the base
// layer; the figures are checked against sums computed here from the raw manifests.

import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { parseReference } from '../../../shared/reference'
import { RegistryClientPool } from '../../../electron/registry/clientPool'
import { openRegistryImage } from '../../../electron/registry/registrySource'
import { isReferrersFallbackTag } from '../../../electron/image/referrersIndex'
import { listAllTags } from '../../../electron/history/observeRepository'
import { collectImageSet, collectSharingImages } from '../../../electron/sharing/collectImages'
import { computeSharing } from '../../../electron/sharing/layerSharing'
import { pushFixtures } from '../../harness/registryFixtures'
import type { FixtureSet } from '../../harness/registryFixtures'
import { startRegistry } from '../../harness/registryServer'
import type { RunningRegistry } from '../../harness/registryServer'

interface RawManifest {
  layers: { digest: string; size: number }[]
}

describe('layer sharing against the registry', () => {
  let registry: RunningRegistry
  let fixtures: FixtureSet
  let pool: RegistryClientPool

  before(async () => {
    registry = await startRegistry()
    fixtures = await pushFixtures({ host: registry.host })
    pool = new RegistryClientPool()
  })
  after(async () => {
    await pool?.close()
    await registry?.stop()
  })

  async function rawManifest(repository: string, digest: string): Promise<RawManifest> {
    const response = await fetch(`${registry.url}/v2/${repository}/manifests/${digest}`, {
      headers: { accept: 'application/vnd.oci.image.manifest.v1+json' },
    })
    assert.equal(response.status, 200)
    return (await response.json()) as RawManifest
  }

  it('expands demo/multi into its platforms and counts shared bytes exactly', async () => {
    const image = fixtures.multiPlatform
    const source = openRegistryImage(
      parseReference(`${registry.host}/${image.repository}:${image.tag}`),
      { pool },
    )
    const images = await collectSharingImages(source, { label: 'demo/multi' })
    assert.deepEqual(
      images.map((i) => i.label),
      ['demo/multi linux/amd64', 'demo/multi linux/arm64/v8', 'demo/multi linux/arm/v7'],
    )
    // Each platform image carries a reference that opens exactly it (for links to its layers).
    assert.deepEqual(
      images.map((i) => i.ref),
      images.map((i) => `docker://${registry.host}/${image.repository}@${i.digest}`),
    )
    assert.ok(images.every((i) => i.platform === undefined))

    const platforms = (image.manifests ?? []).filter((m) => m.platform !== 'unknown/unknown')
    const raws = await Promise.all(platforms.map((m) => rawManifest(image.repository, m.digest)))
    let unshared = 0
    const distinct = new Map<string, number>()
    for (const raw of raws) {
      for (const layer of raw.layers) {
        unshared += layer.size
        distinct.set(layer.digest, layer.size)
      }
    }
    const storedOnce = [...distinct.values()].reduce((a, b) => a + b, 0)
    const base = raws[0]?.layers[0]
    assert.ok(base !== undefined)
    assert.ok(
      raws.every((r) => r.layers[0]?.digest === base.digest),
      'fixtures share a base',
    )

    const report = computeSharing(images)
    assert.equal(report.unsharedBytes, unshared)
    assert.equal(report.storedOnceBytes, storedOnce)
    assert.equal(report.savedBytes, 2 * base.size)
    assert.deepEqual(report.layers[0], {
      digest: base.digest,
      size: base.size,
      mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
      usedBy: [0, 1, 2],
    })
    assert.deepEqual(report.matrix[0]?.[1], { layers: 1, bytes: base.size })
    assert.equal(report.layers.length, 4)
  })

  it('mixes images from several references: app and deep path share only the base', async () => {
    const open = (ref: string): ReturnType<typeof openRegistryImage> =>
      openRegistryImage(parseReference(`${registry.host}/${ref}`), { pool })
    const sets = await Promise.all([
      collectSharingImages(open('demo/app:v1'), { label: 'app' }),
      collectSharingImages(open('team/a/b/c:v1'), { label: 'deep' }),
    ])
    const report = computeSharing(sets.flat())
    const [appBase, appTop] = fixtures.plain.layerDigests ?? []
    assert.equal(fixtures.deepPath.layerDigests?.[0], appBase)
    assert.equal(report.matrix[0]?.[1]?.layers, 1)
    assert.deepEqual(
      report.layers
        .filter((l) => l.usedBy.length === 1)
        .map((l) => l.digest)
        .includes(appTop ?? ''),
      true,
    )
  })

  it('counts an image reached through many tags once (all tags of a repository)', async () => {
    const client = pool.clientFor(registry.host)
    const many = await listAllTags(client, 'demo/many')
    assert.equal(many.length, fixtures.manyTags.tags.length)
    const app = (await listAllTags(client, 'demo/app')).filter((t) => !isReferrersFallbackTag(t))
    assert.deepEqual(app, ['v1'])
    const entries = [...[...many].sort().slice(0, 40), 'tag-319'].map((tag) => ({
      label: tag,
      source: openRegistryImage(parseReference(`${registry.host}/demo/many:${tag}`), { pool }),
    }))
    const images = await collectImageSet(entries)
    assert.equal(images.length, 1)
    assert.equal(images[0]?.digest, fixtures.manyTags.digest)
    assert.ok(images[0]?.label.startsWith('tag-000 · tag-001 · '))
    assert.ok(images[0]?.label.endsWith(' · tag-319'))
    const report = computeSharing(images)
    assert.equal(report.savedBytes, 0)
    assert.equal(report.storedOnceBytes, report.unsharedBytes)
  })
})
