// The one global the Electron preload exposes (PRELOAD_GLOBAL; its type, StrataBridge, is part
// of the contract in shared/api/bridge.ts). In web mode it is absent and the client talks HTTP
// to electron/serve.ts instead.
import type { StrataBridge } from '../../shared/api'

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
