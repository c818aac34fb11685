// Handlers of the stores feature: local stores found on this machine, the storage view, and
// what a path holds.

import { optionalString, requiredString } from '../util/argReaders'
import type { Handler } from '../util/handlerTypes'
import type { LocalStores } from './discovery/localStoreServices'

export function createStoreHandlers(services: { readonly localStores: LocalStores }): {
  readonly 'stores:discover': Handler<'stores:discover'>
  readonly 'stores:describeStorage': Handler<'stores:describeStorage'>
  readonly 'stores:probePath': Handler<'stores:probePath'>
} {
  return {
    'stores:discover': (_args, { signal }) => services.localStores.discover(signal),
    'stores:describeStorage': (args, { signal }) =>
      services.localStores.describeStorage(optionalString(args, 'ref'), signal),
    'stores:probePath': (args, { signal }) =>
      services.localStores.probePath(requiredString(args, 'path'), signal),
  }
}
