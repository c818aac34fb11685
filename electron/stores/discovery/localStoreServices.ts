// The local-store side of the services: discovery, podman's storage view, and what a chosen
// path opens as.

import { StrataError } from '../../../shared/errors'
import { parseSourceRef } from '../../../shared/sourceRef'
import type { LocalStores } from '../../api/services'
import { describeStorage } from '../containers-storage/describeStorage'
import { discoverLocalStores } from './discoverLocalStores'
import { probePath } from './probePath'

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
