// Run by another Node (Node 24 from test/harness/node24.ts, or this one) to index a zstd layer
// file with Strata's own code and report what it found, so a test or the bench can check
// and time the zstd path of the runtime users get:
//   node --import tsx test/harness/zstdIndexChild.ts LAYER [--reps N] [--worker URL]
//        [--decoder auto|fzstd] [--hash]
// Prints one JSON line: runtime version, whether zlib has native zstd, the entries (path,
// type, size), the SHA-256 of the decompressed tar (--hash), and each cold index's time.
// With --worker, the index thread is started first and kept ready, as the app does at launch
// (its start is timed apart): the first index is the first on a fresh thread, the next ones
// run on the thread the first used (every layer of an image but the first).

import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import type { ZstdDecoder } from '../../electron/compression/decompress'
import { nativeZstd, openDecompressed } from '../../electron/compression/decompress'
import { LayerIndexCache } from '../../electron/files/layerIndexCache'
import { LayerIndexService } from '../../electron/files/layerIndexService'
import { openVerifiedFile } from '../../electron/sources/blobFile'
import { readBufferCounts } from '../../electron/util/readBufferPool'

export interface ZstdIndexReport {
  readonly version: string
  readonly native: boolean
  readonly entries: readonly (readonly [string, string, number])[]
  readonly uncompressedSha256?: string
  /** The same, read as the index reads (transientChunks: one reused output buffer). */
  readonly transientSha256?: string
  /** Chunks read that way, and how many distinct buffers they lay in. */
  readonly transientReads?: { readonly chunks: number; readonly buffers: number }
  readonly ms: readonly number[]
  /** With --worker: how long the index thread took to start, before the first index. */
  readonly threadStartMs?: number
  /** Reads of the layer file into buffers given back by the index worker, and into new ones. */
  readonly readBuffers: { readonly reused: number; readonly fresh: number }
}

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name)
  return at < 0 ? undefined : process.argv[at + 1]
}

async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
  return `sha256:${hash.digest('hex')}`
}

/**
 * The decompressed layer's SHA-256. `transient`: each chunk hashed in its 'data' handler and
 * let go, as the index reads it, so the reused output buffer (inlineDecoder.ts) is the one read.
 */
async function sha256OfLayer(
  file: string,
  digest: string,
  decoder: ZstdDecoder,
  transient: boolean,
): Promise<{ sha256: string; chunks: number; buffers: number }> {
  const layer = await openDecompressed(createReadStream(file), digest, {
    zstd: decoder,
    transientChunks: transient,
  })
  const hash = createHash('sha256')
  const buffers = new Set<ArrayBufferLike>()
  let chunks = 0
  await new Promise<void>((resolve, reject) => {
    layer.stream.on('data', (chunk: Buffer) => {
      hash.update(chunk)
      buffers.add(chunk.buffer)
      chunks++
    })
    layer.stream.once('end', resolve)
    layer.stream.once('error', reject)
  })
  return { sha256: `sha256:${hash.digest('hex')}`, chunks, buffers: buffers.size }
}

async function main(): Promise<void> {
  const file = process.argv[2]
  if (file === undefined) throw new Error('usage: zstdIndexChild.ts LAYER [options]')
  const reps = Number(option('--reps') ?? '1')
  const worker = option('--worker')
  const decoder: ZstdDecoder = option('--decoder') === 'fzstd' ? 'fzstd' : 'auto'
  const digest = await sha256OfFile(file)
  const { size } = await stat(file)
  const descriptor = { mediaType: 'application/vnd.oci.image.layer.v1.tar+zstd', digest, size }
  const times: number[] = []
  let threadStartMs: number | undefined
  let entries: ZstdIndexReport['entries'] = []
  for (let i = 0; i < reps; i++) {
    const dir = await mkdtemp(path.join(tmpdir(), 'strata-zstd-child-'))
    try {
      const service = new LayerIndexService(new LayerIndexCache(dir), {
        zstd: decoder,
        ...(worker !== undefined ? { workerUrl: new URL(worker) } : { worker: false }),
      })
      if (i === 0 && worker !== undefined) {
        const starting = performance.now()
        await service.keepWorkerReady()
        threadStartMs = performance.now() - starting
      }
      const started = performance.now()
      const { index } = await service.get({
        digest,
        // As a local store serves a blob: size checked up front, digest while it streams.
        open: () => openVerifiedFile(file, descriptor),
      })
      times.push(performance.now() - started)
      entries = index.entries.map((e) => [e.path, e.type, e.size] as const)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }
  const indexReads = readBufferCounts()
  let uncompressedSha256: string | undefined
  let transientSha256: string | undefined
  let transientReads: ZstdIndexReport['transientReads']
  if (process.argv.includes('--hash')) {
    uncompressedSha256 = (await sha256OfLayer(file, digest, decoder, false)).sha256
    const transient = await sha256OfLayer(file, digest, decoder, true)
    transientSha256 = transient.sha256
    transientReads = { chunks: transient.chunks, buffers: transient.buffers }
  }
  const report: ZstdIndexReport = {
    version: process.version,
    native: nativeZstd() !== undefined,
    entries,
    ...(uncompressedSha256 !== undefined ? { uncompressedSha256 } : {}),
    ...(transientSha256 !== undefined ? { transientSha256 } : {}),
    ...(transientReads !== undefined ? { transientReads } : {}),
    ms: times,
    ...(threadStartMs !== undefined ? { threadStartMs } : {}),
    readBuffers: { reused: indexReads.reused, fresh: indexReads.fresh },
  }
  // A pipe's write is asynchronous: exit only once the whole line is out.
  await new Promise<void>((resolve) =>
    process.stdout.write(`${JSON.stringify(report)}\n`, () => resolve()),
  )
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error))
    process.exit(1)
  },
)
