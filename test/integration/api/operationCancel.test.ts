// Cancel by operation id, as a progress bar's Cancel does (it names the operation): start
// indexing a ~100 MB gzip layer, take the operation id from its first progress event, call
// operation:cancel with it, and check the call ends CANCELLED, the operation's last event says
// done, and no index was cached (the next index reads the blob again).

import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { readdir } from 'node:fs/promises'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, test } from 'node:test'
import { gzipSync } from 'node:zlib'
import type { ApiEvent, ProgressEvent } from '../../../shared/api'
import type { ApiResult } from '../../../shared/errors'
import { createHandlers } from '../../../electron/api/handlers'
import type { HandlerTable } from '../../../electron/api/handlerTable'
import { dispatchCall } from '../../../electron/api/handlerTable'
import { OperationRegistry } from '../../../electron/api/operationRegistry'
import { composeServices } from '../../../electron/app/composeServices'
import { OCI, OciLayoutBuilder, sha256Digest } from '../../harness/ociBuilder'
import type { TarEntrySpec } from '../../harness/ociTar'
import { buildTar } from '../../harness/ociTar'

let dataDir: string
let layoutDir: string
let table: HandlerTable
let ref: string

/** ~100 MiB of text-like files (base64 of random bytes), so it neither shrinks nor flies. */
function bigLayerFiles(): TarEntrySpec[] {
  const files: TarEntrySpec[] = [{ type: 'dir', path: 'data' }]
  for (let i = 0; i < 1600; i++) {
    files.push({
      type: 'file',
      path: `data/file-${i}.txt`,
      content: randomBytes(48 * 1024).toString('base64'),
    })
  }
  return files
}

before(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'strata-cancel-'))
  layoutDir = await mkdtemp(path.join(tmpdir(), 'strata-cancel-layout-'))
  const builder = new OciLayoutBuilder(layoutDir)
  const tar = buildTar(bigLayerFiles())
  const layer = {
    ...builder.addBlob(gzipSync(tar, { level: 1 }), OCI.layerGzip),
    diffId: sha256Digest(tar),
  }
  const config = builder.addConfig({
    architecture: 'amd64',
    os: 'linux',
    rootfs: { type: 'layers', diff_ids: [layer.diffId] },
  })
  builder.tag('big', builder.addManifest({ config, layers: [layer] }))
  await builder.write()
  ref = `oci:${layoutDir}:big`
  table = createHandlers(await composeServices({ mode: 'web', dataDir, env: {} }))
})

after(async () => {
  await rm(dataDir, { recursive: true, force: true })
  await rm(layoutDir, { recursive: true, force: true })
})

test('operation:cancel with the id from a progress event stops an index build', async () => {
  const operations = new OperationRegistry()
  const events: ProgressEvent[] = []
  let cancelAnswer: Promise<ApiResult<unknown>> | undefined
  const emit = (event: ApiEvent): void => {
    if (event.type !== 'progress') return
    events.push(event)
    if (cancelAnswer === undefined && event.cancellable === true && event.done !== true) {
      cancelAnswer = dispatchCall(
        table,
        'operation:cancel',
        { operationId: event.operationId },
        { signal: new AbortController().signal, emit, operations },
      )
    }
  }
  const started = Date.now()
  const result = await dispatchCall(
    table,
    'layers:index',
    { ref, layer: '1' },
    { signal: new AbortController().signal, emit, operations },
  )
  assert.ok(cancelAnswer, 'a cancellable progress event arrived')
  assert.deepEqual(await cancelAnswer, { ok: true, value: { cancelled: true } })
  assert.equal(result.ok, false, 'the index build did not finish')
  assert.equal(result.ok ? '' : result.error.code, 'CANCELLED')
  const first = events[0]
  assert.ok(first)
  assert.equal(first.label, 'indexing layer 1')
  assert.equal(first.unit, 'bytes')
  const mine = events.filter((e) => e.operationId === first.operationId)
  assert.equal(mine.at(-1)?.done, true, 'the last event of the operation says done')
  assert.equal(mine.filter((e) => e.done === true).length, 1)
  assert.equal(operations.size, 0, 'the registry forgot the operation')
  assert.ok(Date.now() - started < 20_000)

  const cacheFiles = await readdir(path.join(dataDir, 'cache', 'layer-index'), {
    recursive: true,
  })
  assert.deepEqual(
    cacheFiles.filter((f) => f.endsWith('.json') || f.includes('tmp')),
    [],
    'no index (or partial index) was written',
  )
  const againEvents: ProgressEvent[] = []
  const again = await dispatchCall(
    table,
    'layers:index',
    { ref, layer: '1' },
    {
      signal: new AbortController().signal,
      emit: (e) => (e.type === 'progress' ? againEvents.push(e) : undefined),
      operations,
    },
  )
  assert.equal(again.ok, true)
  assert.equal(again.ok && (again.value as { fromCache: boolean }).fromCache, false)
  assert.equal(againEvents.at(-1)?.done, true, 'a finished build ends with done too')
  assert.equal(againEvents.filter((e) => e.done === true).length, 1)
  assert.equal(operations.size, 0)
})

test('cancelling an id that is not running answers cancelled: false', async () => {
  const result = await dispatchCall(
    table,
    'operation:cancel',
    { operationId: 'no-such-operation' },
    { signal: new AbortController().signal, emit: () => undefined },
  )
  assert.deepEqual(result, { ok: true, value: { cancelled: false } })
  const bad = await dispatchCall(
    table,
    'operation:cancel',
    {},
    { signal: new AbortController().signal, emit: () => undefined },
  )
  assert.equal(bad.ok ? '' : bad.error.code, 'BAD_INPUT')
})

test('an index answered from the cache shows no operation and leaves none registered', async () => {
  const operations = new OperationRegistry()
  const events: ProgressEvent[] = []
  const result = await dispatchCall(
    table,
    'layers:index',
    { ref, layer: '1' },
    {
      signal: new AbortController().signal,
      emit: (e) => (e.type === 'progress' ? events.push(e) : undefined),
      operations,
    },
  )
  assert.equal(result.ok, true)
  // The previous test cached this layer: nothing was read, so no operation was shown at all.
  assert.deepEqual(events, [])
  assert.equal(operations.size, 0)
})
