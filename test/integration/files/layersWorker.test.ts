// Indexing on a worker thread gives the same index as in-process, reports progress, passes
// layer errors back as StrataErrors, and stops on cancel.

import assert from 'node:assert/strict'
import { Readable } from 'node:stream'
import { test } from 'node:test'
import { StrataError } from '../../../shared/errors'
import type { IndexProgress } from '../../../shared/api/files'
import { indexLayer } from '../../../electron/files/indexLayer'
import { indexLayerInWorker } from '../../../electron/files/indexInWorker'
import { chunked, featureTree, gnuTar, gzip, sha256 } from '../../harness/layerTars'

const layer = gzip(gnuTar(featureTree().root, 'posix', true))
const digest = sha256(layer)

test('the worker builds the same index and reports progress', async () => {
  const progress: IndexProgress[] = []
  const inWorker = await indexLayerInWorker(chunked(layer, 1000), digest, {
    onProgress: (p) => progress.push(p),
    progressIntervalMs: 0,
  })
  const inProcess = await indexLayer(chunked(layer, 1000), digest)
  assert.deepEqual(inWorker, inProcess)
  const last = progress.at(-1)
  assert.deepEqual(last, {
    bytesIn: layer.length,
    bytesOut: inProcess.uncompressedSize,
    entries: inProcess.entries.length,
  })
})

test('a corrupt layer fails with MALFORMED from the worker', async () => {
  const broken = layer.subarray(0, layer.length - 100)
  await assert.rejects(
    indexLayerInWorker(Readable.from([broken]), digest),
    (error: unknown) =>
      error instanceof StrataError &&
      error.code === 'MALFORMED' &&
      /ends early/.test(error.message),
  )
})

test('a failing source reaches the worker as the same error', async () => {
  const failing = new Readable({
    read() {
      this.destroy(new StrataError('DIGEST_MISMATCH', 'blob does not verify'))
    },
  })
  await assert.rejects(
    indexLayerInWorker(failing, digest),
    (error: unknown) => error instanceof StrataError && error.code === 'DIGEST_MISMATCH',
  )
})

test('cancelling stops the worker with CANCELLED', async () => {
  const controller = new AbortController()
  // A source that never ends: only the cancel can finish this.
  const endless = new Readable({ read() {} })
  endless.push(layer.subarray(0, 2048))
  setTimeout(() => controller.abort(), 300)
  await assert.rejects(
    indexLayerInWorker(endless, digest, { signal: controller.signal }),
    (error: unknown) => error instanceof StrataError && error.code === 'CANCELLED',
  )
})
