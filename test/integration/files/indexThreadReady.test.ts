// The index thread the app keeps ready from launch (indexWorkerHost.ts keepReady): it is up
// before any build, the first build runs on it, a thread that went idle after work is
// replaced by a fresh one rather than left or stopped, and a process whose only business
// was waiting for the thread to be ready gets that far and then exits.

import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  DEFAULT_WORKER_URL,
  indexLayerInWorker,
  keepIndexWorkerReady,
} from '../../../electron/files/indexInWorker'
import { IDLE_MS, workerHost } from '../../../electron/files/indexWorkerHost'
import { chunked, featureTree, gnuTar, gzip, sha256 } from '../../harness/layerTars'
import { runTsxScript } from '../../harness/tsxScriptChild'

const layer = gzip(gnuTar(featureTree().root, 'posix', true))

test('a thread kept ready serves the first build, and is replaced once idle', async () => {
  const host = workerHost(DEFAULT_WORKER_URL)
  assert.equal(host.runningThread, undefined, 'no thread before anyone asked for one')
  await keepIndexWorkerReady()
  const ready = host.runningThread
  assert.notEqual(ready, undefined, 'a thread is up without a build')
  const index = await indexLayerInWorker(chunked(layer, 4096), sha256(layer))
  assert.ok(index.entries.length > 10)
  assert.equal(host.runningThread, ready, 'the build ran on the thread kept ready')
  await new Promise((resolve) => setTimeout(resolve, IDLE_MS + 1500))
  const fresh = host.runningThread
  assert.notEqual(fresh, undefined, 'still a thread ready after the idle time')
  assert.notEqual(fresh, ready, 'a fresh thread replaced the one that did the work')
  await host.ready()
  await host.stopKeepingReady()
  assert.equal(host.runningThread, undefined, 'stopped once no longer kept ready')
})

test('waiting for the thread keeps a process alive until it is ready, and no longer', async () => {
  const script = `
    import { keepIndexWorkerReady } from './electron/files/indexInWorker.ts'
    await keepIndexWorkerReady()
    console.log('ready', Date.now())
  `
  const { code, out, exitedAt } = await runTsxScript(script)
  assert.equal(code, 0)
  const [word, readyAt] = out.split(' ')
  assert.equal(word, 'ready', `the process got as far as the thread being ready: ${out}`)
  const after = exitedAt - Number(readyAt)
  assert.ok(after < 1500, `exited ${after} ms after`)
})
