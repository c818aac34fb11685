// The one api client. UI code calls `call('registry:listTags', {...})` and gets the typed
// result of shared/api/, or an ApiCallError. The transport is the Electron bridge when the
// preload exposed it, otherwise HTTP to electron/serve.ts (web mode). A call still waiting
// after a second shows in the status bar with its elapsed time and a Cancel (slowCalls.ts).
import type { ApiEvent, ArgsOf, OperationName, ResultOf } from '../../shared/api'
import { PRELOAD_GLOBAL } from '../../shared/api'
import { pageToken } from './pageToken'
import { ApiCallError } from './ApiCallError'
import { createElectronTransport } from './electronTransport'
import { callLabel } from './callLabel'
import { watchCall } from './slowCalls'
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
  // Aborts with the caller's signal or with the user's Cancel.
  const cancel = new AbortController()
  const linked = signal ? AbortSignal.any([signal, cancel.signal]) : cancel.signal
  const finish = watchCall(callLabel(name, args), () => cancel.abort())
  let result
  try {
    // Web mode: aborting the fetch closes the request, which aborts the call and the
    // operations it started on the server. On the desktop the transport sends a cancel for the
    // call's id over ipc, which aborts it on the main side the same way.
    result = await currentTransport().call({ name, args }, linked)
  } finally {
    finish()
  }
  if (!result.ok) throw new ApiCallError(result.error)
  // The main side answers with the result type of this operation (shared/api/).
  return result.value as ResultOf<N>
}

/** The URL a download link should open now (web mode adds a one-time nonce). */
export async function downloadUrl(href: string, signal?: AbortSignal): Promise<string> {
  const result = await currentTransport().downloadUrl(href, signal)
  if (!result.ok) throw new ApiCallError(result.error)
  return result.value
}

export function onApiEvent(listener: (event: ApiEvent) => void): () => void {
  return currentTransport().onEvent(listener)
}
