// The sharing matrix's numbers: cell colours (bytes on one sequential scale for every cell,
// the diagonal included, so equal bytes look equal), short labels, and the totals sentence.
// Pure, so it is unit-tested.
import { interpolateBlues, scaleSequential } from 'd3'
import { formatBytes } from '../../../shared/format'
import type { SharingReport } from '../../../shared/api/sharing'

/** Largest bytes value of any cell, the diagonal included (what the colour scale spans). */
export function maxSharedBytes(report: SharingReport): number {
  let max = 0
  for (const row of report.matrix) for (const cell of row) max = Math.max(max, cell.bytes)
  return max
}

/** A colour per cell: nothing for nothing shared, deep blue for the most bytes. */
export function cellColour(bytes: number, max: number): string {
  if (bytes <= 0 || max <= 0) return 'transparent'
  // Start a bit into the ramp, so a small share is still visibly not-nothing.
  return scaleSequential(interpolateBlues).domain([-max * 0.15, max])(bytes)
}

/** Dark cells (the upper part of the scale) carry light text. */
export function needsLightText(bytes: number, max: number): boolean {
  return max > 0 && bytes > max * 0.6
}

/** Share of the row image's own bytes that it shares with the column image, 0..1. */
export function sharedFraction(report: SharingReport, i: number, j: number): number {
  const own = report.images[i]?.layerBytes ?? 0
  const shared = report.matrix[i]?.[j]?.bytes ?? 0
  return own > 0 ? shared / own : 0
}

/** Cell size in pixels: large enough for a byte count while the set is small. */
export function matrixCellSize(images: number): number {
  if (images <= 8) return 64
  if (images <= 16) return 48
  return 28
}

function layersWord(count: number): string {
  return count === 1 ? '1 layer' : `${count} layers`
}

/** What one cell means, for its hover text. */
export function cellSentence(report: SharingReport, i: number, j: number): string {
  const a = report.images[i]
  const b = report.images[j]
  const shared = report.matrix[i]?.[j]
  if (!a || !b || !shared) return ''
  if (i === j) {
    return `${a.label}: ${layersWord(shared.layers)} of its own, ${formatBytes(shared.bytes)}; ${formatBytes(
      a.exclusiveBytes,
    )} of it used by no other image here.`
  }
  const percent = Math.round(sharedFraction(report, i, j) * 100)
  return `${a.label} and ${b.label} share ${layersWord(shared.layers)}, ${formatBytes(
    shared.bytes,
  )} (${percent}% of ${a.label}).`
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
