// Handlers of the registry feature: the registries the user added (registries:*) and what a
// registry lists (registry:listRepositories, registry:listTags).

import type {
  AddRegistryArgs,
  CredentialsArgs,
  HubSearchResult,
  Page,
  RegistryEntry,
} from '../../shared/api'
import { optionalBoolean, optionalCount, optionalString, requiredString } from '../util/argReaders'
import type { Handler } from '../util/handlerTypes'

const MAX_PAGE_SIZE = 1000

export interface RegistryListing {
  listRepositories(
    registry: string,
    options: { readonly cursor?: string; readonly pageSize?: number; readonly signal: AbortSignal },
  ): Promise<Page<string>>
  listTags(
    repository: string,
    options: { readonly cursor?: string; readonly pageSize?: number; readonly signal: AbortSignal },
  ): Promise<Page<string>>
  /** Docker Hub's repository search (electron/registry/hubSearch.ts). */
  searchHub(
    query: string,
    options: { readonly page?: number; readonly pageSize?: number; readonly signal: AbortSignal },
  ): Promise<HubSearchResult>
}

export interface RegistryBook {
  list(): Promise<readonly RegistryEntry[]>
  add(args: AddRegistryArgs): Promise<RegistryEntry>
  remove(host: string): Promise<readonly RegistryEntry[]>
  setCredentials(args: CredentialsArgs): Promise<RegistryEntry>
}

/** What the registry handlers need from the composition root. */
export interface RegistryHandlerDeps {
  readonly registries: RegistryBook
  readonly listing: RegistryListing
}

export function createRegistryHandlers(services: RegistryHandlerDeps): {
  readonly 'registries:list': Handler<'registries:list'>
  readonly 'registries:add': Handler<'registries:add'>
  readonly 'registries:remove': Handler<'registries:remove'>
  readonly 'registries:setCredentials': Handler<'registries:setCredentials'>
  readonly 'registry:listRepositories': Handler<'registry:listRepositories'>
  readonly 'registry:listTags': Handler<'registry:listTags'>
  readonly 'registry:searchHub': Handler<'registry:searchHub'>
} {
  return {
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
    'registry:searchHub': (args, { signal }) => {
      const page = optionalCount(args, 'page', 10_000)
      const pageSize = optionalCount(args, 'pageSize', 100)
      return services.listing.searchHub(requiredString(args, 'query'), {
        ...(page !== undefined ? { page } : {}),
        ...(pageSize !== undefined ? { pageSize } : {}),
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
