// containers-storage: stores filled by skopeo (vfs, and overlay through a storage.conf), a
// container made by podman, the storage view, discovery, and damaged or busy stores.

import { englishImageWarning } from '../../../shared/imageWarningText'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { appendFile, chmod, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { buildImageGraph } from '../../../electron/image/buildImageGraph'
import { describeStorage } from '../../../electron/stores/containers-storage/describeStorage'
import { discoverLocalStores } from '../../../electron/stores/discovery/discoverLocalStores'
import { openLocalSource } from '../../../electron/stores/openLocalSource'
import {
  defaultStorageSettings,
  parseStorageConf,
} from '../../../electron/stores/containers-storage/storageConf'
import type { LocalStores, StoreSpec } from '../../harness/localStores'
import {
  buildLocalStores,
  DOCKER_TYPED_NAME,
  openAsNobody,
  readImage,
  rejectsWith,
  run,
} from '../../harness/localStores'

let stores: LocalStores
let env: NodeJS.ProcessEnv
before(async () => {
  stores = await buildLocalStores()
  env = { ...process.env, CONTAINERS_STORAGE_CONF: stores.storageConf }
})
after(async () => {
  await stores.cleanup()
})

/** podman on the overlay store, keeping even its temp files inside the test's directory. */
const podman = (args: readonly string[]) =>
  run('podman', ['--tmpdir', join(stores.root, 'podman-tmp'), ...args], {
    CONTAINERS_STORAGE_CONF: stores.storageConf,
  })
const inStore = (store: StoreSpec, image: string) =>
  openLocalSource({ transport: 'containers-storage', store, image }, { env })
const byConf = (image: string) =>
  openLocalSource({ transport: 'containers-storage', image }, { env })

void describe('images in containers-storage', () => {
  for (const driver of ['vfs', 'overlay'] as const) {
    void test(`${driver}: every image reads back with the original config and diff IDs`, async () => {
      const store = driver === 'vfs' ? stores.vfs : stores.overlay
      for (const [name, expected] of [
        ['example.com/strata/app:v1', stores.images.v1],
        ['example.com/strata/app:v2', stores.images.v2],
        [DOCKER_TYPED_NAME, stores.images.v1],
      ] as const) {
        const source = await inStore(store, name)
        const image = await readImage(source)
        assert.equal(image.configDigest, expected.configDigest, name)
        assert.deepEqual(image.configDiffIds, expected.diffIds, name)
        assert.deepEqual(image.layerDiffIds, expected.diffIds, name)
        assert.deepEqual((await buildImageGraph(source)).warnings, source.warnings ?? [], name)
      }
    })
  }

  void test('layers are served uncompressed by diff digest; the stored manifest stays readable', async () => {
    const source = await byConf('example.com/strata/app:v2')
    assert.match(source.label, /containers-storage .*overlay\/graph \(overlay\)/)
    assert.doesNotMatch(source.label, /layers served uncompressed by their diff digests/)
    assert.equal(
      (source.warnings ?? [])
        .map(englishImageWarning)
        .filter((w) => /layers served uncompressed by their diff digests/.test(w)).length,
      1,
      'said once',
    )
    const image = await readImage(source)
    assert.deepEqual(
      image.manifest.layers.map((l) => [l.mediaType, l.digest]),
      stores.images.v2.diffIds.map((d) => ['application/vnd.oci.image.layer.v1.tar', d]),
    )
    const stored = await source.fetchManifest({
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest: stores.images.v2.manifestDigest,
      size: -1,
    })
    assert.equal(stored.parsed.kind, 'manifest')
    const gzipLayer =
      stored.parsed.kind === 'manifest' ? stored.parsed.document.layers[0] : undefined
    assert.ok(gzipLayer)
    await rejectsWith(
      source.openBlob(gzipLayer),
      'NOT_FOUND',
      /keeps layer [a-f0-9]{64} only unpacked: its compressed blob .* cannot be reproduced/,
    )
    const commands = source.commandsFor({ kind: 'blob', digest: stores.images.v2.diffIds[1] ?? '' })
    assert.ok(commands.some((c) => c.command.startsWith('jq \'.[] | select(.id == "')))
    // skopeo, run as suggested, prints the stored manifest Strata also serves.
    const [raw] = source.commandsFor({ kind: 'manifest' })
    assert.equal(
      raw?.command,
      `skopeo inspect --raw containers-storage:${stores.images.v2.name} | jq .`,
    )
    const printed: unknown = JSON.parse(await run('bash', ['-c', raw.command], env))
    assert.deepEqual(printed, JSON.parse(new TextDecoder().decode(stored.bytes)))
  })

  void test('names resolve like podman: short names, IDs, name@digest, Docker-typed manifests', async () => {
    const v1 = stores.images.v1
    const id = v1.configDigest.slice(7)
    for (const name of [
      'app:v2',
      'example.com/strata/app:v2',
      stores.images.v2.configDigest,
      stores.images.v2.configDigest.slice(7, 19),
    ]) {
      assert.equal(
        (await readImage(await byConf(name))).configDigest,
        stores.images.v2.configDigest,
        name,
      )
    }
    // v1 and v1-docker are one image (one config) holding two manifests.
    const pinned = await byConf(`example.com/strata/app@${v1.manifestDigest}`)
    assert.equal(
      (await pinned.fetchManifest(await pinned.resolve())).parsed.mediaType,
      'application/vnd.oci.image.manifest.v1+json',
    )
    const docker = await byConf(DOCKER_TYPED_NAME)
    assert.equal(
      (await docker.resolve()).mediaType,
      'application/vnd.docker.distribution.manifest.v2+json',
    )
    assert.equal((await readImage(await byConf(id))).configDigest, v1.configDigest)
  })
})

void describe('the storage view and discovery', () => {
  void test('describeStorage shows ids, digests, overlay directories, l/ links and who uses what', async () => {
    await podman([
      'create',
      '--net',
      'none',
      '--name',
      'strata-c1',
      stores.images.v1.name,
      '/app/run',
    ])
    const view = await describeStorage({ env })
    assert.equal(view.driver, 'overlay')
    assert.deepEqual(view.configFiles, [stores.storageConf])
    const v1 = view.images.find((i) => i.names.includes(stores.images.v1.name))
    const v2 = view.images.find((i) => i.names.includes(stores.images.v2.name))
    assert.ok(v1 && v2)
    assert.deepEqual([...v1.namesHistory].sort(), [DOCKER_TYPED_NAME, stores.images.v1.name].sort())
    assert.equal(v1.id, stores.images.v1.configDigest.slice(7))
    assert.ok(
      v1.bigData.some(
        (b) =>
          b.key === stores.images.v1.configDigest &&
          b.path.endsWith(`/=${Buffer.from(b.key).toString('base64')}`),
      ),
    )
    const base = view.layers.find((l) => l.id === v1.layerIds[0])
    assert.ok(base)
    assert.equal(base.diffDigest, stores.images.v1.diffIds[0])
    assert.notEqual(base.compressedDiffDigest, base.diffDigest, 'pulled as gzip')
    assert.deepEqual(
      [...base.usedByImages].sort(),
      [v1.id, v2.id].sort(),
      'the base layer is shared',
    )
    const container = view.containers.find((c) => c.names.includes('strata-c1'))
    assert.ok(container)
    const writable = view.layers.find((l) => l.id === container.layer)
    assert.ok(writable?.containerLayer)
    assert.deepEqual(base.usedByContainers, [container.id])
    const top = view.layers.find((l) => l.id === v2.layerIds[1])
    assert.ok(top?.directories.shortName && base.directories.shortName)
    assert.deepEqual(top.directories.lowerLinks, [`l/${base.directories.shortName}`])
    const link = view.shortLinks.find((l) => l.name === base.directories.shortName)
    assert.equal(link?.layerId, base.id)
    assert.ok(writable.directories.work && writable.directories.merged !== undefined)
  })

  void test('podman agrees, and is not blocked while Strata streams a layer', async () => {
    const source = await byConf(stores.images.v2.name)
    const root = await source.fetchManifest(await source.resolve())
    const layer = root.parsed.kind === 'manifest' ? root.parsed.document.layers[0] : undefined
    assert.ok(layer)
    const stream = await source.openBlob(layer)
    stream.pause()
    const started = Date.now()
    const listed = JSON.parse(await podman(['images', '--format', 'json'])) as { Id: string }[]
    assert.ok(Date.now() - started < 10_000)
    assert.ok(listed.some((image) => `sha256:${image.Id}` === stores.images.v2.configDigest))
    stream.destroy()
  })

  void test('discovery lists the configured store with its images; a missing store is absent', async () => {
    const found = await discoverLocalStores({
      env: { ...env, DOCKER_HOST: 'unix:///nonexistent/docker.sock' },
    })
    assert.equal(found.length, 1, JSON.stringify(found))
    const [store] = found
    assert.equal(store?.location, stores.overlay.graphRoot)
    const v2 = store?.images.find((i) => i.names.includes(stores.images.v2.name))
    assert.equal(v2?.id, stores.images.v2.configDigest)
    assert.equal(v2?.ref, `containers-storage:${stores.images.v2.name}`)
    const empty = join(stores.root, 'empty-conf')
    await writeFile(empty, `[storage]\ngraphroot = "${join(stores.root, 'nothing-here')}"\n`)
    assert.deepEqual(
      await discoverLocalStores({
        env: { CONTAINERS_STORAGE_CONF: empty, DOCKER_HOST: 'unix:///nonexistent' },
      }),
      [],
    )
  })

  void test('storage.conf is read like c/storage: tables, quotes, comments, rootless paths', async () => {
    const text =
      '# c\n[storage]\ndriver = "vfs" # x\ngraphroot = \'/a # b\'\n[storage.options]\nmount_program = "/x"\nadditionalimagestores = [\n "/y",\n]\n[other]\nrunroot = "/no"\n'
    assert.deepEqual(parseStorageConf(text), { driver: 'vfs', graphroot: '/a # b' })
    const home = join(stores.root, 'home')
    await mkdir(join(home, '.config/containers'), { recursive: true })
    const settings = await defaultStorageSettings({
      env: { HOME: home, XDG_RUNTIME_DIR: '/run/user/1000' },
      uid: 1000,
    })
    assert.equal(settings.graphRoot, join(home, '.local/share/containers/storage'))
    assert.equal(settings.runRoot, '/run/user/1000/containers')
    await writeFile(
      join(home, '.config/containers/storage.conf'),
      '[storage]\ndriver="overlay"\ngraphroot="/srv/mine"\n',
    )
    const own = await defaultStorageSettings({ env: { HOME: home }, uid: 1000 })
    assert.deepEqual([own.graphRoot, own.driver, own.rootless], ['/srv/mine', 'overlay', true])
  })
})

void describe('bad stores', () => {
  void test('missing roots, empty roots, unknown drivers and unknown images', async () => {
    const missing = join(stores.root, 'no-such-graph')
    await rejectsWith(
      inStore({ ...stores.vfs, graphRoot: missing }, 'x'),
      'NOT_FOUND',
      /no-such-graph does not exist \(expected a containers-storage graph root/,
    )
    const empty = join(stores.root, 'empty-graph')
    await mkdir(empty)
    await rejectsWith(
      openLocalSource({ transport: 'containers-storage', store: { graphRoot: empty }, image: 'x' }),
      'NOT_FOUND',
      /holds no image store/,
    )
    const btrfs = openLocalSource({
      transport: 'containers-storage',
      store: { driver: 'btrfs', graphRoot: stores.vfs.graphRoot },
      image: 'x',
    })
    await rejectsWith(
      btrfs,
      'BAD_INPUT',
      /uses the "btrfs" driver; Strata reads the overlay and vfs drivers/,
    )
    const bogus = openLocalSource({
      transport: 'containers-storage',
      store: { driver: 'bogus', graphRoot: stores.vfs.graphRoot },
      image: 'x',
    })
    await rejectsWith(bogus, 'BAD_INPUT', /unknown storage driver "bogus"/)
    await rejectsWith(
      inStore(stores.vfs, 'other:1'),
      'NOT_FOUND',
      /no image "other:1" in the containers storage at .*; it has example\.com\/strata\/app/,
    )
  })

  void test('a store being written is UNAVAILABLE, naming the lock and the process', async () => {
    const lock = join(stores.vfs.graphRoot, 'vfs-layers/layers.lock')
    const holder = spawn(
      'python3',
      [
        '-c',
        'import fcntl,sys,time\nf=open(sys.argv[1],"r+")\nfcntl.lockf(f,fcntl.LOCK_EX)\nprint("held",flush=True)\ntime.sleep(60)',
        lock,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    )
    try {
      await new Promise((resolve) => holder.stdout.once('data', resolve))
      await rejectsWith(
        inStore(stores.vfs, stores.images.v1.name),
        'UNAVAILABLE',
        new RegExp(`is locked: process ${holder.pid} holds a write lock on .*layers\\.lock`),
      )
    } finally {
      holder.kill()
    }
    await new Promise((resolve) => holder.once('exit', resolve))
    await readImage(await inStore(stores.vfs, stores.images.v1.name))
  })

  void test('damaged layers and manifests are refused, naming the file', async () => {
    const copy = join(stores.root, 'vfs-copy')
    await run('cp', ['-a', stores.vfs.graphRoot, copy])
    const store: StoreSpec = { ...stores.vfs, graphRoot: copy }
    const source = await inStore(store, stores.images.v1.name)
    const layers = (await readImage(source)).manifest.layers
    const view = await describeStorage({ store })
    const top = view.layers.find((l) => l.diffDigest === stores.images.v1.diffIds[1])
    assert.ok(top)
    const info = join(top.directories.diff, 'app/build-info.txt')
    const text = await readFile(info, 'utf8')
    await writeFile(info, text.toUpperCase())
    await rejectsWith(
      readImage(source),
      'DIGEST_MISMATCH',
      new RegExp(`layer ${top.id} \\(rebuilt from .*\\) hashes to`),
    )
    await rm(info)
    const appLayer = layers[1]
    assert.ok(appLayer)
    const drain = async (): Promise<unknown> => {
      const stream = await source.openBlob(appLayer)
      return new Promise((resolve, reject) =>
        stream.on('error', reject).on('end', resolve).resume(),
      )
    }
    await rejectsWith(
      drain(),
      'NOT_FOUND',
      /build-info\.txt does not exist \(expected a file of layer/,
    )
    // A directory swapped for a symlink to the host is refused, not followed out of the layer.
    const outside = join(stores.root, 'outside')
    await mkdir(outside)
    await writeFile(join(outside, 'run'), 'host secret\n')
    await run('mv', [join(top.directories.diff, 'app'), join(stores.root, 'app-moved')])
    await symlink(outside, join(top.directories.diff, 'app'))
    await rejectsWith(
      drain(),
      'MALFORMED',
      /app is a symlink where layer .* expects a file or directory; refused/,
    )
    const image = view.images.find((i) => i.names.includes(stores.images.v1.name))
    const manifest = image?.bigData.find((b) => b.key === 'manifest')
    assert.ok(manifest)
    await appendFile(manifest.path, ' ')
    await rejectsWith(
      inStore(store, stores.images.v1.name),
      'DIGEST_MISMATCH',
      /manifest hashes to .* but images\.json records/,
    )
  })

  void test('permission denied is FORBIDDEN, checked as an unprivileged user', async () => {
    await chmod(stores.root, 0o755)
    await chmod(join(stores.root, 'vfs'), 0o755)
    const result = await openAsNobody({
      transport: 'containers-storage',
      store: stores.vfs,
      image: stores.images.v1.name,
    })
    assert.equal(result.code, 'FORBIDDEN', result.message)
    assert.match(result.message, /permission denied reading .*vfs\/graph/)
  })
})
