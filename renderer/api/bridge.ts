// The one global the Electron preload exposes (shared/api.ts PRELOAD_GLOBAL). In web mode it
// is absent and the client talks HTTP to electron/serve.ts instead.
import type { ApiEvent, ApiRequest } from '../../shared/api'
import type { ApiResult } from '../../shared/errors'

export interface StrataBridge {
  call(request: ApiRequest): Promise<ApiResult<unknown>>
  onEvent(listener: (event: ApiEvent) => void): () => void
}

declare global {
  interface Window {
    strataBridge?: StrataBridge
  }
}
