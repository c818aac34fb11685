// The one api client. UI code calls `call('registry:listTags', {...})` and gets the typed
// result of shared/api.ts, or an ApiCallError. The transport is the Electron bridge when the
// preload exposed it, otherwise HTTP to electron/serve.ts (web mode).
import type { ApiEvent, ArgsOf, OperationName, ResultOf } from '../../shared/api'
import { PRELOAD_GLOBAL } from '../../shared/api'
import { pageToken } from '../routing/token'
import { ApiCallError } from './ApiCallError'
import { createElectronTransport } from './electronTransport'
import type { Transport } from './transport'
import { createWebTransport } from './webTransport'

let transport: Transport | undefined

function currentTransport(): Transport {
  if (!transport) {
    const bridge = window[PRELOAD_GLOBAL]
    transport = bridge ? createElectronTransport(bridge) : createWebTransport(pageToken ?? '')
  }
  return transport
}

export function transportKind(): Transport['kind'] {
  return currentTransport().kind
}

export async function call<N extends OperationName>(
  name: N,
  args: ArgsOf<N>,
  signal?: AbortSignal,
): Promise<ResultOf<N>> {
  const result = await currentTransport().call({ name, args }, signal)
  if (!result.ok) throw new ApiCallError(result.error)
  // The main side answers with the result type of this operation (shared/api.ts).
  return result.value as ResultOf<N>
}

export function onApiEvent(listener: (event: ApiEvent) => void): () => void {
  return currentTransport().onEvent(listener)
}
