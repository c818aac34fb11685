// Lays the image graph out left to right: index → (nested index →) manifests → a column of
// each manifest's config and layers, in document order (config, layers[0] — the bottom
// layer — layers[1], …). Pure (dagre only), so it runs in unit tests.
import { graphlib, layout } from '@dagrejs/dagre'
import type { GraphEdge, GraphNode, ImageGraph } from '../../../shared/api'
import { labelRun, routeEdges, type NodeBox } from './edgeRoutes'
import { documentOrder, inDocumentOrder } from './graphRelations'
import { translate } from '../../i18n/translate'

/**
 * Full cards carry label, badges, media type, digest and size; compact cards (for graphs that
 * would otherwise be fitted too small to read) carry one line (compactCardText).
 */
export type Density = 'full' | 'compact'

export const NODE_WIDTH = 220
export const NODE_HEIGHT = 96
export const COMPACT_NODE_WIDTH = 200
export const COMPACT_NODE_HEIGHT = 26

interface Metrics {
  readonly width: number
  readonly height: number
  readonly nodeGap: number
  /** Room between columns besides the label band. */
  readonly bendRoom: number
}

const METRICS: Record<Density, Metrics> = {
  full: { width: NODE_WIDTH, height: NODE_HEIGHT, nodeGap: 12, bendRoom: 44 },
  compact: { width: COMPACT_NODE_WIDTH, height: COMPACT_NODE_HEIGHT, nodeGap: 5, bendRoom: 64 },
}
/** Compact drawings show edge labels only on the lit edges, so their band is short. */
const COMPACT_RUN = 18
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
  /** The points make level runs into the child: drawn with a monotone curve. */
  readonly routed: boolean
}

export interface GraphLayout {
  /** In reading order (column by column, top to bottom): the Tab order of the nodes. */
  readonly nodes: readonly PlacedNode[]
  readonly edges: readonly PlacedEdge[]
  readonly width: number
  readonly height: number
  readonly density: Density
  /**
   * Drawn in presentation mode: compact cards carry a shorter line (compactCardText), so at 19px
   * a platform ("linux/arm64/v8") stays whole. The cards keep their width: the multi-platform
   * sample's Fit is limited by the drawing's width, and wider cards would shrink the type.
   */
  readonly presenting: boolean
}

/**
 * The edge label a teacher can match with the parent's JSON: "layers[2]", "config". A schema 1
 * manifest lists its layers as fsLayers (top layer first).
 */
export function edgeLabel(edge: GraphEdge, parentKind?: GraphNode['kind']): string {
  switch (edge.relation) {
    case 'manifest':
      return `manifests[${edge.position}]`
    case 'layer':
      return parentKind === 'schema1' ? `fsLayers[${edge.position}]` : `layers[${edge.position}]`
    case 'config':
      return 'config'
    case 'subject':
      return 'subject'
    case 'referrer':
      return translate('image:edge.referrer')
    case 'image':
      return translate('image:edge.image')
  }
}

/**
 * Columns: indexes by nesting depth, then every manifest in one column, then every config and
 * layer in the next, even when an index lists manifests at different depths. Returned as the
 * minimum length of each edge, which is how dagre takes such wishes.
 */
function edgeLengths(graph: ImageGraph): number[] {
  const depth = new Map<string, number>([[graph.rootId, 0]])
  // Longest path from the root; the graph is a DAG, so |nodes| rounds settle it.
  for (let round = 0; round < graph.nodes.length; round++) {
    let changed = false
    for (const edge of graph.edges) {
      const from = depth.get(edge.from)
      if (from !== undefined && (depth.get(edge.to) ?? -1) < from + 1) {
        depth.set(edge.to, from + 1)
        changed = true
      }
    }
    if (!changed) break
  }
  const isPart = (e: GraphEdge): boolean => e.relation === 'config' || e.relation === 'layer'
  const manifests = new Set(graph.edges.filter(isPart).map((e) => e.from))
  const parts = new Set(graph.edges.filter(isPart).map((e) => e.to))
  const manifestColumn = Math.max(0, ...[...manifests].map((id) => depth.get(id) ?? 0))
  const column = (id: string): number =>
    parts.has(id) && !manifests.has(id)
      ? manifestColumn + 1
      : manifests.has(id)
        ? manifestColumn
        : (depth.get(id) ?? 0)
  return graph.edges.map((edge) => Math.max(1, column(edge.to) - column(edge.from)))
}

