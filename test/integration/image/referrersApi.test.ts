// image:referrers and the graph's referrer nodes through the handler table, against
// distribution 2.8, which has no Referrers API: artifacts are found through the sha256-<hex>
// fallback tag. OCI layouts are searched locally, other local sources answer 'unsupported'; a broken fallback tag costs the graph a
// warning, never the graph.

import { englishImageWarning } from '../../../shared/imageWarningText'
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Services } from '../../../electron/api/services'
import { createHandlers } from '../../../electron/api/handlers'
import type { HandlerTable } from '../../../electron/api/handlerTable'
import { composeServices } from '../../../electron/app/composeServices'
import { callHandler, callHandlerError } from '../../harness/handlerCalls'
import { OCI, OciLayoutBuilder } from '../../harness/ociBuilder'
import {
  buildTestImage,
  pushReferrersWithFallbackTag,
  pushTestImage,
} from '../../harness/imagePushing'
import type { PushedReferrers, PushedTestImage } from '../../harness/imagePushing'
import { RegistryPusher } from '../../harness/ociPusher'
import { startRegistry } from '../../harness/registryServer'
import type { RunningRegistry } from '../../harness/registryServer'

const SBOM = 'application/spdx+json'
const SIGNATURE = 'application/vnd.dev.cosign.artifact.sig.v1+json'

