// Containers of a real containers-storage (vfs): an image copied in by skopeo, containers made
// by `podman create` (never started), their layer directories changed as `podman cp` would
// change them. Strata's changes, sizes and file contents must equal what podman reports, the
// store must be unchanged by reading it, and a removed container is said to be gone. An overlay
// store's container too: its diff directory changed as overlayfs would (a copied-up file, a
// 0/0 character device for a deletion, a new directory), compared with podman diff.

import { englishImageWarning } from '../../../shared/imageWarningText'
import assert from 'node:assert/strict'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import type { ContainerSource } from '../../../electron/stores/containers/containerSource'
import { LIVE_LAYER_ANNOTATION } from '../../../electron/stores/containers/containerSource'
import { openStore } from '../../../electron/stores/containers-storage/containersStorageFiles'
import { listStorageContainers } from '../../../electron/stores/containers-storage/storageContainers'
import { openLocalSource } from '../../../electron/stores/openLocalSource'
import type { LocalSourceRef } from '../../../electron/sources/openSource'
import { parseSourceRef } from '../../../shared/sourceRef'
import type { ContainerImageLayout, VfsStore } from '../../harness/containerFixtures'
import { CONTAINER_IMAGE, vfsStore, writeContainerImage } from '../../harness/containerFixtures'
import {
  containerLayers,
  diffLines,
  readText,
  topLayerChanges,
} from '../../harness/containerLayers'
import { hashTree, rejectsWith, removeStores, run } from '../../harness/localStores'

let image: ContainerImageLayout
let store: VfsStore
let spec: string

async function layerDirOf(name: string): Promise<string> {
  const list: unknown = JSON.parse(
    await readFile(join(store.graphRoot, 'vfs-containers', 'containers.json'), 'utf8'),
  )
  assert.ok(Array.isArray(list))
  const record = (list as { names?: string[]; layer?: string }[]).find((c) =>
    c.names?.includes(name),
  )
  assert.ok(record?.layer, `no layer for ${name}`)
  return join(store.graphRoot, 'vfs', 'dir', record.layer)
}

before(async () => {
  image = await writeContainerImage()
  store = vfsStore(image.root)
  spec = `[vfs@${store.graphRoot}+${store.runRoot}]`
  await run('skopeo', ['copy', '-q', image.ociRef, `containers-storage:${spec}${CONTAINER_IMAGE}`])
  for (const name of ['web', 'clean', 'doomed']) {
    await store.podman(['create', '--name', name, '--network', 'none', CONTAINER_IMAGE])
  }
  // What `podman cp` and a running process would leave in the layer: vfs holds it all here.
  const dir = await layerDirOf('web')
  await writeFile(join(dir, 'etc/motd'), 'Changed inside the container, longer than before.\n')
  await writeFile(join(dir, 'app/notes.txt'), 'added in the container\n')
  await rm(join(dir, 'etc/os-release'))
  await rm(join(dir, 'bin'), { recursive: true })
  await mkdir(join(dir, 'srv/data'), { recursive: true })
  await writeFile(join(dir, 'srv/data/table.csv'), 'a,b\n1,2\n')
})
after(async () => {
  await removeStores(image.root) // unmounts what c/storage's overlay driver left mounted
})

const open = async (name: string, storeSpec = spec): Promise<ContainerSource> =>
  (await openLocalSource(
    parseSourceRef(`container:containers-storage:${storeSpec}${name}`) as LocalSourceRef,
  )) as ContainerSource

