// Sandboxed preload: exposes the typed api bridge and nothing else. Bundled to CommonJS
// (dist/electron/preload.cjs) because sandboxed preloads cannot be ES modules.

import { contextBridge, ipcRenderer, webUtils } from 'electron'
import type { ApiEvent, ApiRequest } from '../shared/api'
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, PRELOAD_GLOBAL } from '../shared/api'
import type { ApiResult } from '../shared/errors'

const bridge = {
  call: (request: ApiRequest): Promise<ApiResult<unknown>> =>
    ipcRenderer.invoke(IPC_CALL_CHANNEL, { name: request.name, args: request.args }) as Promise<
      ApiResult<unknown>
    >,
  onEvent: (listener: (event: ApiEvent) => void): (() => void) => {
    const wrapped = (_event: unknown, payload: ApiEvent): void => listener(payload)
    ipcRenderer.on(IPC_EVENT_CHANNEL, wrapped)
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, wrapped)
    }
  },
  /** The filesystem path of a file dropped on the window (empty when it has none). */
  pathForFile: (file: File): string => webUtils.getPathForFile(file),
}

contextBridge.exposeInMainWorld(PRELOAD_GLOBAL, bridge)
