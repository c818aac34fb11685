import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { GraphEdge, GraphNode, GraphNodeRole, ImageGraph } from '../../../shared/api'
import type { ObjectKind } from '../../../shared/oci/mediaTypes'
import { digestOf, graphNode } from '../../harness/graphFixtures'
import {
  edgeLabel,
  layoutGraph,
  NODE_HEIGHT,
  NODE_WIDTH,
} from '../../../renderer/features/image/layout'

function node(
  name: string,
  kind: ObjectKind,
  role: GraphNodeRole,
  extra: Partial<GraphNode> = {},
): GraphNode {
  return graphNode(name, kind, role, { size: 1234, ...extra })
}

function edge(
  from: string,
  to: string,
  relation: GraphEdge['relation'],
  position: number,
): GraphEdge {
  return { from: digestOf(from), to: digestOf(to), relation, position }
}

/** index → 2 platform manifests; each → config + 3 layers; layer "base" shared by both. */
function sampleGraph(): ImageGraph {
  const nodes = [
    node('index', 'index', 'root'),
    node('amd64', 'manifest', 'platform', { platform: { os: 'linux', architecture: 'amd64' } }),
    node('arm64', 'manifest', 'platform', {
      platform: { os: 'linux', architecture: 'arm64', variant: 'v8' },
    }),
    node('cfg-amd64', 'config', 'config'),
    node('cfg-arm64', 'config', 'config'),
    node('base', 'layer', 'layer'),
    node('amd-1', 'layer', 'layer'),
    node('amd-2', 'layer', 'layer'),
    node('arm-1', 'layer', 'layer'),
    node('arm-2', 'layer', 'layer'),
  ]
  const edges = [
    edge('index', 'amd64', 'manifest', 0),
    edge('index', 'arm64', 'manifest', 1),
    edge('amd64', 'amd-2', 'layer', 2),
    edge('amd64', 'cfg-amd64', 'config', 0),
    edge('amd64', 'amd-1', 'layer', 1),
    edge('amd64', 'base', 'layer', 0),
    edge('arm64', 'cfg-arm64', 'config', 0),
    edge('arm64', 'base', 'layer', 0),
    edge('arm64', 'arm-1', 'layer', 1),
    edge('arm64', 'arm-2', 'layer', 2),
  ]
  return {
    ref: 'oci:/x:demo',
    sourceLabel: 'test',
    rootId: digestOf('index'),
    nodes,
    edges,
    warnings: [],
  }
}

test('left to right: index, then manifests, then one column of configs and layers', () => {
  const layout = layoutGraph(sampleGraph())
  const at = (name: string): { x: number; y: number } => {
    const placed = layout.nodes.find((p) => p.node.label === name)
    assert.ok(placed, name)
    return placed
  }
  assert.ok(at('index').x < at('amd64').x)
  assert.equal(at('amd64').x, at('arm64').x)
  assert.ok(at('amd64').x < at('cfg-amd64').x)
  for (const name of ['base', 'amd-1', 'amd-2', 'cfg-arm64', 'arm-1', 'arm-2'])
    assert.equal(at(name).x, at('cfg-amd64').x, name)
  // Seven configs and layers stacked in one column, three cards wide.
  assert.ok(layout.height >= 7 * NODE_HEIGHT)
  assert.ok(layout.width >= 3 * NODE_WIDTH && layout.width < 5 * NODE_WIDTH)
})

test('a shared layer is one node with an edge from each manifest', () => {
  const layout = layoutGraph(sampleGraph())
  assert.equal(layout.nodes.filter((p) => p.node.label === 'base').length, 1)
  const intoBase = layout.edges.filter((e) => e.edge.to === digestOf('base'))
  assert.equal(intoBase.length, 2)
  assert.equal(layout.edges.length, 10)
  for (const placed of layout.edges) assert.ok(placed.points.length >= 2)
})

