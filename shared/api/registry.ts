// The registry feature's part of the api contract: the registries Strata knows (addresses,
// credentials) and listing their repositories and tags.

import type { Operation, Page } from './common'

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

export interface RegistryOperations {
  'registries:list': Operation<Record<string, never>, readonly RegistryEntry[]>
  'registries:add': Operation<AddRegistryArgs, RegistryEntry>
  'registries:remove': Operation<{ readonly host: string }, readonly RegistryEntry[]>
  'registries:setCredentials': Operation<CredentialsArgs, RegistryEntry>
  'registry:listRepositories': Operation<ListRepositoriesArgs, Page<string>>
  'registry:listTags': Operation<ListTagsArgs, Page<string>>
}
