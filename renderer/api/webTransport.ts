// Web mode: calls are POSTs to electron/serve.ts on the same origin (webCall.ts); events
// arrive on one EventSource, opened while someone listens.
import type { ApiEvent } from '../../shared/api'
import { WEB_EVENTS_PATH } from '../../shared/api'
import type { Transport } from './transport'
import { parseEvent } from './parseEvent'
import { postApiCall } from './webCall'

export function createWebTransport(token: string): Transport {
  const listeners = new Set<(event: ApiEvent) => void>()
  let source: EventSource | undefined

  const openEvents = (): void => {
    if (source) return
    source = new EventSource(`${WEB_EVENTS_PATH}?token=${encodeURIComponent(token)}`)
    source.onmessage = (message: MessageEvent<string>) => {
      const event = parseEvent(message.data)
      if (event) for (const listener of listeners) listener(event)
    }
  }

  return {
    kind: 'web',
    call: (request, signal) => postApiCall(token, request, signal),
    onEvent(listener) {
      listeners.add(listener)
      openEvents()
      return () => {
        listeners.delete(listener)
        if (listeners.size === 0 && source) {
          source.close()
          source = undefined
        }
      }
    },
  }
}
