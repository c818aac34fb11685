// How long work reports progress and learns it was cancelled, without knowing who listens.
// The api layer supplies a TrackOperation that registers each operation under an id (so
// `operation:cancel` can abort it) and turns reports into ProgressEvents; domain code only
// sees this small interface.

import { randomUUID } from 'node:crypto'
import type { ProgressEvent, ProgressPhase } from '../../shared/api'
import { englishProgressLabel } from '../../shared/progressLabel'

export interface TrackedOperation {
  readonly operationId: string
  /** Aborted when the caller goes away or `operation:cancel` names this operation. */
  readonly signal: AbortSignal
  /**
   * Work done so far; `phase` replaces the phase given to track() from now on; `also.entries`
   * counts the entries read beside the bytes (layer indexing).
   */
  report(done: number, total?: number, phase?: ProgressPhase, also?: ProgressAlso): void
  /**
   * Sends the operation's last event (done: true) and forgets it. Safe to call twice. Work that
   * never reported (everything came from a cache) ends silently: nobody saw it start.
   */
  finish(): void
}

/** Figures a report may carry beside the work done. */
export interface ProgressAlso {
  readonly entries?: number
}

/**
 * The abort reason of an operation stopped by `operation:cancel`: the user asked for that work
 * to stop, so work shared with other callers stops for them too (a caller that merely went
 * away leaves shared work running for the others).
 */
export const CANCELLED_BY_USER: unique symbol = Symbol('cancelled by the user')

export function cancelledByUser(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true && signal.reason === CANCELLED_BY_USER
}

export interface TrackOptions {
  readonly unit?: 'bytes' | 'items'
  /**
   * Work shared by several callers (one index build many requests wait for): only the
   * given signal and `operation:cancel` stop it, not the call that happened to start it.
   */
  readonly shared?: boolean
}

/** Starts tracking one operation; `signal` is the caller's own (a closed request, a reload). */
export type TrackOperation = (
  phase: ProgressPhase,
  signal?: AbortSignal,
  options?: TrackOptions,
) => TrackedOperation

/** Minimum time between two progress events of one operation (the first and last always go). */
const REPORT_INTERVAL_MS = 100

export interface ProgressEmitterOptions {
  readonly operationId: string
  readonly phase: ProgressPhase
  readonly signal: AbortSignal
  readonly cancellable: boolean
  readonly unit: 'bytes' | 'items'
  readonly emit: (event: ProgressEvent) => void
  readonly onFinish?: () => void
}

/** A TrackedOperation that emits throttled ProgressEvents and a final `done: true` event. */
export function progressEmitter(options: ProgressEmitterOptions): TrackedOperation {
  let phase = options.phase
  let lastDone = 0
  let lastTotal: number | undefined
  let lastEntries: number | undefined
  let lastSent = 0
  let finished = false
  const send = (done: boolean): void => {
    lastSent = Date.now()
    options.emit({
      type: 'progress',
      operationId: options.operationId,
      phase,
      label: englishProgressLabel(phase),
      doneBytes: lastDone,
      ...(lastTotal !== undefined ? { totalBytes: lastTotal } : {}),
      ...(lastEntries !== undefined ? { entries: lastEntries } : {}),
      unit: options.unit,
      cancellable: options.cancellable,
      ...(done ? { done: true } : {}),
    })
  }
  return {
    operationId: options.operationId,
    signal: options.signal,
    report(done, total, newPhase, also) {
      if (finished) return
      const first = lastSent === 0
      lastDone = done
      lastTotal = total
      lastEntries = also?.entries
      if (newPhase !== undefined && !samePhase(newPhase, phase)) {
        phase = newPhase
        send(false)
        return
      }
      if (first || Date.now() - lastSent >= REPORT_INTERVAL_MS) send(false)
    },
    finish() {
      if (finished) return
      finished = true
      if (lastSent !== 0) send(true)
      options.onFinish?.()
    },
  }
}

function samePhase(a: ProgressPhase, b: ProgressPhase): boolean {
  return englishProgressLabel(a) === englishProgressLabel(b)
}

/** Tracking without a registry: events still flow, but nothing can cancel by id. */
export function untrackedOperations(emit?: (event: ProgressEvent) => void): TrackOperation {
  return (phase, signal, options) =>
    progressEmitter({
      operationId: randomUUID(),
      phase,
      signal: signal ?? new AbortController().signal,
      cancellable: false,
      unit: options?.unit ?? 'bytes',
      emit: emit ?? (() => undefined),
    })
}
