// Before a timed first index, the index thread as the app has it once launched: a new thread,
// started and ready (composeServices with keepIndexThreadReady), not one left over from the
// previous run, whose code would already be warm.

import { keepIndexWorkerReady } from '../../electron/files/indexInWorker'
import { stopIdleIndexWorkers } from '../../electron/files/indexWorkerHost'

export async function freshReadyIndexThread(workerUrl: URL): Promise<void> {
  await stopIdleIndexWorkers()
  await keepIndexWorkerReady(workerUrl)
}
