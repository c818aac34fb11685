// Sandboxed preload: exposes the typed api bridge (shared/api/bridge.ts) and nothing else.
// Bundled to CommonJS (dist/electron/preload.cjs) because sandboxed preloads cannot be ES
// modules.

import { contextBridge, ipcRenderer, webUtils } from 'electron'
import type { ApiEvent, IpcCallMessage, IpcCancelMessage, StrataBridge } from '../shared/api'
import {
  IPC_CALL_CHANNEL,
  IPC_CANCEL_CHANNEL,
  IPC_EVENT_CHANNEL,
  PRELOAD_GLOBAL,
} from '../shared/api'
import type { ApiResult } from '../shared/errors'

const bridge: StrataBridge = {
  call: (request, callId) => {
    // Only the contract's fields cross: anything else the page put on the request stays here.
    const message: IpcCallMessage = { callId, name: request.name, args: request.args }
    return ipcRenderer.invoke(IPC_CALL_CHANNEL, message) as Promise<ApiResult<unknown>>
  },
  cancel: (callId) => {
    const message: IpcCancelMessage = { callId }
    ipcRenderer.send(IPC_CANCEL_CHANNEL, message)
  },
  onEvent: (listener) => {
    const wrapped = (_event: unknown, payload: ApiEvent): void => listener(payload)
    ipcRenderer.on(IPC_EVENT_CHANNEL, wrapped)
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, wrapped)
    }
  },
  pathForFile: (file) => webUtils.getPathForFile(file),
}

contextBridge.exposeInMainWorld(PRELOAD_GLOBAL, bridge)
