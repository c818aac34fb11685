// Which rows of a fixed-row-height list to render for the visible part (see useWindowedRows).
// Pure, so it is unit-tested.

export interface WindowRange {
  /** First rendered row (inclusive) and last (exclusive). */
  readonly start: number
  readonly end: number
  /** Heights of the spacers above and below the rendered rows. */
  readonly padTop: number
  readonly padBottom: number
}

/**
 * The rows that overlap [visibleTop, visibleTop + visibleHeight) of the list (in the list's own
 * coordinates), plus `overscan` rows on each side. Pure, so it is unit-tested.
 */
export function windowRange(
  count: number,
  rowHeight: number,
  visibleTop: number,
  visibleHeight: number,
  overscan: number,
): WindowRange {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0, padTop: 0, padBottom: 0 }
  const first = Math.floor(Math.max(0, visibleTop) / rowHeight)
  const last = Math.ceil(Math.max(0, visibleTop + visibleHeight) / rowHeight)
  const start = Math.min(count, Math.max(0, first - overscan))
  const end = Math.min(count, Math.max(start, last + overscan))
  return { start, end, padTop: start * rowHeight, padBottom: (count - end) * rowHeight }
}
