// The same image, pushed to a real registry and kept in every local store: every transport
// must show the same config digest and the same layer diff IDs as the registry copy.

import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { ImageConfig } from '../../../shared/oci/types'
import { formatSourceRef, parseSourceRef, type SourceRef } from '../../../shared/sourceRef'
import { composeServices } from '../../../electron/app/composeServices'
import type { Services } from '../../../electron/api/services'
import {
  buildLocalStores,
  readImage,
  startDockerd,
  type LocalStores,
  type RunningDockerd,
} from '../../harness/localStores'
import { startRegistry, type RunningRegistry } from '../../harness/registryServer'
import { runTool } from '../../harness/tools'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

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
  await runTool('skopeo', [
    'copy',
    '--dest-tls-verify=false',
    '--preserve-digests',
    `oci:${stores.ociLayout}:v1`,
    `docker://${registry.host}/strata/app:v1`,
  ])
  dataDir = await mkdtemp(path.join(tmpdir(), 'strata-match-'))
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
  await rm(dataDir, { recursive: true, force: true })
})

async function identity(ref: string): Promise<{ config: string; diffIds: readonly string[] }> {
  const source = await services.openSource(ref, signal)
  const image = await readImage(source)
  assert.deepEqual(image.layerDiffIds, image.configDiffIds, `${ref}: layers hash to diff IDs`)
  return { config: image.configDigest, diffIds: image.configDiffIds }
}

test('every transport shows the registry copy’s config digest and diff IDs', async () => {
  const fromRegistry = await identity(`${registry.host}/strata/app:v1`)
  assert.equal(fromRegistry.config, stores.images.v1.configDigest)
  const name = stores.images.v1.name
  const locals: SourceRef[] = [
    { transport: 'oci', path: stores.ociLayout, reference: 'v1' },
    { transport: 'oci-archive', path: stores.ociArchive, reference: 'v1' },
    { transport: 'docker-archive', path: stores.dockerArchive, reference: name },
    { transport: 'dir', path: stores.dir },
    { transport: 'containers-storage', store: stores.vfs, image: name },
    { transport: 'containers-storage', store: stores.overlay, image: name },
    { transport: 'docker-daemon', image: name },
  ]
  for (const local of locals) {
    const ref = formatSourceRef(local)
    assert.deepEqual(parseSourceRef(ref), local, `${ref} round-trips`)
    assert.deepEqual(await identity(ref), fromRegistry, ref)
  }
})

test('the registry copy and the local layout agree on the config document itself', async () => {
  const source = await services.openSource(`${registry.host}/strata/app:v1`, signal)
  const image = await readImage(source)
  const config = await source.fetchSmallBlob(image.manifest.config)
  const parsed = JSON.parse(new TextDecoder().decode(config.bytes)) as ImageConfig
  assert.equal(parsed.os, 'linux')
  assert.deepEqual(parsed.rootfs.diff_ids, stores.images.v1.diffIds)
})
