// Real images Strata used to refuse or misshow, against a real distribution 2.8 registry (with
// schema 1 pushes enabled), through the handler table both transports serve: signed schema 1
// manifests (re-signed by the registry on every GET), objects opened by digest alone, Docker
// v2 configs typed application/octet-stream, a manifest's own artifactType and annotations,
// and a config that is not JSON.

import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { after, before, describe, it } from 'node:test'
import type { ArgsOf, GraphNode, ImageGraph, OperationName, ResultOf } from '../../../shared/api'
import type { ApiError, ApiResult } from '../../../shared/errors'
import { MEDIA_TYPES } from '../../../shared/oci/mediaTypes'
import { composeServices } from '../../../electron/app/composeServices'
import { createHandlers } from '../../../electron/api/handlers'
import { dispatchCall, type HandlerTable } from '../../../electron/api/handlerTable'
import type { Services } from '../../../electron/api/services'
import { RegistryPusher } from '../../harness/ociPusher'
import { startRegistry, type RunningRegistry } from '../../harness/registryServer'
import { signSchema1 } from '../../harness/schema1Signing'
import { startTamperingProxy, type RunningProxy } from '../../harness/tamperingProxy'

const sha256 = (bytes: Uint8Array): string =>
  `sha256:${createHash('sha256').update(bytes).digest('hex')}`
const json = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value))

