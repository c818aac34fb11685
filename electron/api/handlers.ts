// One handler per operation of shared/api/. Both transports serve this table.

import { StrataError } from '../../shared/errors'
import type { HandlerTable } from './handlerTable'
import { optionalBoolean, optionalCount, optionalString, requiredString } from '../util/argReaders'
import type { Services } from './services'
import { buildImageGraph } from '../image/buildImageGraph'
import { summarizeImage } from '../image/summarizeImage'
import { fetchObjectDocument } from '../image/fetchObjectDocument'
import { createFileHandlers } from '../files/handlers'
import { createHistoryHandlers } from '../history/handlers'
import { createReferrersHandlers } from '../image/referrersHandlers'
import { createSharingHandlers } from '../sharing/handlers'
import { createCompareHandlers } from '../compare/handlers'
import { createOperationHandlers } from './operationHandlers'
import { recordResolvedTag, withGraphReferrers } from '../image/tagRecording'

const MAX_PAGE_SIZE = 1000

export function createHandlers(services: Services): HandlerTable {
  return {
    'app:info': () => Promise.resolve(services.appInfo),
    'registries:list': () => services.registries.list(),
    'registries:add': (args) =>
      services.registries.add({
        address: requiredString(args, 'address'),
        insecure: optionalBoolean(args, 'insecure') ?? false,
        ...credentialFields(args),
      }),
    'registries:remove': (args) => services.registries.remove(requiredString(args, 'host')),
    'registries:setCredentials': (args) =>
      services.registries.setCredentials({
        host: requiredString(args, 'host'),
        ...credentialFields(args),
      }),
    'registry:listRepositories': (args, { signal }) =>
      services.listing.listRepositories(requiredString(args, 'registry'), {
        cursor: optionalString(args, 'cursor'),
        pageSize: optionalCount(args, 'pageSize', MAX_PAGE_SIZE),
        signal,
      }),
    'registry:listTags': (args, { signal }) =>
      services.listing.listTags(requiredString(args, 'repository'), {
        cursor: optionalString(args, 'cursor'),
        pageSize: optionalCount(args, 'pageSize', MAX_PAGE_SIZE),
        signal,
      }),
    'image:summary': async (args, { signal }) => {
      const source = await services.openSource(requiredString(args, 'ref'), signal)
      const summary = await summarizeImage(source, signal)
      await recordResolvedTag(services, source, summary.digest)
      return summary
    },
    'image:graph': async (args, { signal }) => {
      const source = await services.openSource(requiredString(args, 'ref'), signal)
      const graph = await buildImageGraph(source, { signal })
      return withGraphReferrers(services, graph, source, signal)
    },
    'image:object': async (args, { signal }) => {
      const source = await services.openSource(requiredString(args, 'ref'), signal)
      return fetchObjectDocument(source, {
        digest: requiredString(args, 'digest'),
        mediaType: optionalString(args, 'mediaType'),
        signal,
      })
    },
    'stores:discover': (_args, { signal }) => services.localStores.discover(signal),
    'stores:describeStorage': (args, { signal }) =>
      services.localStores.describeStorage(optionalString(args, 'ref'), signal),
    'stores:probePath': (args, { signal }) =>
      services.localStores.probePath(requiredString(args, 'path'), signal),
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
    ...createFileHandlers(services),
    ...createOperationHandlers(services),
    ...createHistoryHandlers(services.history),
    ...createReferrersHandlers(services),
    ...createSharingHandlers(services),
    ...createCompareHandlers(services),
  }
}

function credentialFields(args: object): {
  username?: string
  password?: string
  token?: string
} {
  const username = optionalString(args, 'username')
  const password = optionalString(args, 'password')
  const token = optionalString(args, 'token')
  return {
    ...(username !== undefined ? { username } : {}),
    ...(password !== undefined ? { password } : {}),
    ...(token !== undefined ? { token } : {}),
  }
}
