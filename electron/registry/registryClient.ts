// A Distribution API client for one registry. It composes the pieces: the transport (scheme
// policy, redirects, retries), authentication (ping, tokens), listings, manifests and blobs.
// Clients are usually handed out by RegistryClientPool, which shares one undici Agent (so
// keep-alive connections are reused) and one token cache.

import type { Readable } from 'node:stream'
import { Agent } from 'undici'
import type { Dispatcher } from 'undici'
import type { RateLimitInfo } from '../../shared/api'
import { StrataError } from '../../shared/errors'
import type { Descriptor } from '../../shared/oci/types'
import { isLoopbackHost, registryApiHost } from '../../shared/reference'
import type { AuthScheme } from './auth/registryAuth'
import { RegistryAuth } from './auth/registryAuth'
import { TokenCache } from './auth/tokenCache'
import type { BlobHead } from './blobHead'
import { headBlob } from './blobHead'
import type { ByteRange, RangedBlob } from '../sources/rangedBlob'
import type { BodyDeadlines } from '../util/bodyDeadlines'
import { fetchSmallBlob, openBlobRange, openBlobStream } from './blobs'
import type { CredentialProvider } from './credentials'
import { noCredentials } from './credentials'
import type { RetryPolicy } from './httpTransport'
import { HttpTransport } from './httpTransport'
import type { FetchedManifest, ManifestHead, ManifestOptions } from './manifests'
import { getManifest, headManifest } from './manifests'
import type { ListOptions, RegistryPage } from './pagination'
import { listCatalogPage, listTagsPage } from './pagination'
import { hasRateLimitHeaders, parseRateLimit } from './rateLimit'
import type { HeaderBag } from './rateLimit'
import type { ReferrersAnswer, ReferrersOptions } from './referrers'
import { listReferrers } from './referrers'
import type { RegistryConnection } from './registryConnection'

export interface RegistryClientOptions {
  /** Registry name: "docker.io", "ghcr.io", "127.0.0.1:5000". */
  readonly registry: string
  /** Shared undici dispatcher; when absent the client makes (and closes) its own. */
  readonly dispatcher?: Dispatcher
  readonly credentials?: CredentialProvider
  readonly tokens?: TokenCache
  /** Plain http allowed for this registry (the user marked it insecure). */
  readonly insecure?: boolean
  /** Force a scheme; default http for loopback and insecure registries, else https. */
  readonly scheme?: 'http' | 'https'
  readonly headersTimeoutMs?: number
  readonly bodyTimeoutMs?: number
  readonly connectTimeoutMs?: number
  /** Progress deadlines for bodies (bodyDeadlines.ts); default DEFAULT_BODY_DEADLINES. */
  readonly bodyDeadlines?: BodyDeadlines
  readonly retry?: Partial<RetryPolicy>
  /** Requests in flight to this registry at once (HEAD storms over many tags). */
  readonly concurrency?: number
  readonly userAgent?: string
}

export interface CallOptions {
  readonly signal?: AbortSignal
}

const DEFAULT_RETRY: RetryPolicy = { maxRetries: 3, baseDelayMs: 250, maxRetryAfterSeconds: 30 }
export const USER_AGENT = 'strata/0.1 (container image explorer)'

/** The undici Agent registry clients share: keep-alive, bounded sockets per origin. */
export function createRegistryAgent(options: { readonly connectTimeoutMs?: number } = {}): Agent {
  return new Agent({
    connect: { timeout: options.connectTimeoutMs ?? 10_000 },
    connections: 16,
    keepAliveTimeout: 30_000,
  })
}

export class RegistryClient {
  readonly registry: string
  /** Where the API is served: "https://registry-1.docker.io", "http://127.0.0.1:5000". */
  readonly baseUrl: URL
  private readonly connection: RegistryConnection
  private readonly auth: RegistryAuth
  private readonly ownedAgent: Agent | undefined
  /** The latest response that carried rate-limit headers, parsed only when asked for. */
  private rateLimitHeaders: { readonly headers: HeaderBag; readonly atMs: number } | undefined
  private parsedRateLimit: RateLimitInfo | undefined

