// Serves the handler table over Electron ipc: one invoke channel for calls, one send channel
// for events. Calls from any frame that is not our renderer origin are refused.

import type { IpcMainInvokeEvent, WebFrameMain } from 'electron'
import { BrowserWindow, ipcMain } from 'electron'
import type { ApiEvent } from '../../shared/api'
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../shared/api'
import type { HandlerTable } from '../api/handlerTable'
import { dispatchCall } from '../api/handlerTable'
import { OperationRegistry } from '../api/operationRegistry'
import { isRendererUrl } from './rendererProtocol'

/** The desktop's running operations: ipc calls and strata://app downloads share it. */
export const desktopOperations = new OperationRegistry()

export function broadcastEvent(event: ApiEvent): void {
  for (const window of BrowserWindow.getAllWindows()) {
    window.webContents.send(IPC_EVENT_CHANNEL, event)
  }
}

function isTrustedSender(frame: WebFrameMain | null): boolean {
  return frame !== null && isRendererUrl(frame.url)
}

export function serveHandlersOverIpc(table: HandlerTable): void {
  ipcMain.handle(IPC_CALL_CHANNEL, async (event: IpcMainInvokeEvent, request: unknown) => {
    if (!isTrustedSender(event.senderFrame)) {
      return {
        ok: false,
        error: { code: 'FORBIDDEN', message: 'Calls from this page are refused.' },
      }
    }
    const { name, args } = (request ?? {}) as { name?: unknown; args?: unknown }
    const controller = new AbortController()
    event.sender.once('destroyed', () => controller.abort())
    return dispatchCall(table, name, args ?? {}, {
      signal: controller.signal,
      emit: broadcastEvent,
      operations: desktopOperations,
    })
  })
}
