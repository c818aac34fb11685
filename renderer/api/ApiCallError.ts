// What `call` throws when the main side answered `{ ok: false }`: the ApiError data, intact,
// so the ErrorPanel can show the right sentence and next step.
import type { ApiError, ApiErrorDetail, ErrorCode } from '../../shared/errors'
import { isErrorCode } from '../../shared/errors'

export class ApiCallError extends Error {
  readonly code: ErrorCode
  readonly detail: ApiErrorDetail | undefined
  readonly apiError: ApiError

  constructor(apiError: ApiError) {
    super(apiError.message)
    this.name = 'ApiCallError'
    this.code = apiError.code
    this.detail = apiError.detail
    this.apiError = apiError
  }
}

/** Any thrown value as ApiError data: api errors keep their code, bugs become INTERNAL. */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiCallError) return error.apiError
  if (typeof error === 'object' && error !== null && 'code' in error && 'message' in error) {
    const { code, message } = error
    if (isErrorCode(code) && typeof message === 'string') {
      const detail = 'detail' in error ? (error.detail as ApiErrorDetail | undefined) : undefined
      return detail ? { code, message, detail } : { code, message }
    }
  }
  const message = error instanceof Error ? error.message : String(error)
  return { code: 'INTERNAL', message: `Strata failed unexpectedly: ${message}` }
}

export function errorCodeOf(error: unknown): ErrorCode {
  return asApiError(error).code
}
