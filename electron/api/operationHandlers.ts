// Handler of operation:cancel. Placeholder until cancellation by operation id is wired.

import type { Handler } from './handlerTable'
import type { Services } from './services'

export function createOperationHandlers(services: Services): {
  readonly 'operation:cancel': Handler<'operation:cancel'>
} {
  void services
  return { 'operation:cancel': () => Promise.resolve({ cancelled: false }) }
}
