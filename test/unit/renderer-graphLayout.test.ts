import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { GraphEdge, GraphNode, GraphNodeRole, ImageGraph } from '../../shared/api'
import type { ObjectKind } from '../../shared/oci/mediaTypes'
import { edgeLabel, layoutGraph, NODE_HEIGHT } from '../../renderer/features/graph/layout'
import {
  nodeAccessibleName,
  roleBadge,
  truncate,
  truncateMediaType,
} from '../../renderer/features/graph/nodeText'

const digestOf = (name: string): string =>
  `sha256:${Buffer.from(name).toString('hex').padEnd(64, '0').slice(0, 64)}`

function node(
  name: string,
  kind: ObjectKind,
  role: GraphNodeRole,
  extra: Partial<GraphNode> = {},
): GraphNode {
  const digest = digestOf(name)
  return {
    id: digest,
    digest,
    mediaType: `application/vnd.test.${kind}`,
    size: 1234,
    kind,
    role,
    label: name,
    explanation: '',
    commands: [],
    ...extra,
  }
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

test('layers: index on top, manifests below, configs and layers at the bottom', () => {
  const layout = layoutGraph(sampleGraph())
  const y = (name: string): number => {
    const placed = layout.nodes.find((p) => p.node.label === name)
    assert.ok(placed, name)
    return placed.y
  }
  assert.ok(y('index') < y('amd64'))
  assert.equal(y('amd64'), y('arm64'))
  assert.ok(y('amd64') < y('cfg-amd64'))
  assert.equal(y('cfg-amd64'), y('base'))
  assert.equal(y('base'), y('arm-2'))
  assert.ok(layout.width > 0 && layout.height >= 3 * NODE_HEIGHT)
})

test('a shared layer is one node with an edge from each manifest', () => {
  const layout = layoutGraph(sampleGraph())
  assert.equal(layout.nodes.filter((p) => p.node.label === 'base').length, 1)
  const intoBase = layout.edges.filter((e) => e.edge.to === digestOf('base'))
  assert.equal(intoBase.length, 2)
  assert.equal(layout.edges.length, 10)
  for (const placed of layout.edges) assert.ok(placed.points.length >= 2)
})

test("a manifest's own children keep document order left to right: config, then layers", () => {
  const layout = layoutGraph(sampleGraph())
  const x = (name: string): number => layout.nodes.find((p) => p.node.label === name)?.x ?? NaN
  assert.ok(x('cfg-amd64') < x('amd-1'))
  assert.ok(x('amd-1') < x('amd-2'))
  assert.ok(x('cfg-arm64') < x('arm-1'))
  assert.ok(x('arm-1') < x('arm-2'))
})

test('nodes come in reading order (the Tab order), no two overlap', () => {
  const { nodes } = layoutGraph(sampleGraph())
  for (let i = 1; i < nodes.length; i++) {
    const a = nodes[i - 1]!
    const b = nodes[i]!
    assert.ok(a.y < b.y || (a.y === b.y && a.x < b.x), 'reading order')
    if (a.y === b.y) assert.ok(a.x + a.width <= b.x, 'no overlap')
  }
})

test('edge labels name the JSON field of the parent', () => {
  assert.equal(edgeLabel(edge('a', 'b', 'layer', 3)), 'layers[3]')
  assert.equal(edgeLabel(edge('a', 'b', 'manifest', 0)), 'manifests[0]')
  assert.equal(edgeLabel(edge('a', 'b', 'config', 0)), 'config')
  assert.equal(edgeLabel(edge('a', 'b', 'subject', 0)), 'subject')
})

test('an empty graph and a single manifest lay out without errors', () => {
  assert.deepEqual(layoutGraph({ ...sampleGraph(), nodes: [], edges: [] }).nodes, [])
  const single = layoutGraph({
    ...sampleGraph(),
    nodes: [node('only', 'manifest', 'root')],
    edges: [],
  })
  assert.equal(single.nodes.length, 1)
})

test('node text: role badges, truncation, accessible names', () => {
  const amd = node('amd64', 'manifest', 'platform', {
    platform: { os: 'linux', architecture: 'arm', variant: 'v7' },
  })
  assert.equal(roleBadge(amd), 'linux/arm/v7')
  assert.equal(roleBadge(node('x', 'manifest', 'attestation')), 'attestation')
  assert.equal(roleBadge(node('x', 'index', 'nested-index')), 'nested index')
  assert.equal(roleBadge(node('x', 'layer', 'layer')), 'layer')
  assert.equal(truncate('abcdef', 4), 'abc…')
  assert.equal(truncate('abc', 4), 'abc')
  assert.equal(truncateMediaType('application/vnd.oci.image.layer.v1.tar+gzip', 12), '…v1.tar+gzip')
  assert.equal(truncateMediaType('short', 12), 'short')
  assert.match(nodeAccessibleName(amd), /^amd64, linux\/arm\/v7, sha256:616d64363400, /)
})
