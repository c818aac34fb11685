// Times as the history view prints them, on one clock: UTC, 24-hour, written as the chosen
// language writes dates (Intl: "Nov 25, 2026, 17:25" / "25 nov 2026, 17:25"). Axis ticks use
// the same clock at the precision the span needs; a move whose two sightings fall in one minute
// shows seconds. Pure (the language is a parameter), unit-tested.
import type { Language } from '../../i18n/languages'

const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE

type Precision = 'day' | 'minute' | 'second' | 'millisecond'

/** An instant in UTC, 24-hour, at the given precision; `date` 'none' leaves the day out. */
function utcText(
  ms: number,
  precision: Precision,
  language: Language,
  date: 'year' | 'day' | 'none' = 'year',
): string {
  const options: Intl.DateTimeFormatOptions = { timeZone: 'UTC', hourCycle: 'h23' }
  if (date !== 'none') Object.assign(options, { month: 'short', day: 'numeric' })
  if (date === 'year') options.year = 'numeric'
  if (precision !== 'day') Object.assign(options, { hour: '2-digit', minute: '2-digit' })
  if (precision === 'second' || precision === 'millisecond') options.second = '2-digit'
  if (precision === 'millisecond') options.fractionalSecondDigits = 3
  return new Intl.DateTimeFormat(language, options).format(ms)
}

/**
 * A tick label for a time axis spanning `spanMs`: "17:25:30" under three minutes, "17:25"
 * within a day and a half, "Nov 25, 17:25" within two months, else "Nov 25, 2026".
 */
export function axisTickText(date: Date, spanMs: number, language: Language): string {
  const ms = date.getTime()
  if (spanMs <= 3 * MINUTE) return utcText(ms, 'second', language, 'none')
  if (spanMs <= 1.5 * DAY) return utcText(ms, 'minute', language, 'none')
  if (spanMs <= 60 * DAY) return utcText(ms, 'minute', language, 'day')
  return utcText(ms, 'day', language)
}

/** Two instants as text, with seconds (or milliseconds) when they would otherwise read the same. */
export function instantPair(
  fromIso: string,
  toIso: string,
  language: Language,
): readonly [string, string] {
  const from = Date.parse(fromIso)
  const to = Date.parse(toIso)
  if (Number.isNaN(from) || Number.isNaN(to)) return [fromIso, toIso]
  const precisions = ['minute', 'second', 'millisecond'] as const
  // One instant (a single sighting) reads at the minute, like the moves list.
  const precision =
    from === to
      ? 'minute'
      : (precisions.find((p) => utcText(from, p, language) !== utcText(to, p, language)) ??
        'millisecond')
  return [`${utcText(from, precision, language)} UTC`, `${utcText(to, precision, language)} UTC`]
}

/** One instant, to the minute, on the same clock. */
export function instantText(iso: string, language: Language): string {
  const ms = Date.parse(iso)
  return Number.isNaN(ms) ? iso : `${utcText(ms, 'minute', language)} UTC`
}

/** How long a stretch lasted ("3 min", "5 hr" / "5 h", "2 days" / "2 d"), for hover text. */
export function spanText(fromIso: string, toIso: string, language: Language): string {
  const ms = Math.max(0, Date.parse(toIso) - Date.parse(fromIso))
  if (Number.isNaN(ms)) return '?'
  const unit = (value: number, name: 'second' | 'minute' | 'hour' | 'day'): string =>
    new Intl.NumberFormat(language, { style: 'unit', unit: name, unitDisplay: 'short' }).format(
      Math.round(value),
    )
  const minutes = ms / MINUTE
  if (minutes < 1) return unit(ms / 1000, 'second')
  if (minutes < 120) return unit(minutes, 'minute')
  const hours = minutes / 60
  if (hours < 48) return unit(hours, 'hour')
  return unit(hours / 24, 'day')
}
