// Indexing on a worker thread gives the same index as in-process, reports progress, passes
// layer errors back as StrataErrors, and stops on cancel, even in the middle of one long chunk.

import assert from 'node:assert/strict'
import { Readable } from 'node:stream'
import { test } from 'node:test'
import { StrataError } from '../../../shared/errors'
import type { IndexProgress } from '../../../shared/api/files'
import { indexLayer } from '../../../electron/files/indexLayer'
import { indexLayerInWorker } from '../../../electron/files/indexInWorker'
import { chunked, featureTree, gnuTar, gzip, sha256, zstd } from '../../harness/layerTars'
import { manyFilesTar } from '../../harness/filesFixtures'

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

// 100,000 empty files: 51 MB of tar in well under 1 MB compressed, so one read of the blob
// holds the whole layer and decoding it takes a while.
const manyTar = manyFilesTar(100_000)

/** Indexes `blob` as one chunk and cancels at the first progress; the last progress seen. */
async function cancelAtFirstProgress(
  index: typeof indexLayer,
  blob: Uint8Array,
  options: { readonly zstd?: 'fzstd' } = {},
): Promise<{ readonly error: unknown; readonly bytesOut: number }> {
  const controller = new AbortController()
  let bytesOut = 0
  const error = await index(Readable.from([Buffer.from(blob)]), sha256(blob), {
    ...options,
    signal: controller.signal,
    progressIntervalMs: 0,
    onCheckpoint: () => undefined,
    onProgress: (progress) => {
      bytesOut = progress.bytesOut
      // From a timer: whatever reads the chunk gets the cancel only between turns.
      setImmediate(() => controller.abort())
    },
  }).then(
    () => undefined,
    (reason: unknown) => reason,
  )
  return { error, bytesOut }
}

const isCancelled = (error: unknown): boolean =>
  error instanceof StrataError && error.code === 'CANCELLED'

test('a gzip chunk of 51 MB of tar gives way to a cancel part-way (in process)', async () => {
  const { error, bytesOut } = await cancelAtFirstProgress(indexLayer, gzip(manyTar))
  assert.ok(isCancelled(error), String(error))
  assert.ok(bytesOut < manyTar.length / 2, `stopped at ${bytesOut} of ${manyTar.length} bytes`)
})

test('a cancel ends the build at once while the worker is inside one long chunk', async () => {
  // fzstd decodes a chunk without giving the worker's event loop a turn: the worker sees
  // the cancel only after the whole layer, yet the build must end when the user cancels.
  const layerBytes = zstd(manyTar)
  const { error } = await cancelAtFirstProgress(indexLayerInWorker, layerBytes, { zstd: 'fzstd' })
  assert.ok(isCancelled(error), String(error))
  // The worker goes on serving the next build.
  const next = await indexLayerInWorker(chunked(layer, 4096), digest)
  assert.ok(next.entries.length > 0)
})
