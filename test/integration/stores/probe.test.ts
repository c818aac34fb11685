// What a chosen or dropped path opens as, and the storage view through the api, on stores
// made by skopeo and podman's storage library.

import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { after, before, test } from 'node:test'
import type { PathProbeKind } from '../../../shared/api'
import { StrataError } from '../../../shared/errors'
import { formatSourceRef, parseSourceRef } from '../../../shared/sourceRef'
import { probePath } from '../../../electron/stores/discovery/probePath'
import { createLocalStores } from '../../../electron/stores/discovery/localStoreServices'
import { buildLocalStores, type LocalStores } from '../../harness/localStores'

let stores: LocalStores
let scratch: string
const signal = new AbortController().signal

before(async () => {
  stores = await buildLocalStores()
  scratch = await mkdtemp(path.join(tmpdir(), 'strata-probe-'))
})
after(async () => {
  await stores?.cleanup()
  await rm(scratch, { recursive: true, force: true })
})

async function probeError(input: string): Promise<StrataError> {
  try {
    await probePath(input)
  } catch (error) {
    assert.ok(error instanceof StrataError)
    return error
  }
  assert.fail(`${input} should not probe`)
}

test('each kind of path opens with the transport it needs', async () => {
  const cases: [string, string, PathProbeKind][] = [
    [stores.ociLayout, 'oci', 'ociLayout'],
    [stores.dir, 'dir', 'skopeoDir'],
    [stores.ociArchive, 'oci-archive', 'ociArchive'],
    [stores.dockerArchive, 'docker-archive', 'dockerArchive'],
    [stores.dockerArchiveOci, 'docker-archive', 'dockerArchive'],
  ]
  for (const [input, transport, kind] of cases) {
    const probe = await probePath(input)
    const ref = parseSourceRef(probe.ref)
    assert.equal(ref.transport, transport, input)
    assert.equal(probe.kind, kind, input)
    assert.equal('path' in ref ? ref.path : undefined, input)
  }
})

test('paths that are not images say what was expected', async () => {
  // Refusals carry why as a code and the path as the subject, for the renderer to word.
  const refusal = async (input: string) => {
    const error = await probeError(input)
    assert.equal(error.code, 'BAD_INPUT', input)
    assert.equal(error.detail?.subject, input)
    return { cause: error.detail?.cause, message: error.message }
  }
  assert.equal((await refusal('relative/path')).cause, 'notAbsolute')
  assert.equal((await probeError(path.join(scratch, 'missing'))).code, 'NOT_FOUND')
  const plainDir = await mkdtemp(path.join(scratch, 'plain-'))
  const notImageDir = await refusal(plainDir)
  assert.equal(notImageDir.cause, 'notImageDirectory')
  assert.match(notImageDir.message, /neither an OCI image layout/)
  const gz = path.join(scratch, 'image.tar.gz')
  await writeFile(gz, gzipSync(Buffer.from('not really a tar')))
  const gzipped = await refusal(gz)
  assert.equal(gzipped.cause, 'gzipCompressed')
  assert.match(gzipped.message, /gunzip it/)
  const zst = path.join(scratch, 'image.tar.zst')
  await writeFile(zst, Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0, 0, 0, 0]))
  assert.equal((await refusal(zst)).cause, 'zstdCompressed')
  // A real tar (made by tar) of a plain text file: a tar, but no image in it.
  await writeFile(path.join(scratch, 'readme.txt'), 'not an image\n')
  const plainTar = path.join(scratch, 'plain.tar')
  execFileSync('tar', ['-cf', plainTar, '-C', scratch, 'readme.txt'])
  assert.equal((await refusal(plainTar)).cause, 'notImageArchive')
  const notTar = path.join(scratch, 'notes.txt')
  await writeFile(notTar, 'hello')
  assert.equal((await probeError(notTar)).code, 'MALFORMED')
})

test('the storage view of a vfs store lists its images and each layer’s three identities', async () => {
  const ref = formatSourceRef({
    transport: 'containers-storage',
    store: { driver: 'vfs', graphRoot: stores.vfs.graphRoot, runRoot: stores.vfs.runRoot },
    image: `${stores.images.v1.name}`,
  })
  const view = await createLocalStores(process.env).describeStorage(ref, signal)
  assert.equal(view.driver, 'vfs')
  assert.equal(view.graphRoot, stores.vfs.graphRoot)
  const image = view.images.find((entry) => entry.names.includes(stores.images.v1.name))
  assert.ok(image, 'the v1 image is listed by name')
  assert.equal(`sha256:${image.id}`, stores.images.v1.configDigest)
  const layers = image.layerIds.map((id) => view.layers.find((layer) => layer.id === id))
  assert.deepEqual(
    layers.map((layer) => layer?.diffDigest),
    stores.images.v1.diffIds,
    'diff digests in layer order equal the config diff IDs',
  )
  assert.ok(layers.every((layer) => layer?.usedByImages.includes(image.id)))
  await assert.rejects(
    createLocalStores(process.env).describeStorage(
      formatSourceRef({ transport: 'dir', path: '/x' }),
      signal,
    ),
    /containers-storage/,
  )
})
