// Main pushes events; the renderer invalidates queries instead of polling (DESIGN.md).
// Progress events go to one small store, so the status bar and any view (the files view's
// index progress) show the same operations, each with its measured rate and time left.
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useSyncExternalStore } from 'react'
import type { ProgressEvent } from '../../shared/api'
import { addSample, rateOf, secondsLeft, type ProgressSample } from './progressRate'
import { onApiEvent } from './client'
import { queryKeys } from './queryKeys'

export interface ProgressState {
  readonly event: ProgressEvent
  readonly samples: readonly ProgressSample[]
  /** Units (bytes or items) per second, once there is enough history to say. */
  readonly rate?: number
  readonly secondsLeft?: number
  readonly updatedAt: number
  /** Set for an api call still waiting for its answer (slowCalls.ts), not a main operation. */
  readonly call?: SlowCallState
}

export interface SlowCallState {
  readonly elapsedSeconds: number
  /** Aborts the call. */
  readonly cancel: () => void
}

/** An operation that stopped reporting without a last event is dropped after this long. */
const STALE_MS = 60_000

let states: ReadonlyMap<string, ProgressState> = new Map()
let snapshot: readonly ProgressState[] = []
const listeners = new Set<() => void>()

function publish(next: ReadonlyMap<string, ProgressState>): void {
  states = next
  snapshot = [...next.values()]
  for (const listener of listeners) listener()
}

/** Whether this event ends its operation (older main code sends no `done`). */
function isFinal(event: ProgressEvent): boolean {
  if (event.done !== undefined) return event.done
  return event.totalBytes !== undefined && event.doneBytes >= event.totalBytes
}

export function recordProgress(event: ProgressEvent, now = performance.now()): void {
  const next = new Map(states)
  if (isFinal(event)) {
    next.delete(event.operationId)
  } else {
    const old = next.get(event.operationId)
    const samples = addSample(old?.samples ?? [], { at: now, done: event.doneBytes })
    const rate = rateOf(samples)
    const left = secondsLeft(event.doneBytes, event.totalBytes, rate)
    next.set(event.operationId, {
      event,
      samples,
      updatedAt: now,
      ...(rate !== undefined ? { rate } : {}),
      ...(left !== undefined ? { secondsLeft: left } : {}),
    })
  }
  publish(next)
}

function dropStale(now: number): void {
  const next = new Map([...states].filter(([, s]) => now - s.updatedAt < STALE_MS))
  if (next.size !== states.size) publish(next)
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The operations reporting progress right now (any component may read them). */
export function useProgress(): readonly ProgressState[] {
  return useSyncExternalStore(
    subscribe,
    () => snapshot,
    () => snapshot,
  )
}

/** Subscribes for the app's lifetime; returns the operations currently reporting progress. */
export function useApiEvents(): readonly ProgressState[] {
  const queryClient = useQueryClient()

  useEffect(() => {
    const stop = onApiEvent((event) => {
      if (event.type === 'invalidate') {
        void queryClient.invalidateQueries({ queryKey: queryKeys.registries })
        return
      }
      recordProgress(event)
    })
    const sweep = window.setInterval(() => dropStale(performance.now()), 5000)
    return () => {
      stop()
      window.clearInterval(sweep)
    }
  }, [queryClient])

  return useProgress()
}
