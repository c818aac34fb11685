// One registry host's HTTP plumbing on undici: scheme policy (https, or http only for loopback
// and hosts the user marked insecure), redirects followed by hand so the Authorization header
// only ever goes to the origin it was meant for, retries with backoff on 5xx / 429 honouring
// Retry-After, bounded concurrency, and transport failures mapped to StrataErrors.

import type { Dispatcher } from 'undici'
import { StrataError } from '../../shared/errors'
import type { BodyDeadlines } from '../util/bodyDeadlines'
import { DEFAULT_BODY_DEADLINES, DOCUMENT_TOTAL_MS } from '../util/bodyDeadlines'
import type { RequestTarget } from './httpErrors'
import { transportError } from './httpErrors'
import { parseRetryAfter } from './rateLimit'
import type { HeaderBag } from './rateLimit'

export type ResponseBody = Dispatcher.ResponseData['body']

export interface RetryPolicy {
  /** Retries after the first attempt (so up to maxRetries + 1 requests). */
  readonly maxRetries: number
  readonly baseDelayMs: number
  /** A Retry-After longer than this is not waited for: the caller gets RATE_LIMITED. */
  readonly maxRetryAfterSeconds: number
}

export interface TransportOptions {
  readonly dispatcher: Dispatcher
  /** Registry name for messages ("127.0.0.1:5000", "docker.io"). */
  readonly host: string
  /** May plain http be used to reach this host[:port]? */
  readonly allowHttp: (hostAndPort: string) => boolean
  readonly headersTimeoutMs: number
  /** undici's: longest silence between two chunks of a body. */
  readonly bodyTimeoutMs: number
  /** Progress deadlines every body is read under (default DEFAULT_BODY_DEADLINES). */
  readonly deadlines?: BodyDeadlines
  readonly retry: RetryPolicy
  readonly concurrency: number
  readonly userAgent: string
  /** Every final response's headers (for rate-limit tracking). */
  readonly onResponse?: (headers: HeaderBag) => void
}

export interface OutgoingRequest {
  readonly url: URL
  readonly method: 'GET' | 'HEAD' | 'POST'
  readonly headers?: Readonly<Record<string, string>>
  /** Sent only to the origin of `url` (scheme, host and port), never to a redirect elsewhere. */
  readonly authorization?: string
  readonly body?: string
  readonly signal?: AbortSignal
  readonly target: RequestTarget
}

export interface IncomingResponse {
  readonly status: number
  readonly headers: HeaderBag
  readonly body: ResponseBody
  /** Where the response finally came from, after redirects. */
  readonly url: URL
  /** The progress deadlines its body is to be read under (readBody.ts, sources/verify.ts). */
  readonly deadlines?: BodyDeadlines
}

export const MAX_REDIRECTS = 5
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])
const RETRY_STATUSES = new Set([429, 500, 502, 503, 504])
/** Connection dropped on a reused keep-alive socket: worth one more try for GET/HEAD. */
const TRANSIENT_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET'])

/**
 * A reply undici could not parse (HPE_…) is worth another try for GET/HEAD too: HEAD sockets are
 * kept alive (see `dispatch`), and a server that wrongly sends a body after a HEAD makes the
 * next response on that socket unreadable; the retry goes out on another connection.
 */
function isTransient(cause: string | undefined): boolean {
  return cause !== undefined && (TRANSIENT_CODES.has(cause) || cause.startsWith('HPE_'))
}

export class HttpTransport {
  /** Requests waiting for their response headers right now, and those queued for a slot. */
  private active = 0
  private readonly waiting: (() => void)[] = []
  /** Keep sockets open after HEAD; off for good once this host sent a reply undici could not parse. */
  private headKeepAlive = true

  constructor(private readonly options: TransportOptions) {
    if (!Number.isInteger(options.concurrency) || options.concurrency < 1) {
      throw new RangeError('concurrency must be >= 1')
    }
  }

  /** Throws INSECURE_REFUSED (before any connection) for http to a host not allowed it. */
  checkScheme(url: URL): void {
    if (url.protocol === 'https:') return
    if (url.protocol === 'http:') {
      if (this.options.allowHttp(url.host)) return
      throw new StrataError(
        'INSECURE_REFUSED',
        `refusing plain http to ${url.host}: only loopback hosts and registries you mark as insecure may use http`,
        { host: url.host, subject: url.origin },
      )
    }
    throw new StrataError('BAD_INPUT', `unsupported URL scheme ${url.protocol} for ${url.host}`, {
      host: url.host,
    })
  }

  /**
   * Sends a request and returns the final response with any status; 5xx and 429 are retried
   * first (for GET and HEAD). The caller must consume or dump the body.
   */
  async send(request: OutgoingRequest): Promise<IncomingResponse> {
    this.checkScheme(request.url)
    const idempotent = request.method !== 'POST'
    const { retry } = this.options
    for (let attempt = 0; ; attempt += 1) {
      let response: IncomingResponse
      try {
        response = await this.followRedirects(request)
      } catch (error) {
        const mapped = transportError(error, request.url.host, request.signal)
        if (!idempotent || !isTransient(mapped.detail?.cause) || attempt >= retry.maxRetries) {
          throw mapped
        }
        await sleep(this.backoffMs(attempt), request.signal)
        continue
      }
      if (!idempotent || !RETRY_STATUSES.has(response.status) || attempt >= retry.maxRetries) {
        this.options.onResponse?.(response.headers)
        return response
      }
      const retryAfter = parseRetryAfter(response.headers['retry-after'])
      if (retryAfter !== undefined && retryAfter > retry.maxRetryAfterSeconds) {
        this.options.onResponse?.(response.headers)
        return response // too long to wait here: the caller reports it with retryAfterSeconds
      }
      await dump(response.body)
      await sleep(
        retryAfter !== undefined ? retryAfter * 1000 : this.backoffMs(attempt),
        request.signal,
      )
    }
  }

