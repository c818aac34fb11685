// The files operations, composed exactly as the app composes them, against the bundled sample
// (test/harness/ociSampleContent.ts lists its files): a whiteout deletes etc/motd in layer 3
// and layer 3 also makes var/cache/pkg opaque.

import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, test } from 'node:test'
import type { ApiEvent, ArgsOf, OperationName, ResultOf } from '../../../shared/api'
import type { HandlerTable } from '../../../electron/api/handlerTable'
import { callHandler, callHandlerError } from '../../harness/handlerCalls'
import { createHandlers } from '../../../electron/api/handlers'
import { composeServices } from '../../../electron/app/composeServices'
import { baseLayer } from '../../harness/ociSampleContent'

let dataDir: string
let table: HandlerTable
let ref: string
const events: ApiEvent[] = []

function call<N extends OperationName>(name: N, args: ArgsOf<N>): Promise<ResultOf<N>> {
  return callHandler(table, name, args, (event) => events.push(event))
}

function callError(name: OperationName, args: unknown): Promise<string> {
  return callHandlerError(table, name, args)
}

function contentOf(filePath: string): string {
  const spec = baseLayer.find((e) => e.path === filePath)
  assert.ok(spec && 'content' in spec && typeof spec.content === 'string')
  return spec.content
}

before(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'strata-files-'))
  const services = await composeServices({ mode: 'web', dataDir, env: {} })
  table = createHandlers(services)
  ref = (await call('app:info', {})).sampleRef
})
after(() => rm(dataDir, { recursive: true, force: true }))

test('layers:index reads the blob once, then answers from the cache', async () => {
  const first = await call('layers:index', { ref, layer: '1' })
  assert.equal(first.fromCache, false)
  assert.ok(first.entryCount >= baseLayer.length)
  assert.ok((first.uncompressedSize ?? 0) > 0 && first.compressedSize > 0)
  assert.ok(events.some((e) => e.type === 'progress' && e.label === 'indexing layer 1'))
  const second = await call('layers:index', { ref, layer: first.digest })
  assert.equal(second.fromCache, true)
  assert.equal(second.digest, first.digest)
  assert.equal(second.entryCount, first.entryCount)
})

test('files:list of / shows the merged filesystem with the layer that last touched each', async () => {
  const page = await call('files:list', { ref, path: '/' })
  const names = page.items.map((i) => i.path)
  for (const dir of ['app', 'etc', 'root', 'tmp', 'usr', 'var']) assert.ok(names.includes(dir))
  assert.equal(page.next, undefined)
  assert.equal(page.items.find((i) => i.path === 'app')?.layer, 3)
  const etc = await call('files:list', { ref, path: '/etc', limit: 2 })
  assert.equal(etc.items.length, 2)
  assert.ok(etc.next !== undefined)
  const rest = await call('files:list', { ref, path: '/etc', cursor: etc.next })
  const all = [...etc.items, ...rest.items].map((i) => i.path)
  assert.deepEqual(all, ['etc/group', 'etc/hostname', 'etc/os-release', 'etc/passwd'])
})

test('the whiteout: etc/motd is gone from the merged view, listed as deleted in layer 3', async () => {
  const asOfBase = await call('files:list', { ref, path: 'etc', layer: '1' })
  assert.ok(asOfBase.items.some((i) => i.path === 'etc/motd' && i.entry?.type === 'file'))
  const changes = await call('files:list', { ref, path: 'etc', layer: '3', change: ['deleted'] })
  assert.deepEqual(
    changes.items.map((i) => [i.path, i.change, i.layer, i.entry]),
    [['etc/motd', 'deleted', 2, undefined]],
  )
  assert.equal(await callError('files:stat', { ref, path: '/etc/motd' }), 'NOT_FOUND')
})

