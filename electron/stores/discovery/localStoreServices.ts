// The local-store side of the services: discovery, podman's storage view, and what a chosen
// path opens as.

import { StrataError } from '../../../shared/errors'
import { parseSourceRef } from '../../../shared/sourceRef'
import type { PathProbe } from '../../../shared/api'
import type { LocalStore } from '../../../shared/api/stores'
import type { StorageView } from '../../../shared/api/stores'
import { describeStorage } from '../containers-storage/describeStorage'
import { discoverLocalStores } from './discoverLocalStores'
import { probePath } from './probePath'

/** The local stores as the handlers see them (api/services.ts re-exports it). */
export interface LocalStores {
  discover(signal: AbortSignal): Promise<readonly LocalStore[]>
  /** The containers-storage store a reference names, or podman's default store. */
  describeStorage(ref: string | undefined, signal: AbortSignal): Promise<StorageView>
  probePath(path: string, signal: AbortSignal): Promise<PathProbe>
}

export function createLocalStores(env: NodeJS.ProcessEnv): LocalStores {
  return {
    discover: (signal) => discoverLocalStores({ env, signal }),
    describeStorage: async (ref, signal) => {
      if (ref === undefined) return describeStorage({ env, signal })
      const parsed = parseSourceRef(ref)
      if (parsed.transport !== 'containers-storage') {
        throw new StrataError(
          'BAD_INPUT',
          `The storage view is for containers-storage: references, not ${parsed.transport}:.`,
          { subject: ref },
        )
      }
      return describeStorage({ env, signal, ...(parsed.store ? { store: parsed.store } : {}) })
    },
    probePath: (path, signal) => probePath(path, signal),
  }
}
