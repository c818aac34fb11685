// The sharing matrix's numbers: cell colours (shared bytes on a sequential scale, the diagonal
// apart), short labels, and the totals sentence. Pure, so it is unit-tested.
import { interpolateBlues, scaleSequential } from 'd3'
import { formatBytes } from '../../../shared/format'
import type { SharingReport } from '../../../shared/api/sharing'

/** Largest shared-bytes value off the diagonal (what the colour scale spans). */
export function maxSharedBytes(report: SharingReport): number {
  let max = 0
  report.matrix.forEach((row, i) =>
    row.forEach((cell, j) => {
      if (i !== j) max = Math.max(max, cell.bytes)
    }),
  )
  return max
}

/** A colour per off-diagonal cell: white for nothing shared, deep blue for the most. */
export function cellColour(bytes: number, max: number): string {
  if (bytes <= 0 || max <= 0) return 'transparent'
  // Start a bit into the ramp, so a small share is still visibly not-nothing.
  return scaleSequential(interpolateBlues).domain([-max * 0.15, max])(bytes)
}

/** Share of the row image's own bytes that it shares with the column image, 0..1. */
export function sharedFraction(report: SharingReport, i: number, j: number): number {
  const own = report.images[i]?.layerBytes ?? 0
  const shared = report.matrix[i]?.[j]?.bytes ?? 0
  return own > 0 ? shared / own : 0
}

export function totalsSentence(report: SharingReport): string {
  const percent =
    report.unsharedBytes > 0 ? Math.round((report.savedBytes / report.unsharedBytes) * 100) : 0
  return `Stored once: ${formatBytes(report.storedOnceBytes)} vs ${formatBytes(
    report.unsharedBytes,
  )} if nothing were shared — sharing saves ${formatBytes(report.savedBytes)} (${percent}%).`
}

/** Labels get long ("127.0.0.1:5000/demo/multi:latest linux/arm64"); the matrix axis keeps the end. */
export function shortLabel(label: string, max = 28): string {
  if (label.length <= max) return label
  return `…${label.slice(label.length - max + 1)}`
}
