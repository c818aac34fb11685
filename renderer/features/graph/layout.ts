// Lays the image graph out left to right: index → (nested index →) manifests → a column of
// each manifest's config and layers, in document order (config, layers[0] — the bottom
// layer — layers[1], …). Pure (dagre only), so it runs in unit tests.
import { graphlib, layout } from '@dagrejs/dagre'
import type { GraphEdge, GraphNode, ImageGraph } from '../../../shared/api'

export const NODE_WIDTH = 220
export const NODE_HEIGHT = 100
/** Wide enough for an edge label ("manifests[3]") between two columns. */
const RANK_GAP = 96
const NODE_GAP = 16
const MARGIN = 8

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
  /** Where the label ends (it is drawn right-aligned, just before the child). */
  readonly labelAt: Point
}

export interface GraphLayout {
  /** In reading order (column by column, top to bottom): the Tab order of the nodes. */
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

/** Nodes in breadth-first document order from the root: index order, then each manifest's. */
function documentOrderFromRoot(graph: ImageGraph): Map<string, number> {
  const order = new Map<string, number>()
  const queue = [graph.rootId]
  order.set(graph.rootId, 0)
  for (let i = 0; i < queue.length; i++) {
    const from = queue[i]
    const children = graph.edges
      .filter((e) => e.from === from)
      .sort((a, b) => childOrder(a) - childOrder(b))
    for (const edge of children) {
      if (order.has(edge.to)) continue
      order.set(edge.to, order.size)
      queue.push(edge.to)
    }
  }
  return order
}

/**
 * Top-to-bottom constraints that keep a parent's children in document order (config, then
 * layer 0, 1, …). A child listed by several documents (a shared layer) is ordered inside the
 * first one that lists it; the others reach over to it. One owner per child means the
 * constraints can never contradict each other.
 */
function orderConstraints(graph: ImageGraph): { left: string; right: string }[] {
  const rank = documentOrderFromRoot(graph)
  const rankOf = (id: string): number => rank.get(id) ?? Number.MAX_SAFE_INTEGER
  const owner = new Map<string, string>()
  for (const edge of graph.edges) {
    const current = owner.get(edge.to)
    if (current === undefined || rankOf(edge.from) < rankOf(current)) owner.set(edge.to, edge.from)
  }
  const byParent = new Map<string, GraphEdge[]>()
  for (const edge of graph.edges) {
    if (owner.get(edge.to) !== edge.from) continue
    const list = byParent.get(edge.from) ?? []
    if (!list.some((e) => e.to === edge.to)) list.push(edge)
    byParent.set(edge.from, list)
  }
  const constraints: { left: string; right: string }[] = []
  for (const list of byParent.values()) {
    list.sort((a, b) => childOrder(a) - childOrder(b))
    for (let i = 1; i < list.length; i++) {
      const left = list[i - 1]
      const right = list[i]
      if (left && right) constraints.push({ left: left.to, right: right.to })
    }
  }
  return constraints
}

function distance(a: Point | undefined, b: Point | undefined): number {
  return a && b ? Math.hypot(b.x - a.x, b.y - a.y) : 0
}

/** The point `back` pixels before the end of a polyline. */
function pointBeforeEnd(points: readonly Point[], back: number): Point {
  let remaining = back
  for (let i = points.length - 1; i > 0; i--) {
    const a = points[i - 1]
    const b = points[i]
    if (!a || !b) continue
    const step = distance(a, b)
    if (step > 0 && remaining <= step) {
      const t = remaining / step
      return { x: b.x + (a.x - b.x) * t, y: b.y + (a.y - b.y) * t }
    }
    remaining -= step
  }
  return points[0] ?? { x: 0, y: 0 }
}

function runDagre(graph: ImageGraph, withConstraints: boolean): graphlib.Graph {
  const g = new graphlib.Graph({ multigraph: true })
  g.setGraph({
    rankdir: 'LR',
    nodesep: NODE_GAP,
    ranksep: RANK_GAP,
    edgesep: 10,
    marginx: MARGIN,
    marginy: MARGIN,
  })
  g.setDefaultEdgeLabel(() => ({}))
  const ids = new Set(graph.nodes.map((n) => n.id))
  for (const node of graph.nodes) g.setNode(node.id, { width: NODE_WIDTH, height: NODE_HEIGHT })
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
    return {
      node,
      x: (placed?.x ?? 0) - NODE_WIDTH / 2,
      y: (placed?.y ?? 0) - NODE_HEIGHT / 2,
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
    }
  })
  nodes.sort((a, b) => a.x - b.x || a.y - b.y)
  const edges: PlacedEdge[] = []
  graph.edges.forEach((edge, index) => {
    const label = g.edge(edge.from, edge.to, String(index)) as { points?: Point[] } | undefined
    const points = label?.points ?? []
    if (points.length < 2) return
    edges.push({ edge, points, label: edgeLabel(edge), labelAt: pointBeforeEnd(points, 10) })
  })
  const size = g.graph() as { width?: number; height?: number }
  return { nodes, edges, width: size.width ?? 0, height: size.height ?? 0 }
}
