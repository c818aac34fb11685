// Referrers for the api handlers: lookups by registry and repository through the pool's
// registry client (the same transport, auth, tokens, concurrency limit and body deadlines as
// every other registry call), and the graph of a registry image with its referrers attached.

import type { ImageGraph } from '../../shared/api'
import type { Digest } from '../../shared/oci/types'
import type { RegistryClient } from '../registry/registryClient'
import type { RegistryImageSource } from '../registry/registrySource'
import type { FindReferrersOptions } from './findReferrers'
import { findReferrers } from './findReferrers'
import type { ReferrersLookup } from './referrerNodes'
import { referrerAdditions, withReferrers } from './referrerNodes'
import type { ReferrersResult } from './referrerTypes'

export interface ReferrersServiceDeps {
  readonly pool: { clientFor(registry: string): RegistryClient }
}

/** How long "this registry has no Referrers API" is remembered. */
const NO_API_MEMORY_MS = 10 * 60_000

export class ReferrersService {
  private readonly noApiUntil = new Map<string, number>()

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
    const client = this.deps.pool.clientFor(registry)
    const host = client.registry
    const skipApi = (this.noApiUntil.get(host) ?? 0) > Date.now()
    const result = await findReferrers({ client, skipApi }, repository, subject, options)
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

  /** Forgets what was learned about a registry's API (its settings or credentials changed). */
  forget(registry: string): void {
    this.noApiUntil.delete(registry)
  }
}
