// Rate and time left for long work (layer downloads, index builds) from the progress events
// main pushes. Pure, so it is unit-tested: the caller passes the clock.

export interface ProgressSample {
  /** Milliseconds (any monotonic clock). */
  readonly at: number
  readonly done: number
}

/** The rate is measured over about this much recent history, so it follows speed changes. */
export const RATE_WINDOW_MS = 5000
/** Below this much history there is no honest rate to show yet. */
const MIN_SPAN_MS = 400

/** Adds a sample and drops those older than the window (keeping one just outside it). */
export function addSample(
  samples: readonly ProgressSample[],
  sample: ProgressSample,
): readonly ProgressSample[] {
  const last = samples[samples.length - 1]
  // Counting restarted (a new layer under one operation id): start measuring again.
  const kept = last && sample.done < last.done ? [] : [...samples]
  kept.push(sample)
  while (kept.length > 2 && (kept[1]?.at ?? 0) <= sample.at - RATE_WINDOW_MS) kept.shift()
  return kept
}

/** Units per second over the samples, or undefined while there is too little history. */
export function rateOf(samples: readonly ProgressSample[]): number | undefined {
  const first = samples[0]
  const last = samples[samples.length - 1]
  if (!first || !last || last.at - first.at < MIN_SPAN_MS) return undefined
  const rate = ((last.done - first.done) * 1000) / (last.at - first.at)
  return rate > 0 ? rate : undefined
}

/** Seconds until `total` at `rate`, or undefined when unknown. */
export function secondsLeft(
  done: number,
  total: number | undefined,
  rate: number | undefined,
): number | undefined {
  if (total === undefined || rate === undefined || rate <= 0) return undefined
  return Math.max(0, (total - done) / rate)
}

/** "5 s", "2 min 05 s", "1 h 03 min". */
export function formatDuration(seconds: number): string {
  const s = Math.ceil(seconds)
  if (s < 60) return `${s} s`
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`
  const minutes = Math.floor(s / 60)
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`
}
