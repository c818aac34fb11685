// Times as the history view prints them, on one clock: UTC, 24-hour, as the moves list and the
// rest of the app ("2026-11-25 17:25 UTC"). Axis ticks use the same words at the precision the
// span needs; a move whose two sightings fall in one minute shows seconds. Pure, unit-tested.

const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE

/** "2026-11-25 17:25:03" (UTC, 24-hour) at the given precision. */
function utcText(ms: number, precision: 'day' | 'minute' | 'second' | 'millisecond'): string {
  const iso = new Date(ms).toISOString()
  const date = iso.slice(0, 10)
  const time = iso.slice(11, 23)
  switch (precision) {
    case 'day':
      return date
    case 'minute':
      return `${date} ${time.slice(0, 5)}`
    case 'second':
      return `${date} ${time.slice(0, 8)}`
    case 'millisecond':
      return `${date} ${time}`
  }
}

/** The axis caption: which clock the ticks use. */
export const AXIS_CLOCK = 'UTC, 24-hour'

/**
 * A tick label for a time axis spanning `spanMs`: "17:25:30" under three minutes, "17:25"
 * within a day and a half, "2026-11-25 17:25" within two months, else "2026-11-25".
 */
export function axisTickText(date: Date, spanMs: number): string {
  const ms = date.getTime()
  if (spanMs <= 3 * MINUTE) return utcText(ms, 'second').slice(11)
  if (spanMs <= 1.5 * DAY) return utcText(ms, 'minute').slice(11)
  if (spanMs <= 60 * DAY) return utcText(ms, 'minute')
  return utcText(ms, 'day')
}

/** Two instants as text, with seconds (or milliseconds) when they would otherwise read the same. */
export function instantPair(fromIso: string, toIso: string): readonly [string, string] {
  const from = Date.parse(fromIso)
  const to = Date.parse(toIso)
  if (Number.isNaN(from) || Number.isNaN(to)) return [fromIso, toIso]
  const precisions = ['minute', 'second', 'millisecond'] as const
  // One instant (a single sighting) reads at the minute, like the moves list.
  const precision =
    from === to
      ? 'minute'
      : (precisions.find((p) => utcText(from, p) !== utcText(to, p)) ?? 'millisecond')
  return [`${utcText(from, precision)} UTC`, `${utcText(to, precision)} UTC`]
}

/**
 * "between 2026-11-25 17:25 UTC and 2026-11-25 17:40 UTC"; with seconds (or milliseconds)
 * when the two would otherwise read the same.
 */
export function betweenText(fromIso: string, toIso: string): string {
  const [from, to] = instantPair(fromIso, toIso)
  return `between ${from} and ${to}`
}
