// Web mode calls: one POST per operation to electron/serve.ts, authenticated by the per-launch
// token (a header, never a cookie or a URL). Every failure comes back as ApiResult data; a server that does not answer becomes
// NETWORK "Strata's server is not answering".
import type { ApiRequest } from '../../shared/api'
import { WEB_API_PATH, WEB_TOKEN_HEADER } from '../../shared/api'
import type { ApiResult } from '../../shared/errors'
import { DOWNLOAD_NONCE_PARAM, WEB_DOWNLOAD_TICKET_PATH } from '../../shared/api/webDownloadTicket'
import { asApiResult, CANCELLED, SERVER_GONE } from './transport'

export async function postApiCall(
  token: string,
  request: ApiRequest,
  signal?: AbortSignal,
  /** Absolute origin for tests under Node; the page uses its own origin. */
  origin = '',
): Promise<ApiResult<unknown>> {
  let response: Response
  try {
    response = await fetch(`${origin}${WEB_API_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [WEB_TOKEN_HEADER]: token },
      body: JSON.stringify({ name: request.name, args: request.args }),
      signal: signal ?? null,
    })
  } catch {
    return { ok: false, error: signal?.aborted ? CANCELLED : SERVER_GONE }
  }
  let body: unknown
  try {
    body = await response.json()
  } catch {
    if (signal?.aborted) return { ok: false, error: CANCELLED }
    return {
      ok: false,
      error: {
        code: response.status >= 500 ? 'SERVER_ERROR' : 'INTERNAL',
        message: `Strata's server answered HTTP ${response.status} without a result.`,
        detail: { status: response.status },
      },
    }
  }
  return (
    asApiResult(body) ?? {
      ok: false,
      error: { code: 'INTERNAL', message: "Strata's server sent an answer Strata cannot read." },
    }
  )
}

/**
 * Web mode downloads: asks the server for a one-time nonce bound to this download's query and
 * returns the URL to navigate to. A link cannot carry the token header, and the cookie never
 * opens a download, so this is how a click proves it came from this page.
 */
export async function webDownloadUrl(
  token: string,
  href: string,
  signal?: AbortSignal,
  origin = '',
): Promise<ApiResult<string>> {
  const query = href.includes('?') ? href.slice(href.indexOf('?') + 1) : ''
  let response: Response
  try {
    response = await fetch(`${origin}${WEB_DOWNLOAD_TICKET_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [WEB_TOKEN_HEADER]: token },
      body: JSON.stringify({ query }),
      signal: signal ?? null,
    })
  } catch {
    return { ok: false, error: signal?.aborted ? CANCELLED : SERVER_GONE }
  }
  const body: unknown = await response.json().catch(() => undefined)
  const result = asApiResult(body)
  if (!result) {
    return {
      ok: false,
      error: {
        code: response.status === 401 ? 'AUTH_REQUIRED' : 'INTERNAL',
        message: `Strata's server answered HTTP ${response.status} to a download request.`,
        detail: { status: response.status },
      },
    }
  }
  if (!result.ok) return result
  const nonce =
    typeof result.value === 'object' && result.value !== null && 'nonce' in result.value
      ? result.value.nonce
      : undefined
  if (typeof nonce !== 'string') {
    return {
      ok: false,
      error: { code: 'INTERNAL', message: "Strata's server sent an answer Strata cannot read." },
    }
  }
  const separator = href.includes('?') ? '&' : '?'
  return {
    ok: true,
    value: `${href}${separator}${DOWNLOAD_NONCE_PARAM}=${encodeURIComponent(nonce)}`,
  }
}