test("a manifest's children keep document order top to bottom: config, layers[0], layers[1] …", () => {
  const layout = layoutGraph(sampleGraph())
  const y = (name: string): number => layout.nodes.find((p) => p.node.label === name)?.y ?? NaN
  // The shared bottom layer sits in the first manifest's column, in its place.
  assert.ok(y('cfg-amd64') < y('base'))
  assert.ok(y('base') < y('amd-1'))
  assert.ok(y('amd-1') < y('amd-2'))
  assert.ok(y('cfg-arm64') < y('arm-1'))
  assert.ok(y('arm-1') < y('arm-2'))
  // One manifest's column comes before the next one's.
  assert.ok(y('amd-2') < y('cfg-arm64'))
})

test('nodes come in reading order (the Tab order): column by column, no two overlap', () => {
  const { nodes } = layoutGraph(sampleGraph())
  for (let i = 1; i < nodes.length; i++) {
    const a = nodes[i - 1]!
    const b = nodes[i]!
    assert.ok(a.x < b.x || (a.x === b.x && a.y < b.y), 'reading order')
    if (a.x === b.x) assert.ok(a.y + a.height <= b.y, 'no overlap')
  }
})

test('edge labels name the JSON field of the parent and end just before the child', () => {
  assert.equal(edgeLabel(edge('a', 'b', 'layer', 3)), 'layers[3]')
  assert.equal(edgeLabel(edge('a', 'b', 'manifest', 0)), 'manifests[0]')
  assert.equal(edgeLabel(edge('a', 'b', 'config', 0)), 'config')
  assert.equal(edgeLabel(edge('a', 'b', 'subject', 0)), 'subject')
  const layout = layoutGraph(sampleGraph())
  for (const placed of layout.edges) {
    const child = layout.nodes.find((p) => p.node.id === placed.edge.to)!
    assert.ok(placed.labelAt.x <= child.x && placed.labelAt.x > child.x - 40, placed.label)
  }
})

test('an empty graph and a single manifest lay out without errors', () => {
  assert.deepEqual(layoutGraph({ ...sampleGraph(), nodes: [], edges: [] }).nodes, [])
  const single = layoutGraph({
    ...sampleGraph(),
    rootId: digestOf('only'),
    nodes: [node('only', 'manifest', 'root')],
    edges: [],
  })
  assert.equal(single.nodes.length, 1)
})

test('nested indexes: every manifest in one column, whatever its depth', () => {
  const graph = sampleGraph()
  const nested: ImageGraph = {
    ...graph,
    rootId: digestOf('outer'),
    nodes: [
      node('outer', 'index', 'root'),
      ...graph.nodes.map((n) =>
        n.label === 'index' ? { ...n, role: 'nested-index' as const } : n,
      ),
      node('solo', 'manifest', 'platform'),
      node('cfg-solo', 'config', 'config'),
    ],
    edges: [
      edge('outer', 'index', 'manifest', 0),
      edge('outer', 'solo', 'manifest', 1),
      edge('solo', 'cfg-solo', 'config', 0),
      ...graph.edges,
    ],
  }
  const layout = layoutGraph(nested)
  const at = (name: string) => layout.nodes.find((p) => p.node.label === name)!
  assert.equal(at('solo').x, at('amd64').x)
  assert.equal(at('cfg-solo').x, at('base').x)
  assert.ok(at('outer').x < at('index').x && at('index').x < at('amd64').x)
  // manifests[1] of the outer index comes after everything the inner index lists.
  assert.ok(at('arm64').y < at('solo').y)
})

test('the same image is drawn the same, whatever order its nodes and edges arrive in', () => {
  const graph = sampleGraph()
  const positions = (g: ImageGraph): string[] =>
    layoutGraph(g)
      .nodes.map((p) => `${p.node.label}@${p.x},${p.y}`)
      .sort()
  const shuffled = {
    ...graph,
    nodes: [...graph.nodes].reverse(),
    edges: [...graph.edges].reverse(),
  }
  assert.deepEqual(positions(shuffled), positions(graph))
})
