// Index time side by side, same bytes, same run: Strata's worker-thread indexer fed from a
// digest-verifying file stream (the app's path, from an empty index cache) against bare Node
// gunzip, GNU `tar -tzvf`, and `zstd -dc | tar -tv`. Runs alternate so that neither side
// always gets the warm page cache or the quiet moment; medians are reported.

import { createReadStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGunzip } from 'node:zlib'
import { LayerIndexCache } from '../../electron/files/layerIndexCache'
import { LayerIndexService } from '../../electron/files/layerIndexService'
import { freshReadyIndexThread } from './readyIndexThread'
import { bundledWorkerUrl } from './bundledWorker'
import type { LayerFile } from './layerBlob'
import { layerRef } from './layerBlob'
import { BenchFailure, median, runShell, shellQuote, timeMs } from './shell'

export interface IndexFigures {
  readonly entries: number
  readonly uncompressedBytes: number
  readonly strataGzipMs: number
  /** The same with the worker started from source through tsx (development only). */
  readonly strataGzipTsxWorkerMs: number
  readonly gunzipMs: number
  readonly tarGzipMs: number
  readonly strataZstdMs: number
  readonly zstdTarMs: number
  readonly reopenMs: number
}

/** A sink that throws every byte away as fast as it arrives. */
function nullSink(): Writable {
  return new Writable({
    highWaterMark: 1024 * 1024,
    write(_chunk: Buffer, _encoding, callback): void {
      callback()
    },
  })
}

/**
 * One cold index through LayerIndexService, as the app gets one: an empty index cache (so the
 * blob is read, and whatever the service records for ranged reads is recorded), the worker
 * thread, the verifying file stream, the result written to the cache.
 */
async function strataIndex(
  layer: LayerFile,
  workerUrl?: URL,
): Promise<{ entries: number; bytes: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'strata-bench-index-'))
  try {
    const service = new LayerIndexService(
      new LayerIndexCache(dir),
      workerUrl !== undefined ? { workerUrl } : {},
    )
    const { index, fromCache } = await service.get(layerRef(layer))
    if (fromCache) throw new BenchFailure('a cold index came from the cache')
    return { entries: index.entries.length, bytes: index.uncompressedSize }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

function nodeGunzip(path: string): Promise<void> {
  return pipeline(createReadStream(path, { highWaterMark: 256 * 1024 }), createGunzip(), nullSink())
}

/**
 * Median wall time of each contender, run in alternating order `repetitions` times. Before
 * each run, untimed, the index thread is replaced by a fresh one, started and ready as the
 * app keeps it from launch: every timed index is the first on its thread (cold code).
 */
async function sideBySide(
  contenders: readonly (() => Promise<unknown>)[],
  repetitions: number,
): Promise<number[]> {
  const times = contenders.map((): number[] => [])
  for (let round = 0; round < repetitions; round++) {
    const order = contenders.map((_, i) => i)
    if (round % 2 === 1) order.reverse()
    for (const i of order) {
      const work = contenders[i]
      await freshReadyIndexThread(await bundledWorkerUrl())
      if (work) times[i]?.push(await timeMs(work))
    }
  }
  return times.map(median)
}

async function reopenFromCache(layer: LayerFile, repetitions: number): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'strata-bench-index-'))
  try {
    const service = new LayerIndexService(new LayerIndexCache(dir), {
      workerUrl: await bundledWorkerUrl(),
    })
    const first = await service.get(layerRef(layer))
    if (first.fromCache) throw new BenchFailure('the index cache was not empty')
    const times: number[] = []
    for (let i = 0; i < repetitions; i++) {
      // A new service each time: nothing remembered in memory, only the file on disk.
      const reopened = new LayerIndexService(new LayerIndexCache(dir))
      let fromCache = false
      times.push(
        await timeMs(async () => {
          fromCache = (await reopened.get(layerRef(layer))).fromCache
        }),
      )
      if (!fromCache) throw new BenchFailure('reopening did not come from the index cache')
    }
    return median(times)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

export async function measureIndexing(
  gzip: LayerFile,
  zstd: LayerFile,
  repetitions: number,
): Promise<IndexFigures> {
  const workerUrl = await bundledWorkerUrl()
  // Warm-up: page cache, JIT, both workers. Also checks both encodings agree.
  const fromGzip = await strataIndex(gzip, workerUrl)
  const fromZstd = await strataIndex(zstd, workerUrl)
  await strataIndex(gzip)
  if (fromGzip.entries !== fromZstd.entries || fromGzip.bytes !== fromZstd.bytes) {
    throw new BenchFailure('the gzip and zstd layers indexed differently')
  }
  await nodeGunzip(gzip.path)
  const tarGzip = `tar -tzvf ${shellQuote(gzip.path)} > /dev/null`
  const zstdTar = `zstd -dc ${shellQuote(zstd.path)} | tar -tv > /dev/null`
  await runShell(tarGzip)
  await runShell(zstdTar)

  const [strataGzipMs = 0, gunzipMs = 0, tarGzipMs = 0, strataGzipTsxWorkerMs = 0] =
    await sideBySide(
      [
        () => strataIndex(gzip, workerUrl),
        () => nodeGunzip(gzip.path),
        () => runShell(tarGzip),
        () => strataIndex(gzip),
      ],
      repetitions,
    )
  const [strataZstdMs = 0, zstdTarMs = 0] = await sideBySide(
    [() => strataIndex(zstd, workerUrl), () => runShell(zstdTar)],
    repetitions,
  )
  return {
    entries: fromGzip.entries,
    uncompressedBytes: fromGzip.bytes,
    strataGzipMs,
    strataGzipTsxWorkerMs,
    gunzipMs,
    tarGzipMs,
    strataZstdMs,
    zstdTarMs,
    reopenMs: await reopenFromCache(gzip, Math.max(5, repetitions)),
  }
}
