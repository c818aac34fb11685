// sha512 digests against the real registry (Debian's docker-registry, distribution 2.8). What it
// accepts, checked here: blobs uploaded with a sha512 `digest` parameter and fetched by that
// digest; manifests only under their sha256 (a PUT to manifests/sha512:… is refused with
// DIGEST_INVALID, asserted below so a newer registry that accepts it shows up). So the images
// are a sha256 manifest whose config and layer descriptors are sha512, opened through the api
// exactly as the app composes it: graph, layer index, file reads, every blob verified with the
// algorithm its digest names; one layer's stored bytes tampered gives DIGEST_MISMATCH. And an OCI
// layout named by sha512 throughout (manifest included), opened by tag and by that digest.

import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, test } from 'node:test'
import type { ArgsOf, OperationName, ResultOf } from '../../../shared/api'
import { dispatchCall, type HandlerTable } from '../../../electron/api/handlerTable'
import { createHandlers } from '../../../electron/api/handlers'
import { composeServices } from '../../../electron/app/composeServices'
import { callHandler } from '../../harness/handlerCalls'
import { gzip, rawTar } from '../../harness/layerTars'
import { RegistryPusher } from '../../harness/ociPusher'
import { startRegistry, type RunningRegistry } from '../../harness/registryServer'

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
const hashOf = (algorithm: 'sha256' | 'sha512', bytes: Uint8Array): string =>
  `${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}`

interface Sha512Image {
  readonly manifest: Buffer
  readonly manifestDigest: string
  readonly configDigest: string
  readonly layer: Buffer
  readonly layerDigest: string
}

/** A one-layer image whose config, layer and diff ID are all sha512 digests. */
async function pushSha512Image(
  pusher: RegistryPusher,
  repository: string,
  files: Readonly<Record<string, string>>,
): Promise<Sha512Image> {
  const tar = rawTar([
    { name: 'etc/', type: '5', mode: 0o755 },
    ...Object.entries(files).map(([name, data]) => ({ name, data })),
  ])
  const layer = gzip(tar)
  const layerDigest = hashOf('sha512', layer)
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      config: { Env: ['PATH=/usr/bin:/bin'] },
      rootfs: { type: 'layers', diff_ids: [hashOf('sha512', tar)] },
      history: [{ created_by: 'COPY etc /etc' }],
    }),
  )
  const configDigest = hashOf('sha512', config)
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: configDigest,
        size: config.length,
      },
      layers: [
        {
          mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
          digest: layerDigest,
          size: layer.length,
        },
      ],
    }),
  )
  await pusher.pushBlob(repository, configDigest, config)
  await pusher.pushBlob(repository, layerDigest, layer)
  const manifestDigest = await pusher.pushManifest(repository, 'v1', manifest, OCI_MANIFEST)
  return { manifest, manifestDigest, configDigest, layer, layerDigest }
}

let registry: RunningRegistry
let pusher: RegistryPusher
let dataDir: string
let table: HandlerTable

function call<N extends OperationName>(name: N, args: ArgsOf<N>): Promise<ResultOf<N>> {
  return callHandler(table, name, args)
}

before(async () => {
  registry = await startRegistry()
  pusher = new RegistryPusher({ host: registry.host })
  dataDir = await mkdtemp(path.join(tmpdir(), 'strata-sha512-'))
  table = createHandlers(await composeServices({ mode: 'web', dataDir, env: {} }))
})
after(async () => {
  await registry?.stop()
  await rm(dataDir, { recursive: true, force: true })
})

test('the registry takes sha512 blobs by digest but keeps manifests under sha256 only', async () => {
  const image = await pushSha512Image(pusher, 'sha512/probe', { 'etc/probe': 'probe\n' })
  const blob = await fetch(`${registry.url}/v2/sha512/probe/blobs/${image.layerDigest}`)
  assert.equal(blob.status, 200)
  assert.deepEqual(Buffer.from(await blob.arrayBuffer()), image.layer)
  assert.match(image.manifestDigest, /^sha256:[0-9a-f]{64}$/)
  const put = await fetch(
    `${registry.url}/v2/sha512/probe/manifests/${hashOf('sha512', image.manifest)}`,
    { method: 'PUT', headers: { 'content-type': OCI_MANIFEST }, body: image.manifest },
  )
  assert.equal(put.status, 400, 'distribution 2.8 refuses a manifest pushed by a sha512 digest')
  assert.match(await put.text(), /DIGEST_INVALID/)
})

test('an image of sha512 blobs opens: graph, layer index and file reads, all verified', async () => {
  const image = await pushSha512Image(pusher, 'sha512/app', {
    'etc/os-release': 'ID=sha512\n',
    'etc/hostname': 'five-twelve\n',
  })
  for (const ref of [
    `${registry.host}/sha512/app:v1`,
    `${registry.host}/sha512/app@${image.manifestDigest}`,
  ]) {
    const graph = await call('image:graph', { ref })
    const digests = JSON.stringify(graph)
    assert.ok(digests.includes(image.configDigest), `graph of ${ref} names the sha512 config`)
    assert.ok(digests.includes(image.layerDigest), `graph of ${ref} names the sha512 layer`)

    const index = await call('layers:index', { ref, layer: '1' })
    assert.equal(index.digest, image.layerDigest)
    assert.equal(index.compressedSize, image.layer.length)
    const byDigest = await call('layers:index', { ref, layer: image.layerDigest })
    assert.equal(byDigest.entryCount, index.entryCount)

    const chunk = await call('files:read', { ref, path: '/etc/os-release', offset: 0, length: 100 })
    assert.equal(Buffer.from(chunk.base64, 'base64').toString('utf8'), 'ID=sha512\n')
    assert.equal(chunk.eof, true)
  }
  const config = await call('image:object', {
    ref: `${registry.host}/sha512/app:v1`,
    digest: image.configDigest,
  })
  assert.equal(config.digest, image.configDigest)
})

