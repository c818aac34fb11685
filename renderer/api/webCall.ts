// Web mode calls: one POST per operation to electron/serve.ts, authenticated by the per-launch
// token. Every failure comes back as ApiResult data; a server that does not answer becomes
// NETWORK "Strata's server is not answering".
import type { ApiRequest } from '../../shared/api'
import { WEB_API_PATH, WEB_TOKEN_HEADER } from '../../shared/api'
import type { ApiResult } from '../../shared/errors'
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