  private async followRedirects(request: OutgoingRequest): Promise<IncomingResponse> {
    const authOrigin = request.url.origin
    let url = request.url
    let method = request.method
    let body = request.body
    for (let hops = 0; ; hops += 1) {
      if (hops > 0) this.checkScheme(url) // send() checked the first one
      const origin = hops === 0 ? authOrigin : url.origin
      const headers: Record<string, string> = {
        'user-agent': this.options.userAgent,
        ...request.headers,
      }
      if (request.authorization !== undefined && origin === authOrigin) {
        headers.authorization = request.authorization
      }
      if (body !== undefined && headers['content-type'] === undefined) {
        headers['content-type'] = 'application/x-www-form-urlencoded'
      }
      const response = await this.dispatch(origin, url, method, headers, body, request.signal)
      const location = headerValue(response.headers, 'location')
      if (!REDIRECT_STATUSES.has(response.statusCode) || location === undefined) {
        return {
          status: response.statusCode,
          headers: response.headers,
          body: response.body,
          url,
          deadlines: this.options.deadlines ?? DEFAULT_BODY_DEADLINES,
        }
      }
      await dump(response.body)
      if (hops + 1 > MAX_REDIRECTS) {
        throw new StrataError(
          'SERVER_ERROR',
          `${this.options.host} redirected more than ${MAX_REDIRECTS} times; giving up`,
          { host: this.options.host, status: response.statusCode },
        )
      }
      url = resolveLocation(location, url, this.options.host)
      // 303 (and 301/302 after a POST, as browsers do) turns the next request into a GET.
      if (response.statusCode === 303 || (method === 'POST' && response.statusCode <= 302)) {
        if (method !== 'HEAD') method = 'GET'
        body = undefined
      }
    }
  }

  /** One request on the wire; at most `concurrency` of them wait for headers at once. */
  private async dispatch(
    origin: string,
    url: URL,
    method: OutgoingRequest['method'],
    headers: Record<string, string>,
    body: string | undefined,
    signal: AbortSignal | undefined,
  ): Promise<Dispatcher.ResponseData> {
    if (this.active < this.options.concurrency) this.active += 1
    else await new Promise<void>((resolve) => this.waiting.push(resolve))
    try {
      return await this.options.dispatcher.request({
        origin,
        path: url.search === '' ? url.pathname : `${url.pathname}${url.search}`,
        method,
        headers,
        body: body ?? null,
        signal: signal ?? null,
        headersTimeout: this.options.headersTimeoutMs,
        bodyTimeout: this.options.bodyTimeoutMs,
        // undici closes the socket after every HEAD unless told otherwise (against servers that
        // send a body anyway). Registries do not, and a HEAD storm over many tags would open a
        // connection (over https: a TLS handshake) per tag. A stray body would show up as a
        // parse error on that socket's next response: retried (isTransient), and from then on
        // this host gets undici's default.
        ...(method === 'HEAD' && this.headKeepAlive ? { reset: false } : {}),
      })
    } catch (error) {
      // Name the host that failed: after a redirect it is not the registry.
      const mapped = transportError(error, url.host, signal)
      if (mapped.detail?.cause?.startsWith('HPE_') === true) this.headKeepAlive = false
      throw mapped
    } finally {
      // The slot passes straight to the next waiter, if any.
      const next = this.waiting.shift()
      if (next !== undefined) next()
      else this.active -= 1
    }
  }

  private backoffMs(attempt: number): number {
    const base = this.options.retry.baseDelayMs * 2 ** attempt
    return base + Math.random() * base * 0.5
  }
}

export function headerValue(headers: HeaderBag, name: string): string | undefined {
  const value = headers[name]
  if (value === undefined) return undefined
  return typeof value === 'string' ? value : value[0]
}

/**
 * Reads and discards a body we do not need, so the connection can be reused; a body that does
 * not finish within the document deadline closes its connection instead.
 */
export async function dump(body: ResponseBody, withinMs = DOCUMENT_TOTAL_MS): Promise<void> {
  try {
    await body.dump({ limit: 64 * 1024, signal: AbortSignal.timeout(withinMs) })
  } catch {
    // the connection is closed instead; nothing to report
  }
}

/** Abandons a body mid-way; undici reports that as an error nobody needs to hear. */
export function discard(body: ResponseBody): void {
  body.on('error', () => undefined)
  body.destroy()
}

function resolveLocation(location: string, base: URL, host: string): URL {
  try {
    return new URL(location, base)
  } catch {
    throw new StrataError('SERVER_ERROR', `${host} redirected to an invalid address`, { host })
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(new StrataError('CANCELLED', 'The operation was cancelled.'))
      return
    }
    const onAbort = (): void => {
      clearTimeout(timer)
      reject(new StrataError('CANCELLED', 'The operation was cancelled.'))
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
