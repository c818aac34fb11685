// Electron: calls go through the preload bridge (ipc). The bridge cannot cancel, so an aborted
// call settles as CANCELLED here and its late answer is dropped.
import type { StrataBridge } from './bridge'
import { raceAbort, type Transport } from './transport'

export function createElectronTransport(bridge: StrataBridge): Transport {
  return {
    kind: 'electron',
    call: (request, signal) => raceAbort(bridge.call(request), signal),
    // strata://app serves downloads to our own window only: the plain link is enough.
    downloadUrl: (href) => Promise.resolve({ ok: true, value: href }),
    onEvent: (listener) => bridge.onEvent(listener),
  }
}