  constructor(options: RegistryClientOptions) {
    this.registry = checkRegistryHost(options.registry)
    const apiHost = registryApiHost(this.registry)
    const insecure = options.insecure === true
    const allowHttp = (hostPort: string): boolean =>
      isLoopbackHost(hostPort) || (insecure && (hostPort === apiHost || hostPort === this.registry))
    const scheme = options.scheme ?? (allowHttp(apiHost) ? 'http' : 'https')
    this.baseUrl = new URL(`${scheme}://${apiHost}/`)
    this.ownedAgent =
      options.dispatcher === undefined
        ? createRegistryAgent(
            options.connectTimeoutMs !== undefined
              ? { connectTimeoutMs: options.connectTimeoutMs }
              : {},
          )
        : undefined
    const transport = new HttpTransport({
      dispatcher: options.dispatcher ?? (this.ownedAgent as Agent),
      host: this.registry,
      allowHttp,
      headersTimeoutMs: options.headersTimeoutMs ?? 30_000,
      bodyTimeoutMs: options.bodyTimeoutMs ?? 60_000,
      ...(options.bodyDeadlines ? { deadlines: options.bodyDeadlines } : {}),
      retry: { ...DEFAULT_RETRY, ...options.retry },
      concurrency: options.concurrency ?? 8,
      userAgent: options.userAgent ?? USER_AGENT,
      onResponse: (headers) => {
        if (!hasRateLimitHeaders(headers)) return
        this.rateLimitHeaders = { headers, atMs: Date.now() }
        this.parsedRateLimit = undefined
      },
    })
    this.auth = new RegistryAuth({
      host: this.registry,
      baseUrl: this.baseUrl,
      transport,
      credentials: options.credentials ?? noCredentials,
      tokens: options.tokens ?? new TokenCache(),
    })
    this.connection = { host: this.registry, baseUrl: this.baseUrl, auth: this.auth }
  }

  /** Which auth scheme the registry wants; also the cheapest reachability check. */
  async ping(options: CallOptions = {}): Promise<AuthScheme['kind']> {
    return (await this.auth.ping(options.signal)).kind
  }

  listRepositories(options: ListOptions = {}): Promise<RegistryPage> {
    return listCatalogPage(this.connection, options)
  }

  listTags(repository: string, options: ListOptions = {}): Promise<RegistryPage> {
    return listTagsPage(this.connection, repository, options)
  }

  headManifest(
    repository: string,
    reference: string,
    options: CallOptions = {},
  ): Promise<ManifestHead> {
    return headManifest(this.connection, repository, reference, options)
  }

  getManifest(
    repository: string,
    reference: string,
    options: ManifestOptions = {},
  ): Promise<FetchedManifest> {
    return getManifest(this.connection, repository, reference, options)
  }

  /** What the Referrers API lists for `subject`, or 'unsupported' where the registry lacks it. */
  referrers(
    repository: string,
    subject: string,
    options: ReferrersOptions = {},
  ): Promise<ReferrersAnswer> {
    return listReferrers(this.connection, repository, subject, options)
  }

  /** A tag or digest → descriptor: HEAD when it says everything, else GET and hash. */
  async resolve(
    repository: string,
    reference: string,
    options: CallOptions = {},
  ): Promise<Descriptor> {
    let head: ManifestHead | undefined
    try {
      head = await this.headManifest(repository, reference, options)
    } catch (error) {
      // Some registries refuse HEAD (405) or answer it oddly; GET is the fallback then.
      const fallback =
        error instanceof StrataError &&
        error.code === 'BAD_INPUT' &&
        error.detail?.status !== undefined
      if (!fallback) throw error
    }
    if (head?.digest !== undefined && head.mediaType !== undefined && head.size !== undefined) {
      return { mediaType: head.mediaType, digest: head.digest, size: head.size }
    }
    return (await this.getManifest(repository, reference, options)).descriptor
  }

  /** What the registry says about a blob known only by its digest (its size). */
  headBlob(repository: string, digest: string, options: CallOptions = {}): Promise<BlobHead> {
    return headBlob(this.connection, repository, digest, options.signal)
  }

  fetchBlob(
    repository: string,
    descriptor: Descriptor,
    options: CallOptions & { readonly maxBytes?: number } = {},
  ): Promise<Uint8Array> {
    return fetchSmallBlob(this.connection, repository, descriptor, options)
  }

  openBlob(
    repository: string,
    descriptor: Descriptor,
    options: CallOptions = {},
  ): Promise<Readable> {
    return openBlobStream(this.connection, repository, descriptor, options)
  }

  openBlobRange(
    repository: string,
    descriptor: Descriptor,
    range: ByteRange,
    options: CallOptions = {},
  ): Promise<RangedBlob> {
    return openBlobRange(this.connection, repository, descriptor, range, options)
  }

  /** The latest rate-limit headers this registry sent. */
  rateLimit(): RateLimitInfo | undefined {
    const latest = this.rateLimitHeaders
    if (latest !== undefined && this.parsedRateLimit === undefined) {
      this.parsedRateLimit = parseRateLimit(this.registry, latest.headers, latest.atMs)
    }
    return this.parsedRateLimit
  }

  /** Forget the auth scheme, credentials and tokens (after credentials changed). */
  resetAuth(): void {
    this.auth.reset()
  }

  /** Closes the client's own connections; a shared dispatcher is left to its owner. */
  async close(): Promise<void> {
    await this.ownedAgent?.close()
  }
}

const HOST_PORT =
  /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/

/** "host[:port]", lowercase, as a URL authority would carry it; else BAD_INPUT. */
export function checkRegistryHost(registry: string): string {
  const host = registry.trim().toLowerCase()
  if (!HOST_PORT.test(host)) {
    throw new StrataError(
      'BAD_INPUT',
      `"${registry}" is not a registry address (host or host:port)`,
      {
        subject: registry,
      },
    )
  }
  return host
}
