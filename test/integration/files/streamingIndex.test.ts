// A registry layer is indexed while it downloads: one download feeds the blob cache and the
// indexer at once, and files:list with `partial` shows the entries read so far. A ~90 MB gzip
// layer of real files sits in a real registry behind a loopback proxy that delivers 20 MiB/s
// and counts the bytes it passed on. The first entries must be listed before 10 % of the
// layer has arrived, and the final tree must equal a non-streamed index of the same file. A
// byte corrupted in transit ends in DIGEST_MISMATCH with nothing cached and nothing partial
// served any more; a Cancel mid-download leaves no cache file and no index.

import assert from 'node:assert/strict'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { after, before, test } from 'node:test'
import type { ApiEvent, FileListPage, LayerEntry, ProgressEvent } from '../../../shared/api'
import { createHandlers } from '../../../electron/api/handlers'
import type { HandlerTable } from '../../../electron/api/handlerTable'
import type { Services } from '../../../electron/api/services'
import { composeServices } from '../../../electron/app/composeServices'
import { indexLayer } from '../../../electron/files/indexLayer'
import { openVerifiedFile } from '../../../electron/sources/blobFile'
import { buildImageTree } from '../../../electron/filetree/imageTree'
import { bigRealGzipLayer, pushRealLayerImage, type RealLayer } from '../../harness/bigRealLayer'
import { startCountingProxy, type CountingProxy } from '../../harness/countingProxy'
import { callHandler, listLayerEntries } from '../../harness/handlerCalls'
import { startRegistry, type RunningRegistry } from '../../harness/registryServer'

const MIB = 1024 * 1024
const REPOSITORY = 'stream/rootfs'

let registry: RunningRegistry
let layer: RealLayer
const opened: Services[] = []
const dirs: string[] = []
const proxies: CountingProxy[] = []

before(async () => {
  layer = await bigRealGzipLayer()
  registry = await startRegistry()
  await pushRealLayerImage(registry.host, REPOSITORY, 'v1', layer)
})

after(async () => {
  for (const services of opened) await services.close()
  for (const proxy of proxies) await proxy.close()
  await registry.stop()
  for (const dir of dirs) await rm(dir, { recursive: true, force: true })
})

/** Fresh services over a fresh data directory (empty caches), and the proxy to read through. */
async function setUp(proxyOptions: Parameters<typeof startCountingProxy>[1]): Promise<{
  table: HandlerTable
  dataDir: string
  proxy: CountingProxy
  ref: string
}> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'strata-streaming-'))
  dirs.push(dataDir)
  const services = await composeServices({ mode: 'web', dataDir, env: {} })
  opened.push(services)
  const proxy = await startCountingProxy(registry.host, proxyOptions)
  proxies.push(proxy)
  return { table: createHandlers(services), dataDir, proxy, ref: `${proxy.host}/${REPOSITORY}:v1` }
}

/** The listing the Files view shows while a layer downloads: what is read so far. */
function peek(table: HandlerTable, ref: string): Promise<FileListPage> {
  return callHandler(table, 'files:list', {
    ref,
    path: '/',
    recursive: true,
    partial: true,
    limit: 5000,
  })
}

/** Regular files under `dir` (recursively), relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const names = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])
  return names
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort()
}

/** What the caches hold for the layer: blob files (temp files included) and index files. */
async function cachedFor(dataDir: string): Promise<{ blobs: string[]; index: string[] }> {
  const hex = layer.descriptor.digest.slice('sha256:'.length)
  return {
    blobs: await filesUnder(path.join(dataDir, 'cache', 'blobs', 'blobs')),
    index: (await filesUnder(path.join(dataDir, 'cache', 'layer-index'))).filter((f) =>
      f.includes(hex),
    ),
  }
}

/** Rejection text of a call that must fail ("CODE: message", as callHandler throws it). */
async function failureOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
  assert.fail('the call should have failed')
}

