// The files view's choice of image, made from the graph: the same rule as the main side's
// openImage (nested indexes followed depth first, attestations never chosen, platform variants
// defaulted), so the view's layer strip and the files operations name the same image.

import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { GraphEdge, GraphNode } from '../../../shared/api'
import { filesImageOf, platformsOf } from '../../../renderer/features/files/imageLayers'
import { graphNode } from '../../harness/graphFixtures'

const root = graphNode('root', 'index', 'root')
const nested = graphNode('nested', 'index', 'platform')
const amd64 = graphNode('amd64', 'manifest', 'platform', {
  platform: { os: 'linux', architecture: 'amd64' },
})
const attestation = graphNode('attestation', 'manifest', 'attestation', {
  platform: { os: 'unknown', architecture: 'unknown' },
  annotations: { 'vnd.docker.reference.type': 'attestation-manifest' },
})
const arm64 = graphNode('arm64', 'manifest', 'platform', {
  platform: { os: 'linux', architecture: 'arm64', variant: 'v8' },
})
const layer = graphNode('layer', 'layer', 'layer')

const edge = (
  from: GraphNode,
  to: GraphNode,
  relation: GraphEdge['relation'],
  position: number,
) => ({
  from: from.id,
  to: to.id,
  relation,
  position,
})

const graph = {
  rootId: root.id,
  nodes: [root, nested, amd64, attestation, arm64, layer],
  edges: [
    edge(root, attestation, 'manifest', 0),
    edge(root, nested, 'manifest', 1),
    edge(nested, amd64, 'manifest', 0),
    edge(nested, arm64, 'manifest', 1),
    edge(arm64, layer, 'layer', 0),
  ],
}

test('the first image of a nested index, never the attestation before it', () => {
  assert.equal(filesImageOf(graph)?.manifestDigest, amd64.digest)
  assert.deepEqual(platformsOf(graph), ['linux/amd64', 'linux/arm64/v8'])
})

test('a platform without its variant means the default variant (arm64 is v8)', () => {
  const image = filesImageOf(graph, 'linux/arm64')
  assert.equal(image?.manifestDigest, arm64.digest)
  assert.deepEqual(
    image?.layers.map((l) => l.digest),
    [layer.digest],
  )
  assert.equal(filesImageOf(graph, 'linux/arm64/v8')?.manifestDigest, arm64.digest)
})

test('a platform the index lacks, or unreadable text, chooses nothing', () => {
  assert.equal(filesImageOf(graph, 'linux/s390x'), undefined)
  assert.equal(filesImageOf(graph, 'not a platform'), undefined)
})
