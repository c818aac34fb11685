// docker-daemon: against a real dockerd the harness starts (vfs, no networking), loaded with
// `docker load` from skopeo's docker-archive and from a Docker 25 style archive; the real
// `docker save` output of two images; discovery; and daemons that are absent or forbidden.

import { englishImageWarning } from '../../../shared/imageWarningText'
import assert from 'node:assert/strict'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { buildImageGraph } from '../../../electron/image/buildImageGraph'
import { discoverLocalStores } from '../../../electron/stores/discovery/discoverLocalStores'
import { openDockerDaemon } from '../../../electron/stores/docker-daemon/dockerDaemonSource'
import { openLocalSource } from '../../../electron/stores/openLocalSource'
import type { LocalStores, RunningDockerd } from '../../harness/localStores'
import {
  buildLocalStores,
  openAsNobody,
  readImage,
  rejectsWith,
  run,
  startDockerd,
} from '../../harness/localStores'

let stores: LocalStores
let dockerd: RunningDockerd
let env: NodeJS.ProcessEnv
before(async () => {
  stores = await buildLocalStores()
  dockerd = await startDockerd()
  env = { ...process.env, DOCKER_HOST: `unix://${dockerd.socket}` }
  await dockerd.docker(['load', '-i', stores.dockerArchive])
  await dockerd.docker(['load', '-i', stores.dockerArchiveOci])
})
after(async () => {
  await dockerd.stop()
  await stores.cleanup()
})

const daemon = (image: string) => openLocalSource({ transport: 'docker-daemon', image }, { env })

void describe('images in a real Docker daemon', () => {
  void test('open by name and by ID: the original config and diff IDs, a clean graph', async () => {
    for (const expected of [stores.images.v1, stores.images.v2]) {
      for (const name of [expected.name, expected.configDigest]) {
        const source = await daemon(name)
        assert.equal(source.kind, 'docker-daemon')
        assert.match(source.label, new RegExp(`Docker daemon at ${dockerd.socket}: `))
        assert.doesNotMatch(source.label, /manifest synthesized/)
        assert.equal(
          (source.warnings ?? [])
            .map(englishImageWarning)
            .filter((w) => /manifest synthesized/.test(w)).length,
          1,
          'said once',
        )
        const image = await readImage(source)
        assert.equal(image.configDigest, expected.configDigest, name)
        assert.deepEqual(image.layerDiffIds, expected.diffIds, name)
        assert.deepEqual((await buildImageGraph(source)).warnings, source.warnings ?? [], name)
      }
    }
  })

  void test("the daemon's own inspect and history come along; commands name the socket", async () => {
    const source = await openDockerDaemon(stores.images.v2.name, { env })
    assert.equal(source.daemon.inspect.Id, stores.images.v2.configDigest)
    assert.deepEqual(source.daemon.inspect.RootFS?.Layers, stores.images.v2.diffIds)
    assert.ok(source.daemon.history.some((h) => h.CreatedBy === 'ENV APP_MODE=demo'))
    const commands = source.commandsFor({ kind: 'manifest' }).map((c) => c.command)
    assert.ok(
      commands.includes(
        `docker -H unix://${dockerd.socket} image inspect ${stores.images.v2.name}`,
      ),
    )
    const layer = stores.images.v2.diffIds[1] ?? ''
    const blob = source.commandsFor({ kind: 'blob', digest: layer }).map((c) => c.command)
    assert.match(
      blob[0] ?? '',
      /save example\.com\/strata\/app:v2 \| tar -xOf - [a-f0-9]{64}\/layer\.tar \| tar -tv/,
    )
    assert.match(await run('bash', ['-c', blob[0] ?? 'false']), /app\/build-info\.txt/)
  })

  void test('real `docker save` output of two images opens as docker-archive by name or @N', async () => {
    const saved = join(stores.root, 'saved.tar')
    await dockerd.docker(['save', '-o', saved, stores.images.v1.name, stores.images.v2.name])
    for (const [reference, expected] of [
      [stores.images.v2.name, stores.images.v2],
      ['@0', undefined],
    ] as const) {
      const source = await openLocalSource({ transport: 'docker-archive', path: saved, reference })
      const image = await readImage(source)
      const want =
        expected ??
        [stores.images.v1, stores.images.v2].find((i) => i.configDigest === image.configDigest)
      assert.ok(want, reference)
      assert.deepEqual(image.layerDiffIds, want.diffIds, reference)
    }
  })

  void test('discovery lists the daemon and its tags, and its refs open', async () => {
    const found = await discoverLocalStores({
      env: { ...env, CONTAINERS_STORAGE_CONF: join(stores.root, 'none.conf') },
    })
    const docker = found.find((s) => s.kind === 'docker-daemon')
    assert.ok(docker, JSON.stringify(found))
    assert.equal(docker.location, dockerd.socket)
    const v2 = docker.images.find((i) => i.names.includes(stores.images.v2.name))
    assert.equal(v2?.id, stores.images.v2.configDigest)
    assert.equal(v2?.ref, `docker-daemon:${stores.images.v2.name}`)
    assert.equal((await readImage(await daemon(stores.images.v2.name))).configDigest, v2?.id)
  })
})

void describe('daemons that cannot be used', () => {
  void test('no daemon, a dead socket, a tcp:// host, an unknown image', async () => {
    const missing = join(stores.root, 'missing.sock')
    await rejectsWith(
      openLocalSource(
        { transport: 'docker-daemon', image: 'a:1' },
        { env: { DOCKER_HOST: `unix://${missing}` } },
      ),
      'NETWORK',
      new RegExp(`cannot reach the Docker daemon at ${missing} \\(ENOENT\\)`),
    )
    const dead = join(stores.root, 'dead.sock')
    await writeFile(dead, '')
    await rejectsWith(
      openLocalSource(
        { transport: 'docker-daemon', image: 'a:1' },
        { env: { DOCKER_HOST: `unix://${dead}` } },
      ),
      'NETWORK',
      /cannot reach the Docker daemon at .*dead\.sock \(ECONNREFUSED\)/,
    )
    await rejectsWith(
      openLocalSource(
        { transport: 'docker-daemon', image: 'a:1' },
        { env: { DOCKER_HOST: 'tcp://127.0.0.1:2375' } },
      ),
      'BAD_INPUT',
      /over a local unix socket only/,
    )
    await rejectsWith(
      daemon('example.com/strata/app:v9'),
      'NOT_FOUND',
      /has no image example\.com\/strata\/app:v9/,
    )
    const absent = await discoverLocalStores({
      env: { DOCKER_HOST: `unix://${missing}`, CONTAINERS_STORAGE_CONF: missing },
    })
    assert.deepEqual(absent, [])
  })

  void test('a socket the user may not open is FORBIDDEN, checked as an unprivileged user', async () => {
    const result = await openAsNobody(
      { transport: 'docker-daemon', image: stores.images.v1.name },
      { DOCKER_HOST: `unix://${dockerd.socket}` },
    )
    assert.equal(result.code, 'FORBIDDEN', result.message)
    assert.match(
      result.message,
      new RegExp(`permission denied on the Docker socket ${dockerd.socket}`),
    )
  })
})