test('the opaque directory hides what lower layers put in it', async () => {
  const before3 = await call('files:list', { ref, path: 'var/cache/pkg', layer: '2' })
  assert.deepEqual(
    before3.items.map((i) => i.path),
    ['var/cache/pkg/index-v1.sig', 'var/cache/pkg/index-v1.txt'],
  )
  const merged = await call('files:list', { ref, path: 'var/cache/pkg' })
  assert.deepEqual(
    merged.items.map((i) => i.path),
    ['var/cache/pkg/.keep'],
  )
  const marked = await call('files:list', { ref, path: 'var/cache', layer: '3' })
  assert.equal(marked.items.find((i) => i.path === 'var/cache/pkg')?.change, 'opaque')
})

test('files:list recursive with a change filter: every path layer 3 changed, flat', async () => {
  const all = ['added', 'modified', 'deleted', 'opaque'] as const
  const changes = await call('files:list', {
    ref,
    path: '/',
    layer: '3',
    change: [...all],
    recursive: true,
  })
  assert.deepEqual(
    changes.items.map((i) => [i.path, i.change, i.layer]),
    [
      ['etc/motd', 'deleted', 2],
      ['var/cache/pkg', 'opaque', 2],
      ['var/cache/pkg/.keep', 'added', 2],
    ],
  )
  assert.equal(changes.next, undefined)
  const below = await call('files:list', {
    ref,
    path: 'var',
    layer: '3',
    change: ['added'],
    recursive: true,
    limit: 1,
  })
  assert.deepEqual(
    below.items.map((i) => i.path),
    ['var/cache/pkg/.keep'],
  )
  assert.equal(below.next, undefined)
})

test('files:list recursive without a filter: every merged path below, paged in path order', async () => {
  const first = await call('files:list', { ref, path: 'usr/lib', recursive: true, limit: 2 })
  assert.equal(first.next, '2')
  const rest = await call('files:list', { ref, path: 'usr/lib', recursive: true, cursor: '2' })
  const paths = [...first.items, ...rest.items].map((i) => i.path)
  assert.deepEqual(paths, [...paths].sort())
  assert.ok(paths.every((p) => p.startsWith('usr/lib/')))
  assert.ok(paths.includes('usr/lib/strata/build.txt'))
  assert.equal(await callError('files:list', { ref, path: '/', recursive: 'yes' }), 'BAD_INPUT')
})

test('platform picks which image of the index the files operations read', async () => {
  const lib = (platform: string) =>
    call('files:list', { ref, platform, path: 'usr/lib/strata', layer: '2', change: ['added'] })
  assert.deepEqual(
    (await lib('linux/amd64')).items.map((i) => i.path),
    ['usr/lib/strata/build.txt', 'usr/lib/strata/libsample-amd64.so'],
  )
  assert.deepEqual(
    (await lib('linux/arm64/v8')).items.map((i) => i.path),
    ['usr/lib/strata/build.txt', 'usr/lib/strata/libsample-arm64.so'],
  )
})

test('files:read pages through /etc/os-release binary-safe', async () => {
  const expected = contentOf('etc/os-release')
  const whole = await call('files:read', { ref, path: '/etc/os-release', offset: 0, length: 4096 })
  assert.equal(Buffer.from(whole.base64, 'base64').toString('utf8'), expected)
  assert.equal(whole.size, Buffer.byteLength(expected))
  assert.equal(whole.eof, true)
  const middle = await call('files:read', { ref, path: 'etc/os-release', offset: 5, length: 10 })
  assert.equal(Buffer.from(middle.base64, 'base64').toString('utf8'), expected.slice(5, 15))
  assert.equal(middle.eof, false)
})

test('files:stat follows a symlink inside the image', async () => {
  const stat = await call('files:stat', { ref, path: '/usr/bin/hello' })
  assert.equal(stat.resolvedPath, 'usr/bin/greet')
  assert.equal(stat.entry.type, 'file')
  assert.equal(stat.layer, 0)
  assert.equal(stat.entry.size, Buffer.byteLength(contentOf('usr/bin/greet')))
  const read = await call('files:read', { ref, path: 'usr/bin/hello', offset: 0, length: 1000 })
  assert.equal(Buffer.from(read.base64, 'base64').toString('utf8'), contentOf('usr/bin/greet'))
})

