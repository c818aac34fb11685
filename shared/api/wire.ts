// How a call looks on the wire for both transports, and web mode's paths and header.

import type { ApiResult } from '../errors'
import type { ArgsOf, OperationName, ResultOf } from './index'

export interface ApiRequest<N extends OperationName = OperationName> {
  readonly name: N
  readonly args: ArgsOf<N>
}
export type ApiResponse<N extends OperationName> = ApiResult<ResultOf<N>>

/** Web mode: the path every call is POSTed to, and the event stream. */
export const WEB_API_PATH = '/api/call'
export const WEB_EVENTS_PATH = '/api/events'
/**
 * GET downloads (a file's bytes, a directory as a tar). The same relative URL works in both
 * modes: web mode serves it (authorized by a one-time nonce, shared/api/webDownloadTicket.ts),
 * the desktop's strata://app protocol serves it in Electron.
 */
export const WEB_DOWNLOAD_PATH = '/api/download'

/** Header carrying the per-launch token on api calls in web mode. */
export const WEB_TOKEN_HEADER = 'x-strata-token'
