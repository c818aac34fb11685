// Web mode's event channel: the server-sent event stream read with fetch, so the token travels
// in a header (an EventSource can only put it in the URL). Reconnects like EventSource does
// when the stream ends or fails, until stopped.
import type { ApiEvent } from '../../shared/api'
import { WEB_EVENTS_PATH, WEB_TOKEN_HEADER } from '../../shared/api'
import { parseEvent } from './parseEvent'

const RECONNECT_MS = 3000

/** Reads events until `signal` aborts. */
export async function readWebEvents(
  token: string,
  onEvent: (event: ApiEvent) => void,
  signal: AbortSignal,
): Promise<void> {
  while (!signal.aborted) {
    await readOnce(token, onEvent, signal).catch(() => undefined)
    if (signal.aborted) return
    await new Promise<void>((resolve) => {
      const timer = window.setTimeout(resolve, RECONNECT_MS)
      signal.addEventListener(
        'abort',
        () => {
          window.clearTimeout(timer)
          resolve()
        },
        { once: true },
      )
    })
  }
}

async function readOnce(
  token: string,
  onEvent: (event: ApiEvent) => void,
  signal: AbortSignal,
): Promise<void> {
  const response = await fetch(WEB_EVENTS_PATH, {
    headers: { [WEB_TOKEN_HEADER]: token, accept: 'text/event-stream' },
    signal,
  })
  if (!response.ok || !response.body) return
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
  let buffer = ''
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return
    buffer += value
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const frame = buffer.slice(0, end)
      buffer = buffer.slice(end + 2)
      const data = frame
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(line.startsWith('data: ') ? 6 : 5))
        .join('\n')
      const event = data ? parseEvent(data) : undefined
      if (event) onEvent(event)
    }
  }
}
