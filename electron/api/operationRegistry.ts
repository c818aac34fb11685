// Long operations by id, so `operation:cancel` can stop one: a progress bar's Cancel names the
// operation, not the call that started it (downloads, for one, are not api calls); both modes
// use it. Each operation gets an AbortController linked to its caller's own signal.

import { randomUUID } from 'node:crypto'
import type { ApiEvent } from '../../shared/api'
import type { TrackOperation } from '../util/operationTracker'
import { CANCELLED_BY_USER, progressEmitter } from '../util/operationTracker'

export class OperationRegistry {
  private readonly running = new Map<string, AbortController>()

  /** Registers a new operation; its signal aborts with `signal` or with cancel(id). */
  begin(signal?: AbortSignal): { readonly operationId: string; readonly signal: AbortSignal } {
    const operationId = randomUUID()
    const controller = new AbortController()
    this.running.set(operationId, controller)
    const linked = signal ? AbortSignal.any([signal, controller.signal]) : controller.signal
    return { operationId, signal: linked }
  }

  /** Aborts the operation; false when no running operation has this id. */
  cancel(operationId: string): boolean {
    const controller = this.running.get(operationId)
    if (!controller) return false
    this.running.delete(operationId)
    controller.abort(CANCELLED_BY_USER)
    return true
  }

  end(operationId: string): void {
    this.running.delete(operationId)
  }

  get size(): number {
    return this.running.size
  }

  /** A TrackOperation for one call: operations it starts are registered here and emit events. */
  tracker(emit: (event: ApiEvent) => void, callSignal?: AbortSignal): TrackOperation {
    return (phase, signal, options) => {
      const caller = options?.shared === true ? undefined : callSignal
      const parent = signal && caller ? AbortSignal.any([signal, caller]) : (signal ?? caller)
      const { operationId, signal: linked } = this.begin(parent)
      return progressEmitter({
        operationId,
        phase,
        signal: linked,
        cancellable: true,
        unit: options?.unit ?? 'bytes',
        emit,
        onFinish: () => this.end(operationId),
      })
    }
  }
}
