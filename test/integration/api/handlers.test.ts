// The handler table both transports serve, composed exactly as the app composes it, run
// against the bundled sample layout (a real OCI layout that skopeo and umoci accept).

import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, test } from 'node:test'
import type { ArgsOf, OperationName, ResultOf } from '../../../shared/api'
import type { ImageIndex, ImageManifest } from '../../../shared/oci/types'
import type { HandlerTable } from '../../../electron/api/handlerTable'
import { callHandler, callHandlerError } from '../../harness/handlerCalls'
import { createHandlers } from '../../../electron/api/handlers'
import { composeServices } from '../../../electron/app/composeServices'
import { SAMPLE_LAYOUT_DIR } from '../../../electron/app/appPaths'

let dataDir: string
let table: HandlerTable
let sampleRef: string

function call<N extends OperationName>(name: N, args: ArgsOf<N>): Promise<ResultOf<N>> {
  return callHandler(table, name, args)
}

function callError(name: OperationName, args: unknown): Promise<string> {
  return callHandlerError(table, name, args)
}

async function readBlob<T>(digest: string): Promise<T> {
  const file = path.join(SAMPLE_LAYOUT_DIR, 'blobs', 'sha256', digest.slice('sha256:'.length))
  return JSON.parse(await readFile(file, 'utf8')) as T
}

before(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'strata-handlers-'))
  const services = await composeServices({ mode: 'web', dataDir, env: {} })
  table = createHandlers(services)
  sampleRef = (await call('app:info', {})).sampleRef
})
after(() => rm(dataDir, { recursive: true, force: true }))

test('the sample graph: index → two platform manifests → shared layers, with history', async () => {
  const graph = await call('image:graph', { ref: sampleRef })
  const root = graph.nodes.find((node) => node.id === graph.rootId)
  assert.equal(root?.kind, 'index')
  assert.equal(root?.role, 'root')
  const index = await readBlob<ImageIndex>(graph.rootId)
  const platforms = graph.nodes.filter((node) => node.role === 'platform')
  assert.deepEqual(
    platforms.map((node) => node.digest).sort(),
    index.manifests.map((m) => m.digest).sort(),
  )
  // Every layer of every manifest is one node, shared layers only once.
  const layerDigests = new Set<string>()
  for (const platform of platforms) {
    const manifest = await readBlob<ImageManifest>(platform.digest)
    manifest.layers.forEach((layer) => layerDigests.add(layer.digest))
  }
  const layerNodes = graph.nodes.filter((node) => node.role === 'layer')
  assert.deepEqual(layerNodes.map((node) => node.digest).sort(), [...layerDigests].sort())
  assert.ok(layerNodes.length < 8, 'the two images share layers, drawn once')
  const layerEdges = graph.edges.filter((edge) => edge.relation === 'layer')
  assert.equal(layerEdges.length, 8, 'four layers per image, edges from both manifests')
  assert.ok(
    layerNodes.every((node) => (node.history?.length ?? 0) > 0),
    'history per layer',
  )
  const config = graph.nodes.find((node) => node.role === 'config')
  assert.match(config?.document ?? '', /"diff_ids"/)
  assert.deepEqual(graph.warnings, [])
  assert.ok(root?.commands.some((command) => command.tool === 'skopeo'))
})

test('image:summary counts each blob once and lists the platforms', async () => {
  const summary = await call('image:summary', { ref: sampleRef })
  assert.deepEqual(summary.platforms, ['linux/amd64', 'linux/arm64/v8'])
  const graph = await call('image:graph', { ref: sampleRef })
  const expected = graph.nodes.reduce((sum, node) => sum + node.size, 0)
  assert.equal(summary.totalSize, expected)
})

test('image:object opens any digest by itself, with or without a media type', async () => {
  const graph = await call('image:graph', { ref: sampleRef })
  const config = graph.nodes.find((node) => node.role === 'config')
  assert.ok(config)
  const bare = await call('image:object', { ref: sampleRef, digest: config.digest })
  assert.equal(bare.size, config.size)
  assert.match(bare.text, /"rootfs"/)
  const platform = graph.nodes.find((node) => node.role === 'platform')
  assert.ok(platform)
  const typed = await call('image:object', {
    ref: sampleRef,
    digest: platform.digest,
    mediaType: platform.mediaType,
  })
  assert.match(typed.text, /"layers"/)
  const missing = `sha256:${'0'.repeat(64)}`
  assert.equal(await callError('image:object', { ref: sampleRef, digest: missing }), 'NOT_FOUND')
  assert.equal(
    await callError('image:object', { ref: sampleRef, digest: 'sha256:xyz' }),
    'BAD_INPUT',
  )
})

test('registries: add, list, remove; plain http only where allowed', async () => {
  const added = await call('registries:add', { address: 'http://127.0.0.1:5999/' })
  assert.equal(added.host, '127.0.0.1:5999')
  assert.deepEqual(
    (await call('registries:list', {})).map((entry) => entry.host),
    ['127.0.0.1:5999'],
  )
  const saved = JSON.parse(await readFile(path.join(dataDir, 'registries.json'), 'utf8')) as object
  assert.doesNotMatch(JSON.stringify(saved), /password/)
  assert.deepEqual(await call('registries:remove', { host: '127.0.0.1:5999' }), [])
})

test('arguments are checked at the boundary', async () => {
  assert.equal(await callError('image:graph', {}), 'BAD_INPUT')
  assert.equal(await callError('image:graph', { ref: 42 }), 'BAD_INPUT')
  assert.equal(await callError('image:graph', { ref: 'x'.repeat(5000) }), 'BAD_INPUT')
  assert.equal(await callError('registry:listTags', { repository: 'a', pageSize: 0 }), 'BAD_INPUT')
  assert.equal(await callError('image:graph', { ref: 'oci:/nonexistent/layout' }), 'NOT_FOUND')
  assert.equal(await callError('image:graph', { ref: 'Bad Ref!!' }), 'BAD_INPUT')
})