test('files:search with a glob', async () => {
  const found = await call('files:search', { ref, pattern: 'usr/lib/strata/*.so' })
  assert.equal(found.truncated, false)
  assert.deepEqual(
    found.matches.map((m) => [m.entry.path, m.layer]),
    [['usr/lib/strata/libsample-amd64.so', 1]],
  )
  const capped = await call('files:search', { ref, pattern: '*', limit: 3 })
  assert.equal(capped.matches.length, 3)
  assert.equal(capped.truncated, true)
})

test('image:efficiency: the deleted motd and hidden package index count as waste', async () => {
  const eff = await call('image:efficiency', { ref })
  assert.ok(eff.wastedBytes >= 0 && eff.wastedBytes <= eff.totalFileBytes)
  assert.ok(eff.score >= 0 && eff.score <= 1)
  assert.equal(eff.wastedByLayer.length, 4)
  assert.equal(
    eff.wastedByLayer.reduce((a, b) => a + b, 0),
    eff.wastedBytes,
  )
  const wastedInBase = ['etc/motd', 'var/cache/pkg/index-v1.txt', 'var/cache/pkg/index-v1.sig']
    .map((p) => Buffer.byteLength(contentOf(p)))
    .reduce((a, b) => a + b, 0)
  assert.equal(eff.wastedByLayer[0], wastedInBase)
  assert.ok(Math.abs(eff.score - (1 - eff.wastedBytes / eff.totalFileBytes)) < 1e-9)
})

test('cache:info counts the layer indexes; cache:clear empties them', async () => {
  const info = await call('cache:info', {})
  assert.ok(info.indexBytes + info.blobBytes > 0)
  assert.equal(info.limitBytes, 2 * 1024 * 1024 * 1024)
  const cleared = await call('cache:clear', {})
  assert.equal(cleared.indexBytes + cleared.blobBytes, 0)
  const again = await call('layers:index', { ref, layer: '1' })
  assert.equal(again.fromCache, false)
})

test('bad arguments answer BAD_INPUT; a missing path answers NOT_FOUND', async () => {
  assert.equal(await callError('files:list', { ref }), 'BAD_INPUT')
  assert.equal(await callError('files:list', { ref, path: '/', limit: 5001 }), 'BAD_INPUT')
  assert.equal(await callError('files:list', { ref, path: '/', sort: 'age' }), 'BAD_INPUT')
  assert.equal(await callError('files:list', { ref, path: '/', change: ['moved'] }), 'BAD_INPUT')
  assert.equal(await callError('files:list', { ref, path: '/', layer: '9' }), 'BAD_INPUT')
  assert.equal(
    await callError('files:read', { ref, path: 'etc/passwd', offset: 0, length: 2 * 1024 * 1024 }),
    'BAD_INPUT',
  )
  assert.equal(
    await callError('files:read', { ref, path: 'etc/passwd', offset: -1, length: 1 }),
    'BAD_INPUT',
  )
  assert.equal(await callError('layers:index', { ref }), 'BAD_INPUT')
  assert.equal(await callError('files:search', { ref, pattern: 42 }), 'BAD_INPUT')
  assert.equal(await callError('files:stat', { ref, path: '/no/such/file' }), 'NOT_FOUND')
  assert.equal(await callError('files:list', { ref, path: '/no/such/dir' }), 'NOT_FOUND')
  assert.equal(
    await callError('files:read', { ref, path: 'etc', offset: 0, length: 1 }),
    'BAD_INPUT',
  )
  assert.equal(
    await callError('files:list', { ref, path: '/', platform: 'plan9/mips' }),
    'NOT_FOUND',
  )
})
