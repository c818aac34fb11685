// Authentication for one registry: the /v2/ ping (cached; it tells which scheme the registry
// wants), credentials looked up only once a registry asks for them, Basic or Bearer headers,
// and one retry with fresh authorization when a request still gets 401.

import { StrataError } from '../../../shared/errors'
import type { CredentialProvider, Credentials } from '../credentials'
import { describeCredentials, isUsable } from '../credentials'
import type { RequestTarget } from '../httpErrors'
import { describeTarget, statusError } from '../httpErrors'
import type { HttpTransport, IncomingResponse, OutgoingRequest } from '../httpTransport'
import type { HeaderBag } from '../rateLimit'
import { readErrorBody } from '../readBody'
import { bearerChallenge, hasBasicChallenge, parseWwwAuthenticate } from '../wwwAuthenticate'
import type { TokenCache, TokenKey } from './tokenCache'
import { basicAuthorization, requestToken } from './tokenRequest'

export type AuthScheme =
  | { readonly kind: 'none' }
  | { readonly kind: 'basic' }
  | { readonly kind: 'bearer'; readonly realm: string; readonly service: string }

export interface RegistryAuthOptions {
  /** Registry name: the key for credentials and cached tokens. */
  readonly host: string
  /** "https://host[:port]" or "http://…" – where /v2/ lives. */
  readonly baseUrl: URL
  readonly transport: HttpTransport
  readonly credentials: CredentialProvider
  readonly tokens: TokenCache
}

interface Authorization {
  readonly header?: string
  /** The header came from the token cache (a fresh one might succeed where it failed). */
  readonly cached: boolean
}

export type AuthorizedRequest = Omit<OutgoingRequest, 'authorization'>

const NO_AUTHORIZATION: Authorization = { cached: false }

export class RegistryAuth {
  private scheme: Promise<AuthScheme> | undefined
  /** What `scheme` resolved to, so requests need not wait on the promise again. */
  private knownScheme: AuthScheme | undefined
  private credentialLookup: Promise<Credentials | undefined> | undefined
  private readonly tokenRequests = new Map<string, Promise<string>>()

  constructor(private readonly options: RegistryAuthOptions) {}

  /** What the registry wants, from GET /v2/ (asked once per host, then remembered). */
  ping(signal?: AbortSignal): Promise<AuthScheme> {
    if (this.scheme === undefined) {
      const pending = this.doPing(signal)
      this.scheme = pending
      pending.then(
        (scheme) => {
          if (this.scheme === pending) this.knownScheme = scheme
        },
        () => {
          if (this.scheme === pending) this.scheme = undefined
        },
      )
    }
    return this.scheme
  }

  /** Forget the scheme, cached credentials and tokens (after the user changed credentials). */
  reset(): void {
    this.scheme = undefined
    this.knownScheme = undefined
    this.credentialLookup = undefined
    this.options.tokens.clearHost(this.options.host)
  }

  /**
   * Sends a request with whatever authorization `scope` needs ("repository:demo/app:pull").
   * Returns any response but 401; a 401 that survives one fresh try becomes AUTH_REQUIRED.
   */
  async send(request: AuthorizedRequest, scope: string): Promise<IncomingResponse> {
    const { transport } = this.options
    let scheme = this.knownScheme ?? (await this.ping(request.signal))
    // Registries without auth (loopback, mirrors) skip the credential and token steps.
    const first =
      scheme.kind === 'none'
        ? NO_AUTHORIZATION
        : await this.authorize(scheme, scope, false, request.signal)
    const response = await transport.send(withAuthorization(request, first.header))
    if (response.status !== 401) return response

    await readErrorBody(response.body)
    const learned = schemeFromChallenge(response.headers)
    const changed = learned !== undefined && !sameScheme(learned, scheme)
    if (changed) {
      scheme = learned
      this.scheme = Promise.resolve(learned)
      this.knownScheme = learned
    }
    if (!changed && !first.cached) throw await this.authRequired(request.target)
    const second = await this.authorize(scheme, scope, true, request.signal)
    if (second.header === undefined) throw await this.authRequired(request.target)
    const retried = await transport.send(withAuthorization(request, second.header))
    if (retried.status !== 401) return retried
    await readErrorBody(retried.body)
    throw await this.authRequired(request.target)
  }

