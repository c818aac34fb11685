// A file over 16 MiB in a layer listed from its table of contents, on a real registry behind
// a request-logging proxy: it comes by one Range request for its own compressed bytes (never
// the whole layer), decoded to a scratch file while hashed and streamed out only once it
// matches the TOC's digest, never held whole in memory; the next pages of the same file read
// the checked copy without fetching again. A TOC that gives the big file a wrong digest makes
// it a full verified read (the right bytes, nothing of the bad decode) and marks the layer.
// zstd:chunked is written by a real tool (Debian's skopeo 1.9.3); eStargz by the harness from
// the format's definition. The big file is generated as a stream of random bytes on disk.

import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { readdir, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, test } from 'node:test'
import { createHandlers } from '../../../electron/api/handlers'
import type { HandlerTable } from '../../../electron/api/handlerTable'
import { composeServices } from '../../../electron/app/composeServices'
import { BlobCache } from '../../../electron/cache/blobCache'
import { ImageFiles } from '../../../electron/files/imageFilesService'
import { LayerIndexCache } from '../../../electron/files/layerIndexCache'
import { LayerIndexService } from '../../../electron/files/layerIndexService'
import { estargzFromTar, tocLayerImage, zstdChunkedFromTar } from '../../harness/chunkedLayers'
import type { TocLayerBlob } from '../../harness/chunkedLayers'
import { callHandler } from '../../harness/handlerCalls'
import { sha256 } from '../../harness/layerTars'
import { RegistryPusher } from '../../harness/ociPusher'
import { startRequestLog } from '../../harness/requestLog'
import type { RequestLog } from '../../harness/requestLog'
import { startRegistry } from '../../harness/registryServer'
import type { RunningRegistry } from '../../harness/registryServer'

const MiB = 1024 * 1024
const BIG_BYTES = 17 * MiB + 12345
const OTHER_BYTES = 3 * MiB
const PAGE = MiB
const REPO = 'toc/large'
const BIG_PATH = 'opt/data/big.bin'

let work: string
let registry: RunningRegistry
let proxy: RequestLog
let table: HandlerTable
let scratch: string
let bigDigest: string
const layers = new Map<string, TocLayerBlob>()

/** Random bytes written to disk in 1 MiB pieces (never the whole file in memory). */
async function writeRandomFile(file: string, size: number): Promise<void> {
  const out = createWriteStream(file)
  for (let left = size; left > 0; left -= MiB) {
    if (!out.write(randomBytes(Math.min(MiB, left)))) {
      await new Promise<void>((resolve) => out.once('drain', () => resolve()))
    }
  }
  await new Promise<void>((resolve) => out.end(() => resolve()))
}

before(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'strata-toc-large-'))
  const root = path.join(work, 'rootfs')
  mkdirSync(path.join(root, 'opt/data'), { recursive: true })
  await writeRandomFile(path.join(root, BIG_PATH), BIG_BYTES)
  await writeRandomFile(path.join(root, 'opt/data/other.bin'), OTHER_BYTES)
  bigDigest = sha256(readFileSync(path.join(root, BIG_PATH)))
  const tar = execFileSync('tar', ['--format=gnu', '--sort=name', '-C', root, '-cf', '-', 'opt'], {
    maxBuffer: 64 * MiB,
  })
  layers.set('zstd-chunked', zstdChunkedFromTar(tar))
  layers.set('estargz', estargzFromTar(tar, { chunkSize: 4 * MiB }))
  layers.set(
    'estargz-lies',
    estargzFromTar(tar, {
      chunkSize: 4 * MiB,
      editToc: (entries) => {
        const big = entries.find((e) => e['name'] === BIG_PATH && e['type'] === 'reg')
        assert.ok(big, 'the TOC lists the big file')
        big['digest'] = sha256(Buffer.from('not this file'))
      },
    }),
  )
  registry = await startRegistry()
  const pusher = new RegistryPusher({ host: registry.host })
  for (const [tag, layer] of layers) {
    const { config, manifest } = tocLayerImage(layer)
    await pusher.pushBlob(REPO, sha256(layer.blob), layer.blob)
    await pusher.pushBlob(REPO, sha256(config), config)
    await pusher.pushManifest(REPO, tag, manifest, 'application/vnd.oci.image.manifest.v1+json')
  }
  proxy = await startRequestLog(registry.url)
  const dataDir = path.join(work, 'data')
  scratch = path.join(dataDir, 'toc-index', 'toc-files')
  const services = await composeServices({ mode: 'web', dataDir, env: {} })
  // A blob cache too small to keep any layer: every read goes to the registry.
  const files = new ImageFiles({
    indexService: new LayerIndexService(new LayerIndexCache(path.join(dataDir, 'toc-index'))),
    blobs: await BlobCache.open(path.join(dataDir, 'toc-blobs'), 64 * 1024),
    indexCache: { bytes: () => Promise.resolve(0), clear: () => Promise.resolve() },
  })
  table = createHandlers({ ...services, files })
})

