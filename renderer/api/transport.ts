// What the api client needs from a transport: send one request, get the result as data;
// listen to the one event channel.
import type { ApiEvent, ApiRequest } from '../../shared/api'
import type { ApiError, ApiResult } from '../../shared/errors'

export interface Transport {
  readonly kind: 'electron' | 'web'
  call(request: ApiRequest, signal?: AbortSignal): Promise<ApiResult<unknown>>
  /**
   * The URL a download link (WEB_DOWNLOAD_PATH + query) should navigate to: as is on the
   * desktop, with a one-time nonce in web mode (webCall.ts webDownloadUrl).
   */
  downloadUrl(href: string, signal?: AbortSignal): Promise<ApiResult<string>>
  onEvent(listener: (event: ApiEvent) => void): () => void
}

export const SERVER_GONE: ApiError = {
  code: 'NETWORK',
  message: "Strata's server is not answering",
  detail: { host: 'Strata' },
}

export const CANCELLED: ApiError = { code: 'CANCELLED', message: 'The request was cancelled.' }

/** Settles with CANCELLED as soon as the signal aborts, whatever the underlying promise does. */
export function raceAbort<T>(
  work: Promise<ApiResult<T>>,
  signal?: AbortSignal,
): Promise<ApiResult<T>> {
  if (!signal) return work
  if (signal.aborted) return Promise.resolve({ ok: false, error: CANCELLED })
  return new Promise((resolve) => {
    const onAbort = (): void => resolve({ ok: false, error: CANCELLED })
    signal.addEventListener('abort', onAbort, { once: true })
    work.then(
      (result) => {
        signal.removeEventListener('abort', onAbort)
        resolve(result)
      },
      () => {
        signal.removeEventListener('abort', onAbort)
        resolve({ ok: false, error: SERVER_GONE })
      },
    )
  })
}

/** Accepts only the `{ok, value}` / `{ok, error}` shape; anything else is Strata's own bug. */
export function asApiResult(body: unknown): ApiResult<unknown> | undefined {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return undefined
  if (body.ok === true && 'value' in body) return { ok: true, value: body.value }
  if (body.ok === false && 'error' in body && isApiErrorLike(body.error)) {
    return { ok: false, error: body.error }
  }
  return undefined
}

function isApiErrorLike(value: unknown): value is ApiError {
  return (
    typeof value === 'object' &&
    value !== null &&
    'code' in value &&
    typeof value.code === 'string' &&
    'message' in value &&
    typeof value.message === 'string'
  )
}
