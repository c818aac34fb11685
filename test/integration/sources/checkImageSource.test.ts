// checkImageSource() against every transport the harness can build: the same two images in a
// real registry, an OCI layout, both archive kinds, a dir:, two containers-storage stores and a
// real Docker daemon. Each transport must serve objects that hash to their digests, a config
// that validates, and layers that decompress to the config's diff IDs.

import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, test } from 'node:test'
import { formatSourceRef, type SourceRef } from '../../../shared/sourceRef'
import { composeServices } from '../../../electron/app/composeServices'
import type { Services } from '../../../electron/api/services'
import type { ImageSource } from '../../../electron/sources/imageSource'
import { checkImageSource } from '../../harness/checkImageSource'
import {
  buildLocalStores,
  DOCKER_TYPED_NAME,
  startDockerd,
  TAGS,
  type LocalStores,
  type RunningDockerd,
  type Tag,
} from '../../harness/localStores'
import { startRegistry, type RunningRegistry } from '../../harness/registryServer'
import { runTool } from '../../harness/tools'

let stores: LocalStores
let registry: RunningRegistry
let dockerd: RunningDockerd
let services: Services
let dataDir: string
const signal = new AbortController().signal

before(async () => {
  stores = await buildLocalStores()
  registry = await startRegistry()
  dockerd = await startDockerd()
  await dockerd.docker(['load', '-i', stores.dockerArchive])
  for (const tag of TAGS) {
    await runTool('skopeo', [
      'copy',
      '--dest-tls-verify=false',
      '--preserve-digests',
      `oci:${stores.ociLayout}:${tag}`,
      `docker://${registry.host}/strata/app:${tag}`,
    ])
  }
  dataDir = await mkdtemp(path.join(tmpdir(), 'strata-check-source-'))
  services = await composeServices({
    mode: 'web',
    dataDir,
    env: { ...process.env, DOCKER_HOST: `unix://${dockerd.socket}` },
  })
})

after(async () => {
  await dockerd?.stop()
  await registry?.stop()
  await stores?.cleanup()
  if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true })
})

/** The references to v1 on every transport, and to v2 where the harness also keeps v2. */
function references(): { readonly ref: string; readonly tag: Tag }[] {
  const at = (tag: Tag, ref: SourceRef | string) => ({
    tag,
    ref: typeof ref === 'string' ? ref : formatSourceRef(ref),
  })
  const both = TAGS.flatMap((tag) => {
    const name = stores.images[tag].name
    return [
      at(tag, `docker://${registry.host}/strata/app:${tag}`),
      at(tag, { transport: 'oci', path: stores.ociLayout, reference: tag }),
      at(tag, { transport: 'docker-archive', path: stores.dockerArchiveOci, reference: name }),
      at(tag, { transport: 'containers-storage', store: stores.vfs, image: name }),
      at(tag, { transport: 'containers-storage', store: stores.overlay, image: name }),
    ]
  })
  const v1 = stores.images.v1.name
  return [
    ...both,
    at('v1', { transport: 'oci-archive', path: stores.ociArchive, reference: 'v1' }),
    at('v1', { transport: 'docker-archive', path: stores.dockerArchive, reference: v1 }),
    at('v1', { transport: 'dir', path: stores.dir }),
    // The same image converted to Docker schema 2 media types by skopeo.
    at('v1', { transport: 'containers-storage', store: stores.vfs, image: DOCKER_TYPED_NAME }),
    at('v1', { transport: 'docker-daemon', image: v1 }),
  ]
}

test('every transport serves each image whole: digests, sizes, config, diff IDs', async () => {
  const kinds = new Set<string>()
  for (const { ref, tag } of references()) {
    const expected = stores.images[tag]
    const source = await services.openSource(ref, signal)
    kinds.add(source.kind)
    const checked = await checkImageSource(source, ref)
    assert.equal(checked.images.length, 1, ref)
    const [image] = checked.images
    assert.equal(image?.configDigest, expected.configDigest, ref)
    assert.deepEqual(image?.diffIds, expected.diffIds, ref)
  }
  assert.deepEqual([...kinds].sort(), [
    'containers-storage',
    'dir',
    'docker-archive',
    'docker-daemon',
    'oci-archive',
    'oci-layout',
    'registry',
  ])
})

test('an OCI layout opened without a tag is checked through its index', async () => {
  const ref = formatSourceRef({ transport: 'oci', path: stores.ociLayout })
  const checked = await checkImageSource(await services.openSource(ref, signal), ref)
  const configs = checked.images.map((image) => image.configDigest).sort()
  assert.deepEqual(configs, TAGS.map((tag) => stores.images[tag].configDigest).sort())
})

test('the check bites: a source serving the wrong layer bytes fails it', async () => {
  const ref = formatSourceRef({ transport: 'oci', path: stores.ociLayout, reference: 'v1' })
  const real = await services.openSource(ref, signal)
  const [first, second] = stores.images.v1.diffIds
  assert.ok(first !== undefined && second !== undefined)
  const manifest = await real.fetchManifest(await real.resolve())
  assert.equal(manifest.parsed.kind, 'manifest')
  const layers = manifest.parsed.kind === 'manifest' ? manifest.parsed.document.layers : []
  const [layer0, layer1] = layers
  assert.ok(layer0 !== undefined && layer1 !== undefined)
  // Layer 0 answered with layer 1's bytes: a source whose own check is missing.
  const swapped: ImageSource = {
    ...real,
    resolve: (options) => real.resolve(options),
    fetchManifest: (d, options) => real.fetchManifest(d, options),
    fetchSmallBlob: (d, options) => real.fetchSmallBlob(d, options),
    commandsFor: (target) => real.commandsFor(target),
    openBlob: (d, options) => real.openBlob(d.digest === layer0.digest ? layer1 : d, options),
  }
  await assert.rejects(checkImageSource(swapped, ref), (error: unknown) => {
    assert.ok(error instanceof assert.AssertionError)
    assert.match(error.message, /layer 0 .* streams to its digest/)
    return true
  })
})