describe('referrers api against distribution 2.8', () => {
  let registry: RunningRegistry
  let dataDir: string
  let services: Services
  let table: HandlerTable
  let image: PushedTestImage
  let pushed: PushedReferrers

  before(async () => {
    registry = await startRegistry()
    dataDir = await mkdtemp(join(tmpdir(), 'strata-referrers-api-'))
    services = await composeServices({ mode: 'web', dataDir, env: {}, onWarning: () => undefined })
    table = createHandlers(services)
    image = await pushTestImage(registry.host, 'demo/signed', ['v1'], {
      layers: [[{ type: 'file', path: 'app', content: 'signed app\n' }]],
    })
    pushed = await pushReferrersWithFallbackTag(registry.host, 'demo/signed', image.manifest, [
      {
        artifactType: SBOM,
        payload: '{"spdxVersion":"SPDX-2.3"}',
        annotations: { 'org.opencontainers.image.created': '2026-01-01T00:00:00Z' },
      },
      { artifactType: SIGNATURE, payload: '{"critical":{}}' },
    ])
  })
  after(async () => {
    await services?.close()
    await registry?.stop()
    await rm(dataDir, { recursive: true, force: true })
  })

  it('finds the artifacts through the fallback tag, with their types and annotations', async () => {
    const result = await callHandler(table, 'image:referrers', {
      ref: `docker://${registry.host}/demo/signed:v1`,
    })
    assert.equal(result.subject, image.digest)
    assert.equal(result.via, 'fallback-tag')
    assert.equal(result.fallbackTag, pushed.fallbackTag)
    assert.deepEqual(
      result.referrers.map((r) => [r.digest, r.artifactType, r.mediaType]),
      pushed.artifacts.map((a) => [a.digest, a.artifactType, OCI.manifest]),
    )
    assert.deepEqual(result.referrers[0]?.annotations, {
      'org.opencontainers.image.created': '2026-01-01T00:00:00Z',
    })
    // Asked by digest, from a reference to the same repository.
    const byDigest = await callHandler(table, 'image:referrers', {
      ref: `docker://${registry.host}/demo/signed:v1`,
      digest: image.digest,
    })
    assert.deepEqual(byDigest.referrers, result.referrers)
  })

  it('filters by artifactType', async () => {
    const result = await callHandler(table, 'image:referrers', {
      ref: `docker://${registry.host}/demo/signed@${image.digest}`,
      artifactType: SIGNATURE,
    })
    assert.equal(result.via, 'fallback-tag')
    assert.equal(result.artifactType, SIGNATURE)
    assert.equal(result.filteredBy, 'strata')
    assert.deepEqual(
      result.referrers.map((r) => r.digest),
      [pushed.artifacts[1]?.digest],
    )
    const none = await callHandler(table, 'image:referrers', {
      ref: `docker://${registry.host}/demo/signed:v1`,
      artifactType: 'application/example',
    })
    assert.deepEqual(none.referrers, [])
  })

  it('answers none for a manifest nothing refers to, and refuses a bad digest', async () => {
    const plain = await pushTestImage(registry.host, 'demo/plain', ['v1'], {
      layers: [[{ type: 'file', path: 'plain', content: 'plain\n' }]],
    })
    const result = await callHandler(table, 'image:referrers', {
      ref: `docker://${registry.host}/demo/plain:v1`,
    })
    assert.equal(result.subject, plain.digest)
    assert.equal(result.via, 'none')
    assert.deepEqual(result.referrers, [])
    assert.equal(
      await callHandlerError(table, 'image:referrers', {
        ref: `docker://${registry.host}/demo/plain:v1`,
        digest: 'sha256:nothex',
      }),
      'BAD_INPUT',
    )
    const graph = await callHandler(table, 'image:graph', {
      ref: `docker://${registry.host}/demo/plain:v1`,
    })
    assert.equal(graph.nodes.filter((n) => n.role === 'referrer').length, 0)
    assert.deepEqual(graph.warnings, [])
  })

  it('attaches referrers to the graph as nodes', async () => {
    const graph = await callHandler(table, 'image:graph', {
      ref: `docker://${registry.host}/demo/signed:v1`,
    })
    const referrers = graph.nodes.filter((n) => n.role === 'referrer')
    assert.deepEqual(
      referrers.map((n) => n.digest).sort(),
      pushed.artifacts.map((a) => a.digest).sort(),
    )
    const edges = graph.edges.filter((e) => e.relation === 'referrer')
    assert.deepEqual(
      edges.map((e) => [e.from, e.to]),
      pushed.artifacts.map((a) => [graph.rootId, a.digest]),
    )
    assert.deepEqual(graph.warnings, [])
  })

  it('attaches referrers of a platform manifest inside an index', async () => {
    const builder = new OciLayoutBuilder('/nonexistent')
    const amd64 = buildTestImage(builder, {
      layers: [[{ type: 'file', path: 'x', content: 'amd64\n' }]],
    })
    const arm64 = buildTestImage(builder, {
      platform: { os: 'linux', architecture: 'arm64' },
      layers: [[{ type: 'file', path: 'x', content: 'arm64\n' }]],
    })
    const index = builder.addIndex({
      manifests: [
        { ...amd64.manifest, platform: { os: 'linux', architecture: 'amd64' } },
        { ...arm64.manifest, platform: { os: 'linux', architecture: 'arm64' } },
      ],
    })
    await new RegistryPusher({ host: registry.host }).pushTree(
      'demo/multi',
      index.digest,
      OCI.index,
      (digest) => builder.getBlob(digest),
      ['v1'],
    )
    const signature = await pushReferrersWithFallbackTag(
      registry.host,
      'demo/multi',
      arm64.manifest,
      [{ artifactType: SIGNATURE, payload: '{"arm64":true}' }],
    )
    const graph = await callHandler(table, 'image:graph', {
      ref: `docker://${registry.host}/demo/multi:v1`,
    })
    const node = graph.nodes.find((n) => n.role === 'referrer')
    assert.equal(node?.digest, signature.artifacts[0]?.digest)
    assert.deepEqual(
      graph.edges.filter((e) => e.relation === 'referrer').map((e) => [e.from, e.to]),
      [[arm64.digest, signature.artifacts[0]?.digest]],
    )
  })

  it('shows the graph with a warning when the fallback tag is not an index', async () => {
    const broken = await pushTestImage(registry.host, 'demo/broken', ['v1'], {
      layers: [[{ type: 'file', path: 'broken', content: 'broken\n' }]],
    })
    // An image manifest where the referrers index should be.
    const bytes = broken.builder.getBlob(broken.digest)
    assert.ok(bytes)
    await new RegistryPusher({ host: registry.host }).pushManifest(
      'demo/broken',
      broken.digest.replace(':', '-'),
      bytes,
      OCI.manifest,
    )
    const graph = await callHandler(table, 'image:graph', {
      ref: `docker://${registry.host}/demo/broken:v1`,
    })
    assert.equal(graph.rootId, broken.digest)
    assert.equal(graph.nodes.filter((n) => n.role === 'referrer').length, 0)
    assert.equal(graph.warnings.length, 1)
    const [warning] = graph.warnings
    assert.equal(warning?.kind, 'referrersUnreadable')
    assert.equal(warning.subject, broken.digest)
    assert.match(
      englishImageWarning(warning),
      /referrers of sha256:.*should list referrers in an index/,
    )
    assert.equal(
      await callHandlerError(table, 'image:referrers', {
        ref: `docker://${registry.host}/demo/broken:v1`,
      }),
      'MALFORMED',
    )
  })

  it('searches an OCI layout locally, and answers unsupported for other local sources', async () => {
    const { sampleRef, samplesRoot } = await callHandler(table, 'app:info', {})
    // The first-start sample is an OCI layout with no artifacts: searched, nothing found.
    const result = await callHandler(table, 'image:referrers', { ref: sampleRef })
    assert.equal(result.via, 'layout')
    assert.deepEqual(result.referrers, [])
    const dir = await callHandler(table, 'image:referrers', {
      ref: `dir:${samplesRoot}/archives/dir`,
    })
    assert.equal(dir.via, 'unsupported')
    assert.deepEqual(dir.referrers, [])
    assert.match(result.subject, /^sha256:[a-f0-9]{64}$/)
    const graph = await callHandler(table, 'image:graph', { ref: sampleRef })
    assert.equal(graph.nodes.filter((n) => n.role === 'referrer').length, 0)
  })
})
