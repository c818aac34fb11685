// compare:images on layers listed from their table of contents (zstd:chunked written by Debian's
// skopeo 1.9.3; eStargz written by the harness from the format's definition, as no Debian tool
// writes it), on a real registry behind a counting proxy. Such entries have no tar offsets, so a
// file of the same path, size and metadata but other contents is told by the TOC's per-file
// SHA-256 (without reading the layers), or, where the TOC gives no digest, by a full verified
// read found by path; a TOC layer against a plain gzip layer compares the TOC's digest with the
// hash of the tar's bytes. Semantic compare matches TOC layers by their files the same way.

import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, test } from 'node:test'
import { gzipSync } from 'node:zlib'
import type { FileChange } from '../../../shared/api/compare'
import { createHandlers } from '../../../electron/api/handlers'
import type { HandlerTable } from '../../../electron/api/handlerTable'
import { composeServices } from '../../../electron/app/composeServices'
import { estargzFromTar, tocLayerImage, zstdChunkedFromTar } from '../../harness/chunkedLayers'
import type { TocLayerBlob } from '../../harness/chunkedLayers'
import { startCountingProxy } from '../../harness/countingProxy'
import type { CountingProxy } from '../../harness/countingProxy'
import { callHandler } from '../../harness/handlerCalls'
import { sha256 } from '../../harness/layerTars'
import { RegistryPusher } from '../../harness/ociPusher'
import { startRegistry } from '../../harness/registryServer'
import type { RunningRegistry } from '../../harness/registryServer'

const REPO = 'compare/toc'
/** Same path, size, owner, mode and mtime on both sides; one byte of content differs. */
const CHANGED = 'etc/app.conf'
const EXPECTED: FileChange[] = [
  { path: `/${CHANGED}`, status: 'changed', kind: 'file', leftSize: 8, rightSize: 8, sizeDelta: 0 },
]

/** 2 MiB that do not compress, the same on both sides: the layers are large beside their TOCs. */
const BIG_FILE = randomBytes(2 * 1024 * 1024)

let work: string
let registry: RunningRegistry
let proxy: CountingProxy
let table: HandlerTable
const layerSizes = new Map<string, number>()

/** A GNU tar of a small tree, every entry owned by 0:0 with one mtime, sorted by name. */
function treeTar(name: string, appConf: string): Buffer {
  const root = path.join(work, name)
  mkdirSync(path.join(root, 'etc'), { recursive: true })
  mkdirSync(path.join(root, 'usr', 'lib'), { recursive: true })
  writeFileSync(path.join(root, CHANGED), appConf)
  writeFileSync(path.join(root, 'etc', 'same.txt'), 'the same on both sides\n')
  writeFileSync(path.join(root, 'usr', 'lib', 'big.bin'), BIG_FILE)
  for (const file of [CHANGED, 'etc/same.txt', 'usr/lib/big.bin']) {
    chmodSync(path.join(root, file), 0o644)
  }
  for (const dir of ['etc', 'usr', 'usr/lib']) chmodSync(path.join(root, dir), 0o755)
  return execFileSync(
    'tar',
    [
      '--format=gnu',
      '--sort=name',
      '--owner=0',
      '--group=0',
      '--numeric-owner',
      '--mtime=@1700000000',
      '-C',
      root,
      '-cf',
      '-',
      'etc',
      'usr',
    ],
    { maxBuffer: 64 * 1024 * 1024 },
  )
}

const gzipLayer = (tar: Buffer): TocLayerBlob => ({
  blob: gzipSync(tar),
  mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
  annotations: {},
})

