// Which failures are worth one automatic retry. Everything a user must act on (credentials,
// a wrong name, refused content) fails at once so the ErrorPanel shows up without delay.
import type { ErrorCode } from '../../shared/errors'
import { errorCodeOf } from './ApiCallError'

const TRANSIENT: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['TIMEOUT', 'SERVER_ERROR'])

export function shouldRetry(failureCount: number, error: unknown): boolean {
  return failureCount < 1 && TRANSIENT.has(errorCodeOf(error))
}
