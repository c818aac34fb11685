// One RegistryClient per registry, all sharing one undici Agent (keep-alive connections are
// reused across screens) and one token cache. The api handlers ask the pool, never build
// clients themselves.

import type { Dispatcher } from 'undici'
import type { Agent } from 'undici'
import { TokenCache } from './auth/tokenCache'
import type { CredentialProvider } from './credentials'
import { noCredentials } from './credentials'
import type { RegistryClientOptions } from './registryClient'
import { normalizeRegistryAddress } from './registryAddress'
import { RegistryClient, createRegistryAgent } from './registryClient'

export type ClientTuning = Omit<
  RegistryClientOptions,
  'registry' | 'dispatcher' | 'credentials' | 'tokens' | 'insecure' | 'scheme'
>

export interface RegistryClientPoolOptions {
  readonly credentials?: CredentialProvider
  /** Has the user marked this registry insecure (plain http allowed)? */
  readonly isInsecure?: (host: string) => boolean
  /** Shared dispatcher; by default the pool makes an Agent and closes it in close(). */
  readonly dispatcher?: Dispatcher
  readonly tuning?: ClientTuning
}

export class RegistryClientPool {
  readonly tokens = new TokenCache()
  private readonly clients = new Map<string, { client: RegistryClient; insecure: boolean }>()
  private readonly dispatcher: Dispatcher
  private readonly ownedAgent: Agent | undefined

  constructor(private readonly options: RegistryClientPoolOptions = {}) {
    this.ownedAgent =
      options.dispatcher === undefined
        ? createRegistryAgent(
            options.tuning?.connectTimeoutMs !== undefined
              ? { connectTimeoutMs: options.tuning.connectTimeoutMs }
              : {},
          )
        : undefined
    this.dispatcher = options.dispatcher ?? (this.ownedAgent as Agent)
  }

  /**
   * The client for a registry ("docker.io", "127.0.0.1:5000", "https://Quay.io/"); the
   * address is normalized like the registry list does it. BAD_INPUT for garbage.
   */
  clientFor(registry: string): RegistryClient {
    const { host } = normalizeRegistryAddress(registry)
    const insecure = this.options.isInsecure?.(host) === true
    const known = this.clients.get(host)
    // A registry newly marked insecure (or no longer) needs a client with the other scheme.
    if (known !== undefined && known.insecure === insecure) return known.client
    const client = new RegistryClient({
      ...this.options.tuning,
      registry: host,
      dispatcher: this.dispatcher,
      credentials: this.options.credentials ?? noCredentials,
      tokens: this.tokens,
      insecure,
    })
    this.clients.set(host, { client, insecure })
    return client
  }

  /** Drops what the pool knows about a registry's auth (its credentials changed). */
  forget(registry: string): void {
    const host = normalizeRegistryAddress(registry).host
    this.clients.get(host)?.client.resetAuth()
    this.clients.delete(host)
    this.tokens.clearHost(host)
  }

  async close(): Promise<void> {
    this.clients.clear()
    await this.ownedAgent?.close()
  }
}
