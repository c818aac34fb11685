// Turns HTTP statuses and transport failures into StrataErrors a user can act on, naming
// what was asked for ("no tag v9 in demo/app on 127.0.0.1:5000").

import { StrataError } from '../../shared/errors'
import type { ApiErrorDetail } from '../../shared/errors'
import { describeRegistryErrors, parseErrorEnvelope } from './errorEnvelope'
import type { RegistryErrorItem } from './errorEnvelope'
import { parseRetryAfter } from './rateLimit'
import type { HeaderBag } from './rateLimit'

/** What a request was for, so errors can say it in words. */
export type RequestTarget =
  | { readonly kind: 'ping' }
  | { readonly kind: 'catalog' }
  | { readonly kind: 'tags'; readonly repository: string }
  | { readonly kind: 'manifest'; readonly repository: string; readonly reference: string }
  | { readonly kind: 'blob'; readonly repository: string; readonly digest: string }
  | { readonly kind: 'token'; readonly realm: string }

export function describeTarget(target: RequestTarget): string {
  switch (target.kind) {
    case 'ping':
      return 'the registry API'
    case 'catalog':
      return 'the repository list'
    case 'tags':
      return `the tags of ${target.repository}`
    case 'manifest':
      return `manifest ${target.repository}${referenceSuffix(target.reference)}`
    case 'blob':
      return `blob ${target.digest} in ${target.repository}`
    case 'token':
      return `a token from ${originOf(target.realm)}`
  }
}

export interface StatusErrorInput {
  readonly status: number
  readonly headers: HeaderBag
  /** The (bounded) response body, for the registry's error envelope. */
  readonly body?: string
  readonly host: string
  readonly target: RequestTarget
}

export function statusError(input: StatusErrorInput): StrataError {
  const { status, host, target } = input
  const registryErrors = parseErrorEnvelope(input.body)
  const detail: ApiErrorDetail = {
    host,
    status,
    subject: subjectOf(target),
    ...(registryErrors.length > 0 ? { registryErrors: registryErrors.map(toDetailItem) } : {}),
  }
  const said = registryErrors.length > 0 ? ` (${describeRegistryErrors(registryErrors)})` : ''
  const what = describeTarget(target)
  if (status === 401) {
    return new StrataError('AUTH_REQUIRED', `${host} asks you to sign in to read ${what}`, detail)
  }
  if (status === 403) {
    return new StrataError('FORBIDDEN', `${host} does not allow you to read ${what}${said}`, detail)
  }
  if (status === 404) {
    return new StrataError('NOT_FOUND', notFoundMessage(host, target, registryErrors), detail)
  }
  if (status === 429) {
    const retryAfterSeconds = parseRetryAfter(input.headers['retry-after'])
    const wait = retryAfterSeconds !== undefined ? `; try again in ${retryAfterSeconds} s` : ''
    return new StrataError('RATE_LIMITED', `${host} is rate-limiting requests${wait}`, {
      ...detail,
      ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
    })
  }
  if (status === 406 || status === 415) {
    return new StrataError(
      'UNSUPPORTED_MEDIA_TYPE',
      `${host} has ${what} only in a format Strata did not ask for${said}`,
      detail,
    )
  }
  if (status === 408) {
    return new StrataError('TIMEOUT', `${host} timed out answering for ${what}`, detail)
  }
  if (status === 416) {
    return new StrataError(
      'BAD_INPUT',
      `${host} says the byte range asked of ${what} is outside it`,
      detail,
    )
  }
  if (status >= 400 && status < 500) {
    return new StrataError(
      'BAD_INPUT',
      `${host} refused the request for ${what} (HTTP ${status})${said}`,
      detail,
    )
  }
  if (status >= 500) {
    return new StrataError(
      'SERVER_ERROR',
      `${host} failed answering for ${what} (HTTP ${status})${said}`,
      detail,
    )
  }
  return new StrataError(
    'SERVER_ERROR',
    `${host} answered ${what} with unexpected HTTP ${status}`,
    detail,
  )
}

