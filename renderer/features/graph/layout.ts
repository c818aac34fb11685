// Lays the image graph out as layered DAG, top to bottom: index → nested index → manifests →
// config and layers. Pure (dagre only), so it runs in unit tests.
import { graphlib, layout } from '@dagrejs/dagre'
import type { GraphEdge, GraphNode, ImageGraph } from '../../../shared/api'

export const NODE_WIDTH = 236
/** Layers are many and their labels short: narrower cards keep wide images readable. */
export const LAYER_WIDTH = 188
export const NODE_HEIGHT = 96
const MARGIN = 24

export interface Point {
  readonly x: number
  readonly y: number
}

export interface PlacedNode {
  readonly node: GraphNode
  /** Top-left corner. */
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

export interface PlacedEdge {
  readonly edge: GraphEdge
  readonly points: readonly Point[]
  readonly label: string
  readonly labelAt: Point
}

export interface GraphLayout {
  /** In reading order (top to bottom, then left to right): the Tab order of the nodes. */
  readonly nodes: readonly PlacedNode[]
  readonly edges: readonly PlacedEdge[]
  readonly width: number
  readonly height: number
}

/** The edge label a teacher can match with the parent's JSON: "layers[2]", "config". */
export function edgeLabel(edge: GraphEdge): string {
  switch (edge.relation) {
    case 'manifest':
      return `manifests[${edge.position}]`
    case 'layer':
      return `layers[${edge.position}]`
    case 'config':
      return 'config'
    case 'subject':
      return 'subject'
    case 'referrer':
      return 'referrer'
  }
}

function childOrder(edge: GraphEdge): number {
  return edge.relation === 'config' ? -1 : edge.position
}

/**
 * Left-to-right constraints that keep a parent's children in document order (config, then
 * layer 0, 1, …). Only for children with a single parent: shared layers may sit in different
 * positions in different manifests, and contradicting constraints would make no order possible.
 */
function orderConstraints(graph: ImageGraph): { left: string; right: string }[] {
  const parents = new Map<string, number>()
  for (const edge of graph.edges) parents.set(edge.to, (parents.get(edge.to) ?? 0) + 1)
  const byParent = new Map<string, GraphEdge[]>()
  for (const edge of graph.edges) {
    if (parents.get(edge.to) !== 1) continue
    const list = byParent.get(edge.from) ?? []
    list.push(edge)
    byParent.set(edge.from, list)
  }
  const constraints: { left: string; right: string }[] = []
  for (const list of byParent.values()) {
    list.sort((a, b) => childOrder(a) - childOrder(b))
    for (let i = 1; i < list.length; i++) {
      const left = list[i - 1]
      const right = list[i]
      if (left && right && left.to !== right.to)
        constraints.push({ left: left.to, right: right.to })
    }
  }
  return constraints
}

function pointAlong(points: readonly Point[], fraction: number): Point {
  const first = points[0] ?? { x: 0, y: 0 }
  let total = 0
  for (let i = 1; i < points.length; i++) total += distance(points[i - 1], points[i])
  let remaining = total * fraction
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]
    const b = points[i]
    if (!a || !b) continue
    const step = distance(a, b)
    if (step > 0 && remaining <= step) {
      const t = remaining / step
      return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t }
    }
    remaining -= step
  }
  return points[points.length - 1] ?? first
}

function distance(a: Point | undefined, b: Point | undefined): number {
  return a && b ? Math.hypot(b.x - a.x, b.y - a.y) : 0
}

export function nodeWidth(node: GraphNode): number {
  return node.kind === 'layer' ? LAYER_WIDTH : NODE_WIDTH
}

function runDagre(graph: ImageGraph, withConstraints: boolean): graphlib.Graph {
  const g = new graphlib.Graph({ multigraph: true })
  g.setGraph({
    rankdir: 'TB',
    nodesep: 20,
    ranksep: 72,
    edgesep: 12,
    marginx: MARGIN,
    marginy: MARGIN,
  })
  g.setDefaultEdgeLabel(() => ({}))
  const ids = new Set(graph.nodes.map((n) => n.id))
  for (const node of graph.nodes)
    g.setNode(node.id, { width: nodeWidth(node), height: NODE_HEIGHT })
  graph.edges.forEach((edge, index) => {
    if (ids.has(edge.from) && ids.has(edge.to)) g.setEdge(edge.from, edge.to, {}, String(index))
  })
  layout(g, withConstraints ? { constraints: orderConstraints(graph) } : {})
  return g
}

export function layoutGraph(graph: ImageGraph): GraphLayout {
  if (graph.nodes.length === 0) return { nodes: [], edges: [], width: 0, height: 0 }
  let g: graphlib.Graph
  try {
    g = runDagre(graph, true)
  } catch {
    // Ordering constraints are a nicety; a layout without them beats no layout.
    g = runDagre(graph, false)
  }
  const nodes: PlacedNode[] = graph.nodes.map((node) => {
    const placed = g.node(node.id) as { x?: number; y?: number } | undefined
    const width = nodeWidth(node)
    return {
      node,
      x: (placed?.x ?? 0) - width / 2,
      y: (placed?.y ?? 0) - NODE_HEIGHT / 2,
      width,
      height: NODE_HEIGHT,
    }
  })
  nodes.sort((a, b) => a.y - b.y || a.x - b.x)
  const edges: PlacedEdge[] = []
  graph.edges.forEach((edge, index) => {
    const label = g.edge(edge.from, edge.to, String(index)) as { points?: Point[] } | undefined
    const points = label?.points ?? []
    if (points.length < 2) return
    edges.push({ edge, points, label: edgeLabel(edge), labelAt: pointAlong(points, 0.72) })
  })
  const size = g.graph() as { width?: number; height?: number }
  return { nodes, edges, width: size.width ?? 0, height: size.height ?? 0 }
}
