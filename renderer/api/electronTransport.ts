// Electron: calls go through the preload bridge (ipc). The bridge cannot cancel, so an aborted
// call settles as CANCELLED here and its late answer is dropped.
import type { StrataBridge } from './bridge'
import { raceAbort, type Transport } from './transport'

export function createElectronTransport(bridge: StrataBridge): Transport {
  return {
    kind: 'electron',
    call: (request, signal) => raceAbort(bridge.call(request), signal),
    onEvent: (listener) => bridge.onEvent(listener),
  }
}
