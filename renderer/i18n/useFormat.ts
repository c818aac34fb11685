// The formatters of format.ts bound to the language shown (kept apart so tests import the pure
// functions without the browser-bound i18n instance).
import { useMemo } from 'react'
import { formatDate, formatDateTime, formatNumber, formatPercent, formatSize } from './format'
import { useLanguage } from './i18n'

export interface Formatters {
  readonly size: (n: number) => string
  readonly number: (n: number) => string
  readonly percent: (fraction: number, digits?: number) => string
  readonly dateTime: (iso: string) => string
  readonly date: (iso: string) => string
}

/** The formatters for the language shown; re-renders the caller when it changes. */
export function useFormat(): Formatters {
  const language = useLanguage()
  return useMemo(
    () => ({
      size: (n) => formatSize(n, language),
      number: (n) => formatNumber(n, language),
      percent: (fraction, digits) => formatPercent(fraction, language, digits),
      dateTime: (iso) => formatDateTime(iso, language),
      date: (iso) => formatDate(iso, language),
    }),
    [language],
  )
}
