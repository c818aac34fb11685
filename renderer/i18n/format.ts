// Numbers, sizes and dates as the chosen language writes them (Intl). Sizes stay 1024-based
// with IEC units ("1,5 MiB" in Spanish, "1.5 MiB" in English); instants are shown in UTC so two
// people reading the same journal read the same time.
import type { Language } from './languages'

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'] as const

export function formatSize(n: number, language: Language): string {
  if (!Number.isFinite(n)) return '? B'
  const sign = n < 0 ? '-' : ''
  let value = Math.abs(n)
  let unit = 0
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024
    unit++
  }
  let digits = unit > 0 && value < 10 ? 1 : 0
  // Rounding may carry into the next unit ("1023.96 KiB" is "1 MiB", not "1024 KiB").
  if (Number(value.toFixed(digits)) >= 1024 && unit < BYTE_UNITS.length - 1) {
    unit++
    value = 1
    digits = 0
  }
  const text = new Intl.NumberFormat(language, {
    maximumFractionDigits: digits,
    useGrouping: false,
  }).format(value)
  return `${sign}${text} ${BYTE_UNITS[unit]}`
}

export function formatNumber(n: number, language: Language): string {
  return Number.isFinite(n) ? new Intl.NumberFormat(language).format(n) : String(n)
}

/** 0.253 → "25.3 %" / "25,3 %". */
export function formatPercent(fraction: number, language: Language, digits = 1): string {
  return new Intl.NumberFormat(language, {
    style: 'percent',
    maximumFractionDigits: digits,
  }).format(fraction)
}

/** An instant, to the minute, in UTC; the input unchanged when it is not a date. */
export function formatDateTime(iso: string, language: Language): string {
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) return iso
  const text = new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    hourCycle: 'h23',
    timeZone: 'UTC',
  }).format(ms)
  return `${text} UTC`
}

/** A day, in UTC; the input unchanged when it is not a date. */
export function formatDate(iso: string, language: Language): string {
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) return iso
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(ms)
}
