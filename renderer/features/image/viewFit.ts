// Where the graph sits in its window: fitting (never so small that card text drops below
// 11 px), and the smallest pan that brings a node into view. Pure, so it is unit-tested.
import type { GraphLayout, PlacedNode } from './layout'

/** The smallest text on a node card (badges, media type, digest), in layout pixels. */
export const SMALLEST_CARD_FONT_PX = 12
/** Readable on a projector at the back of a classroom; fitting never goes below it. */
export const MIN_TEXT_PX = 11
export const MIN_READABLE_SCALE = MIN_TEXT_PX / SMALLEST_CARD_FONT_PX
/** Small graphs grow, but not into posters. */
export const MAX_FIT_SCALE = 1.4
/** Room kept free around a fitted graph; the bottom holds the zoom controls and the hint. */
export const FIT_INSETS = { left: 8, right: 8, top: 12, bottom: 48 } as const

export interface Box {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

export interface Size {
  readonly width: number
  readonly height: number
}

/** Same meaning as a d3 ZoomTransform: screen = layout * k + (x, y). */
export interface ViewTransform {
  readonly k: number
  readonly x: number
  readonly y: number
}

export function boundsOf(nodes: readonly PlacedNode[]): Box | undefined {
  if (nodes.length === 0) return undefined
  const left = Math.min(...nodes.map((n) => n.x))
  const top = Math.min(...nodes.map((n) => n.y))
  const right = Math.max(...nodes.map((n) => n.x + n.width))
  const bottom = Math.max(...nodes.map((n) => n.y + n.height))
  return { x: left, y: top, width: right - left, height: bottom - top }
}

/** The root and the nodes it points at: what a too-large graph opens on. */
export function rootNeighbourhood(layout: GraphLayout, rootId: string): Box | undefined {
  const ids = new Set([rootId])
  for (const { edge } of layout.edges) if (edge.from === rootId) ids.add(edge.to)
  return boundsOf(layout.nodes.filter((p) => ids.has(p.node.id)))
}

interface Axis {
  /** Graph extent in layout pixels. */
  readonly extent: number
  readonly view: number
  readonly before: number
  readonly after: number
  readonly focusStart: number
  readonly focusEnd: number
}

/**
 * One axis: centre what fits. Otherwise centre the focus when it fits, or start at the
 * beginning of the graph when it does not (the caller then reveals the root); never leave
 * empty margins beside the graph.
 */
function place(axis: Axis, k: number): number {
  const room = axis.view - axis.before - axis.after
  const size = axis.extent * k
  if (size <= room) return axis.before + (room - size) / 2
  const focusSize = (axis.focusEnd - axis.focusStart) * k
  const wanted =
    focusSize <= room
      ? axis.before + room / 2 - ((axis.focusStart + axis.focusEnd) / 2) * k
      : axis.before
  return Math.min(axis.before, Math.max(axis.view - axis.after - size, wanted))
}

/**
 * The whole graph when it fits at a readable scale; otherwise the readable scale, opened on
 * `focus` (the root's neighbourhood) so the story starts at the root. Reveal the root after
 * this when the focus is larger than the window.
 */
export function fitTransform(graph: Size, view: Size, focus: Box | undefined): ViewTransform {
  if (graph.width <= 0 || graph.height <= 0 || view.width <= 0 || view.height <= 0)
    return { k: 1, x: 0, y: 0 }
  const { left, right, top, bottom } = FIT_INSETS
  const whole = Math.min(
    MAX_FIT_SCALE,
    (view.width - left - right) / graph.width,
    (view.height - top - bottom) / graph.height,
  )
  const k = Math.max(MIN_READABLE_SCALE, whole)
  const f = focus ?? { x: 0, y: 0, width: graph.width, height: graph.height }
  return {
    k,
    x: place(
      {
        extent: graph.width,
        view: view.width,
        before: left,
        after: right,
        focusStart: f.x,
        focusEnd: f.x + f.width,
      },
      k,
    ),
    y: place(
      {
        extent: graph.height,
        view: view.height,
        before: top,
        after: bottom,
        focusStart: f.y,
        focusEnd: f.y + f.height,
      },
      k,
    ),
  }
}

/** One axis of reveal: how far to move so [start, end] lies inside [margin, view - margin]. */
function shift(start: number, end: number, view: number, margin: number): number {
  if (end - start > view - 2 * margin) return margin - start
  if (start < margin) return margin - start
  if (end > view - margin) return view - margin - end
  return 0
}

/** The smallest pan that shows `box` whole (with a margin), or undefined when it already is. */
export function revealTransform(
  t: ViewTransform,
  box: Box,
  view: Size,
  margin = 24,
): ViewTransform | undefined {
  const dx = shift(t.x + box.x * t.k, t.x + (box.x + box.width) * t.k, view.width, margin)
  const dy = shift(t.y + box.y * t.k, t.y + (box.y + box.height) * t.k, view.height, margin)
  if (Math.abs(dx) < 0.5 && Math.abs(dy) < 0.5) return undefined
  return { k: t.k, x: t.x + dx, y: t.y + dy }
}
