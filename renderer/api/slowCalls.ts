// Every api call that takes more than a second shows in the status bar with its elapsed time
// and a Cancel button, through the same ProgressState / ProgressItem as long operations: a
// call is time-bounded as the user sees it, even when the far end never answers.
import { useSyncExternalStore } from 'react'
import type { ProgressState } from './useApiEvents'

/** A call shows up once it has run this long. */
export const SLOW_CALL_MS = 1000

interface SlowCall {
  readonly id: number
  readonly label: string
  readonly startedAt: number
  readonly cancel: () => void
}

let nextId = 1
let visible: readonly SlowCall[] = []
let snapshot: readonly ProgressState[] = []
let ticker: number | undefined
const listeners = new Set<() => void>()

function publish(): void {
  const now = performance.now()
  snapshot = visible.map((c) => toProgressState(c, now))
  if (visible.length > 0 && ticker === undefined) {
    // Elapsed times move on once a second while something is waiting.
    ticker = window.setInterval(publish, 1000)
  } else if (visible.length === 0 && ticker !== undefined) {
    window.clearInterval(ticker)
    ticker = undefined
  }
  for (const listener of listeners) listener()
}

function toProgressState(c: SlowCall, now: number): ProgressState {
  return {
    event: {
      type: 'progress',
      operationId: `call-${c.id}`,
      label: c.label,
      doneBytes: 0,
      cancellable: true,
    },
    samples: [],
    updatedAt: now,
    call: { elapsedSeconds: Math.floor((now - c.startedAt) / 1000), cancel: c.cancel },
  }
}

/**
 * Starts watching one call: after SLOW_CALL_MS it is listed until `finish` is called. `cancel`
 * aborts the call (the Cancel button).
 */
export function watchCall(label: string, cancel: () => void): () => void {
  const id = nextId++
  const startedAt = performance.now()
  const timer = window.setTimeout(() => {
    visible = [...visible, { id, label, startedAt, cancel }]
    publish()
  }, SLOW_CALL_MS)
  return () => {
    window.clearTimeout(timer)
    if (!visible.some((c) => c.id === id)) return
    visible = visible.filter((c) => c.id !== id)
    publish()
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The calls waiting longer than SLOW_CALL_MS right now, as progress lines. */
export function useSlowCalls(): readonly ProgressState[] {
  return useSyncExternalStore(
    subscribe,
    () => snapshot,
    () => snapshot,
  )
}
