// Child-process entry for the memory figure: indexes one layer file through the app's
// LayerIndexService (worker thread, verifying stream, index written to a temp cache) and
// prints the process's peak resident set, worker included, as JSON on stdout.
// Usage: node --import tsx test/bench/peakRssChild.ts LAYER_FILE [WORKER_JS]

import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { LayerIndexCache } from '../../electron/files/layerIndexCache'
import { LayerIndexService } from '../../electron/files/layerIndexService'
import { layerFile, layerRef } from './layerBlob'
import { selfPeakRssKiB } from './selfPeakRss'

export interface PeakRssResult {
  readonly maxRssKiB: number
  /** Resident set before indexing: Node, tsx and the modules loaded, nothing read yet. */
  readonly baselineRssKiB: number
  readonly entries: number
  readonly uncompressedBytes: number
  readonly compressedBytes: number
}

async function main(path: string, workerJs: string | undefined): Promise<void> {
  const baselineRssKiB = Math.round(process.memoryUsage().rss / 1024)
  const layer = await layerFile(path, 'application/vnd.oci.image.layer.v1.tar+gzip')
  const dir = await mkdtemp(join(tmpdir(), 'strata-bench-rss-'))
  try {
    const service = new LayerIndexService(
      new LayerIndexCache(dir),
      workerJs !== undefined ? { workerUrl: pathToFileURL(workerJs) } : {},
    )
    const { index } = await service.get(layerRef(layer))
    const result: PeakRssResult = {
      maxRssKiB: selfPeakRssKiB(),
      baselineRssKiB,
      entries: index.entries.length,
      uncompressedBytes: index.uncompressedSize,
      compressedBytes: index.compressedSize,
    }
    process.stdout.write(JSON.stringify(result) + '\n')
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

const path = process.argv[2]
if (path === undefined) {
  console.error('usage: peakRssChild.ts LAYER_FILE')
  process.exitCode = 2
} else {
  main(path, process.argv[3]).catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
}
