import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { GraphEdge, GraphNode, ImageGraph } from '../../../shared/api'
import { digestOf, graphNode } from '../../harness/graphFixtures'
import { LABEL_CHAR_PX, labelRun, routeEdges } from '../../../renderer/features/image/edgeRoutes'
import {
  layoutGraph,
  type Density,
  type PlacedEdge,
  type Point,
} from '../../../renderer/features/image/layout'

function edge(from: string, to: string, relation: GraphEdge['relation'], position: number) {
  return { from: digestOf(from), to: digestOf(to), relation, position }
}

/**
 * An OCI layout's index with seven tagged manifests, each with its config, a shared base layer
 * and a layer of its own; the last lists the base second (layers[1]), so the base is entered
 * under two names.
 */
function layoutOfSeven(): ImageGraph {
  const nodes: GraphNode[] = [
    graphNode('index', 'index', 'root'),
    graphNode('base', 'layer', 'layer'),
  ]
  const edges: GraphEdge[] = []
  for (let i = 1; i <= 7; i++) {
    nodes.push(
      graphNode(`m${i}`, 'manifest', 'platform', {
        annotations: { 'org.opencontainers.image.ref.name': `v${i}` },
      }),
      graphNode(`c${i}`, 'config', 'config'),
      graphNode(`l${i}`, 'layer', 'layer'),
    )
    edges.push(edge('index', `m${i}`, 'manifest', i - 1), edge(`m${i}`, `c${i}`, 'config', 0))
    if (i < 7) edges.push(edge(`m${i}`, 'base', 'layer', 0), edge(`m${i}`, `l${i}`, 'layer', 1))
    else edges.push(edge(`m${i}`, `l${i}`, 'layer', 0), edge(`m${i}`, 'base', 'layer', 1))
  }
  return {
    ref: 'oci:/x',
    sourceLabel: 'test',
    rootId: digestOf('index'),
    nodes,
    edges,
    warnings: [],
  }
}

interface Rect {
  readonly left: number
  readonly right: number
  readonly top: number
  readonly bottom: number
}

/** The box a label's text takes (12px type, drawn 6px above its run, right-aligned). */
function labelBox(placed: PlacedEdge): Rect {
  return {
    left: placed.labelAt.x - placed.label.length * LABEL_CHAR_PX,
    right: placed.labelAt.x,
    top: placed.labelAt.y - 6 - 12,
    bottom: placed.labelAt.y - 2,
  }
}

/** Each segment's box: a monotone curve through two points stays inside it. */
function segmentBoxes(points: readonly Point[]): Rect[] {
  const boxes: Rect[] = []
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]
    const b = points[i]
    if (!a || !b) continue
    boxes.push({
      left: Math.min(a.x, b.x),
      right: Math.max(a.x, b.x),
      top: Math.min(a.y, b.y),
      bottom: Math.max(a.y, b.y),
    })
  }
  return boxes
}

const overlaps = (a: Rect, b: Rect): boolean =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom

for (const density of ['full', 'compact'] as const satisfies readonly Density[]) {
  test(`${density}: every edge ends in a level run into its child, inside the child's side`, () => {
    const layout = layoutGraph(layoutOfSeven(), density)
    const byId = new Map(layout.nodes.map((p) => [p.node.id, p]))
    for (const placed of layout.edges) {
      const child = byId.get(placed.edge.to)
      const parent = byId.get(placed.edge.from)
      assert.ok(child && parent)
      assert.ok(placed.routed, placed.label)
      const end = placed.points.at(-1)
      const before = placed.points.at(-2)
      assert.ok(end && before)
      assert.equal(end.x, child.x)
      assert.equal(before.y, end.y, 'the last stretch is level')
      assert.ok(end.y > child.y && end.y < child.y + child.height)
      assert.equal(placed.points[0]?.x, parent.x + parent.width, 'starts at the parent')
      const xs = placed.points.map((p) => p.x)
      assert.deepEqual(
        xs,
        [...xs].sort((a, b) => a - b),
        'x only grows (a monotone curve)',
      )
      if (density === 'full') assert.ok(end.x - before.x >= placed.label.length * LABEL_CHAR_PX)
    }
  })
}

test('full: no edge crosses another edge’s label; one child entered under two names gets two', () => {
  const layout = layoutGraph(layoutOfSeven(), 'full')
  const base = digestOf('base')
  const intoBase = layout.edges.filter((e) => e.edge.to === base)
  const ys = new Map(intoBase.map((e) => [e.label, e.labelAt.y]))
  assert.deepEqual([...ys.keys()].sort(), ['layers[0]', 'layers[1]'])
  // Same name: one entry point (the label is drawn once); two names: apart by a line or more.
  for (const e of intoBase) assert.equal(e.labelAt.y, ys.get(e.label))
  assert.ok(Math.abs((ys.get('layers[0]') ?? 0) - (ys.get('layers[1]') ?? 0)) >= 18)

  for (const labelled of layout.edges) {
    const box = labelBox(labelled)
    for (const other of layout.edges) {
      const sameEntry = other.edge.to === labelled.edge.to && other.label === labelled.label
      if (sameEntry) continue
      for (const segment of segmentBoxes(other.points))
        assert.ok(
          !overlaps(box, segment),
          `${labelled.label} → ${labelled.edge.to.slice(7, 15)} is crossed by ${other.label}`,
        )
    }
  }
})

test('the label band is as long as the longest label needs', () => {
  assert.ok(labelRun(['config', 'manifests[12]']) >= 'manifests[12]'.length * LABEL_CHAR_PX + 12)
  const routes = routeEdges(
    [
      {
        from: { x: 0, y: 0, width: 100, height: 50 },
        to: { x: 300, y: 100, width: 100, height: 50 },
        points: [
          { x: 100, y: 25 },
          { x: 200, y: 80 },
          { x: 300, y: 125 },
        ],
        label: 'config',
      },
      {
        // A child left of its parent (referrers) keeps the engine's points.
        from: { x: 300, y: 0, width: 100, height: 50 },
        to: { x: 0, y: 100, width: 100, height: 50 },
        points: [
          { x: 300, y: 25 },
          { x: 100, y: 125 },
        ],
        label: 'subject',
      },
    ],
    60,
  )
  assert.deepEqual(routes[0]?.points, [
    { x: 100, y: 25 },
    { x: 200, y: 80 },
    { x: 240, y: 125 },
    { x: 300, y: 125 },
  ])
  assert.equal(routes[1]?.routed, false)
  assert.deepEqual(routes[1]?.points, [
    { x: 300, y: 25 },
    { x: 100, y: 125 },
  ])
})
