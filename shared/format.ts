// Numbers and platforms as the UI prints them.

import type { Platform } from './oci/types'

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'] as const

/** 1024-based sizes: "0 B", "512 B", "1.5 MiB", "10 GiB". One decimal below 10 units. */
export function formatBytes(n: number): string {
  if (!Number.isFinite(n)) return '? B'
  const sign = n < 0 ? '-' : ''
  let value = Math.abs(n)
  if (value < 1024) return `${sign}${Math.round(value)} B`
  let unit = 0
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024
    unit++
  }
  // Rounding may carry into the next unit ("1023.96 KiB" → "1024 KiB" is wrong; say "1 MiB").
  let digits = value < 10 ? 1 : 0
  let rounded = Number(value.toFixed(digits))
  if (rounded >= 1024 && unit < BYTE_UNITS.length - 1) {
    unit++
    rounded = 1
    digits = 0
  }
  const text = Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(digits)
  return `${sign}${text} ${BYTE_UNITS[unit]}`
}

/** "linux/arm/v7", "windows/amd64 (10.0.17763.1234)". */
export function platformString(p: Platform): string {
  const base = [p.os, p.architecture, p.variant]
    .filter((part) => part !== undefined && part !== '')
    .join('/')
  const version = p['os.version']
  return version !== undefined && version !== '' ? `${base} (${version})` : base
}

/** Whole numbers with thousands separators: "1,234,567". Locale-independent. */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return String(n)
  const sign = n < 0 ? '-' : ''
  const whole = String(Math.round(Math.abs(n)))
  return sign + whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}
