// Bytes pulled from the registry to read one file of an indexed remote layer. The rootfs
// image sits in a loopback registry behind a byte-counting proxy; the app's handlers (as
// composed by the composition root) index the layer through the proxy, then a fresh set of
// services over the same data directory, with the layer index kept but the blob cache
// emptied, reads one file. What that read pulls, over the layer's compressed size, is the
// figure. The same-session read (blob still in the blob cache) is reported alongside.

import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { ArgsOf, OperationName, ResultOf } from '../../shared/api'
import type { HandlerTable } from '../../electron/api/handlerTable'
import { createHandlers } from '../../electron/api/handlers'
import { composeServices } from '../../electron/app/composeServices'
import type { Services } from '../../electron/api/services'
import { LayerIndexCache } from '../../electron/files/layerIndexCache'
import { startCountingProxy } from '../harness/countingProxy'
import { callHandler } from '../harness/handlerCalls'
import type { LayerFile } from './layerBlob'
import { BenchFailure } from './shell'

export interface OneFileFigures {
  readonly path: string
  readonly fileSize: number
  readonly layerSize: number
  /** Fresh services, blob cache empty, layer index on disk. */
  readonly coldBytes: number
  /** Right after indexing, in the same services (the blob cache may hold the layer). */
  readonly warmBytes: number
  readonly indexBytes: number
  /** The target's bound: the largest compressed span between checkpoints, plus the file. */
  readonly spanPlusFileBytes: number | undefined
  readonly checkpoints: number
}

const MAX_READ = 1024 * 1024

/** Spans run from checkpoint to checkpoint (the first from 0, the last to the end). */
async function largestSpan(
  dataDir: string,
  layer: LayerFile,
): Promise<{ bytes: number | undefined; checkpoints: number }> {
  const cache = new LayerIndexCache(join(dataDir, 'cache', 'layer-index'))
  const table = await cache.spans(layer.descriptor.digest)
  if (!table) return { bytes: undefined, checkpoints: 0 }
  const bounds = [0, ...table.points.map((p) => p.compressedOffset), table.compressedSize]
  let largest = 0
  for (let i = 1; i < bounds.length; i++) {
    largest = Math.max(largest, (bounds[i] ?? 0) - (bounds[i - 1] ?? 0))
  }
  return { bytes: largest, checkpoints: table.points.length }
}

/** The app's handlers over a data directory; the services are closed with the bench's run. */
export async function handlersOver(dataDir: string, opened: Services[]): Promise<HandlerTable> {
  const services = await composeServices({ mode: 'web', dataDir, env: {} })
  opened.push(services)
  return createHandlers(services)
}

function call<N extends OperationName>(
  table: HandlerTable,
  name: N,
  args: ArgsOf<N>,
): Promise<ResultOf<N>> {
  return callHandler(table, name, args)
}

/** The whole file through files:read, 1 MiB at a time (the api's page size). */
export async function readWhole(table: HandlerTable, ref: string, path: string): Promise<Buffer> {
  const parts: Buffer[] = []
  for (let offset = 0; ;) {
    const chunk = await call(table, 'files:read', { ref, path, offset, length: MAX_READ })
    const bytes = Buffer.from(chunk.base64, 'base64')
    parts.push(bytes)
    offset += bytes.length
    if (chunk.eof || bytes.length === 0) return Buffer.concat(parts)
  }
}

/** The file as GNU tar extracts it from the uncompressed rootfs, to check what Strata read. */
async function expectedBytes(rootfsTar: string, path: string): Promise<Buffer> {
  const { stdout } = await promisify(execFile)('tar', ['-xOf', rootfsTar, `./${path}`], {
    encoding: 'buffer',
    maxBuffer: 64 * 1024 * 1024,
  })
  return stdout
}

export async function measureOneFileFetch(
  registryUrl: string,
  image: { readonly repository: string; readonly tag: string },
  layer: LayerFile,
  rootfsTar: string,
  path: string,
): Promise<OneFileFigures> {
  const proxy = await startCountingProxy(registryUrl)
  const dataDir = await mkdtemp(join(tmpdir(), 'strata-bench-fetch-'))
  const ref = `${new URL(proxy.url).host}/${image.repository}:${image.tag}`
  const opened: Services[] = []
  try {
    const expected = await expectedBytes(rootfsTar, path)
    const first = await handlersOver(dataDir, opened)
    const info = await call(first, 'layers:index', { ref, layer: '1' })
    if (info.fromCache || info.digest !== layer.descriptor.digest) {
      throw new BenchFailure('the layer was not indexed from the registry')
    }
    const indexBytes = proxy.bytesFromUpstream()
    const span = await largestSpan(dataDir, layer)
    proxy.reset()
    const warm = await readWhole(first, ref, path)
    const warmBytes = proxy.bytesFromUpstream()

    // Another session: the index (and whatever the indexer recorded with it) is on disk, the
    // layer blob is not.
    await rm(join(dataDir, 'cache', 'blobs'), { recursive: true, force: true })
    const second = await handlersOver(dataDir, opened)
    const reopened = await call(second, 'layers:index', { ref, layer: '1' })
    if (!reopened.fromCache) throw new BenchFailure('the layer index did not survive on disk')
    proxy.reset()
    const cold = await readWhole(second, ref, path)
    const coldBytes = proxy.bytesFromUpstream()
    for (const [label, bytes] of [
      ['same-session', warm],
      ['cold', cold],
    ] as const) {
      if (!bytes.equals(expected)) throw new BenchFailure(`the ${label} read of /${path} differs`)
    }
    return {
      path,
      fileSize: expected.length,
      layerSize: layer.descriptor.size,
      coldBytes,
      warmBytes,
      indexBytes,
      spanPlusFileBytes: span.bytes !== undefined ? span.bytes + expected.length : undefined,
      checkpoints: span.checkpoints,
    }
  } finally {
    await Promise.allSettled(opened.map((services) => services.close()))
    await proxy.close()
    await rm(dataDir, { recursive: true, force: true })
  }
}