function notFoundMessage(
  host: string,
  target: RequestTarget,
  registryErrors: readonly RegistryErrorItem[],
): string {
  const codes = new Set(registryErrors.map((e) => e.code))
  switch (target.kind) {
    case 'tags':
      return `no repository ${target.repository} on ${host}`
    case 'manifest':
      if (codes.has('NAME_UNKNOWN')) return `no repository ${target.repository} on ${host}`
      return target.reference.includes(':')
        ? `no manifest ${target.reference} in ${target.repository} on ${host}`
        : `no tag ${target.reference} in ${target.repository} on ${host}`
    case 'blob':
      if (codes.has('NAME_UNKNOWN')) return `no repository ${target.repository} on ${host}`
      return `no blob ${target.digest} in ${target.repository} on ${host}`
    case 'catalog':
      return `${host} does not offer a list of its repositories`
    case 'ping':
      return `${host} does not serve the registry API (no /v2/)`
    case 'token':
      return `the token service ${originOf(target.realm)} named by ${host} does not exist`
  }
}

function subjectOf(target: RequestTarget): string | undefined {
  switch (target.kind) {
    case 'tags':
      return target.repository
    case 'manifest':
      return `${target.repository}${referenceSuffix(target.reference)}`
    case 'blob':
      return `${target.repository}@${target.digest}`
    default:
      return undefined
  }
}

function referenceSuffix(reference: string): string {
  return reference.includes(':') ? `@${reference}` : `:${reference}`
}

function toDetailItem(item: RegistryErrorItem): { code: string; message: string } {
  return { code: item.code, message: item.message }
}

function originOf(url: string): string {
  try {
    return new URL(url).origin
  } catch {
    return url
  }
}

const TLS_CODES = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_)/

/**
 * A failure below HTTP (refused, DNS, reset, TLS, timeouts, abort) as a StrataError.
 * StrataErrors pass through unchanged.
 */
export function transportError(error: unknown, host: string, signal?: AbortSignal): StrataError {
  if (error instanceof StrataError) return error
  if (signal?.aborted === true || isAbort(error)) {
    return new StrataError('CANCELLED', 'The operation was cancelled.', { host })
  }
  const code = errorCode(error) ?? 'unknown error'
  if (code === 'UND_ERR_CONNECT_TIMEOUT') {
    return new StrataError('TIMEOUT', `${host} did not accept a connection in time`, {
      host,
      cause: code,
    })
  }
  if (code === 'UND_ERR_HEADERS_TIMEOUT') {
    return new StrataError('TIMEOUT', `${host} did not answer in time`, { host, cause: code })
  }
  if (code === 'UND_ERR_BODY_TIMEOUT') {
    return new StrataError('TIMEOUT', `${host} stopped sending data`, { host, cause: code })
  }
  if (TLS_CODES.test(code)) {
    return new StrataError(
      'NETWORK',
      `cannot reach ${host}: its TLS certificate was refused (${code})`,
      {
        host,
        cause: code,
      },
    )
  }
  return new StrataError('NETWORK', `cannot reach ${host} (${code})`, { host, cause: code })
}

function isAbort(error: unknown): boolean {
  if (!(error instanceof Error)) return false
  return error.name === 'AbortError' || errorCode(error) === 'UND_ERR_ABORTED'
}

/** The first `code` on the error, its cause chain, or an AggregateError's members. */
function errorCode(error: unknown, depth = 0): string | undefined {
  if (depth > 4 || typeof error !== 'object' || error === null) return undefined
  const record = error as { code?: unknown; cause?: unknown; errors?: unknown; name?: unknown }
  // undici's parser errors often come without a code; name them so they can be retried.
  if (record.name === 'HTTPParserError' && typeof record.code !== 'string') return 'HPE_UNPARSABLE'
  // undici's generic socket error hides the system code (ECONNRESET…) in its cause.
  if (typeof record.code === 'string' && record.code !== 'UND_ERR_SOCKET') return record.code
  const fromCause = errorCode(record.cause, depth + 1)
  if (fromCause !== undefined) return fromCause
  if (Array.isArray(record.errors)) {
    for (const inner of record.errors as unknown[]) {
      const code = errorCode(inner, depth + 1)
      if (code !== undefined) return code
    }
  }
  return typeof record.code === 'string' ? record.code : undefined
}
