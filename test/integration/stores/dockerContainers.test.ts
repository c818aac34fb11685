// Containers of a real dockerd (the harness's own, vfs, no networking): `docker create` (never
// started) and `docker cp` put files into the writable layer, one over an image file (changed)
// and new ones (added). Strata's changes and sizes must equal `docker diff` and
// `docker ps -a -s`, file contents come through, and a removed container is said to be gone.
// Deletions cannot be made with docker cp; storageContainers.test.ts covers them.

import { englishImageWarning } from '../../../shared/imageWarningText'
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { buildImageGraph } from '../../../electron/image/buildImageGraph'
import { discoverLocalStores } from '../../../electron/stores/discovery/discoverLocalStores'
import type { ContainerSource } from '../../../electron/stores/containers/containerSource'
import { LIVE_LAYER_ANNOTATION } from '../../../electron/stores/containers/containerSource'
import { DockerDaemonClient } from '../../../electron/stores/docker-daemon/dockerDaemonClient'
import { listDockerContainers } from '../../../electron/stores/docker-daemon/dockerContainers'
import { openLocalSource } from '../../../electron/stores/openLocalSource'
import type { LocalSourceRef } from '../../../electron/sources/openSource'
import { parseSourceRef } from '../../../shared/sourceRef'
import type { ContainerImageLayout } from '../../harness/containerFixtures'
import {
  CONTAINER_IMAGE,
  dockerContainerWithFiles,
  writeContainerImage,
} from '../../harness/containerFixtures'
import {
  containerLayers,
  diffLines,
  readText,
  topLayerChanges,
} from '../../harness/containerLayers'
import type { RunningDockerd } from '../../harness/localStores'
import { rejectsWith, startDockerd } from '../../harness/localStores'

let image: ContainerImageLayout
let dockerd: RunningDockerd
let env: NodeJS.ProcessEnv
before(async () => {
  image = await writeContainerImage()
  dockerd = await startDockerd()
  env = { ...process.env, DOCKER_HOST: `unix://${dockerd.socket}` }
  await dockerContainerWithFiles(dockerd, image, 'web')
  await dockerd.docker(['create', '--name', 'doomed', '--network', 'none', CONTAINER_IMAGE])
})
after(async () => {
  await dockerd.stop()
  await image.cleanup()
})

const open = async (name: string): Promise<ContainerSource> =>
  (await openLocalSource(parseSourceRef(`container:docker-daemon:${name}`) as LocalSourceRef, {
    env,
  })) as ContainerSource

interface PsRow {
  readonly Names: string
  readonly Size: string
}

void describe('containers of a real Docker daemon', () => {
  void test('the writable layer on top: changes equal docker diff, files readable', async () => {
    const source = await open('web')
    assert.equal(source.kind, 'docker-daemon')
    assert.equal(source.ref, 'container:docker-daemon:web')
    assert.equal(source.container.name, 'web')
    assert.equal(source.container.image, CONTAINER_IMAGE)
    assert.equal(source.container.state, 'created')
    assert.match(source.liveLayer.annotations?.[LIVE_LAYER_ANNOTATION] ?? '', /^live layer/)

    const layers = await containerLayers(source)
    assert.equal(layers.layerCount, 3, 'two image layers and the writable layer')
    const dockerDiff = diffLines(await dockerd.docker(['diff', 'web']))
    assert.ok(dockerDiff.includes('C /etc/motd'), dockerDiff.join(' '))
    assert.ok(dockerDiff.includes('A /app/notes.txt'))
    assert.ok(dockerDiff.includes('A /srv/table.csv'))
    assert.deepEqual(topLayerChanges(layers), dockerDiff)
    assert.equal(await readText(layers, '/app/notes.txt'), 'added by docker cp\n')
    const notes = layers.lookup('/app/notes.txt')?.entry
    assert.deepEqual([notes?.uid, notes?.gid], [1234, 5678], 'the owner docker cp -a kept')
    assert.equal(
      await readText(layers, '/etc/motd'),
      'Changed by docker cp, a longer message than before.\n',
    )
    assert.equal(await readText(layers, '/srv/table.csv'), 'a,b\n1,2\n')

    // The graph: the image's manifest with the live layer last, labelled as such.
    const graph = await buildImageGraph(source)
    const top = graph.nodes.find((n) => n.digest === source.liveLayer.digest)
    assert.equal(
      top?.annotations?.[LIVE_LAYER_ANNOTATION],
      source.liveLayer.annotations?.[LIVE_LAYER_ANNOTATION],
    )
    assert.ok(
      graph.warnings
        .map(englishImageWarning)
        .some((w) => /writable layer: a live layer, not content-addressed/.test(w)),
    )
    const commands = source.commandsFor({ kind: 'blob', digest: source.liveLayer.digest })
    assert.ok(commands.some((c) => c.command === `docker -H unix://${dockerd.socket} diff web`))
  })

  void test('sizes equal docker ps -a -s', async () => {
    const client = new DockerDaemonClient(dockerd.socket)
    try {
      const listed = await listDockerContainers(client)
      const rows = (await dockerd.docker(['ps', '-a', '-s', '--format', '{{json .}}']))
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as PsRow)
      const raw: unknown = JSON.parse(
        await dockerd.docker(['inspect', '--size', 'web', '--format', '{{json .}}']),
      )
      const sizes = raw as { SizeRw?: number; SizeRootFs?: number }
      const web = listed.find((c) => c.name === 'web')
      assert.equal(web?.sizeRw, sizes.SizeRw)
      assert.equal(web?.sizeRootFs, sizes.SizeRootFs)
      assert.ok((web?.sizeRw ?? 0) > 0)
      assert.equal(web?.ref, 'container:docker-daemon:web')
      assert.deepEqual(listed.map((c) => c.name).sort(), rows.map((r) => r.Names).sort())
      // docker ps -s prints "SIZE_RW (virtual SIZE_ROOTFS)" in its own units; these are bytes.
      assert.ok((web?.sizeRootFs ?? 0) < 1000 && (web?.sizeRw ?? 0) < 1000)
      assert.equal(
        rows.find((r) => r.Names === 'web')?.Size,
        `${web?.sizeRw}B (virtual ${web?.sizeRootFs}B)`,
      )
      assert.equal((await open('web')).container.sizeRw, sizes.SizeRw)
      // The sidebar's discovery lists them under the daemon.
      const found = await discoverLocalStores({
        env: { ...env, CONTAINERD_ADDRESS: '/nonexistent/containerd.sock' },
      })
      const daemon = found.find((store) => store.kind === 'docker-daemon')
      assert.deepEqual(
        daemon?.containers?.find((c) => c.name === 'web'),
        web,
      )
    } finally {
      await client.close()
    }
  })

  void test('a container removed meanwhile is said to be gone', async () => {
    const source = await open('doomed')
    await dockerd.docker(['rm', 'doomed'])
    await rejectsWith(source.openBlob(source.liveLayer), 'NOT_FOUND', /container .* is gone/)
    await rejectsWith(open('doomed'), 'NOT_FOUND', /container doomed is gone/)
  })
})
