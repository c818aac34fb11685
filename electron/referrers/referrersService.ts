// Referrers for the api handlers: one Referrers-API connection per registry (kept, so the auth
// ping and tokens are reused), lookups by registry and repository, and the graph of a registry
// image with its referrers attached.

import type { Dispatcher } from 'undici'
import type { ImageGraph } from '../../shared/api'
import type { Digest } from '../../shared/oci/types'
import type { TokenCache } from '../registry/auth/tokenCache'
import type { CredentialProvider } from '../registry/credentials'
import type { RegistryClient } from '../registry/registryClient'
import type { RegistryConnection } from '../registry/registryConnection'
import type { RegistryImageSource } from '../registry/registrySource'
import type { FindReferrersOptions } from './findReferrers'
import { findReferrers } from './findReferrers'
import type { ReferrersLookup } from './referrerNodes'
import { referrerAdditions, withReferrers } from './referrerNodes'
import type { ReferrersResult } from './referrerTypes'
import { createReferrersConnection } from './referrersConnection'

export interface ReferrersServiceDeps {
  readonly pool: { clientFor(registry: string): RegistryClient; readonly tokens: TokenCache }
  /** The dispatcher the pool uses (pass the same Agent to both). */
  readonly dispatcher: Dispatcher
  readonly credentials?: CredentialProvider
}

/** How long "this registry has no Referrers API" is remembered. */
const NO_API_MEMORY_MS = 10 * 60_000

export class ReferrersService {
  private readonly noApiUntil = new Map<string, number>()
  private readonly connections = new Map<
    string,
    { client: RegistryClient; connection: RegistryConnection }
  >()

  constructor(private readonly deps: ReferrersServiceDeps) {}

  /**
   * What refers to `subject`. A registry that answered without the Referrers API is asked
   * only for the fallback tag for a while (half the requests for a graph of many manifests).
   */
  async find(
    registry: string,
    repository: string,
    subject: Digest,
    options: FindReferrersOptions = {},
  ): Promise<ReferrersResult> {
    const entry = this.connectionFor(registry)
    const host = entry.client.registry
    const skipApi = (this.noApiUntil.get(host) ?? 0) > Date.now()
    const result = await findReferrers(
      skipApi ? { client: entry.client } : entry,
      repository,
      subject,
      options,
    )
    if (!skipApi && result.via !== 'api') this.noApiUntil.set(host, Date.now() + NO_API_MEMORY_MS)
    return result
  }

  lookupFor(registry: string, repository: string): ReferrersLookup {
    return (subject, signal) =>
      this.find(registry, repository, subject, signal !== undefined ? { signal } : {})
  }

  /** The graph with what refers to its manifests attached as 'referrer' nodes. */
  async attachToGraph(
    graph: ImageGraph,
    source: RegistryImageSource,
    signal?: AbortSignal,
  ): Promise<ImageGraph> {
    const { registry, repository } = source.reference
    const additions = await referrerAdditions(graph, source, this.lookupFor(registry, repository), {
      concurrency: 8,
      ...(signal !== undefined ? { signal } : {}),
    })
    return withReferrers(graph, additions)
  }

  /** Drops a registry's connection (its credentials changed). */
  forget(registry: string): void {
    this.connections.delete(registry)
    this.noApiUntil.delete(registry)
  }

  private connectionFor(registry: string): {
    client: RegistryClient
    connection: RegistryConnection
  } {
    const client = this.deps.pool.clientFor(registry)
    const known = this.connections.get(client.registry)
    // The pool hands out a new client when a registry's settings changed; follow it.
    if (known !== undefined && known.client === client) return known
    const connection = createReferrersConnection(client, {
      dispatcher: this.deps.dispatcher,
      tokens: this.deps.pool.tokens,
      ...(this.deps.credentials !== undefined ? { credentials: this.deps.credentials } : {}),
    })
    const entry = { client, connection }
    this.connections.set(client.registry, entry)
    return entry
  }
}
