// A failure below HTTP (refused, DNS, reset, TLS, timeouts, abort) worded as a StrataError
// naming the host. Used by the registry client and by the stream verifier in sources/.

import { StrataError } from '../../shared/errors'

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
