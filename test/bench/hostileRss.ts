// Peak memory over the hostile layers of issue 10 (zero bombs in gzip and zstd, 900 KB pax
// paths, a 499,000-component path, a 2,000-deep tree): each indexed and listed in a child
// process of its own (hostileRssChild.ts), then three zero bombs at once in one child. The
// figure is the highest peak resident set (main thread + worker) of them all; target ≤ 250 MB.
// Standalone: node --import tsx test/bench/hostileRss.ts

import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { HostileKind } from './hostileLayers'
import { HOSTILE_KINDS, hostileLayer } from './hostileLayers'
import type { HostileOutcome, HostileRssResult } from './hostileRssChild'
import { BenchFailure } from './shell'

const CHILD = fileURLToPath(new URL('./hostileRssChild.ts', import.meta.url))

export interface HostileRssRun {
  readonly label: string
  readonly peakRssMb: number
  readonly outcomes: readonly HostileOutcome[]
}

export interface HostileRssFigure {
  /** The highest peak over every run. */
  readonly peakRssMb: number
  readonly runs: readonly HostileRssRun[]
}

function isResult(value: unknown): value is HostileRssResult {
  if (typeof value !== 'object' || value === null) return false
  const result = value as Record<string, unknown>
  return typeof result.maxRssKiB === 'number' && Array.isArray(result.outcomes)
}

/**
 * Runs the child on `paths` (all at once) and returns its peak RSS and per-layer outcomes;
 * `node` is the runtime to run it with (this one by default, or Node 24 for native zstd).
 */
export function runHostileChild(
  paths: readonly string[],
  workerJs?: string,
  node: string = process.execPath,
): Promise<HostileRssResult> {
  const args = ['--import', 'tsx', CHILD, ...(workerJs ? [`--worker=${workerJs}`] : []), ...paths]
  return new Promise((resolve, reject) => {
    execFile(node, args, { maxBuffer: 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        reject(new BenchFailure(`the hostile-layer child failed: ${error.message}\n${stderr}`))
        return
      }
      let parsed: unknown
      try {
        parsed = JSON.parse(stdout.trim())
      } catch {
        reject(new BenchFailure(`the hostile-layer child printed no result: ${stdout}`))
        return
      }
      if (!isResult(parsed)) reject(new BenchFailure(`unexpected child output: ${stdout}`))
      else resolve(parsed)
    })
  })
}

export async function measureHostileRss(workerJs?: string): Promise<HostileRssFigure> {
  const plans: { label: string; layers: [HostileKind, number][] }[] = [
    ...HOSTILE_KINDS.map((kind) => ({
      label: kind,
      layers: [[kind, 0]] as [HostileKind, number][],
    })),
    {
      label: '3 × zeros-gzip at once',
      layers: [
        ['zeros-gzip', 0],
        ['zeros-gzip', 1],
        ['zeros-gzip', 2],
      ],
    },
    {
      label: '3 × zeros-zstd at once',
      layers: [
        ['zeros-zstd', 0],
        ['zeros-zstd', 1],
        ['zeros-zstd', 2],
      ],
    },
  ]
  const runs: HostileRssRun[] = []
  for (const plan of plans) {
    const paths: string[] = []
    for (const [kind, variant] of plan.layers) paths.push(await hostileLayer(kind, variant))
    const result = await runHostileChild(paths, workerJs)
    const uncaught = result.outcomes.find((outcome) => outcome.code === 'UNCAUGHT')
    if (uncaught) {
      throw new BenchFailure(
        `${plan.label}: uncaught error on a hostile layer: ${uncaught.message}`,
      )
    }
    runs.push({ label: plan.label, peakRssMb: result.maxRssKiB / 1024, outcomes: result.outcomes })
  }
  return { peakRssMb: Math.max(...runs.map((run) => run.peakRssMb)), runs }
}

export function formatHostileRuns(figure: HostileRssFigure): string {
  return figure.runs
    .map((run) => {
      const codes = run.outcomes.map((outcome) => outcome.code).join(', ')
      return `  ${run.label.padEnd(24)} ${run.peakRssMb.toFixed(0).padStart(5)} MB  (${codes})`
    })
    .join('\n')
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]
if (isMain) {
  const { bundledWorkerUrl } = await import('./bundledWorker')
  const workerJs = fileURLToPath(await bundledWorkerUrl())
  const figure = await measureHostileRss(workerJs)
  console.log(formatHostileRuns(figure))
  console.log(`hostile_peak_rss_mb: ${figure.peakRssMb.toFixed(0)}`)
}
