// Semantic compare (`semantic: true`, like `diffoci --semantic`) against exact compare, through
// the handler table on the real registry. The same directory is packed twice with GNU tar at two
// different times (every mtime differs), one copy compressed with gzip and the other with the
// zstd CLI, under configs whose creation and history times differ: semantically equivalent,
// exactly different (files changed by mtime, layers unmatched, times differ). A real change of
// content (same size, one byte) is still found semantically.

import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { createHandlers } from '../../../electron/api/handlers'
import type { HandlerTable } from '../../../electron/api/handlerTable'
import { composeServices } from '../../../electron/app/composeServices'
import { callHandler } from '../../harness/handlerCalls'
import { gnuTar, gzip, run, tempDir, zstd } from '../../harness/layerTars'
import { RegistryPusher } from '../../harness/ociPusher'
import { startRegistry, type RunningRegistry } from '../../harness/registryServer'

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
const sha256 = (bytes: Uint8Array): string =>
  `sha256:${createHash('sha256').update(bytes).digest('hex')}`

let registry: RunningRegistry
let dataDir: string
let table: HandlerTable

/** The app's files, written fresh and every mtime set to `stamp` ("2024-01-01 00:00"). */
async function packedTree(stamp: string, motd = 'hello\n'): Promise<Buffer> {
  const root = tempDir('semantic')
  run('mkdir', ['-p', join(root, 'etc'), join(root, 'app/bin')])
  await writeFile(join(root, 'etc/os-release'), 'ID=strata\nVERSION_ID=1\n')
  await writeFile(join(root, 'etc/motd'), motd)
  await writeFile(join(root, 'app/bin/run'), '#!/bin/sh\necho run\n', { mode: 0o755 })
  run('ln', ['-s', 'run', join(root, 'app/bin/start')])
  run('find', [root, '-exec', 'touch', '-h', '-d', stamp, '{}', '+'])
  return gnuTar(root, 'posix')
}

async function pushImage(
  repository: string,
  tar: Buffer,
  compression: 'gzip' | 'zstd',
  created: string,
): Promise<string> {
  const pusher = new RegistryPusher({ host: registry.host })
  const layer = compression === 'gzip' ? gzip(tar) : zstd(tar)
  const config = Buffer.from(
    JSON.stringify({
      created,
      architecture: 'amd64',
      os: 'linux',
      config: { Env: ['PATH=/usr/bin:/bin'], Cmd: ['/app/bin/run'] },
      rootfs: { type: 'layers', diff_ids: [sha256(tar)] },
      history: [{ created, created_by: 'COPY . /' }],
    }),
  )
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: sha256(config),
        size: config.length,
      },
      layers: [
        {
          mediaType: `application/vnd.oci.image.layer.v1.tar+${compression}`,
          digest: sha256(layer),
          size: layer.length,
        },
      ],
    }),
  )
  await pusher.pushBlob(repository, sha256(config), config)
  await pusher.pushBlob(repository, sha256(layer), layer)
  await pusher.pushManifest(repository, 'v1', manifest, OCI_MANIFEST)
  return `${registry.host}/${repository}:v1`
}

let gzipRef: string
let zstdRef: string
let changedRef: string

before(async () => {
  registry = await startRegistry()
  dataDir = await mkdtemp(join(tmpdir(), 'strata-semantic-'))
  table = createHandlers(await composeServices({ mode: 'web', dataDir, env: {} }))
  const first = await packedTree('2024-01-01 00:00:00')
  const second = await packedTree('2025-06-15 12:30:00')
  assert.notEqual(sha256(first), sha256(second), 'the two packings differ byte for byte')
  gzipRef = await pushImage('semantic/gzip', first, 'gzip', '2024-01-01T00:00:00Z')
  zstdRef = await pushImage('semantic/zstd', second, 'zstd', '2025-06-15T12:30:00Z')
  // Same size, one byte different: a change of meaning.
  const third = await packedTree('2025-06-15 12:30:00', 'HELLO\n')
  changedRef = await pushImage('semantic/changed', third, 'zstd', '2025-06-15T12:30:00Z')
})
after(async () => {
  await registry?.stop()
  await rm(dataDir, { recursive: true, force: true })
})

test('the same files packed twice (mtimes, gzip vs zstd) are equivalent semantically', async () => {
  const result = await callHandler(table, 'compare:images', {
    left: gzipRef,
    right: zstdRef,
    semantic: true,
  })
  assert.equal(result.mode, 'semantic')
  assert.equal(result.equivalent, true)
  assert.equal(result.identical, false)
  assert.deepEqual(result.files, [])
  assert.equal(result.config.created, undefined)
  assert.ok(result.config.history.every((r) => r.status === 'same' && r.created === undefined))
  assert.deepEqual(
    result.layers.sharedPrefix.map((p) => p.match),
    ['content'],
  )
  assert.deepEqual([result.layers.onlyLeft, result.layers.onlyRight], [[], []])
})

test('and different exactly: every file by mtime, the layer unmatched, the times', async () => {
  const result = await callHandler(table, 'compare:images', {
    left: gzipRef,
    right: zstdRef,
    files: true,
  })
  assert.equal(result.mode, 'exact')
  assert.equal(result.equivalent, undefined)
  assert.deepEqual(
    (result.files ?? []).map((f) => [f.path, f.status]),
    [
      ['/app', 'changed'],
      ['/app/bin', 'changed'],
      ['/app/bin/run', 'changed'],
      ['/app/bin/start', 'changed'],
      ['/etc', 'changed'],
      ['/etc/motd', 'changed'],
      ['/etc/os-release', 'changed'],
    ],
  )
  assert.deepEqual(result.config.created, {
    left: '2024-01-01T00:00:00Z',
    right: '2025-06-15T12:30:00Z',
  })
  assert.deepEqual(
    result.config.history.map((row) => [row.status, row.created]),
    [['same', { left: '2024-01-01T00:00:00Z', right: '2025-06-15T12:30:00Z' }]],
  )
  assert.equal(result.layers.sharedPrefix.length, 0)
  assert.equal(result.layers.onlyLeft.length, 1)
  assert.equal(result.layers.onlyRight.length, 1)
})

test('semantic compare still finds a change of content of the same size', async () => {
  const result = await callHandler(table, 'compare:images', {
    left: zstdRef,
    right: changedRef,
    semantic: true,
  })
  assert.equal(result.equivalent, false)
  assert.deepEqual(
    (result.files ?? []).map((f) => [f.path, f.status, f.sizeDelta]),
    [['/etc/motd', 'changed', 0]],
  )
  assert.equal(result.layers.onlyLeft.length, 1)
  assert.equal(result.layers.onlyRight.length, 1)
})
