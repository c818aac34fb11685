// Errors cross the api boundary as data. Every code is something a user can act on; the
// renderer maps each one to a sentence and a next step (renderer/components/ErrorPanel.tsx).

import type { ReferenceProblem } from './referenceProblem'

export const ERROR_CODES = [
  'BAD_INPUT', // the user typed something we cannot parse (reference, address, path)
  'AUTH_REQUIRED', // 401: credentials missing or rejected; the UI offers a credential prompt
  'FORBIDDEN', // 403: credentials accepted but not allowed
  'NOT_FOUND', // 404: no such registry object, repository, tag, digest, path
  'RATE_LIMITED', // 429: detail.retryAfterSeconds says how long to wait
  'NETWORK', // cannot reach the host (DNS, refused, TLS, reset)
  'TIMEOUT', // the host did not answer in time
  'SERVER_ERROR', // 5xx after retries
  'DIGEST_MISMATCH', // bytes do not hash to the digest that named them; refused
  'SIZE_MISMATCH', // bytes do not match the descriptor's size; refused
  'TOO_LARGE', // a document over the documented cap
  'MALFORMED', // JSON or schema invalid, ambiguous documents
  'UNSUPPORTED_MEDIA_TYPE', // a media type Strata does not know how to read
  'INSECURE_REFUSED', // plain http to a host not marked insecure
  'CANCELLED', // the user or the app cancelled the operation
  'UNAVAILABLE', // the feature cannot run here (for example the Electron binary is missing)
  'INTERNAL', // a bug in Strata: the message says what failed
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export interface ApiErrorDetail {
  /** Host the failure concerns, for "cannot reach HOST" and credential prompts. */
  readonly host?: string
  /** HTTP status the registry answered with, when there was one. */
  readonly status?: number
  /** Seconds the registry asked us to wait (Retry-After), for RATE_LIMITED. */
  readonly retryAfterSeconds?: number
  /** Digest the caller asked for and the digest the bytes really have, for DIGEST_MISMATCH. */
  readonly expectedDigest?: string
  readonly actualDigest?: string
  /** The reference, path or field the error is about. */
  readonly subject?: string
  /** Registry error codes from the response body (distribution-spec error envelope). */
  readonly registryErrors?: readonly { readonly code: string; readonly message: string }[]
  /** Underlying cause in one line (for example "ECONNREFUSED"). */
  readonly cause?: string
  /** Why a reference cannot be read (BAD_INPUT from the reference parsers), for wording. */
  readonly referenceProblem?: ReferenceProblem
}

export interface ApiError {
  readonly code: ErrorCode
  /** One sentence that says what happened, written for the user. */
  readonly message: string
  readonly detail?: ApiErrorDetail
}

export type ApiResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError }

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value)
}

/**
 * The error type thrown inside the main side. Handlers turn it into ApiError data at the
 * boundary; anything else thrown becomes INTERNAL.
 */
export class StrataError extends Error {
  readonly code: ErrorCode
  readonly detail: ApiErrorDetail | undefined

  constructor(code: ErrorCode, message: string, detail?: ApiErrorDetail) {
    super(message)
    this.name = 'StrataError'
    this.code = code
    this.detail = detail
  }

  toApiError(): ApiError {
    return this.detail === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, detail: this.detail }
  }
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof StrataError) return error.toApiError()
  if (error instanceof Error && error.name === 'AbortError') {
    return { code: 'CANCELLED', message: 'The operation was cancelled.' }
  }
  const message = error instanceof Error ? error.message : String(error)
  return { code: 'INTERNAL', message: `Strata failed unexpectedly: ${message}` }
}
