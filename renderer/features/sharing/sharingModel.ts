// The sharing matrix's numbers: cell colours (bytes on one sequential scale for every cell,
// the diagonal included, so equal bytes look equal), short labels, and the totals sentence.
// Pure (the words and number formats are passed in), so it is unit-tested in both languages.
import { interpolateBlues, scaleSequential } from 'd3'
import type { TFunction } from 'i18next'
import type { SharingReport } from '../../../shared/api/sharing'
import type { Formatters } from '../../i18n/useFormat'

/** The "sharing" namespace's t and the formatters of the language shown. */
export interface SharingWords {
  readonly t: TFunction<'sharing'>
  readonly format: Formatters
}

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

/** What one cell means, for its hover text. */
export function cellSentence(
  report: SharingReport,
  i: number,
  j: number,
  { t, format }: SharingWords,
): string {
  const a = report.images[i]
  const b = report.images[j]
  const shared = report.matrix[i]?.[j]
  if (!a || !b || !shared) return ''
  if (i === j) {
    return t('sentence.diagonal', {
      label: a.label,
      layers: t('sentence.ownLayers', { count: shared.layers }),
      bytes: format.size(shared.bytes),
      exclusive: format.size(a.exclusiveBytes),
    })
  }
  return t('sentence.pair', {
    a: a.label,
    b: b.label,
    layers: t('sentence.layers', { count: shared.layers }),
    bytes: format.size(shared.bytes),
    percent: format.percent(sharedFraction(report, i, j), 0),
  })
}

export function totalsSentence(report: SharingReport, { t, format }: SharingWords): string {
  const fraction = report.unsharedBytes > 0 ? report.savedBytes / report.unsharedBytes : 0
  return t('sentence.totals', {
    stored: format.size(report.storedOnceBytes),
    unshared: format.size(report.unsharedBytes),
    saved: format.size(report.savedBytes),
    percent: format.percent(fraction, 0),
  })
}

/** Labels get long ("127.0.0.1:5000/demo/multi:latest linux/arm64"); the matrix axis keeps the end. */
export function shortLabel(label: string, max = 28): string {
  if (label.length <= max) return label
  return `…${label.slice(label.length - max + 1)}`
}
