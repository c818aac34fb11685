// first_entry_ms (issue 13): how long after asking for the tree of an un-indexed registry layer
// its first entries are listed, when the registry sits behind a loopback proxy that delivers
// 20 MiB/s. Each run uses fresh caches (nothing indexed, no blob kept) and the index worker as
// the desktop build ships it (bundledWorker.ts). The files service is asked for the image (what
// files:list does) and asked again with `peek` (what files:list with `partial` does) until
// entries come back. The reference is when the whole layer was downloaded and indexed, which
// is when the first entries used to appear.

import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { composeServices } from '../../electron/app/composeServices'
import { freshReadyIndexThread } from './readyIndexThread'
import { BlobCache } from '../../electron/cache/blobCache'
import { ImageFiles } from '../../electron/files/imageFilesService'
import { LayerIndexCache } from '../../electron/files/layerIndexCache'
import { LayerIndexService } from '../../electron/files/layerIndexService'
import { startCountingProxy } from '../harness/countingProxy'
import { bundledWorkerUrl } from './bundledWorker'
import { BenchFailure } from './shell'

const MIB = 1024 * 1024
export const FIRST_ENTRY_RATE = 20 * MIB

export interface FirstEntryFigures {
  /** Median over the runs. */
  readonly firstEntryMs: number
  /** Bytes the proxy had passed on when the first entries were listed (median run). */
  readonly firstEntryBytes: number
  /** Median time until the whole layer was downloaded and indexed. */
  readonly wholeLayerMs: number
  readonly layerSize: number
  readonly runs: number
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? NaN
}

/** `registryHost` holds `repository:tag`, a one-layer image whose layer is `layerSize` bytes. */
export async function measureFirstEntry(
  registryHost: string,
  image: { readonly repository: string; readonly tag: string },
  layerSize: number,
  runs: number,
): Promise<FirstEntryFigures> {
  const workerUrl = await bundledWorkerUrl()
  const firsts: { ms: number; bytes: number }[] = []
  const wholes: number[] = []
  for (let run = 0; run < runs; run++) {
    const dataDir = await mkdtemp(join(tmpdir(), 'strata-bench-first-entry-'))
    const proxy = await startCountingProxy(registryHost, { bytesPerSecond: FIRST_ENTRY_RATE })
    const services = await composeServices({ mode: 'web', dataDir, env: {} })
    try {
      const indexDir = join(dataDir, 'first-entry', 'layer-index')
      const files = new ImageFiles({
        indexService: new LayerIndexService(new LayerIndexCache(indexDir), { workerUrl }),
        blobs: await BlobCache.open(join(dataDir, 'first-entry', 'blobs'), 4 * 1024 * MIB),
        indexCache: { bytes: () => Promise.resolve(0), clear: () => Promise.resolve() },
      })
      const source = await services.openSource(
        `${proxy.host}/${image.repository}:${image.tag}`,
        new AbortController().signal,
      )
      // The first layer opened after launch: a fresh index thread, ready as the app keeps it.
      await freshReadyIndexThread(workerUrl)
      const started = performance.now()
      const whole = files.open(source)
      let settled = false
      whole.then(
        () => (settled = true),
        () => (settled = true),
      )
      let first: { ms: number; bytes: number } | undefined
      while (!settled && first === undefined) {
        const peeked = await files.peek(source)
        const entries = peeked?.opened.layers.indexes[0]?.entries.length ?? 0
        if (peeked?.indexing === true && entries > 0) {
          first = { ms: performance.now() - started, bytes: proxy.bytesFromUpstream() }
        }
      }
      await whole
      wholes.push(performance.now() - started)
      if (!first)
        throw new BenchFailure('first_entry: the layer was indexed before any peek saw it')
      firsts.push(first)
    } finally {
      await services.close()
      await proxy.close()
      await rm(dataDir, { recursive: true, force: true })
    }
  }
  const firstMs = median(firsts.map((f) => f.ms))
  const middle = firsts.find((f) => f.ms === firstMs)
  return {
    firstEntryMs: firstMs,
    firstEntryBytes: middle?.bytes ?? NaN,
    wholeLayerMs: median(wholes),
    layerSize,
    runs,
  }
}
