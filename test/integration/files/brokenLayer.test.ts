// A layer whose blob is other bytes of the same size (only the digest check can tell): the
// calls about the whole image fail with DIGEST_MISMATCH, the calls about the layers below it
// still answer, and two callers sharing one load do not cancel each other.

import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, test } from 'node:test'
import type { ApiEvent } from '../../../shared/api'
import type { HandlerTable } from '../../../electron/api/handlerTable'
import { dispatchCall } from '../../../electron/api/handlerTable'
import { createHandlers } from '../../../electron/api/handlers'
import { composeServices } from '../../../electron/app/composeServices'
import { writeFilesLayout, type FilesLayout } from '../../harness/filesFixtures'
import { callHandler, callHandlerError } from '../../harness/handlerCalls'

let workDir: string
let table: HandlerTable
let layout: FilesLayout

before(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'strata-broken-'))
  layout = await writeFilesLayout(path.join(workDir, 'layout'))
  const services = await composeServices({
    mode: 'web',
    dataDir: path.join(workDir, 'data'),
    env: {},
  })
  table = createHandlers(services)
})
after(() => rm(workDir, { recursive: true, force: true }))

test('the merged view of an image with a tampered top layer is DIGEST_MISMATCH', async () => {
  const ref = layout.brokenRef
  assert.equal(await callHandlerError(table, 'files:list', { ref, path: '/' }), 'DIGEST_MISMATCH')
  assert.equal(await callHandlerError(table, 'image:efficiency', { ref }), 'DIGEST_MISMATCH')
  assert.equal(
    await callHandlerError(table, 'files:list', { ref, path: '/', layer: '2' }),
    'DIGEST_MISMATCH',
  )
})

test('the layer below the tampered one stays browsable and readable', async () => {
  const ref = layout.brokenRef
  const listed = await callHandler(table, 'files:list', { ref, path: '/etc', layer: '1' })
  assert.deepEqual(
    listed.items.map((i) => i.path),
    ['etc/app.ini'],
  )
  const chunk = await callHandler(table, 'files:read', {
    ref,
    path: '/etc/app.ini',
    layer: '1',
    offset: 0,
    length: 1024,
  })
  assert.equal(Buffer.from(chunk.base64, 'base64').toString('utf8'), '[server]\nport = 80\n')
})

test('a caller that goes away does not cancel the load another caller waits for', async () => {
  const ref = layout.manyRef
  const leaving = new AbortController()
  let started: () => void = () => undefined
  const indexing = new Promise<void>((resolve) => (started = resolve))
  // The shared build reports through whichever call started it: listen on both.
  const onEvent = (event: ApiEvent): void => {
    if (event.type === 'progress' && event.done !== true) started()
  }
  const first = dispatchCall(
    table,
    'files:list',
    { ref, path: '/', limit: 5 },
    { signal: leaving.signal, emit: onEvent },
  )
  const second = callHandler(table, 'files:list', { ref, path: '/', limit: 5 }, onEvent)
  // Both callers wait on the one index build once it reports progress (200,000 entries).
  await indexing
  leaving.abort()
  const abandoned = await first
  assert.equal(abandoned.ok, false)
  assert.equal(abandoned.ok ? undefined : abandoned.error.code, 'CANCELLED')
  const page = await second
  assert.deepEqual(
    page.items.map((i) => i.path),
    ['many'],
  )
})
