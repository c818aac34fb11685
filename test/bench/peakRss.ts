// Peak memory while indexing the 1 GiB layer, measured in a child process of its own so the
// figure is the indexer's (main thread + worker), not this benchmark's.

import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { bundledWorkerUrl } from './bundledWorker'
import type { PeakRssResult } from './peakRssChild'
import { BenchFailure } from './shell'

const CHILD = fileURLToPath(new URL('./peakRssChild.ts', import.meta.url))

export interface PeakRssFigure extends PeakRssResult {
  readonly peakRssMb: number
}

export async function measurePeakRss(layerPath: string): Promise<PeakRssFigure> {
  const workerJs = fileURLToPath(await bundledWorkerUrl())
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', CHILD, layerPath, workerJs],
      { maxBuffer: 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          reject(new BenchFailure(`the peak-RSS child failed: ${error.message}\n${stderr}`))
          return
        }
        const result = JSON.parse(stdout.trim()) as PeakRssResult
        resolve({ ...result, peakRssMb: result.maxRssKiB / 1024 })
      },
    )
  })
}
