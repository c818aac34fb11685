// Where the graph sits in its window: fitting (always the whole graph; compact cards when full
// ones would be too small to read), and the smallest pan that brings a node into view. Pure, so
// it is unit-tested.
import type { Density } from './layout'

/** The smallest text on a full node card (badges, media type, digest), in layout pixels. */
export const SMALLEST_CARD_FONT_PX = 12
/** Readable on a projector at the back of a classroom: below it, cards turn compact. */
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

/** The scale that shows the whole graph inside the insets (never above MAX_FIT_SCALE). */
export function fitScale(graph: Size, view: Size): number {
  const { left, right, top, bottom } = FIT_INSETS
  return Math.min(
    MAX_FIT_SCALE,
    Math.max(1, view.width - left - right) / graph.width,
    Math.max(1, view.height - top - bottom) / graph.height,
  )
}

/** Full cards when the whole graph fits with their smallest text readable, else compact. */
export function densityFor(full: Size, view: Size): Density {
  if (full.width <= 0 || full.height <= 0 || view.width <= 0 || view.height <= 0) return 'full'
  return fitScale(full, view) >= MIN_READABLE_SCALE - 1e-9 ? 'full' : 'compact'
}

/** The whole graph, centred in the room the insets leave. */
export function fitTransform(graph: Size, view: Size): ViewTransform {
  if (graph.width <= 0 || graph.height <= 0 || view.width <= 0 || view.height <= 0)
    return { k: 1, x: 0, y: 0 }
  const { left, right, top, bottom } = FIT_INSETS
  const k = fitScale(graph, view)
  return {
    k,
    x: left + (view.width - left - right - graph.width * k) / 2,
    y: top + (view.height - top - bottom - graph.height * k) / 2,
  }
}

/** Fits a layout of either density: which one, and where it sits. */
export function fitLayouts(
  layouts: Readonly<Record<Density, Size>>,
  view: Size,
): { readonly density: Density; readonly transform: ViewTransform } {
  const density = densityFor(layouts.full, view)
  return { density, transform: fitTransform(layouts[density], view) }
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