test('a tampered sha512 layer is refused with DIGEST_MISMATCH naming both sha512 digests', async () => {
  const image = await pushSha512Image(pusher, 'sha512/tampered', {
    'etc/os-release': 'ID=tampered\n',
  })
  // distribution keeps a blob's bytes under its sha256 and links the sha512 name to it.
  const canonical = createHash('sha256').update(image.layer).digest('hex')
  const dataPath = path.join(
    registry.storageDir,
    'docker/registry/v2/blobs/sha256',
    canonical.slice(0, 2),
    canonical,
    'data',
  )
  const stored = await readFile(dataPath)
  const flipped = Buffer.from(stored)
  const middle = Math.floor(flipped.length / 2)
  flipped[middle] = (flipped[middle] ?? 0) ^ 0xff
  await writeFile(dataPath, flipped)

  const result = await dispatchCall(
    table,
    'layers:index',
    { ref: `${registry.host}/sha512/tampered:v1`, layer: '1' },
    { signal: new AbortController().signal, emit: () => undefined },
  )
  assert.equal(result.ok, false, 'indexing a tampered layer must fail')
  if (result.ok) return
  assert.equal(result.error.code, 'DIGEST_MISMATCH', result.error.message)
  assert.equal(result.error.detail?.expectedDigest, image.layerDigest)
  assert.match(String(result.error.detail?.actualDigest), /^sha512:[0-9a-f]{128}$/)
})

/**
 * An OCI layout where every object, the manifest included, is named by sha512 (what the
 * registry cannot hold: it keeps manifests under sha256). Blobs at blobs/sha512/<hex>.
 */
async function writeSha512Layout(
  dir: string,
  motd: string,
): Promise<{ manifestDigest: string; layerPath: string }> {
  const tar = rawTar([
    { name: 'etc/', type: '5', mode: 0o755 },
    { name: 'etc/motd', data: motd },
  ])
  const layer = gzip(tar)
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      rootfs: { type: 'layers', diff_ids: [hashOf('sha512', tar)] },
    }),
  )
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: hashOf('sha512', config),
        size: config.length,
      },
      layers: [
        {
          mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
          digest: hashOf('sha512', layer),
          size: layer.length,
        },
      ],
    }),
  )
  await mkdir(path.join(dir, 'blobs', 'sha512'), { recursive: true })
  const put = async (bytes: Buffer): Promise<string> => {
    const file = path.join(dir, 'blobs', 'sha512', hashOf('sha512', bytes).slice('sha512:'.length))
    await writeFile(file, bytes)
    return file
  }
  await put(config)
  const layerPath = await put(layer)
  await put(manifest)
  const manifestDigest = hashOf('sha512', manifest)
  await writeFile(path.join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}')
  await writeFile(
    path.join(dir, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [
        {
          mediaType: OCI_MANIFEST,
          digest: manifestDigest,
          size: manifest.length,
          annotations: { 'org.opencontainers.image.ref.name': 'v1' },
        },
      ],
    }),
  )
  return { manifestDigest, layerPath }
}

test('an OCI layout named by sha512 throughout opens by tag and by its sha512 digest', async () => {
  const dir = path.join(dataDir, 'layout512')
  const { manifestDigest } = await writeSha512Layout(dir, 'all sha512\n')
  for (const ref of [`oci:${dir}:v1`, `oci:${dir}:${manifestDigest}`]) {
    const graph = await call('image:graph', { ref })
    assert.ok(JSON.stringify(graph).includes(manifestDigest), `graph of ${ref}`)
    const chunk = await call('files:read', { ref, path: '/etc/motd', offset: 0, length: 100 })
    assert.equal(Buffer.from(chunk.base64, 'base64').toString('utf8'), 'all sha512\n')
  }
})

test('a sha512 layout whose layer file was replaced is refused with DIGEST_MISMATCH', async () => {
  const dir = path.join(dataDir, 'layout512-tampered')
  const { layerPath } = await writeSha512Layout(dir, 'tampered\n')
  const bytes = await readFile(layerPath)
  const middle = Math.floor(bytes.length / 2)
  bytes[middle] = (bytes[middle] ?? 0) ^ 0xff
  await writeFile(layerPath, bytes)
  const result = await dispatchCall(
    table,
    'files:read',
    { ref: `oci:${dir}:v1`, path: '/etc/motd', offset: 0, length: 100 },
    { signal: new AbortController().signal, emit: () => undefined },
  )
  assert.equal(result.ok, false)
  if (result.ok) return
  assert.equal(result.error.code, 'DIGEST_MISMATCH', result.error.message)
  assert.match(String(result.error.detail?.actualDigest), /^sha512:[0-9a-f]{128}$/)
})
