// Where an edge ends and where its label ("layers[0]") goes. Every edge into a node finishes
// with a straight, level run of the same length (the label band), and its label sits on that
// run just before the arrow. Bends happen only left of the band, so no other edge crosses a
// label. A node listed under several names (layers[0] by one manifest, layers[3] by another)
// gets one entry point per name, spread down its left side. Pure, so it is unit-tested.
import type { Point } from './layout'

export interface NodeBox {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

export interface EdgeToRoute {
  readonly from: NodeBox
  readonly to: NodeBox
  /** The polyline the layout engine drew, from source to target. */
  readonly points: readonly Point[]
  readonly label: string
}

export interface RoutedEdge {
  readonly points: readonly Point[]
  /** Drawn as a monotone curve (level runs stay level); false: the engine's own bends. */
  readonly routed: boolean
  /** The label's right end, on the run just before the arrow head. */
  readonly labelAt: Point
}

/** Advance of one edge-label character (12px monospace), and the room around a label. */
export const LABEL_CHAR_PX = 7.3
const LABEL_ROOM_PX = 22
/** The arrow head's length plus a gap before the label's last character. */
export const LABEL_END_GAP = 12

/** The level run every edge ends with: as long as the longest label needs. */
export function labelRun(labels: readonly string[]): number {
  const longest = Math.max(0, ...labels.map((l) => l.length))
  return Math.ceil(longest * LABEL_CHAR_PX + LABEL_ROOM_PX)
}

function centreY(box: NodeBox): number {
  return box.y + box.height / 2
}

/** The y of each distinct label's entry into one target, ordered like their sources. */
function entrySlots(edges: readonly EdgeToRoute[]): Map<string, number> {
  const first = edges[0]
  if (!first) return new Map()
  const sourceY = new Map<string, number[]>()
  for (const edge of edges)
    sourceY.set(edge.label, [...(sourceY.get(edge.label) ?? []), centreY(edge.from)])
  const mean = (ys: readonly number[]): number => ys.reduce((a, b) => a + b, 0) / ys.length
  const labels = [...sourceY.keys()].sort(
    (a, b) => mean(sourceY.get(a) ?? []) - mean(sourceY.get(b) ?? []) || a.localeCompare(b),
  )
  const box = first.to
  return new Map(
    labels.map((label, i) => [label, box.y + (box.height * (i + 1)) / (labels.length + 1)]),
  )
}

/**
 * Routes every edge whose target lies right of its source (the graph reads left to right);
 * any other edge keeps the engine's points, its label just before its end.
 */
export function routeEdges(edges: readonly EdgeToRoute[], run: number): RoutedEdge[] {
  const byTarget = new Map<NodeBox, EdgeToRoute[]>()
  const forward = (e: EdgeToRoute): boolean => e.to.x - run > e.from.x + e.from.width
  for (const edge of edges.filter(forward))
    byTarget.set(edge.to, [...(byTarget.get(edge.to) ?? []), edge])
  const slots = new Map<NodeBox, Map<string, number>>()
  for (const [target, into] of byTarget) slots.set(target, entrySlots(into))

  return edges.map((edge) => {
    const y = slots.get(edge.to)?.get(edge.label)
    if (y === undefined) {
      const end = edge.points[edge.points.length - 1] ?? { x: edge.to.x, y: centreY(edge.to) }
      return { points: edge.points, routed: false, labelAt: { x: end.x - LABEL_END_GAP, y: end.y } }
    }
    const start = { x: edge.from.x + edge.from.width, y: centreY(edge.from) }
    const runStart = edge.to.x - run
    const middle: Point[] = []
    let lastX = start.x
    for (const p of edge.points) {
      // Only the engine's bends between the source and the band; x keeps growing.
      if (p.x > lastX + 1 && p.x < runStart - 1) {
        middle.push(p)
        lastX = p.x
      }
    }
    return {
      points: [start, ...middle, { x: runStart, y }, { x: edge.to.x, y }],
      routed: true,
      labelAt: { x: edge.to.x - LABEL_END_GAP, y },
    }
  })
}
