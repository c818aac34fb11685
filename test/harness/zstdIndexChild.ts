// Run by another Node (Node 24 from test/harness/node24.ts, or this one) to index a zstd layer
// file with Strata's own code and report what it found, so a test or the bench can check
// and time the zstd path of the runtime users get:
//   node --import tsx test/harness/zstdIndexChild.ts LAYER [--reps N] [--worker URL]
//        [--decoder auto|fzstd] [--hash]
// Prints one JSON line: runtime version, whether zlib has native zstd, the entries (path,
// type, size), the SHA-256 of the decompressed tar (--hash), and each cold index's time.

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

export interface ZstdIndexReport {
  readonly version: string
  readonly native: boolean
  readonly entries: readonly (readonly [string, string, number])[]
  readonly uncompressedSha256?: string
  readonly ms: readonly number[]
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
  let entries: ZstdIndexReport['entries'] = []
  for (let i = 0; i < reps; i++) {
    const dir = await mkdtemp(path.join(tmpdir(), 'strata-zstd-child-'))
    try {
      const service = new LayerIndexService(new LayerIndexCache(dir), {
        zstd: decoder,
        ...(worker !== undefined ? { workerUrl: new URL(worker) } : { worker: false }),
      })
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
  let uncompressedSha256: string | undefined
  if (process.argv.includes('--hash')) {
    const layer = await openDecompressed(createReadStream(file), digest, { zstd: decoder })
    const hash = createHash('sha256')
    for await (const chunk of layer.stream as AsyncIterable<Buffer>) hash.update(chunk)
    uncompressedSha256 = `sha256:${hash.digest('hex')}`
  }
  const report: ZstdIndexReport = {
    version: process.version,
    native: nativeZstd() !== undefined,
    entries,
    ...(uncompressedSha256 !== undefined ? { uncompressedSha256 } : {}),
    ms: times,
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
