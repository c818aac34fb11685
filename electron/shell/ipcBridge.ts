// Serves the handler table over Electron ipc: one invoke channel for calls, one send channel
// for cancels, one for events. Calls and cancels from any frame that is not our renderer origin
// are refused. Each call carries an id; the page that made it can abort it by that id, and
// every call a page has in flight is aborted when the page goes away.

import type { IpcMainEvent, IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron'
import { BrowserWindow, ipcMain } from 'electron'
import type { ApiEvent } from '../../shared/api'
import { IPC_CALL_CHANNEL, IPC_CANCEL_CHANNEL, IPC_EVENT_CHANNEL } from '../../shared/api'
import type { HandlerTable } from '../api/handlerTable'
import { dispatchCall } from '../api/handlerTable'
import { OperationRegistry } from '../api/operationRegistry'
import { isRendererUrl } from './rendererProtocol'

/** The desktop's running operations: ipc calls and strata://app downloads share it. */
export const desktopOperations = new OperationRegistry()

/** Long enough for a UUID and then some; longer ids are refused rather than stored. */
const MAX_CALL_ID_LENGTH = 128

// Calls in flight, by the page that made them (a WebContents) and then by call id (a symbol
// for a call that brought none).
const callsByPage = new WeakMap<WebContents, Map<string | symbol, AbortController>>()

export function broadcastEvent(event: ApiEvent): void {
  for (const window of BrowserWindow.getAllWindows()) {
    window.webContents.send(IPC_EVENT_CHANNEL, event)
  }
}

function isTrustedSender(frame: WebFrameMain | null): boolean {
  return frame !== null && isRendererUrl(frame.url)
}

function field(message: unknown, name: string): unknown {
  return typeof message === 'object' && message !== null && name in message
    ? (message as Record<string, unknown>)[name]
    : undefined
}

function isCallId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_CALL_ID_LENGTH
}

function pageCalls(page: WebContents): Map<string | symbol, AbortController> {
  let calls = callsByPage.get(page)
  if (!calls) {
    const created = new Map<string | symbol, AbortController>()
    callsByPage.set(page, created)
    // One listener per page (not per call): a closed or crashed page cancels all its calls.
    page.once('destroyed', () => {
      for (const controller of created.values()) controller.abort()
      created.clear()
    })
    calls = created
  }
  return calls
}

export function serveHandlersOverIpc(table: HandlerTable): void {
  ipcMain.handle(IPC_CALL_CHANNEL, async (event: IpcMainInvokeEvent, request: unknown) => {
    if (!isTrustedSender(event.senderFrame)) {
      return {
        ok: false,
        error: { code: 'FORBIDDEN', message: 'Calls from this page are refused.' },
      }
    }
    const callId = field(request, 'callId')
    if (callId !== undefined && !isCallId(callId)) {
      return { ok: false, error: { code: 'BAD_INPUT', message: 'The call id is not valid.' } }
    }
    const calls = pageCalls(event.sender)
    // A call without an id still ends with its page; only cancel(id) cannot name it.
    const key = callId ?? Symbol('call without an id')
    if (calls.has(key)) {
      return {
        ok: false,
        error: { code: 'BAD_INPUT', message: 'A call with this id is already running.' },
      }
    }
    const controller = new AbortController()
    calls.set(key, controller)
    try {
      return await dispatchCall(table, field(request, 'name'), field(request, 'args') ?? {}, {
        signal: controller.signal,
        emit: broadcastEvent,
        operations: desktopOperations,
      })
    } finally {
      calls.delete(key)
    }
  })

  ipcMain.on(IPC_CANCEL_CHANNEL, (event: IpcMainEvent, message: unknown) => {
    if (!isTrustedSender(event.senderFrame)) return
    const callId = field(message, 'callId')
    if (!isCallId(callId)) return
    // Only the page that made the call can name it: ids are looked up among its own calls.
    callsByPage.get(event.sender)?.get(callId)?.abort()
  })
}