/** The same layer indexed from the file on disk, in one go: the reference tree. */
async function nonStreamedEntries(): Promise<LayerEntry[]> {
  const index = await indexLayer(
    await openVerifiedFile(layer.path, layer.descriptor),
    layer.descriptor.digest,
  )
  const tree = buildImageTree([index], 0)
  return [...tree.view.all()]
    .map((node) => node.entry)
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

test('entries of a 90 MB layer are listed before 10 % of it arrives; the final tree equals a non-streamed index', async () => {
  const { table, dataDir, proxy, ref } = await setUp({ bytesPerSecond: 20 * MIB })
  const size = layer.descriptor.size
  const events: ProgressEvent[] = []
  const emit = (event: ApiEvent): void => {
    if (event.type === 'progress') events.push(event)
  }
  const started = performance.now()
  const whole = callHandler(table, 'files:list', { ref, path: '/' }, emit)
  let settled = false
  void whole.then(
    () => (settled = true),
    () => (settled = true),
  )
  let first: { bytes: number; ms: number; count: number } | undefined
  const seenWhileIndexing = new Set<string>()
  let peeks = 0
  while (!settled) {
    const page = await peek(table, ref)
    peeks++
    if (page.indexing === true) {
      for (const item of page.items) seenWhileIndexing.add(item.path)
      if (first === undefined && page.items.length > 0) {
        first = {
          bytes: proxy.bytesFromUpstream(),
          ms: performance.now() - started,
          count: page.items.length,
        }
      }
    }
    await sleep(40)
  }
  await whole
  const totalMs = performance.now() - started
  assert.ok(first, `no entry was listed while the layer downloaded (${peeks} partial listings)`)
  console.log(
    `first ${first.count} entries after ${first.bytes} of ${size} bytes ` +
      `(${((100 * first.bytes) / size).toFixed(1)} %), ${first.ms.toFixed(0)} ms; ` +
      `whole layer ${totalMs.toFixed(0)} ms`,
  )
  assert.ok(
    first.bytes < size / 10,
    `first entries came after ${first.bytes} bytes, over 10 % of ${size}`,
  )
  // The rate held: the whole layer took about size / 20 MiB/s.
  assert.ok(totalMs > (size / (20 * MIB)) * 1000 * 0.8, `the layer took only ${totalMs} ms`)

  // Progress said bytes and entries while the layer was read.
  const midway = events.find(
    (e) => e.entries !== undefined && e.entries > 0 && e.totalBytes === size && e.doneBytes < size,
  )
  assert.ok(midway, 'no progress event carried bytes and an entry count mid-layer')

  const reference = await nonStreamedEntries()
  const streamed = (await listLayerEntries(table, ref, '1')).sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
  )
  assert.equal(streamed.length, reference.length)
  assert.deepEqual(streamed, reference)
  const finalPaths = new Set(reference.map((e) => e.path))
  for (const p of seenWhileIndexing)
    assert.ok(finalPaths.has(p), `${p} was listed but is not in the layer`)

  // One download: the blob cache holds the layer, written while it was indexed.
  assert.ok(proxy.bytesFromUpstream() < size * 1.05, `${proxy.bytesFromUpstream()} bytes pulled`)
  const hex = layer.descriptor.digest.slice('sha256:'.length)
  const cached = await cachedFor(dataDir)
  assert.deepEqual(cached.blobs, [path.join('sha256', hex)])
  assert.ok(cached.index.length > 0, 'the index was not cached')
  const info = await callHandler(table, 'cache:info', {})
  assert.equal(info.blobBytes, size)
  // Once indexed, a partial listing is the whole one.
  const done = await peek(table, ref)
  assert.equal(done.indexing, undefined)
})

test('a byte corrupted mid-layer ends in DIGEST_MISMATCH; nothing is cached and no partial entry is served', async () => {
  const size = layer.descriptor.size
  const { table, dataDir, ref } = await setUp({
    bytesPerSecond: 80 * MIB,
    corruptByteAt: Math.floor(size / 2),
  })
  const whole = callHandler(table, 'files:list', { ref, path: '/' })
  let settled = false
  void whole.then(
    () => (settled = true),
    () => (settled = true),
  )
  let listedWhileReading = 0
  while (!settled) {
    const page = await peek(table, ref)
    if (page.indexing === true) listedWhileReading = Math.max(listedWhileReading, page.items.length)
    await sleep(40)
  }
  assert.match(await failureOf(whole), /^DIGEST_MISMATCH: /)
  assert.ok(listedWhileReading > 0, 'entries were not listed while the layer was read')
  assert.deepEqual(await cachedFor(dataDir), { blobs: [], index: [] })
  const after = await peek(table, ref)
  assert.equal(after.items.length, 0)
})

test('Cancel mid-download leaves no cache file and no index', async () => {
  const size = layer.descriptor.size
  const { table, dataDir, proxy, ref } = await setUp({ bytesPerSecond: 20 * MIB })
  let operationId: string | undefined
  const whole = callHandler(table, 'files:list', { ref, path: '/' }, (event) => {
    if (event.type === 'progress' && event.cancellable === true) operationId ??= event.operationId
  })
  const deadline = Date.now() + 60_000
  while (proxy.bytesFromUpstream() < size / 4 && Date.now() < deadline) await sleep(40)
  const partial = await peek(table, ref)
  assert.ok(partial.items.length > 0, 'nothing was listed a quarter of the way in')
  assert.ok(operationId, 'the index build reported no cancellable progress')
  const { cancelled } = await callHandler(table, 'operation:cancel', { operationId })
  assert.equal(cancelled, true)
  assert.match(await failureOf(whole), /^CANCELLED: /)
  const pulled = proxy.bytesFromUpstream()
  assert.ok(pulled < size * 0.9, `the download went on after Cancel (${pulled} of ${size} bytes)`)
  assert.deepEqual(await cachedFor(dataDir), { blobs: [], index: [] })
  assert.equal((await peek(table, ref)).items.length, 0)
})
