// Random reads (issue 9): 200 files picked at random (fixed seed) from the indexed rootfs gzip
// layer, each read whole through files:read — first from the loopback registry with the blob
// cache emptied after indexing (ranged reads from checkpoints), then from a local OCI layout
// holding the same layer (reads at an offset). Every read is compared with GNU tar's own
// extraction of that file; the figures are the fraction of exact reads and the latency.

import { execFile } from 'node:child_process'
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { LayerEntry } from '../../shared/api/files'
import type { Services } from '../../electron/api/services'
import type { HandlerTable } from '../../electron/api/handlerTable'
import { callHandler, listLayerEntries } from '../harness/handlerCalls'
import { OCI, sha256Digest } from '../harness/ociBuilder'
import type { LayerFile } from './layerBlob'
import { handlersOver, readWhole } from './oneFileFetch'
import type { PushedManifest } from './pushImage'
import { BenchFailure } from './shell'

export interface ReadLatencies {
  readonly p50Ms: number
  readonly p95Ms: number
  readonly maxMs: number
}

export interface RandomReadFigures {
  readonly reads: number
  /** Reads (over both paths) whose bytes equal GNU tar's. */
  readonly exact: number
  readonly registry: ReadLatencies
  readonly layout: ReadLatencies
}

const READS = 200

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0
}

function latencies(times: readonly number[]): ReadLatencies {
  const sorted = [...times].sort((a, b) => a - b)
  return { p50Ms: percentile(sorted, 50), p95Ms: percentile(sorted, 95), maxMs: sorted.at(-1) ?? 0 }
}

function pick(files: readonly LayerEntry[], count: number): LayerEntry[] {
  let state = 20261203
  const chosen = new Set<number>()
  while (chosen.size < Math.min(count, files.length)) {
    state = (state * 1103515245 + 12345) >>> 0
    chosen.add(state % files.length)
  }
  return [...chosen].map((i) => files[i] as LayerEntry)
}

/** An OCI layout holding the pushed manifest, its config and the layer. */
async function writeLayout(dir: string, manifest: PushedManifest, layer: LayerFile): Promise<void> {
  const blobs = join(dir, 'blobs', 'sha256')
  await mkdir(blobs, { recursive: true })
  await writeFile(join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}')
  await writeFile(join(blobs, manifest.digest.slice(7)), manifest.bytes)
  await writeFile(join(blobs, sha256Digest(manifest.config).slice(7)), manifest.config)
  await copyFile(layer.path, join(blobs, layer.descriptor.digest.slice(7)))
  const index = {
    schemaVersion: 2,
    manifests: [
      {
        mediaType: OCI.manifest,
        digest: manifest.digest,
        size: manifest.bytes.length,
        annotations: { 'org.opencontainers.image.ref.name': 'v1' },
      },
    ],
  }
  await writeFile(join(dir, 'index.json'), JSON.stringify(index))
}

async function timedReads(
  table: HandlerTable,
  ref: string,
  files: readonly LayerEntry[],
  extracted: string,
): Promise<{ times: number[]; exact: number }> {
  const times: number[] = []
  let exact = 0
  for (const entry of files) {
    const started = performance.now()
    const bytes = await readWhole(table, ref, entry.path)
    times.push(performance.now() - started)
    if (bytes.equals(await readFile(join(extracted, entry.path)))) exact++
  }
  return { times, exact }
}

export async function measureRandomReads(
  registryHost: string,
  image: { readonly repository: string; readonly tag: string },
  pushed: PushedManifest,
  layer: LayerFile,
  rootfsTar: string,
): Promise<RandomReadFigures> {
  const work = await mkdtemp(join(tmpdir(), 'strata-bench-random-'))
  const opened: Services[] = []
  try {
    const ref = `${registryHost}/${image.repository}:${image.tag}`
    const dataDir = join(work, 'data')
    const indexing = await handlersOver(dataDir, opened)
    await callHandler(indexing, 'layers:index', { ref, layer: '1' })
    const files = pick(
      (await listLayerEntries(indexing, ref, '1')).filter((e) => e.type === 'file'),
      READS,
    )
    if (files.length < READS) throw new BenchFailure(`only ${files.length} files in the layer`)

    const extracted = join(work, 'extracted')
    await mkdir(extracted)
    await promisify(execFile)('tar', [
      '-xf',
      rootfsTar,
      '-C',
      extracted,
      ...files.map((f) => `./${f.path}`),
    ])

    // The blob cache emptied: every read is a ranged read from the registry.
    await rm(join(dataDir, 'cache', 'blobs'), { recursive: true, force: true })
    const cold = await handlersOver(dataDir, opened)
    const viaRegistry = await timedReads(cold, ref, files, extracted)

    const layoutDir = join(work, 'layout')
    await writeLayout(layoutDir, pushed, layer)
    const layoutRef = `oci:${layoutDir}:v1`
    await callHandler(cold, 'layers:index', { ref: layoutRef, layer: '1' })
    const viaLayout = await timedReads(cold, layoutRef, files, extracted)

    return {
      reads: files.length * 2,
      exact: viaRegistry.exact + viaLayout.exact,
      registry: latencies(viaRegistry.times),
      layout: latencies(viaLayout.times),
    }
  } finally {
    await Promise.allSettled(opened.map((services) => services.close()))
    await rm(work, { recursive: true, force: true })
  }
}
