// One handler per operation of shared/api/, joined from each feature's handlers.ts (app:info and
// dialog:choosePath are the app's own). Both transports serve this table.

import { StrataError } from '../../shared/errors'
import type { HandlerTable } from './handlerTable'
import { requiredString } from '../util/argReaders'
import type { Services } from './services'
import { createAttestationsHandlers } from '../attestations/handlers'
import { createCompareHandlers } from '../compare/handlers'
import { createExportsHandlers } from '../exports/handlers'
import { createFileHandlers } from '../files/handlers'
import { createHistoryHandlers } from '../history/handlers'
import { createImageHandlers } from '../image/handlers'
import { createRegistryHandlers } from '../registry/handlers'
import { createSharingHandlers } from '../sharing/handlers'
import { createStoreHandlers } from '../stores/handlers'
import { imageFileReader } from './imageFileBytes'
import { createOperationHandlers } from './operationHandlers'

export function createHandlers(services: Services): HandlerTable {
  return {
    'app:info': () => Promise.resolve(services.appInfo),
    'dialog:choosePath': async (args) => {
      if (!services.dialogs) {
        throw new StrataError(
          'UNAVAILABLE',
          'File dialogs open only in the desktop app; type the path instead.',
        )
      }
      const kind = requiredString(args, 'kind')
      if (kind !== 'file' && kind !== 'directory') {
        throw new StrataError('BAD_INPUT', '"kind" must be "file" or "directory".')
      }
      const path = await services.dialogs.choosePath(kind)
      return path === undefined ? {} : { path }
    },
    ...createRegistryHandlers(services),
    ...createImageHandlers(services),
    ...createStoreHandlers(services),
    ...createFileHandlers(services),
    ...createOperationHandlers(services),
    ...createHistoryHandlers(services.history),
    ...createSharingHandlers(services),
    ...createCompareHandlers(services),
    ...createExportsHandlers(services),
    ...createAttestationsHandlers({
      openSource: (ref, signal) => services.openSource(ref, signal),
      readImageFile: imageFileReader(services),
    }),
  }
}
