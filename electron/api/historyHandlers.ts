// Handlers of the tag-history, referrers, sharing and compare operations (issue 5).
// Placeholder until they are wired: every call answers UNAVAILABLE.

import { StrataError } from '../../shared/errors'
import type { Handler } from './handlerTable'
import type { Services } from './services'

type HistoryOperation =
  | 'history:timeline'
  | 'history:observe'
  | 'history:asOf'
  | 'history:watch'
  | 'history:unwatch'
  | 'history:watching'
  | 'history:export'
  | 'image:referrers'
  | 'sharing:compute'
  | 'compare:images'

export function createHistoryHandlers(services: Services): {
  readonly [N in HistoryOperation]: Handler<N>
} {
  void services
  const notYet = (): Promise<never> =>
    Promise.reject(new StrataError('UNAVAILABLE', 'This operation is not built yet.'))
  return {
    'history:timeline': notYet,
    'history:observe': notYet,
    'history:asOf': notYet,
    'history:watch': notYet,
    'history:unwatch': notYet,
    'history:watching': notYet,
    'history:export': notYet,
    'image:referrers': notYet,
    'sharing:compute': notYet,
    'compare:images': notYet,
  }
}
