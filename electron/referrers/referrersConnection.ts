// RegistryClient keeps its authenticated connection private, so the Referrers API gets its own
// connection to the same registry: the client's API origin and scheme decision, the same
// credentials and token cache, a dispatcher the caller shares. (Once RegistryClient exposes a
// referrers call or its connection, this file goes away.)

import type { Dispatcher } from 'undici'
import { RegistryAuth } from '../registry/auth/registryAuth'
import { TokenCache } from '../registry/auth/tokenCache'
import type { CredentialProvider } from '../registry/credentials'
import { noCredentials } from '../registry/credentials'
import { HttpTransport } from '../registry/httpTransport'
import type { RegistryClient } from '../registry/registryClient'
import { USER_AGENT } from '../registry/registryClient'
import type { RegistryConnection } from '../registry/registryConnection'

export interface ReferrersConnectionDeps {
  readonly dispatcher: Dispatcher
  readonly credentials?: CredentialProvider
  /** The pool's token cache (RegistryClientPool.tokens), so tokens are shared. */
  readonly tokens?: TokenCache
}

export function createReferrersConnection(
  client: RegistryClient,
  deps: ReferrersConnectionDeps,
): RegistryConnection {
  const origin = client.baseUrl
  const transport = new HttpTransport({
    dispatcher: deps.dispatcher,
    host: client.registry,
    // The client already decided whether plain http is allowed for its own origin; nothing else.
    allowHttp: (hostPort) => origin.protocol === 'http:' && hostPort === origin.host,
    headersTimeoutMs: 30_000,
    bodyTimeoutMs: 60_000,
    retry: { maxRetries: 2, baseDelayMs: 250, maxRetryAfterSeconds: 30 },
    concurrency: 4,
    userAgent: USER_AGENT,
  })
  const auth = new RegistryAuth({
    host: client.registry,
    baseUrl: origin,
    transport,
    credentials: deps.credentials ?? noCredentials,
    tokens: deps.tokens ?? new TokenCache(),
  })
  return { host: client.registry, baseUrl: origin, auth }
}
