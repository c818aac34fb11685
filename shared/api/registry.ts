// The registry feature's part of the api contract: the registries Strata knows (addresses,
// credentials) and listing their repositories and tags.

import type { Operation, Page, RateLimitInfo } from './common'

export interface RegistryEntry {
  /** host[:port] as the user typed it, normalized (lowercase, no scheme, no path). */
  readonly host: string
  /** Plain http allowed: automatically for loopback, otherwise only when the user marked it. */
  readonly insecure: boolean
  readonly username?: string
  /** Credentials are held for this registry (in memory or the OS keychain; never shown). */
  readonly hasCredentials: boolean
}

export interface AddRegistryArgs {
  /** "host[:port]", optionally with an http:// or https:// prefix. */
  readonly address: string
  readonly insecure?: boolean
  readonly username?: string
  readonly password?: string
  /** A bearer token (or identity token) used instead of username/password. */
  readonly token?: string
}

export interface CredentialsArgs {
  readonly host: string
  readonly username?: string
  readonly password?: string
  readonly token?: string
}

export interface ListRepositoriesArgs {
  readonly registry: string
  readonly cursor?: string
  readonly pageSize?: number
}

export interface ListTagsArgs {
  /** A repository reference: "host/name" or a familiar name ("alpine"). */
  readonly repository: string
  readonly cursor?: string
  readonly pageSize?: number
}

export interface HubSearchArgs {
  /** What to look for: a name or a word of the description ("nginx", "bitnami/redis"). */
  readonly query: string
  /** 1-based. */
  readonly page?: number
  /** Up to 100; default 25. */
  readonly pageSize?: number
}

/** One Docker Hub repository found by a search. */
export interface HubRepository {
  /** As Hub names it: "nginx" (official) or "owner/name". */
  readonly name: string
  /** What the Open box opens: "docker.io/library/nginx", "docker.io/owner/name". */
  readonly reference: string
  readonly description: string
  readonly stars: number
  /** Absent when Hub did not say. */
  readonly pulls?: number
  /** Docker Official Image. */
  readonly official: boolean
  readonly automated: boolean
}

export interface HubSearchResult {
  readonly query: string
  readonly page: number
  readonly results: readonly HubRepository[]
  /** How many repositories match in all, when Hub says. */
  readonly total?: number
  readonly hasMore: boolean
  /** Results left out because they did not have the expected shape. */
  readonly skipped: number
  readonly rateLimit?: RateLimitInfo
}

export interface RegistryOperations {
  'registries:list': Operation<Record<string, never>, readonly RegistryEntry[]>
  'registries:add': Operation<AddRegistryArgs, RegistryEntry>
  'registries:remove': Operation<{ readonly host: string }, readonly RegistryEntry[]>
  'registries:setCredentials': Operation<CredentialsArgs, RegistryEntry>
  'registry:listRepositories': Operation<ListRepositoriesArgs, Page<string>>
  'registry:listTags': Operation<ListTagsArgs, Page<string>>
  'registry:searchHub': Operation<HubSearchArgs, HubSearchResult>
}
