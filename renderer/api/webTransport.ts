// Web mode: calls are POSTs to electron/serve.ts on the same origin (webCall.ts); events
// arrive on one stream (webEvents.ts), opened while someone listens.
import type { ApiEvent } from '../../shared/api'
import type { Transport } from './transport'
import { postApiCall, webDownloadUrl } from './webCall'
import { readWebEvents } from './webEvents'

export function createWebTransport(token: string): Transport {
  const listeners = new Set<(event: ApiEvent) => void>()
  let stream: AbortController | undefined

  const openEvents = (): void => {
    if (stream) return
    stream = new AbortController()
    const deliver = (event: ApiEvent): void => {
      for (const listener of listeners) listener(event)
    }
    void readWebEvents(token, deliver, stream.signal)
  }

  return {
    kind: 'web',
    call: (request, signal) => postApiCall(token, request, signal),
    downloadUrl: (href, signal) => webDownloadUrl(token, href, signal),
    onEvent(listener) {
      listeners.add(listener)
      openEvents()
      return () => {
        listeners.delete(listener)
        if (listeners.size === 0 && stream) {
          stream.abort()
          stream = undefined
        }
      }
    },
  }
}
