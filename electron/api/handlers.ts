// One handler per operation of shared/api.ts. Both transports serve this table.

import type { HandlerTable } from './handlerTable'
import { optionalBoolean, optionalCount, optionalString, requiredString } from './argReaders'
import type { Services } from './services'
import { buildImageGraph } from '../graph/buildImageGraph'
import { summarizeImage } from './summarizeImage'
import { fetchObjectDocument } from './fetchObjectDocument'

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
    'image:summary': async (args, { signal }) =>
      summarizeImage(await services.openSource(requiredString(args, 'ref'), signal), signal),
    'image:graph': async (args, { signal }) =>
      buildImageGraph(await services.openSource(requiredString(args, 'ref'), signal), { signal }),
    'image:object': async (args, { signal }) => {
      const source = await services.openSource(requiredString(args, 'ref'), signal)
      return fetchObjectDocument(source, {
        digest: requiredString(args, 'digest'),
        mediaType: optionalString(args, 'mediaType'),
        signal,
      })
    },
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