before(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'strata-compare-toc-'))
  const left = treeTar('left', 'alpha-1\n')
  const right = treeTar('right', 'alpha-2\n')
  const images: Record<string, TocLayerBlob> = {
    'left-zstd': zstdChunkedFromTar(left),
    'right-zstd': zstdChunkedFromTar(right),
    'left-estargz': estargzFromTar(left, { chunkSize: 256 * 1024 }),
    'right-estargz': estargzFromTar(right, { chunkSize: 256 * 1024 }),
    // The TOC names no digest for the changed file: it is hashed from a full read.
    'left-estargz-nodigest': estargzFromTar(left, {
      chunkSize: 256 * 1024,
      editToc: (entries) => {
        for (const entry of entries.filter((e) => e['name'] === CHANGED)) {
          delete entry['digest']
          delete entry['chunkDigest']
        }
      },
    }),
    'right-gzip': gzipLayer(right),
  }
  registry = await startRegistry()
  const pusher = new RegistryPusher({ host: registry.host })
  for (const [tag, layer] of Object.entries(images)) {
    const { config, manifest } = tocLayerImage(layer)
    layerSizes.set(tag, layer.blob.length)
    await pusher.pushBlob(REPO, sha256(layer.blob), layer.blob)
    await pusher.pushBlob(REPO, sha256(config), config)
    await pusher.pushManifest(REPO, tag, manifest, 'application/vnd.oci.image.manifest.v1+json')
  }
  proxy = await startCountingProxy(registry.url)
  const services = await composeServices({ mode: 'web', dataDir: path.join(work, 'data'), env: {} })
  table = createHandlers(services)
})

after(async () => {
  await proxy?.close()
  await registry?.stop()
  if (work) rmSync(work, { recursive: true, force: true })
})

const refOf = (tag: string): string => `docker://${proxy.host}/${REPO}:${tag}`

const compareFiles = (left: string, right: string, semantic = false) =>
  callHandler(table, 'compare:images', {
    left: refOf(left),
    right: refOf(right),
    ...(semantic ? { semantic: true } : { files: true }),
  })

test('zstd:chunked on both sides: a file with other contents is found from the TOCs alone', async (t) => {
  proxy.reset()
  const comparison = await compareFiles('left-zstd', 'right-zstd')
  assert.deepEqual(comparison.files, EXPECTED)
  assert.deepEqual(comparison.warnings, [])
  const layers = (layerSizes.get('left-zstd') ?? 0) + (layerSizes.get('right-zstd') ?? 0)
  t.diagnostic(`fetched ${proxy.bytesFromUpstream()} bytes; the two layers hold ${layers}`)
  assert.ok(
    proxy.bytesFromUpstream() < layers / 10,
    `${proxy.bytesFromUpstream()} bytes fetched for layers of ${layers} bytes`,
  )
  for (const tag of ['left-zstd', 'right-zstd']) {
    const info = await callHandler(table, 'layers:index', { ref: refOf(tag), layer: '1' })
    assert.equal(info.toc?.listedFromToc, true, `${tag} is listed from its TOC`)
  }
})

test('eStargz on both sides: the same, from the per-file digests of the TOCs', async () => {
  const comparison = await compareFiles('left-estargz', 'right-estargz')
  assert.deepEqual(comparison.files, EXPECTED)
  assert.deepEqual(comparison.warnings, [])
  const info = await callHandler(table, 'layers:index', { ref: refOf('left-estargz'), layer: '1' })
  assert.equal(info.toc?.listedFromToc, true)
})

test('a TOC layer against a plain gzip layer: the TOC digest against the hash of the bytes', async () => {
  assert.deepEqual((await compareFiles('left-zstd', 'right-gzip')).files, EXPECTED)
  assert.deepEqual((await compareFiles('right-zstd', 'right-gzip')).files, [])
})

test('a TOC without a digest for the file: hashed from a full verified read, found by path', async () => {
  const comparison = await compareFiles('left-estargz-nodigest', 'right-estargz')
  assert.deepEqual(comparison.files, EXPECTED)
  assert.deepEqual(comparison.warnings, [])
  assert.deepEqual((await compareFiles('left-estargz-nodigest', 'left-zstd')).files, [])
})

test('the same files as zstd:chunked and as eStargz: no change, and semantically equivalent', async () => {
  assert.deepEqual((await compareFiles('left-zstd', 'left-estargz')).files, [])
  const same = await compareFiles('left-zstd', 'left-estargz', true)
  assert.equal(same.equivalent, true)
  assert.equal(same.layers.sharedPrefix[0]?.match, 'content')
  const other = await compareFiles('left-zstd', 'right-zstd', true)
  assert.equal(other.equivalent, false)
  assert.deepEqual(other.files, EXPECTED)
  assert.equal(other.layers.sharedPrefix.length, 0, 'layers with other contents do not match')
})
