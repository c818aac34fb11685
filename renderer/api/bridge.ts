// The one global the Electron preload exposes (shared/api.ts PRELOAD_GLOBAL). In web mode it
// is absent and the client talks HTTP to electron/serve.ts instead.
import type { ApiEvent, ApiRequest } from '../../shared/api'
import type { ApiResult } from '../../shared/errors'

export interface StrataBridge {
  call(request: ApiRequest): Promise<ApiResult<unknown>>
  onEvent(listener: (event: ApiEvent) => void): () => void
  /** The filesystem path of a file or folder dropped on the window ("" when it has none). */
  pathForFile(file: File): string
}

declare global {
  interface Window {
    strataBridge?: StrataBridge
  }
}

/**
 * Where a dropped file lives on disk: only the desktop app can say (a page never learns paths).
 * "" in web mode, and for items that have no path (dragged out of another application's view).
 */
export function pathForFile(file: File): string {
  try {
    return window.strataBridge?.pathForFile(file) ?? ''
  } catch {
    return ''
  }
}
