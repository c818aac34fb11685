// The desktop transport's contract: the ipc channels, the messages on them, and the one global
// the sandboxed preload exposes (electron/preload.ts implements StrataBridge against this type;
// the renderer calls it through renderer/api/electronTransport.ts).
//
// Every call carries an id chosen by the renderer. A cancel message with that id aborts the
// call on the main side (electron/shell/ipcBridge.ts keeps one AbortController per call), so
// Cancel stops the work on the desktop just as closing the request does in web mode.

import type { ApiResult } from '../errors'
import type { ApiEvent } from './common'
import type { ApiRequest } from './wire'

/** Electron: the ipc channels (calls are invoked; cancels and events are sent). */
export const IPC_CALL_CHANNEL = 'strata:call'
export const IPC_CANCEL_CHANNEL = 'strata:cancel'
export const IPC_EVENT_CHANNEL = 'strata:event'
/** The one global the preload exposes to the renderer. */
export const PRELOAD_GLOBAL = 'strataBridge'

/** What the renderer invokes on IPC_CALL_CHANNEL. */
export interface IpcCallMessage {
  readonly callId: string
  readonly name: string
  readonly args: unknown
}

/** What the renderer sends on IPC_CANCEL_CHANNEL to abort the call with that id. */
export interface IpcCancelMessage {
  readonly callId: string
}

export interface StrataBridge {
  /** Runs one operation; `callId` (unique per page) is what cancel(callId) names. */
  call(request: ApiRequest, callId: string): Promise<ApiResult<unknown>>
  /** Aborts the call with this id on the main side; its answer is then CANCELLED. */
  cancel(callId: string): void
  onEvent(listener: (event: ApiEvent) => void): () => void
  /** The filesystem path of a file or folder dropped on the window ("" when it has none). */
  pathForFile(file: File): string
}