/**
 * Orders every column by document order (dagre's customOrder hook), so a manifest's config and
 * layers always read top to bottom as its JSON lists them. A long edge's bend points sort just
 * before the node they lead to.
 */
function documentOrderHook(graph: ImageGraph): (g: graphlib.Graph) => void {
  const order = documentOrder(graph)
  return (g) => {
    const key = (id: string): number => {
      const own = order.get(id)
      if (own !== undefined) return own
      const label = g.node(id) as { edgeObj?: { w?: string } } | undefined
      const target = label?.edgeObj?.w
      return (target !== undefined ? (order.get(target) ?? order.size) : order.size) - 0.5
    }
    const ranks = new Map<number, string[]>()
    for (const id of g.nodes()) {
      const rank = (g.node(id) as { rank?: number }).rank ?? 0
      ranks.set(rank, [...(ranks.get(rank) ?? []), id])
    }
    for (const ids of ranks.values()) {
      ids.sort((a, b) => key(a) - key(b))
      ids.forEach((id, i) => {
        ;(g.node(id) as { order?: number }).order = i
      })
    }
  }
}

function runDagre(graph: ImageGraph, metrics: Metrics, run: number): graphlib.Graph {
  const g = new graphlib.Graph({ multigraph: true })
  g.setGraph({
    rankdir: 'LR',
    nodesep: metrics.nodeGap,
    ranksep: run + metrics.bendRoom,
    edgesep: 10,
    marginx: MARGIN,
    marginy: MARGIN,
  })
  g.setDefaultEdgeLabel(() => ({}))
  const ids = new Set(graph.nodes.map((n) => n.id))
  for (const node of graph.nodes)
    g.setNode(node.id, { width: metrics.width, height: metrics.height })
  const lengths = edgeLengths(graph)
  graph.edges.forEach((edge, index) => {
    if (ids.has(edge.from) && ids.has(edge.to))
      g.setEdge(edge.from, edge.to, { minlen: lengths[index] ?? 1 }, String(index))
  })
  layout(g, { customOrder: documentOrderHook(graph) })
  return g
}

export function layoutGraph(
  input: ImageGraph,
  density: Density = 'full',
  presenting = false,
): GraphLayout {
  if (input.nodes.length === 0)
    return { nodes: [], edges: [], width: 0, height: 0, density, presenting }
  // The same image always draws the same, whatever order its parts arrived in.
  const graph = { ...input, ...inDocumentOrder(input) }
  const metrics = METRICS[density]
  const kinds = new Map(graph.nodes.map((n) => [n.id, n.kind]))
  const labels = graph.edges.map((edge) => edgeLabel(edge, kinds.get(edge.from)))
  const run = density === 'full' ? labelRun(labels) : COMPACT_RUN
  const g = runDagre(graph, metrics, run)
  const nodes: PlacedNode[] = graph.nodes.map((node) => {
    const placed = g.node(node.id) as { x?: number; y?: number } | undefined
    return {
      node,
      x: (placed?.x ?? 0) - metrics.width / 2,
      y: (placed?.y ?? 0) - metrics.height / 2,
      width: metrics.width,
      height: metrics.height,
    }
  })
  const boxes = new Map<string, NodeBox>(nodes.map((p) => [p.node.id, p]))
  nodes.sort((a, b) => a.x - b.x || a.y - b.y)
  const drawn: { edge: GraphEdge; points: Point[]; label: string; from: NodeBox; to: NodeBox }[] =
    []
  graph.edges.forEach((edge, index) => {
    const placedEdge = g.edge(edge.from, edge.to, String(index)) as { points?: Point[] } | undefined
    const points = placedEdge?.points ?? []
    const from = boxes.get(edge.from)
    const to = boxes.get(edge.to)
    if (points.length < 2 || !from || !to) return
    drawn.push({ edge, points, label: labels[index] ?? '', from, to })
  })
  const routes = routeEdges(drawn, run)
  const edges: PlacedEdge[] = drawn.map(({ edge, label }, i) => {
    const route = routes[i]
    return {
      edge,
      label,
      points: route?.points ?? [],
      labelAt: route?.labelAt ?? { x: 0, y: 0 },
      routed: route?.routed ?? false,
    }
  })
  const size = g.graph() as { width?: number; height?: number }
  return { nodes, edges, width: size.width ?? 0, height: size.height ?? 0, density, presenting }
}
