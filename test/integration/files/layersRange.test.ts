// Ranged reads of one file out of a multi-MB gzip layer on a real registry, through the same
// services the files api uses: after the layer is indexed (checkpoints recorded), reading a
// file near its end fetches only the span(s) holding it. A proxy that drops Range still gets
// the right bytes (full read); a proxy that corrupts a ranged span gets DIGEST_MISMATCH.

import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, test } from 'node:test'
import type { ArgsOf, OperationName, ResultOf } from '../../../shared/api'
import type { LayerEntry } from '../../../shared/api/files'
import { createHandlers } from '../../../electron/api/handlers'
import type { HandlerTable } from '../../../electron/api/handlerTable'
import { composeServices } from '../../../electron/app/composeServices'
import { BlobCache } from '../../../electron/cache/blobCache'
import { LayerIndexCache } from '../../../electron/files/layerIndexCache'
import type { SpanTable } from '../../../electron/compression/gzipSpansFile'
import { planSpans } from '../../../electron/files/rangedLayerFile'
import { ImageFiles } from '../../../electron/files/imageFilesService'
import { LayerIndexService } from '../../../electron/files/layerIndexService'
import { startCountingProxy } from '../../harness/countingProxy'
import type { CountingProxy } from '../../harness/countingProxy'
import { callHandler, callHandlerError } from '../../harness/handlerCalls'
import { singleLayerImage } from '../../harness/layerTars'
import { RegistryPusher } from '../../harness/ociPusher'
import { startRegistry } from '../../harness/registryServer'
import type { RunningRegistry } from '../../harness/registryServer'

const sha256 = (bytes: Uint8Array): string =>
  `sha256:${createHash('sha256').update(bytes).digest('hex')}`

let registry: RunningRegistry
let plain: CountingProxy
let noRange: CountingProxy
let corrupting: CountingProxy
let dataDir: string
/** One handler table per proxy: the files service remembers opened images by digest. */
const tables = new Map<CountingProxy, HandlerTable>()
let indexCache: LayerIndexCache
let tar: Buffer
let layer: Buffer
let layerDigest: string

function tableFor(proxy: CountingProxy): HandlerTable {
  const table = tables.get(proxy)
  assert.ok(table)
  return table
}

function call<N extends OperationName>(
  proxy: CountingProxy,
  name: N,
  args: ArgsOf<N>,
): Promise<ResultOf<N>> {
  return callHandler(tableFor(proxy), name, args)
}

const refVia = (proxy: CountingProxy): string =>
  `docker://${new URL(proxy.url).host}/range/layer:v1`

/** ≥ 24 MB of real files from /usr, as GNU tar writes them. */
function realTar(): Buffer {
  const list = execFileSync(
    'bash',
    [
      '-c',
      'cd / && find usr/lib usr/share -xdev -type f -size -900k -printf "%s %p\\n" 2>/dev/null | sort -k2',
    ],
    { maxBuffer: 256 * 1024 * 1024 },
  )
    .toString('utf8')
    .split('\n')
  const names: string[] = []
  let total = 0
  for (const line of list) {
    const space = line.indexOf(' ')
    if (space < 0) continue
    names.push(line.slice(space + 1))
    total += Number(line.slice(0, space)) + 512
    if (total > 26 * 1024 * 1024) break
  }
  return execFileSync('tar', ['-C', '/', '--no-recursion', '-cf', '-', '-T', '-'], {
    input: names.join('\n'),
    maxBuffer: 256 * 1024 * 1024,
  })
}

before(async () => {
  tar = realTar()
  assert.ok(tar.length >= 20 * 1024 * 1024, `the layer is ${tar.length} bytes uncompressed`)
  layer = execFileSync('gzip', ['-6', '-n'], { input: tar, maxBuffer: 256 * 1024 * 1024 })
  layerDigest = sha256(layer)
  registry = await startRegistry()
  const { config, manifest } = singleLayerImage(
    tar,
    layer,
    'application/vnd.oci.image.layer.v1.tar+gzip',
  )
  const pusher = new RegistryPusher({ host: registry.host })
  await pusher.pushBlob('range/layer', sha256(config), config)
  await pusher.pushBlob('range/layer', layerDigest, layer)
  await pusher.pushManifest(
    'range/layer',
    'v1',
    manifest,
    'application/vnd.oci.image.manifest.v1+json',
  )
  plain = await startCountingProxy(registry.host)
  noRange = await startCountingProxy(registry.url, { stripRange: true })
  corrupting = await startCountingProxy(registry.host, { corruptRanges: true })

  dataDir = await mkdtemp(path.join(tmpdir(), 'strata-range-'))
  const services = await composeServices({ mode: 'web', dataDir, env: {} })
  // The app's files service with a blob cache too small to keep this layer, so file reads
  // go back to the registry (as they do once the cache has evicted a layer).
  const indexDir = path.join(dataDir, 'range-index')
  indexCache = new LayerIndexCache(indexDir)
  const indexService = new LayerIndexService(indexCache)
  const blobs = await BlobCache.open(path.join(dataDir, 'range-blobs'), 1024 * 1024)
  for (const proxy of [plain, noRange, corrupting]) {
    const files = new ImageFiles({
      indexService,
      blobs,
      indexCache: { bytes: () => Promise.resolve(0), clear: () => Promise.resolve() },
    })
    tables.set(proxy, createHandlers({ ...services, files }))
  }
})

after(async () => {
  await plain?.close()
  await noRange?.close()
  await corrupting?.close()
  await registry?.stop()
  if (dataDir) await rm(dataDir, { recursive: true, force: true })
})

