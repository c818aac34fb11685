// sharing:compute through the handler table against the real registry: every tag of a
// repository (tags on one image counted once, referrers fallback tags left out), an index's
// platforms, and images from other sources together; figures checked to the byte against
// sums computed here from the pushed blobs.

import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ApiEvent } from '../../../shared/api'
import type { SharingReport } from '../../../shared/api/sharing'
import type { Services } from '../../../electron/api/services'
import { createHandlers } from '../../../electron/api/handlers'
import type { HandlerTable } from '../../../electron/api/handlerTable'
import { composeServices } from '../../../electron/app/composeServices'
import { callHandler, callHandlerError } from '../../harness/handlerCalls'
import { OCI, OciLayoutBuilder } from '../../harness/ociBuilder'
import type { TarEntrySpec } from '../../harness/ociBuilder'
import { buildTestImage, pushReferrersWithFallbackTag } from '../../harness/imagePushing'
import type { PushedTestImage } from '../../harness/imagePushing'
import { RegistryPusher } from '../../harness/ociPusher'
import { startRegistry } from '../../harness/registryServer'
import type { RunningRegistry } from '../../harness/registryServer'

const file = (path: string, content: string): TarEntrySpec[] => [{ type: 'file', path, content }]
const BASE = [
  { type: 'dir', path: 'etc' },
  { type: 'file', path: 'etc/os-release', content: 'ID=shared\n'.repeat(50) },
] as const satisfies TarEntrySpec[]
const MIDDLE = file('usr/lib/libshared.so', 'x'.repeat(3000))

/** What computeSharing should answer, computed from the pushed layer sizes directly. */
function expectedFigures(images: readonly PushedTestImage[]): {
  storedOnce: number
  unshared: number
  cell: (i: number, j: number) => { layers: number; bytes: number }
} {
  const size = new Map<string, number>()
  const sets = images.map((image) => {
    const own = new Set<string>()
    for (const layer of image.layers) {
      const bytes = image.builder.getBlob(layer.digest)
      assert.ok(bytes)
      size.set(layer.digest, bytes.length)
      own.add(layer.digest)
    }
    return own
  })
  const sum = (digests: Iterable<string>): number =>
    [...digests].reduce((total, d) => total + (size.get(d) ?? NaN), 0)
  return {
    storedOnce: sum(size.keys()),
    unshared: sets.reduce((total, own) => total + sum(own), 0),
    cell: (i, j) => {
      const both = [...(sets[i] ?? [])].filter((d) => sets[j]?.has(d))
      return { layers: both.length, bytes: sum(both) }
    },
  }
}

function assertFigures(report: SharingReport, images: readonly PushedTestImage[]): void {
  const expected = expectedFigures(images)
  assert.equal(report.storedOnceBytes, expected.storedOnce)
  assert.equal(report.unsharedBytes, expected.unshared)
  assert.equal(report.savedBytes, expected.unshared - expected.storedOnce)
  images.forEach((_, i) =>
    images.forEach((__, j) => assert.deepEqual(report.matrix[i]?.[j], expected.cell(i, j))),
  )
  assert.deepEqual(
    report.images.map((image) => image.digest),
    images.map((image) => image.digest),
  )
}

