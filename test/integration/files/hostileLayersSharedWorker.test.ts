// Issue 10: the index builds running at once share one worker thread (indexWorkerHost.ts).
// Jobs on it stay independent: each gets its own index, a broken layer or a cancel fails only
// its own job, and a job started after the others ended (on the thread they left idle, see
// indexWorkerIdle.test.ts) works.

import assert from 'node:assert/strict'
import { Readable } from 'node:stream'
import { test } from 'node:test'
import { StrataError } from '../../../shared/errors'
import { indexLayer } from '../../../electron/files/indexLayer'
import { indexLayerInWorker } from '../../../electron/files/indexInWorker'
import { chunked, featureTree, gnuTar, gzip, rawTar, sha256 } from '../../harness/layerTars'

const tree = featureTree().root
const layers = [
  gzip(gnuTar(tree, 'posix', true)),
  gzip(gnuTar(tree, 'gnu', true)),
  gzip(rawTar(Array.from({ length: 300 }, (_, i) => ({ name: `f/${i}`, data: `${i}` })))),
]

test('three builds at once on the shared worker each get their own index', async () => {
  const results = await Promise.all(
    layers.map((layer) => indexLayerInWorker(chunked(layer, 777), sha256(layer))),
  )
  for (const [i, layer] of layers.entries()) {
    assert.deepEqual(results[i], await indexLayer(chunked(layer, 777), sha256(layer)))
  }
})

test('a broken layer and a cancelled build fail alone; the others finish', async () => {
  const good = layers[0] as Buffer
  const broken = (layers[1] as Buffer).subarray(0, (layers[1] as Buffer).length - 100)
  const controller = new AbortController()
  const endless = new Readable({ read() {} })
  endless.push((layers[2] as Buffer).subarray(0, 2048))
  setTimeout(() => controller.abort(), 200)
  const [ok, bad, cancelled] = await Promise.allSettled([
    indexLayerInWorker(chunked(good, 500), sha256(good)),
    indexLayerInWorker(Readable.from([broken]), sha256(broken)),
    indexLayerInWorker(endless, 'sha256:endless', { signal: controller.signal }),
  ])
  assert.equal(ok.status, 'fulfilled')
  assert.deepEqual(ok.value, await indexLayer(chunked(good, 500), sha256(good)))
  assert.equal(bad.status, 'rejected')
  assert.ok(bad.reason instanceof StrataError && bad.reason.code === 'MALFORMED')
  assert.equal(cancelled.status, 'rejected')
  assert.ok(cancelled.reason instanceof StrataError && cancelled.reason.code === 'CANCELLED')
  // After a failed and a cancelled job, the next build on the same thread still works.
  const again = await indexLayerInWorker(chunked(good, 500), sha256(good))
  assert.equal(again.entries.length, ok.value.entries.length)
})
