// The graph and details views on a schema 1 manifest: edges labelled as its JSON names them
// (fsLayers[i]), a layer's listing read from fsLayers, and layers without sizes said so.

import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { GraphEdge, GraphNode } from '../../../shared/api'
import { listedDescriptors } from '../../../renderer/features/image/descriptors'
import {
  graphRelations,
  layerOrdinal,
  layerPlaces,
} from '../../../renderer/features/image/graphRelations'
import { edgeLabel, layoutGraph } from '../../../renderer/features/image/layout'
import { cardSizeText, nodeTooltip, sizeText } from '../../../renderer/features/image/nodeText'
import { initTranslations } from '../../../renderer/i18n/translate'

// The cards' words come from the catalogues; these tests read them in English.
initTranslations('en')

const hex = (c: string): string => `sha256:${c.repeat(64)}`
const ROOT = hex('1')
const TOP = hex('a')
const BASE = hex('b')

const base = { label: 'x', explanation: '', commands: [] }
const root: GraphNode = {
  ...base,
  id: ROOT,
  digest: ROOT,
  mediaType: 'application/vnd.docker.distribution.manifest.v1+prettyjws',
  size: 900,
  kind: 'schema1',
  role: 'root',
  document: JSON.stringify({
    schemaVersion: 1,
    name: 'legacy/app',
    tag: 'v1',
    fsLayers: [{ blobSum: TOP }, { blobSum: BASE }],
    history: [{ v1Compatibility: '{}' }, { v1Compatibility: '{}' }],
  }),
}
const layer = (digest: string): GraphNode => ({
  ...base,
  id: digest,
  digest,
  mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
  size: -1,
  kind: 'layer',
  role: 'layer',
})
const edges: GraphEdge[] = [
  { from: ROOT, to: TOP, relation: 'layer', position: 0 },
  { from: ROOT, to: BASE, relation: 'layer', position: 1 },
]

test('schema 1 layer edges are labelled fsLayers[i], others layers[i]', () => {
  const edge = edges[1] as GraphEdge
  assert.equal(edgeLabel(edge, 'schema1'), 'fsLayers[1]')
  assert.equal(edgeLabel(edge, 'manifest'), 'layers[1]')
  assert.equal(edgeLabel(edge), 'layers[1]')
  const placed = layoutGraph({
    ref: 'docker://127.0.0.1:5000/legacy/app:v1',
    sourceLabel: 'registry',
    rootId: ROOT,
    nodes: [root, layer(TOP), layer(BASE)],
    edges,
    warnings: [],
  })
  assert.deepEqual(placed.edges.map((e) => e.label).sort(), ['fsLayers[0]', 'fsLayers[1]'])
})

test("a schema 1 layer's listing is its fsLayers entry", () => {
  const relations = graphRelations({ nodes: [root, layer(TOP), layer(BASE)], edges })
  const listed = listedDescriptors(relations, BASE)
  assert.deepEqual(
    listed.map((l) => [l.field, l.descriptor]),
    [['fsLayers[1]', { blobSum: BASE }]],
  )
})

test('a size schema 1 does not list is said so, not shown as -1 B', () => {
  assert.equal(sizeText(-1), 'size not listed')
  assert.equal(sizeText(2048), '2 KiB')
  assert.match(nodeTooltip(layer(TOP), []), /size not listed/)
})

test('a schema 1 layer is numbered from the bottom, though fsLayers lists it top first', () => {
  const relations = graphRelations({ nodes: [root, layer(TOP), layer(BASE)], edges })
  assert.equal(layerOrdinal(layerPlaces(relations, TOP)), 'layer 2 of 2')
  assert.equal(layerOrdinal(layerPlaces(relations, BASE)), 'layer 1 of 2')
  assert.equal(cardSizeText(-1), 'no size')
})
