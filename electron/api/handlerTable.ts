// The one dispatch function both transports call (the handler types live in
// util/handlerTypes). A handler throws StrataError for anything a user can act on; dispatch
// turns every throw into data.

import type { ApiEvent } from '../../shared/api'
import { isOperationName } from '../../shared/api'
import type { ApiResult } from '../../shared/errors'
import { StrataError, toApiError } from '../../shared/errors'
import type { HandlerContext, HandlerTable } from '../util/handlerTypes'
import { OperationRegistry } from './operationRegistry'

export type { Handler, HandlerContext, HandlerTable } from '../util/handlerTypes'

/** What a transport hands dispatchCall for one call. */
export interface CallContext {
  /** Aborted when the caller goes away (closed request, window reload) or cancels. */
  readonly signal: AbortSignal
  readonly emit: (event: ApiEvent) => void
  /** The transport's registry of running operations (one per web server / desktop app). */
  readonly operations?: OperationRegistry
}

// Callers that bring no registry (tests calling the table directly) share this one.
const defaultOperations = new OperationRegistry()

/** Runs one call from either transport. Never throws: every failure comes back as data. */
export async function dispatchCall(
  table: HandlerTable,
  name: unknown,
  args: unknown,
  callContext: CallContext,
): Promise<ApiResult<unknown>> {
  const operations = callContext.operations ?? defaultOperations
  const context: HandlerContext = {
    ...callContext,
    operations,
    track: operations.tracker(callContext.emit, callContext.signal),
  }
  try {
    if (!isOperationName(name)) {
      throw new StrataError('BAD_INPUT', `Unknown operation ${JSON.stringify(name)}.`)
    }
    if (args === null || typeof args !== 'object' || Array.isArray(args)) {
      throw new StrataError('BAD_INPUT', `Arguments of ${name} must be an object.`)
    }
    const handler = table[name] as (a: unknown, c: HandlerContext) => Promise<unknown>
    const value = await handler(args, context)
    return { ok: true, value }
  } catch (error) {
    if (context.signal.aborted) {
      return { ok: false, error: { code: 'CANCELLED', message: 'The operation was cancelled.' } }
    }
    return { ok: false, error: toApiError(error) }
  }
}