describe('registry compatibility (distribution 2.8, schema 1 enabled)', () => {
  let registry: RunningRegistry
  let proxy: RunningProxy
  let dataDir: string
  let services: Services
  let table: HandlerTable
  let pusher: RegistryPusher

  async function result<N extends OperationName>(
    name: N,
    args: ArgsOf<N>,
  ): Promise<ApiResult<ResultOf<N>>> {
    const signal = new AbortController().signal
    return (await dispatchCall(table, name, args, { signal, emit: () => undefined })) as ApiResult<
      ResultOf<N>
    >
  }
  async function call<N extends OperationName>(name: N, args: ArgsOf<N>): Promise<ResultOf<N>> {
    const answer = await result(name, args)
    if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`)
    return answer.value
  }
  async function failure<N extends OperationName>(name: N, args: ArgsOf<N>): Promise<ApiError> {
    const answer = await result(name, args)
    assert.equal(answer.ok, false, `${name} should fail`)
    return answer.ok ? { code: 'INTERNAL', message: '' } : answer.error
  }
  const ref = (path: string, host = registry.host): string => `docker://${host}/${path}`
  const node = (graph: ImageGraph, digest: string): GraphNode => {
    const found = graph.nodes.find((n) => n.digest === digest)
    assert.ok(found, `graph has a node for ${digest}`)
    return found
  }

  /** Pushes blobs and an image manifest built from them; returns the manifest's digest. */
  async function pushImage(
    repository: string,
    tag: string,
    manifest: Record<string, unknown>,
    blobs: readonly Uint8Array[],
    mediaType: string = MEDIA_TYPES.ociManifest,
  ): Promise<{ digest: string; bytes: Uint8Array }> {
    for (const blob of blobs) await pusher.pushBlob(repository, sha256(blob), blob)
    const bytes = json({ schemaVersion: 2, mediaType, ...manifest })
    return { digest: await pusher.pushManifest(repository, tag, bytes, mediaType), bytes }
  }

  const layer = gzipSync(Buffer.from('compat layer bytes'))
  const dockerConfig = json({
    architecture: 'amd64',
    os: 'linux',
    created: '2016-03-01T10:00:00Z',
    config: { Cmd: ['/bin/sh'] },
    rootfs: { type: 'layers', diff_ids: [sha256(Buffer.from('compat layer bytes'))] },
    history: [{ created_by: '/bin/sh -c #(nop) ADD file:legacy in /' }],
  })
  const descriptorOf = (blob: Uint8Array, mediaType: string): Record<string, unknown> => ({
    mediaType,
    digest: sha256(blob),
    size: blob.length,
  })

  before(async () => {
    registry = await startRegistry({ schema1: true })
    proxy = await startTamperingProxy(registry.host)
    dataDir = await mkdtemp(join(tmpdir(), 'strata-compat-'))
    services = await composeServices({ mode: 'web', dataDir, env: {}, onWarning: () => undefined })
    table = createHandlers(services)
    pusher = new RegistryPusher({ host: registry.host })
  })
  after(async () => {
    await services?.close()
    await proxy?.stop()
    await registry?.stop()
    await rm(dataDir, { recursive: true, force: true })
  })

  it('shows a signed schema 1 manifest the registry re-signs on every GET', async () => {
    const top = gzipSync(Buffer.from('top layer'))
    const empty = gzipSync(Buffer.alloc(1024))
    const base = gzipSync(Buffer.from('base layer'))
    for (const blob of [top, empty, base]) await pusher.pushBlob('legacy/app', sha256(blob), blob)
    const made = signSchema1({
      name: 'legacy/app',
      tag: 'v1',
      architecture: 'amd64',
      fsLayers: [top, empty, base].map((blob) => ({ blobSum: sha256(blob) })),
      history: [
        {
          id: 'c'.repeat(64),
          parent: 'b'.repeat(64),
          container_config: { Cmd: ['/bin/sh', '-c', 'echo hi > /greeting'] },
        },
        {
          id: 'b'.repeat(64),
          parent: 'a'.repeat(64),
          throwaway: true,
          container_config: { Cmd: ['/bin/sh', '-c', '#(nop) ENV MODE=legacy'] },
        },
        {
          id: 'a'.repeat(64),
          created: '2015-06-01T00:00:00Z',
          container_config: { Cmd: ['/bin/sh', '-c', '#(nop) ADD file:base in /'] },
        },
      ],
    })
    // What the real registry does: it takes the signed PUT, names it by the payload's digest,
    // and serves it re-signed with its own key, different bytes on every GET.
    const pushed = await pusher.pushManifest(
      'legacy/app',
      'v1',
      made.signed,
      MEDIA_TYPES.dockerSchema1Signed,
    )
    assert.equal(pushed, made.digest)
    const bodies = await Promise.all(
      [1, 2].map(async () => {
        const response = await fetch(`${registry.url}/v2/legacy/app/manifests/v1`, {
          headers: { accept: MEDIA_TYPES.dockerSchema1Signed },
        })
        assert.equal(response.headers.get('docker-content-digest'), made.digest)
        return new Uint8Array(await response.arrayBuffer())
      }),
    )
    assert.notEqual(sha256(bodies[0] ?? new Uint8Array()), sha256(bodies[1] ?? new Uint8Array()))
    assert.notEqual(sha256(bodies[0] ?? new Uint8Array()), made.digest)

    const graph = await call('image:graph', { ref: ref('legacy/app:v1') })
    assert.equal(graph.rootId, made.digest)
    const root = node(graph, made.digest)
    assert.equal(root.kind, 'schema1')
    assert.equal(root.mediaType, MEDIA_TYPES.dockerSchema1Signed)
    assert.match(root.document ?? '', /"fsLayers"/)
    // fsLayers[0] is the top layer; edges keep fsLayers positions.
    const layerEdges = graph.edges.filter((e) => e.relation === 'layer')
    assert.deepEqual(
      layerEdges.map((e) => [e.position, e.to]),
      [top, empty, base].map((blob, i) => [i, sha256(blob)]),
    )
    assert.deepEqual(node(graph, sha256(top)).history, ['RUN echo hi > /greeting'])
    assert.deepEqual(node(graph, sha256(empty)).history, ['ENV MODE=legacy'])
    assert.deepEqual(node(graph, sha256(base)).history, ['ADD file:base in /'])

    const byDigest = await call('image:graph', { ref: ref(`legacy/app@${made.digest}`) })
    assert.equal(byDigest.rootId, made.digest)
    const summary = await call('image:summary', { ref: ref('legacy/app:v1') })
    assert.equal(summary.kind, 'schema1')
    assert.equal(summary.digest, made.digest)
    const object = await call('image:object', {
      ref: ref('legacy/app:v1'),
      digest: made.digest,
      mediaType: MEDIA_TYPES.dockerSchema1Signed,
    })
    assert.match(object.text, /"signatures"/)

    // A payload changed in transit (one blobSum altered) is still refused.
    const tampered = await failure('image:graph', { ref: ref('corrupt/legacy/app:v1', proxy.host) })
    assert.equal(tampered.code, 'DIGEST_MISMATCH')
  })

  it('opens a config or a manifest by digest alone (no size, no media type), and labels it', async () => {
    const config = dockerConfig
    const image = await pushImage(
      'demo/objects',
      'v1',
      {
        config: descriptorOf(config, MEDIA_TYPES.ociConfig),
        layers: [descriptorOf(layer, MEDIA_TYPES.ociLayerGzip)],
      },
      [config, layer],
    )
    const at = ref('demo/objects:v1')

    // distribution answers a config digest on /manifests/ with HTTP 500: that is "not a
    // manifest here", and the blob endpoint is asked next.
    const bare = await call('image:object', { ref: at, digest: sha256(config) })
    assert.equal(bare.size, config.length)
    assert.equal(bare.label, 'image config')
    assert.match(bare.text, /"diff_ids"/)

    const typed = await call('image:object', {
      ref: at,
      digest: sha256(config),
      mediaType: MEDIA_TYPES.ociConfig,
    })
    assert.equal(typed.size, config.length)
    assert.equal(typed.mediaType, MEDIA_TYPES.ociConfig)

    const manifest = await call('image:object', { ref: at, digest: image.digest })
    assert.equal(manifest.mediaType, MEDIA_TYPES.ociManifest)
    assert.equal(manifest.size, image.bytes.length)
    assert.equal(manifest.label, undefined)

    const missing = await failure('image:object', { ref: at, digest: `sha256:${'e'.repeat(64)}` })
    assert.equal(missing.code, 'NOT_FOUND')
  })

  it('reads a Docker v2 config typed application/octet-stream, and names it when missing', async () => {
    const config = json({
      ...(JSON.parse(new TextDecoder().decode(dockerConfig)) as object),
      created: '2016-03-02T10:00:00Z',
    })
    const image = await pushImage(
      'legacy/hub',
      'v1',
      {
        config: descriptorOf(config, 'application/octet-stream'),
        layers: [descriptorOf(layer, MEDIA_TYPES.dockerLayerGzip)],
      },
      [config, layer],
      MEDIA_TYPES.dockerManifest,
    )
    const graph = await call('image:graph', { ref: ref('legacy/hub:v1') })
    assert.equal(graph.rootId, image.digest)
    const configNode = node(graph, sha256(config))
    assert.equal(configNode.kind, 'config')
    assert.equal(configNode.label, 'image config')
    assert.equal(configNode.unknownMediaType, undefined)
    assert.match(configNode.document ?? '', /"created_by"/)
    assert.deepEqual(node(graph, sha256(layer)).history, ['ADD file:legacy in /'])
    const summary = await call('image:summary', { ref: ref('legacy/hub:v1') })
    assert.deepEqual(summary.platforms, ['linux/amd64'])
    assert.equal(summary.created, '2016-03-02T10:00:00Z')

    // The registry loses the config blob: the node says which blob is missing.
    const lost = json({
      architecture: 'amd64',
      os: 'linux',
      rootfs: { type: 'layers', diff_ids: [] },
    })
    await pushImage(
      'legacy/lost',
      'v1',
      {
        config: descriptorOf(lost, 'application/octet-stream'),
        layers: [descriptorOf(layer, MEDIA_TYPES.dockerLayerGzip)],
      },
      [lost, layer],
      MEDIA_TYPES.dockerManifest,
    )
    const deleted = await fetch(`${registry.url}/v2/legacy/lost/blobs/${sha256(lost)}`, {
      method: 'DELETE',
    })
    assert.equal(deleted.status, 202)
    const lostGraph = await call('image:graph', { ref: ref('legacy/lost:v1') })
    const lostNode = node(lostGraph, sha256(lost))
    assert.equal(lostNode.documentError?.code, 'NOT_FOUND')
    assert.ok(lostNode.documentError?.message.includes(sha256(lost)))
    assert.equal(lostNode.document, undefined)
  })

  it("shows the root manifest's own artifactType and annotations beside the descriptor's", async () => {
    const empty = new TextEncoder().encode('{}')
    const own = { 'org.opencontainers.image.title': 'the document says this' }
    const artifact = await pushImage(
      'demo/own',
      'v1',
      {
        artifactType: 'application/vnd.example.report.v1',
        config: descriptorOf(empty, MEDIA_TYPES.ociEmpty),
        layers: [descriptorOf(layer, 'application/vnd.example.report.layer.v1')],
        annotations: own,
      },
      [empty, layer],
    )
    const graph = await call('image:graph', { ref: ref('demo/own:v1') })
    const root = node(graph, artifact.digest)
    assert.deepEqual(root.documentAnnotations, own)
    assert.equal(root.documentArtifactType, 'application/vnd.example.report.v1')
    assert.equal(root.annotations, undefined, 'resolving a tag gives no descriptor annotations')

    // Listed by an index whose descriptor says something else: both are kept.
    const listed = { 'org.opencontainers.image.title': 'the index says this' }
    const indexBytes = json({
      schemaVersion: 2,
      mediaType: MEDIA_TYPES.ociIndex,
      manifests: [
        {
          mediaType: MEDIA_TYPES.ociManifest,
          digest: artifact.digest,
          size: artifact.bytes.length,
          annotations: listed,
        },
      ],
    })
    await pusher.pushManifest('demo/own', 'index', indexBytes, MEDIA_TYPES.ociIndex)
    const indexGraph = await call('image:graph', { ref: ref('demo/own:index') })
    const child = node(indexGraph, artifact.digest)
    assert.deepEqual(child.annotations, listed)
    assert.deepEqual(child.documentAnnotations, own)
  })

  it('image:summary calls a config that is not JSON MALFORMED, naming the blob', async () => {
    const notJson = new TextEncoder().encode('this is not json {')
    await pushImage(
      'demo/badconfig',
      'v1',
      {
        config: descriptorOf(notJson, MEDIA_TYPES.ociConfig),
        layers: [descriptorOf(layer, MEDIA_TYPES.ociLayerGzip)],
      },
      [notJson, layer],
    )
    const error = await failure('image:summary', { ref: ref('demo/badconfig:v1') })
    assert.equal(error.code, 'MALFORMED')
    assert.ok(error.message.includes(sha256(notJson)), error.message)
    const graph = await call('image:graph', { ref: ref('demo/badconfig:v1') })
    assert.equal(node(graph, sha256(notJson)).document, 'this is not json {')
  })
})