after(async () => {
  await proxy?.close()
  await registry?.stop()
  if (work) rmSync(work, { recursive: true, force: true })
})

const refOf = (tag: string): string => `docker://${proxy.host}/${REPO}:${tag}`

/** The whole file by files:read pages, hashed. */
async function readPages(tag: string): Promise<string> {
  const hash = createHash('sha256')
  for (let at = 0; at < BIG_BYTES; at += PAGE) {
    const chunk = await callHandler(table, 'files:read', {
      ref: refOf(tag),
      path: `/${BIG_PATH}`,
      offset: at,
      length: Math.min(PAGE, BIG_BYTES - at),
    })
    hash.update(Buffer.from(chunk.base64, 'base64'))
  }
  return `sha256:${hash.digest('hex')}`
}

for (const tag of ['zstd-chunked', 'estargz']) {
  const made =
    tag === 'zstd-chunked' ? 'written by skopeo 1.9.3' : 'written from the eStargz definition'
  test(`${tag} (${made}): a ${BIG_BYTES}-byte file is one Range request of its own bytes, checked, streamed; later pages fetch nothing`, async () => {
    const layer = layers.get(tag)
    assert.ok(layer)
    const info = await callHandler(table, 'layers:index', { ref: refOf(tag), layer: '1' })
    assert.equal(info.toc?.listedFromToc, true)
    proxy.reset()
    const digest = await readPages(tag)
    assert.equal(digest, bigDigest, 'the file read by pages has the right bytes')
    assert.deepEqual(info.toc?.warnings, [])
    const fetched = proxy.bytes
    const layerRequests = proxy.requests.filter((r) => r.path.includes(sha256(layer.blob)))
    assert.equal(
      layerRequests.length,
      1,
      `one request for every page: ${JSON.stringify(layerRequests)}`,
    )
    assert.ok(layerRequests[0]?.range !== undefined, 'a Range request')
    assert.ok(fetched >= BIG_BYTES, `fetched ${fetched}: the file's (incompressible) bytes`)
    assert.ok(
      fetched < layer.blob.length - OTHER_BYTES / 2,
      `fetched ${fetched} of a ${layer.blob.length}-byte layer: not the whole layer`,
    )
    // Not held in memory: the checked copy is a file of the scratch folder.
    const sizes = await Promise.all(
      (await readdir(scratch)).map(async (name) => (await stat(path.join(scratch, name))).size),
    )
    assert.ok(sizes.includes(BIG_BYTES), `scratch files: ${sizes.join(', ')}`)
  })
}

test('eStargz TOC giving the big file a wrong digest (harness-written): the file is read in full and verified, the layer marked, nothing of the bad decode served', async () => {
  const tag = 'estargz-lies'
  await callHandler(table, 'layers:index', { ref: refOf(tag), layer: '1' })
  // Two pages (each is a full read of the layer now): the first and one in the middle.
  const bytes = readFileSync(path.join(work, 'rootfs', BIG_PATH))
  for (const at of [0, 10 * PAGE + 7]) {
    const chunk = await callHandler(table, 'files:read', {
      ref: refOf(tag),
      path: `/${BIG_PATH}`,
      offset: at,
      length: PAGE,
    })
    assert.ok(
      Buffer.from(chunk.base64, 'base64').equals(bytes.subarray(at, at + PAGE)),
      `the right bytes at ${at}, from the whole verified layer`,
    )
  }
  const info = await callHandler(table, 'layers:index', { ref: refOf(tag), layer: '1' })
  assert.equal(info.toc?.warnings.length, 1, 'marked once, not once per read')
  const warning = info.toc?.warnings[0]
  assert.ok(warning?.kind === 'fileDigestMismatch', JSON.stringify(info.toc?.warnings))
  assert.equal(warning.path, BIG_PATH)
  assert.equal(warning.actualDigest, bigDigest)
  // Scratch files that did not verify are gone; only checked copies stay.
  const left = await readdir(scratch)
  assert.ok(left.length <= 2, `scratch holds ${left.join(', ')}`)
})
