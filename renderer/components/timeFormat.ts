// Times as the history, tags and compare views print them: UTC, to the minute, so two people
// looking at the same journal read the same words. Pure, so it is unit-tested.

/** "2026-11-25 14:03 UTC"; the input unchanged when it is not a date. */
export function formatInstant(iso: string): string {
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) return iso
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`
}

/** "2026-11-25"; the input unchanged when it is not a date. */
export function formatDay(iso: string): string {
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) return iso
  return new Date(ms).toISOString().slice(0, 10)
}

/** "3 min", "5 h", "2 d": how long a stretch lasted, for hover text. */
export function formatSpan(fromIso: string, toIso: string): string {
  const ms = Math.max(0, Date.parse(toIso) - Date.parse(fromIso))
  if (Number.isNaN(ms)) return '?'
  const minutes = ms / 60_000
  if (minutes < 1) return `${Math.round(ms / 1000)} s`
  if (minutes < 120) return `${Math.round(minutes)} min`
  const hours = minutes / 60
  if (hours < 48) return `${Math.round(hours)} h`
  return `${Math.round(hours / 24)} d`
}
