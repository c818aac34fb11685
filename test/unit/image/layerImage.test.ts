import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { GraphEdge, GraphNode, ImageGraph } from '../../../shared/api'
import { digestOf, graphNode } from '../../harness/graphFixtures'
import { graphRelations } from '../../../renderer/features/image/graphRelations'
import { layerImage } from '../../../renderer/features/image/layerImage'

function edge(from: string, to: string, relation: GraphEdge['relation'], position: number) {
  return { from: digestOf(from), to: digestOf(to), relation, position }
}

function graph(nodes: GraphNode[], edges: GraphEdge[], root: string): ImageGraph {
  return { ref: 'x', sourceLabel: 'test', rootId: digestOf(root), nodes, edges, warnings: [] }
}

const layer = graphNode('layer', 'layer', 'layer')

test('a layer of a single image opens in the image the graph shows', () => {
  const g = graph(
    [graphNode('m', 'manifest', 'root'), layer],
    [edge('m', 'layer', 'layer', 0)],
    'm',
  )
  assert.deepEqual(layerImage(graphRelations(g), 'registry.test/app:v1', layer), {
    imageRef: 'registry.test/app:v1',
  })
})

test('a layer of an index opens in the platform image that lists it (not an attestation)', () => {
  const g = graph(
    [
      graphNode('index', 'index', 'root'),
      graphNode('att', 'manifest', 'attestation'),
      graphNode('arm', 'manifest', 'platform', {
        platform: { os: 'linux', architecture: 'arm64', variant: 'v8' },
      }),
      layer,
    ],
    [
      edge('index', 'att', 'manifest', 1),
      edge('index', 'arm', 'manifest', 0),
      edge('att', 'layer', 'layer', 0),
      edge('arm', 'layer', 'layer', 0),
    ],
    'index',
  )
  assert.deepEqual(layerImage(graphRelations(g), 'registry.test/app:v1', layer), {
    imageRef: 'registry.test/app:v1',
    platform: 'linux/arm64/v8',
  })
})

test('a layer of a tagged manifest in an OCI layout opens in that manifest, by digest', () => {
  const manifest = graphNode('v2', 'manifest', 'platform', {
    annotations: { 'org.opencontainers.image.ref.name': 'v2' },
  })
  const g = graph(
    [graphNode('index', 'index', 'root'), manifest, layer],
    [edge('index', 'v2', 'manifest', 0), edge('v2', 'layer', 'layer', 0)],
    'index',
  )
  assert.deepEqual(layerImage(graphRelations(g), 'oci:/srv/layout', layer), {
    imageRef: `oci:/srv/layout:${manifest.digest}`,
  })
  assert.deepEqual(layerImage(graphRelations(g), 'registry.test/app:v1', layer), {
    imageRef: `registry.test/app@${manifest.digest}`,
  })
})
