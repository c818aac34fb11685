// The shape of an operation handler, below the features so each feature's handlers.ts can be
// written against it without importing api/ (which assembles the table and dispatches calls).

import type { ApiEvent, ArgsOf, OperationName, ResultOf } from '../../shared/api'
import type { TrackOperation } from './operationTracker'

/** The running operations a handler may cancel by id (api/'s OperationRegistry). */
export interface RunningOperations {
  /** Aborts the operation; false when no running operation has this id. */
  cancel(operationId: string): boolean
}

/** What a handler gets: the call's signal and events plus a way to start cancellable operations. */
export interface HandlerContext {
  /** Aborted when the caller goes away (closed request, window reload) or cancels. */
  readonly signal: AbortSignal
  readonly emit: (event: ApiEvent) => void
  readonly operations: RunningOperations
  /** Starts a long operation: registered for `operation:cancel`, reported as ProgressEvents. */
  readonly track: TrackOperation
}

export type Handler<N extends OperationName> = (
  args: ArgsOf<N>,
  context: HandlerContext,
) => Promise<ResultOf<N>>

export type HandlerTable = { readonly [N in OperationName]: Handler<N> }
