// Strata's zstd index under Node 24 (what Electron 40 ships: zlib's native zstd) against
// `zstd -dc | tar -tv`, same bytes, alternating runs, medians. Each Strata run is a child
// Node 24 process (test/harness/zstdIndexChild.ts, bundled as the app is, run without tsx)
// doing one cold index (an empty cache) through the bundled worker from a digest-verifying
// file stream, as the Node 20 figure does. As in the app, the index thread is started first
// and kept ready (composeServices' keepIndexThreadReady at launch): the first index is the
// first on a fresh thread; the thread's start is timed apart and reported with it added.
// The child then indexes the layer once more, cold again (a new cache), on the thread the
// first used: what every layer of an image but the first costs.
// Without Node 24 (not linux-x64, or it cannot be fetched) the figure is skipped with the
// reason, never reported as a number.

import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { node24 } from '../harness/node24'
import type { ZstdIndexReport } from '../harness/zstdIndexChild'
import { bundledWorkerUrl, bundledZstdIndexChild } from './bundledWorker'
import type { LayerFile } from './layerBlob'
import { BenchFailure, median, runShell, shellQuote, timeMs } from './shell'

const REPO = fileURLToPath(new URL('../../', import.meta.url))

export type Node24IndexFigures =
  | {
      readonly version: string
      readonly strataMs: number
      /**
       * The same index run right after in the same process: the index thread, left idle by
       * the first, is still up (as for every layer of an image but the first).
       */
      readonly nextLayerMs: number
      /** The first index with the thread's start added (only the first index after launch). */
      readonly withThreadStartMs: number
      readonly zstdTarMs: number
      readonly entries: number
    }
  | { readonly skip: string }

async function childIndex(
  node: string,
  layer: LayerFile,
  workerUrl: URL,
): Promise<ZstdIndexReport> {
  const child = await bundledZstdIndexChild()
  const { stdout } = await promisify(execFile)(
    node,
    [child, layer.path, '--reps', '2', '--worker', workerUrl.href],
    { cwd: REPO, maxBuffer: 256 * 1024 * 1024 },
  )
  const report = JSON.parse(stdout) as ZstdIndexReport
  if (!report.native) throw new BenchFailure(`Node ${report.version} has no native zstd`)
  return report
}

export async function measureNode24Index(
  zstd: LayerFile,
  repetitions: number,
): Promise<Node24IndexFigures> {
  const runtime = node24()
  if ('skip' in runtime) return { skip: runtime.skip }
  const workerUrl = await bundledWorkerUrl()
  const zstdTar = `zstd -dc ${shellQuote(zstd.path)} | tar -tv > /dev/null`
  const warm = await childIndex(runtime.path, zstd, workerUrl)
  await runShell(zstdTar)
  const strata: number[] = []
  const next: number[] = []
  const withStart: number[] = []
  const native: number[] = []
  for (let round = 0; round < repetitions; round++) {
    const runStrata = async (): Promise<void> => {
      const report = await childIndex(runtime.path, zstd, workerUrl)
      strata.push(report.ms[0] ?? Number.NaN)
      withStart.push((report.ms[0] ?? Number.NaN) + (report.threadStartMs ?? Number.NaN))
      next.push(report.ms[1] ?? Number.NaN)
    }
    const runNative = async (): Promise<void> => {
      native.push(await timeMs(() => runShell(zstdTar)))
    }
    if (round % 2 === 0) {
      await runStrata()
      await runNative()
    } else {
      await runNative()
      await runStrata()
    }
  }
  return {
    version: runtime.version,
    strataMs: median(strata),
    nextLayerMs: median(next),
    withThreadStartMs: median(withStart),
    zstdTarMs: median(native),
    entries: warm.entries.length,
  }
}
