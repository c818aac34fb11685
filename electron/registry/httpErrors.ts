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

// Failures below HTTP are worded in util/ so sources/ can use them too; re-exported for registry/.
export { transportError } from '../util/transportError'
