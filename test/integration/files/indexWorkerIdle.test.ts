// The index worker outlives its last job by IDLE_MS (indexWorkerHost.ts): the layers of an
// image, indexed one after another, share one thread instead of starting one each; an idle
// thread does not keep a process alive; and it does stop once IDLE_MS pass without a job.

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { DEFAULT_WORKER_URL, indexLayerInWorker } from '../../../electron/files/indexInWorker'
import { IDLE_MS, workerHost } from '../../../electron/files/indexWorkerHost'
import { chunked, featureTree, gnuTar, gzip, sha256 } from '../../harness/layerTars'
import { runTsxScript } from '../../harness/tsxScriptChild'

const layer = gzip(gnuTar(featureTree().root, 'posix', true))

/** The id of the thread jobs go to now (started if there is none). */
function currentThread(): number {
  const host = workerHost(DEFAULT_WORKER_URL)
  const { job, worker } = host.open({ message: () => undefined, failed: () => undefined })
  const id = worker.threadId
  void host.close(job)
  return id
}

test('builds one after another share one thread; it stops IDLE_MS after the last', async () => {
  const first = await indexLayerInWorker(chunked(layer, 4096), sha256(layer))
  const thread = currentThread()
  const second = await indexLayerInWorker(chunked(layer, 4096), sha256(layer))
  assert.deepEqual(second, first)
  assert.equal(currentThread(), thread, 'the second build ran on the same thread')
  await new Promise((resolve) => setTimeout(resolve, IDLE_MS + 1000))
  assert.notEqual(currentThread(), thread, 'the idle thread stopped; a new one started')
})

test('an idle index thread does not keep the process alive', async () => {
  // A process that indexes one layer on the worker and then has nothing left to do.
  const script = `
    import { indexLayerInWorker } from './electron/files/indexInWorker.ts'
    import { Readable } from 'node:stream'
    const layer = Buffer.from(process.env.LAYER, 'base64')
    const index = await indexLayerInWorker(Readable.from([layer]), process.env.DIGEST)
    console.log(index.entries.length, Date.now())
  `
  const { code, out, exitedAt } = await runTsxScript(script, {
    LAYER: layer.toString('base64'),
    DIGEST: sha256(layer),
  })
  assert.equal(code, 0)
  const [entries, indexedAt] = out.split(' ').map(Number)
  assert.ok((entries ?? 0) > 10, out)
  // Well under IDLE_MS: the thread waiting for a next job held nothing open.
  const after = exitedAt - (indexedAt ?? 0)
  assert.ok(after < 1500, `exited ${after} ms after`)
})