  private async doPing(signal?: AbortSignal): Promise<AuthScheme> {
    const { transport, baseUrl, host } = this.options
    const target: RequestTarget = { kind: 'ping' }
    const url = new URL('/v2/', baseUrl)
    const response = await transport.send({ url, method: 'GET', signal, target })
    const body = await readErrorBody(response.body)
    if (response.status === 200) return { kind: 'none' }
    if (response.status === 401) {
      const scheme = schemeFromChallenge(response.headers)
      if (scheme !== undefined) return scheme
      throw new StrataError(
        'AUTH_REQUIRED',
        `${host} asks for authentication in a way Strata does not support`,
        { host, status: 401 },
      )
    }
    throw statusError({ status: response.status, headers: response.headers, body, host, target })
  }

  private async authorize(
    scheme: AuthScheme,
    scope: string,
    fresh: boolean,
    signal?: AbortSignal,
  ): Promise<Authorization> {
    if (scheme.kind === 'none') return { cached: false }
    const credentials = await this.lookUpCredentials()
    if (scheme.kind === 'basic') {
      const header = basicAuthorization(credentials)
      return header !== undefined ? { header, cached: false } : { cached: false }
    }
    if (credentials?.registryToken !== undefined) {
      return { header: `Bearer ${credentials.registryToken}`, cached: false }
    }
    const key: TokenKey = {
      host: this.options.host,
      realm: scheme.realm,
      service: scheme.service,
      scope,
      identity: identityOf(credentials),
    }
    const { tokens, transport, host } = this.options
    if (!fresh) {
      const cached = tokens.get(key)
      if (cached !== undefined) return { header: `Bearer ${cached}`, cached: true }
    } else {
      tokens.delete(key)
    }
    // Many HEADs for one repository at once share one token request.
    const id = JSON.stringify(key)
    let pending = fresh ? undefined : this.tokenRequests.get(id)
    if (pending === undefined) {
      pending = requestToken(transport, host, scheme, scope, credentials).then((issued) => {
        tokens.set(key, issued.token, issued)
        return issued.token
      })
      const settled = pending.finally(() => {
        if (this.tokenRequests.get(id) === settled) this.tokenRequests.delete(id)
      })
      settled.catch(() => undefined)
      this.tokenRequests.set(id, settled)
    }
    const token = await abortable(pending, signal)
    return { header: `Bearer ${token}`, cached: false }
  }

  private lookUpCredentials(): Promise<Credentials | undefined> {
    if (this.credentialLookup === undefined) {
      const pending = this.options.credentials
        .get(this.options.host)
        .then((c) => (isUsable(c) ? c : undefined))
      this.credentialLookup = pending
      pending.catch(() => {
        if (this.credentialLookup === pending) this.credentialLookup = undefined
      })
    }
    return this.credentialLookup
  }

  private async authRequired(target: RequestTarget): Promise<StrataError> {
    const { host } = this.options
    const credentials = await this.lookUpCredentials().catch(() => undefined)
    // Look again next time: the user may fix their config file or sign in before retrying.
    this.credentialLookup = undefined
    const what = describeTarget(target)
    const message =
      credentials === undefined
        ? `${host} requires you to sign in to read ${what}`
        : `${host} did not accept the credentials (${describeCredentials(credentials)}) for ${what}`
    return new StrataError('AUTH_REQUIRED', message, { host, status: 401 })
  }
}

/** The scheme a 401's WWW-Authenticate asks for: Bearer preferred, then Basic. */
export function schemeFromChallenge(headers: HeaderBag): AuthScheme | undefined {
  const challenges = parseWwwAuthenticate(headers['www-authenticate'])
  const bearer = bearerChallenge(challenges)
  if (bearer !== undefined)
    return { kind: 'bearer', realm: bearer.realm, service: bearer.service ?? '' }
  if (hasBasicChallenge(challenges)) return { kind: 'basic' }
  return undefined
}

function sameScheme(a: AuthScheme, b: AuthScheme): boolean {
  if (a.kind !== b.kind) return false
  if (a.kind === 'bearer' && b.kind === 'bearer')
    return a.realm === b.realm && a.service === b.service
  return true
}

function identityOf(credentials: Credentials | undefined): string {
  if (credentials === undefined) return 'anonymous'
  if (credentials.username !== undefined) return `user:${credentials.username}`
  return 'identity-token'
}

/** Waits for a shared promise, but gives up (CANCELLED) when this caller's signal aborts. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise
  const cancelled = (): StrataError => new StrataError('CANCELLED', 'The operation was cancelled.')
  if (signal.aborted) return Promise.reject(cancelled())
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(cancelled())
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(error instanceof Error ? error : new Error(String(error)))
      },
    )
  })
}

function withAuthorization(
  request: AuthorizedRequest,
  header: string | undefined,
): OutgoingRequest {
  return header === undefined ? request : { ...request, authorization: header }
}