/** Every regular file of the layer, by the tar's own order (from the cached index). */
async function layerFiles(): Promise<{ files: LayerEntry[]; spans: SpanTable }> {
  const index = await indexCache.get(layerDigest)
  const spans = await indexCache.spans(layerDigest)
  assert.ok(index && spans, 'the index and its checkpoints are cached')
  return { files: index.entries.filter((e) => e.type === 'file'), spans }
}

const spanBytes = (spans: SpanTable, first: number, last: number): number => {
  const at = (s: number): number => (s === 0 ? 0 : (spans.points[s - 1]?.compressedOffset ?? 0))
  const end = last < spans.points.length ? at(last + 1) : spans.compressedSize - 1
  return end - at(first) + 1
}

async function readWhole(proxy: CountingProxy, entry: LayerEntry): Promise<Buffer> {
  const chunk = await call(proxy, 'files:read', {
    ref: refVia(proxy),
    path: entry.path,
    offset: 0,
    length: Math.max(1, entry.size),
  })
  assert.equal(chunk.eof, true)
  return Buffer.from(chunk.base64, 'base64')
}

test('indexing records checkpoints every ~4 MiB with a hash per span', async () => {
  const info = await call(plain, 'layers:index', { ref: refVia(plain), layer: '1' })
  assert.equal(info.compression, 'gzip')
  assert.equal(info.uncompressedSize, tar.length)
  const { spans } = await layerFiles()
  assert.equal(spans.compression, 'gzip')
  assert.equal(spans.compressedSize, layer.length)
  const expected = Math.floor(tar.length / (4 * 1024 * 1024))
  assert.ok(spans.points.length >= expected - 1, `${spans.points.length} checkpoints`)
  assert.equal(spans.spanHashes.length, spans.points.length + 1)
  const sidecar = await readFile(
    path.join(dataDir, 'range-index', 'sha256', `${layerDigest.slice(7)}.spans`),
  )
  const json = await readFile(
    path.join(dataDir, 'range-index', 'sha256', `${layerDigest.slice(7)}.json`),
  )
  assert.ok(sidecar.length < 48 * 1024 * (spans.points.length + 1), 'windows stored raw, once')
  assert.ok(!json.includes('"points"'), 'the index JSON stays free of checkpoint data')
})

test('a file near the end: the right bytes, fetching one span plus the file', async () => {
  const { files, spans } = await layerFiles()
  // The last file of 64 KiB or more whose bytes lie inside one span.
  const entry = files
    .filter((e) => e.size >= 64 * 1024)
    .reverse()
    .find((e) => {
      const plan = planSpans(spans, e.dataOffset, e.dataOffset + e.size)
      return plan.first === plan.last && plan.first > 0
    })
  assert.ok(entry, 'a file inside one span')
  assert.ok(entry.dataOffset > tar.length / 2, 'in the second half of the layer')
  plain.reset()
  const bytes = await readWhole(plain, entry)
  assert.ok(bytes.equals(tar.subarray(entry.dataOffset, entry.dataOffset + entry.size)))
  const fetched = plain.bytesFromUpstream()
  const largestSpan = Math.max(...spans.spanHashes.map((_, s) => spanBytes(spans, s, s)))
  const fileShare = Math.ceil((entry.size * layer.length) / tar.length)
  const manifestAndSlack = 16 * 1024
  assert.ok(
    fetched <= largestSpan + fileShare + manifestAndSlack,
    `fetched ${fetched} bytes; one span is at most ${largestSpan}, the file's share ${fileShare}`,
  )
  assert.ok(fetched < layer.length / 3, `fetched ${fetched} of ${layer.length}`)
})

test('a file across a checkpoint: both spans, and nothing else', async () => {
  const { files, spans } = await layerFiles()
  const entry = files.reverse().find((e) => {
    const plan = planSpans(spans, e.dataOffset, e.dataOffset + e.size)
    return plan.last === plan.first + 1 && e.size > 0
  })
  assert.ok(entry, 'a file that straddles a checkpoint')
  const plan = planSpans(spans, entry.dataOffset, entry.dataOffset + entry.size)
  plain.reset()
  const bytes = await readWhole(plain, entry)
  assert.ok(bytes.equals(tar.subarray(entry.dataOffset, entry.dataOffset + entry.size)))
  const fetched = plain.bytesFromUpstream()
  assert.ok(fetched <= spanBytes(spans, plan.first, plan.last) + 16 * 1024, `fetched ${fetched}`)
})

test('a registry path that ignores Range: the whole blob, still the right bytes', async () => {
  const { files } = await layerFiles()
  const entry = files.filter((e) => e.size > 1000).at(-3)
  assert.ok(entry)
  noRange.reset()
  const bytes = await readWhole(noRange, entry)
  assert.ok(bytes.equals(tar.subarray(entry.dataOffset, entry.dataOffset + entry.size)))
  assert.ok(noRange.bytesFromUpstream() >= layer.length * 0.9, 'fell back to a full read')
})

test('a ranged span altered on the way: DIGEST_MISMATCH naming the layer', async () => {
  const { files } = await layerFiles()
  const entry = files.filter((e) => e.size > 1000).at(-2)
  assert.ok(entry)
  const code = await callHandlerError(tableFor(corrupting), 'files:read', {
    ref: refVia(corrupting),
    path: entry.path,
    offset: 0,
    length: entry.size,
  })
  assert.equal(code, 'DIGEST_MISMATCH')
  await assert.rejects(readWhole(corrupting, entry), new RegExp(layerDigest))
})
