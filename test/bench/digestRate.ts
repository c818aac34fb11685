// Issue 5's figure: resolving the digests of many tags. Strata's path is the one tag history
// uses (observeTags → RegistryClient.resolve → manifest HEAD, client from the pool the
// composition root builds); the reference is a bare undici keep-alive HEAD loop with the same
// Accept header and the same number of requests in flight. Both warm up first and the order
// alternates between rounds.

import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Pool } from 'undici'
import { observeTags } from '../../electron/history/observeRepository'
import { manifestAcceptHeader } from '../../electron/registry/manifests'
import { createRegistryServices } from '../../electron/registry/registryServices'
import { MemorySecretStore } from '../../electron/registry/secretStore'
import type { PushedManifest } from './pushImage'
import { BenchFailure, median, timeMs } from './shell'

export interface DigestRateFigures {
  readonly tags: number
  readonly concurrency: number
  readonly strataTagsPerSecond: number
  readonly bareTagsPerSecond: number
  /** CPU time this process (the client only; the registry is another process) spent per tag. */
  readonly strataCpuUsPerTag: number
  readonly bareCpuUsPerTag: number
}

interface Timed {
  readonly ms: number
  readonly cpuUs: number
}

async function timed(work: () => Promise<void>): Promise<Timed> {
  const cpu = process.cpuUsage()
  const ms = await timeMs(work)
  const used = process.cpuUsage(cpu)
  return { ms, cpuUs: used.user + used.system }
}

async function bareHeadLoop(
  pool: Pool,
  manifest: PushedManifest,
  tags: readonly string[],
  concurrency: number,
): Promise<void> {
  const accept = manifestAcceptHeader()
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < tags.length) {
      const tag = tags[next++]
      if (tag === undefined) return
      const response = await pool.request({
        path: `/v2/${manifest.repository}/manifests/${tag}`,
        method: 'HEAD',
        headers: { accept },
        // Keep-alive for HEAD too (undici closes the socket after a HEAD unless told not to),
        // as Strata's transport does: the reference loop is a true keep-alive loop.
        reset: false,
      })
      await response.body.dump()
      if (response.headers['docker-content-digest'] !== manifest.digest) {
        throw new BenchFailure(`bare HEAD of ${tag} did not give ${manifest.digest}`)
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
}

export async function measureDigestRate(
  registry: { readonly host: string; readonly url: string },
  manifest: PushedManifest,
  tags: readonly string[],
  options: { readonly concurrency: number; readonly rounds: number },
): Promise<DigestRateFigures> {
  const { concurrency } = options
  const dataDir = await mkdtemp(join(tmpdir(), 'strata-bench-digests-'))
  const services = createRegistryServices({
    dataDir,
    secrets: new MemorySecretStore(),
    env: {},
    homeDir: dataDir,
  })
  const client = services.pool.clientFor(registry.host)
  const pool = new Pool(registry.url, { connections: concurrency, keepAliveTimeout: 30_000 })
  const strata = async (): Promise<void> => {
    const seen = await observeTags(client, manifest.repository, tags, {
      source: 'resolve',
      concurrency,
    })
    if (seen.length !== tags.length || seen.some((o) => o.digest !== manifest.digest)) {
      throw new BenchFailure('Strata resolved some tags to the wrong digest')
    }
  }
  const bare = (): Promise<void> => bareHeadLoop(pool, manifest, tags, concurrency)
  try {
    // Warm-up: connections open, auth ping done, JIT settled on both sides.
    await strata()
    await bare()
    const strataRuns: Timed[] = []
    const bareRuns: Timed[] = []
    for (let round = 0; round < options.rounds; round++) {
      if (round % 2 === 0) {
        strataRuns.push(await timed(strata))
        bareRuns.push(await timed(bare))
      } else {
        bareRuns.push(await timed(bare))
        strataRuns.push(await timed(strata))
      }
    }
    const perSecond = (runs: Timed[]): number =>
      (tags.length * 1000) / median(runs.map((r) => r.ms))
    const cpuPerTag = (runs: Timed[]): number => median(runs.map((r) => r.cpuUs)) / tags.length
    return {
      tags: tags.length,
      concurrency,
      strataTagsPerSecond: perSecond(strataRuns),
      bareTagsPerSecond: perSecond(bareRuns),
      strataCpuUsPerTag: cpuPerTag(strataRuns),
      bareCpuUsPerTag: cpuPerTag(bareRuns),
    }
  } finally {
    await pool.close()
    await services.close()
    await rm(dataDir, { recursive: true, force: true })
  }
}
