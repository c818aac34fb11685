// Handler of operation:cancel: aborts the running operation whose progress events carry the
// id (registered by whatever started it through HandlerContext.track).

import { requiredString } from '../util/argReaders'
import type { Handler } from './handlerTable'
import type { Services } from './services'

export function createOperationHandlers(services: Services): {
  readonly 'operation:cancel': Handler<'operation:cancel'>
} {
  void services
  return {
    'operation:cancel': (args, context) =>
      Promise.resolve({
        cancelled: context.operations.cancel(requiredString(args, 'operationId')),
      }),
  }
}