void describe('containers of a real containers-storage (vfs)', () => {
  void test('the writable layer on top: changes equal podman diff, files readable', async () => {
    const podmanDiff = diffLines(await store.podman(['diff', 'web']))
    const before = await hashTree([store.graphRoot])
    const source = await open('web')
    assert.equal(source.kind, 'containers-storage')
    assert.equal(source.ref, `container:containers-storage:${spec}web`)
    assert.equal(source.container.name, 'web')
    assert.equal(source.container.image, CONTAINER_IMAGE)
    assert.equal(
      source.liveLayer.annotations?.[LIVE_LAYER_ANNOTATION]?.startsWith('live layer'),
      true,
    )
    assert.ok(
      (source.warnings ?? []).map(englishImageWarning).some((w) => /not content-addressed/.test(w)),
    )

    const layers = await containerLayers(source)
    assert.equal(layers.layerCount, 3, 'two image layers and the writable layer')
    assert.deepEqual(podmanDiff, [
      'A /app/notes.txt',
      'A /srv',
      'A /srv/data',
      'A /srv/data/table.csv',
      'C /app',
      'C /etc',
      'C /etc/motd',
      'D /bin',
      'D /etc/os-release',
    ])
    assert.deepEqual(topLayerChanges(layers), podmanDiff)
    assert.equal(await readText(layers, '/app/notes.txt'), 'added in the container\n')
    assert.equal(
      await readText(layers, '/etc/motd'),
      'Changed inside the container, longer than before.\n',
    )
    assert.equal(layers.lookup('/etc/os-release'), undefined)
    assert.equal(await readText(layers, '/app/run'), '#!/bin/sh\necho "hello from containers"\n')
    assert.deepEqual(await hashTree([store.graphRoot]), before, 'nothing written')
  })

  void test('sizes equal podman ps --size; a container with no changes has an empty layer', async () => {
    const rows: unknown = JSON.parse(await store.podman(['ps', '-a', '--size', '--format', 'json']))
    assert.ok(Array.isArray(rows))
    type Sizes = { rwSize?: number; rootFsSize?: number }
    const sizeOf = (name: string): Sizes | undefined =>
      (rows as { Names?: string[]; Size?: Sizes }[]).find((r) => r.Names?.includes(name))?.Size
    const listed = await listStorageContainers(
      await openStore({
        graphRoot: store.graphRoot,
        runRoot: store.runRoot,
        driver: 'vfs',
        configFiles: [],
        rootless: false,
      }),
      { driver: 'vfs', graphRoot: store.graphRoot, runRoot: store.runRoot },
    )
    assert.deepEqual(listed.map((c) => c.name).sort(), ['clean', 'doomed', 'web'])
    for (const name of ['web', 'clean']) {
      const info = listed.find((c) => c.name === name)
      assert.equal(info?.sizeRw, sizeOf(name)?.rwSize, `${name} writable layer size`)
      assert.equal(info?.ref, `container:containers-storage:${spec}${name}`)
      // Opened, the image's size comes too: podman's rootFsSize plus the writable layer.
      const opened = (await open(name)).container
      assert.equal(opened.sizeRw, sizeOf(name)?.rwSize)
      assert.equal(opened.sizeRootFs, (sizeOf(name)?.rootFsSize ?? 0) + (opened.sizeRw ?? 0))
    }
    assert.ok((listed.find((c) => c.name === 'web')?.sizeRw ?? 0) > 0)
    const clean = await open('clean')
    assert.deepEqual(topLayerChanges(await containerLayers(clean)), [])
    assert.deepEqual(diffLines(await store.podman(['diff', 'clean'])), [])
  })

  void test('a container removed meanwhile is said to be gone', async () => {
    const source = await open('doomed')
    await store.podman(['rm', 'doomed'])
    await rejectsWith(source.openBlob(source.liveLayer), 'NOT_FOUND', /container doomed is gone/)
    await rejectsWith(open('doomed'), 'NOT_FOUND', /container doomed is gone/)
  })

  void test('overlay: the diff directory is the writable layer, a 0/0 device a deletion, as podman diff says', async () => {
    const graphRoot = join(image.root, 'overlay', 'graph')
    const runRoot = join(image.root, 'overlay', 'run')
    const flags = ['--root', graphRoot, '--runroot', runRoot, '--storage-driver', 'overlay']
    const overlaySpec = `[overlay@${graphRoot}+${runRoot}]`
    await run('skopeo', [
      'copy',
      '-q',
      image.ociRef,
      `containers-storage:${overlaySpec}${CONTAINER_IMAGE}`,
    ])
    await run('podman', [
      ...flags,
      'create',
      '--name',
      'upper',
      '--network',
      'none',
      CONTAINER_IMAGE,
    ])
    const list: unknown = JSON.parse(
      await readFile(join(graphRoot, 'overlay-containers', 'containers.json'), 'utf8'),
    )
    const layer = (list as { layer?: string }[])[0]?.layer ?? ''
    const diff = join(graphRoot, 'overlay', layer, 'diff')
    // What overlayfs leaves in the upper directory: a copied-up file, a whiteout, a new dir.
    await mkdir(join(diff, 'etc'), { recursive: true })
    await writeFile(join(diff, 'etc/motd'), 'changed\n')
    await run('mknod', [join(diff, 'etc/os-release'), 'c', '0', '0'])
    await mkdir(join(diff, 'srv'))
    await writeFile(join(diff, 'srv/new.txt'), 'new\n')
    const podmanDiff = diffLines(await run('podman', [...flags, 'diff', 'upper']))
    assert.deepEqual(podmanDiff, [
      'A /srv',
      'A /srv/new.txt',
      'C /etc',
      'C /etc/motd',
      'D /etc/os-release',
    ])
    const source = await open('upper', overlaySpec)
    const layers = await containerLayers(source)
    assert.deepEqual(topLayerChanges(layers), podmanDiff)
    assert.equal(await readText(layers, '/srv/new.txt'), 'new\n')
    const size = await run('podman', [...flags, 'ps', '-a', '--size', '--format', '{{.Size}}'])
    assert.match(size, new RegExp(`^${source.container.sizeRw}B \\(virtual `))
  })
})
