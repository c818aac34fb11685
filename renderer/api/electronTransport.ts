// Electron: calls go through the preload bridge (ipc). Each call gets an id; when its signal
// aborts, the bridge sends a cancel for that id and the main side aborts the handler (as closing
// the request does in web mode). The call settles as CANCELLED at once either way.
import type { StrataBridge } from '../../shared/api'
import { CANCELLED, raceAbort, type Transport } from './transport'

export function createElectronTransport(bridge: StrataBridge): Transport {
  return {
    kind: 'electron',
    call: (request, signal) => {
      if (signal?.aborted) return Promise.resolve({ ok: false, error: CANCELLED })
      // Unique across reloads of the page: the main side keys calls by page, not by load.
      const callId = crypto.randomUUID()
      const cancel = (): void => bridge.cancel(callId)
      signal?.addEventListener('abort', cancel, { once: true })
      const answer = bridge.call(request, callId)
      const settled = (): void => signal?.removeEventListener('abort', cancel)
      void answer.then(settled, settled)
      return raceAbort(answer, signal)
    },
    // strata://app serves downloads to our own window only: the plain link is enough.
    downloadUrl: (href) => Promise.resolve({ ok: true, value: href }),
    onEvent: (listener) => bridge.onEvent(listener),
  }
}
