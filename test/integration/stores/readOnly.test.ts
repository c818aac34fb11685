// The read-only guarantee: every file of every store (layout, archives, dir:, both
// containers-storage stores with their run roots, the Docker daemon's image store) hashes the
// same after Strata has browsed all of it: every transport opened, every graph built, every
// blob read, the storage view and discovery run.

import assert from 'node:assert/strict'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { buildImageGraph } from '../../../electron/image/buildImageGraph'
import { describeStorage } from '../../../electron/stores/containers-storage/describeStorage'
import { discoverLocalStores } from '../../../electron/stores/discovery/discoverLocalStores'
import { openLocalSource } from '../../../electron/stores/openLocalSource'
import type { LocalSourceRef } from '../../../electron/stores/openLocalSource'
import type { LocalStores, RunningDockerd } from '../../harness/localStores'
import {
  buildLocalStores,
  DOCKER_TYPED_NAME,
  hashTree,
  readImage,
  startDockerd,
} from '../../harness/localStores'

let stores: LocalStores
let dockerd: RunningDockerd
before(async () => {
  stores = await buildLocalStores()
  dockerd = await startDockerd()
  await dockerd.docker(['load', '-i', stores.dockerArchiveOci])
})
after(async () => {
  await dockerd.stop()
  await stores.cleanup()
})

void test('browsing every store changes no byte of any of them', async () => {
  const env = {
    ...process.env,
    DOCKER_HOST: `unix://${dockerd.socket}`,
    CONTAINERS_STORAGE_CONF: stores.storageConf,
  }
  const roots = [stores.root, join(dockerd.dataRoot, 'image'), join(dockerd.dataRoot, 'vfs')]
  const before = await hashTree(roots)
  assert.ok(before.size > 100, `hashed ${before.size} paths`)

  const { v1, v2 } = stores.images
  const refs: LocalSourceRef[] = [
    { transport: 'oci', path: stores.ociLayout, reference: 'v2' },
    { transport: 'oci-archive', path: stores.ociArchive, reference: 'v1' },
    { transport: 'docker-archive', path: stores.dockerArchive },
    { transport: 'docker-archive', path: stores.dockerArchiveOci, reference: v2.name },
    { transport: 'dir', path: stores.dir },
    { transport: 'containers-storage', store: stores.vfs, image: v1.name },
    { transport: 'containers-storage', store: stores.vfs, image: DOCKER_TYPED_NAME },
    { transport: 'containers-storage', image: v2.name },
    {
      transport: 'containers-storage',
      image: `${v1.name.split(':')[0] ?? ''}@${v1.manifestDigest}`,
    },
    { transport: 'docker-daemon', image: v1.name },
    { transport: 'docker-daemon', image: v2.configDigest },
  ]
  for (const ref of refs) {
    const source = await openLocalSource(ref, { env })
    const image = await readImage(source)
    assert.deepEqual(image.layerDiffIds, image.configDiffIds, source.ref)
    const graph = await buildImageGraph(source)
    assert.deepEqual(graph.warnings, source.warnings ?? [], source.ref)
    for (const node of graph.nodes) source.commandsFor({ kind: 'blob', digest: node.id })
  }
  await describeStorage({ env })
  await describeStorage({ store: stores.vfs })
  const found = await discoverLocalStores({ env })
  assert.deepEqual(
    found.map((s) => s.kind),
    ['docker-daemon', 'containers-storage'],
  )

  const after = await hashTree(roots)
  const changed = [...new Set([...before.keys(), ...after.keys()])].filter(
    (path) => before.get(path) !== after.get(path),
  )
  assert.deepEqual(changed, [], 'no file, directory or link was added, removed or changed')
})
