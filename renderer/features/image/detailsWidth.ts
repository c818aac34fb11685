// The details panel's width rules, pure so they are unit-tested: what a stored width may be,
// and how wide the panel may get beside the graph.
/** Narrower than this, digests and facts no longer fit on a line. */
export const MIN_DETAILS_WIDTH = 280
/** The graph keeps at least this much of the row beside a widened panel. */
export const MIN_GRAPH_WIDTH = 320

/** A stored width when it is a sane number of pixels, else undefined. */
export function parseStoredWidth(value: string | null): number | undefined {
  if (value === null || !/^\d{3,4}$/.test(value)) return undefined
  const width = Number(value)
  return width >= MIN_DETAILS_WIDTH && width <= 4000 ? width : undefined
}

/** The width the panel may take in a row `rowWidth` wide. */
export function clampDetailsWidth(width: number, rowWidth: number): number {
  const most = Math.max(MIN_DETAILS_WIDTH, rowWidth - MIN_GRAPH_WIDTH)
  return Math.round(Math.min(most, Math.max(MIN_DETAILS_WIDTH, width)))
}