describe('sharing api against the registry', () => {
  let registry: RunningRegistry
  let dataDir: string
  let services: Services
  let table: HandlerTable
  let one: PushedTestImage
  let two: PushedTestImage
  let three: PushedTestImage
  let amd64: PushedTestImage
  let arm64: PushedTestImage

  before(async () => {
    registry = await startRegistry()
    dataDir = await mkdtemp(join(tmpdir(), 'strata-sharing-api-'))
    services = await composeServices({ mode: 'web', dataDir, env: {}, onWarning: () => undefined })
    table = createHandlers(services)

    const builder = new OciLayoutBuilder('/nonexistent')
    one = buildTestImage(builder, { layers: [BASE, file('one', 'one\n'.repeat(100))] })
    two = buildTestImage(builder, { layers: [BASE, MIDDLE, file('two', 'two\n'.repeat(7))] })
    three = buildTestImage(builder, { layers: [BASE, MIDDLE, file('three', '3')] })
    amd64 = buildTestImage(builder, { layers: [BASE, file('arch', 'amd64\n')] })
    arm64 = buildTestImage(builder, {
      platform: { os: 'linux', architecture: 'arm64' },
      layers: [BASE, file('arch', 'arm64\n')],
    })
    const index = builder.addIndex({
      manifests: [
        { ...amd64.manifest, platform: { os: 'linux', architecture: 'amd64' } },
        { ...arm64.manifest, platform: { os: 'linux', architecture: 'arm64' } },
      ],
    })
    const pusher = new RegistryPusher({ host: registry.host })
    const blobs = (digest: string): Uint8Array | undefined => builder.getBlob(digest)
    await pusher.pushTree('demo/shared', one.digest, OCI.manifest, blobs, ['one', 'also-one'])
    await pusher.pushTree('demo/shared', two.digest, OCI.manifest, blobs, ['two'])
    await pusher.pushTree('demo/shared', three.digest, OCI.manifest, blobs, ['three'])
    await pusher.pushTree('demo/platforms', index.digest, OCI.index, blobs, ['v1'])
    // A referrers fallback tag in the repository: not an image, left out.
    await pushReferrersWithFallbackTag(registry.host, 'demo/shared', one.manifest, [
      { artifactType: 'application/spdx+json', payload: '{}' },
    ])
  })
  after(async () => {
    await services?.close()
    await registry?.stop()
    await rm(dataDir, { recursive: true, force: true })
  })

  it('computes every tag of a repository, exact to the byte', async () => {
    const events: ApiEvent[] = []
    const report = await callHandler(
      table,
      'sharing:compute',
      { refs: [`${registry.host}/demo/shared`] },
      (event) => events.push(event),
    )
    // Tags sorted by name: also-one, one, three, two (the fallback tag is dropped).
    assert.deepEqual(
      report.images.map((image) => image.label),
      ['demo/shared:also-one · demo/shared:one', 'demo/shared:three', 'demo/shared:two'],
    )
    assertFigures(report, [one, three, two])
    const base = report.layers[0]
    assert.equal(base?.digest, one.layers[0]?.digest)
    assert.deepEqual(base?.usedBy, [0, 1, 2])
    assert.equal(report.layers[1]?.digest, two.layers[1]?.digest, 'the middle layer is next')
    assert.deepEqual(report.layers[1]?.usedBy, [1, 2])
    const sizeOf = (image: PushedTestImage, layer: number): number =>
      image.builder.getBlob(image.layers[layer]?.digest ?? '')?.length ?? NaN
    assert.equal(report.images[0]?.exclusiveBytes, sizeOf(one, 1))
    assert.equal(report.images[1]?.exclusiveBytes, sizeOf(three, 2))
    assert.equal(
      report.images[1]?.layerBytes,
      sizeOf(three, 0) + sizeOf(three, 1) + sizeOf(three, 2),
    )

    const progress = events.filter((e) => e.type === 'progress')
    assert.ok(progress.length >= 2)
    assert.ok(progress.every((e) => e.type === 'progress' && e.unit === 'items'))
    const last = progress.at(-1)
    assert.ok(last?.type === 'progress' && last.done === true && last.doneBytes === 4)
  })

  it('expands an index into its platforms and mixes in images from other sources', async () => {
    const { sampleRef } = await callHandler(table, 'app:info', {})
    const report = await callHandler(table, 'sharing:compute', {
      refs: [
        `docker://${registry.host}/demo/platforms:v1`,
        `${registry.host}/demo/shared:two`,
        sampleRef,
      ],
    })
    assert.deepEqual(
      report.images.slice(0, 3).map((image) => image.label),
      [
        `docker://${registry.host}/demo/platforms:v1 linux/amd64`,
        `docker://${registry.host}/demo/platforms:v1 linux/arm64`,
        `${registry.host}/demo/shared:two`,
      ],
    )
    assert.ok(report.images.length > 3, 'the sample image adds at least one image')
    // The three registry images, against figures computed here.
    const registryOnly = await callHandler(table, 'sharing:compute', {
      refs: [`docker://${registry.host}/demo/platforms:v1`, `${registry.host}/demo/shared:two`],
    })
    assertFigures(registryOnly, [amd64, arm64, two])
    // The base layer is shared by all three.
    assert.deepEqual(registryOnly.layers[0]?.usedBy, [0, 1, 2])
  })

  it('caps the tags taken from a repository, and refuses bad refs', async () => {
    const report = await callHandler(table, 'sharing:compute', {
      refs: [`${registry.host}/demo/shared`],
      limit: 2,
    })
    assert.deepEqual(
      report.images.map((image) => image.label),
      ['demo/shared:also-one · demo/shared:one'],
    )
    assert.equal(await callHandlerError(table, 'sharing:compute', { refs: [] }), 'BAD_INPUT')
    assert.equal(await callHandlerError(table, 'sharing:compute', { refs: [7] }), 'BAD_INPUT')
    assert.equal(
      await callHandlerError(table, 'sharing:compute', { refs: [`${registry.host}/demo/none`] }),
      'NOT_FOUND',
    )
  })
})
