// Local stores real tools open that Strata used to refuse or misshow: a skopeo dir: without
// its version file, an OCI layout whose index.json has one bad entry, a Docker 25 style save
// whose index.json says "manifests": null, and the media types of the manifests Strata
// synthesizes (docker-archive, docker-daemon, containers-storage) kept to one family.

import { englishImageWarning } from '../../../shared/imageWarningText'
import assert from 'node:assert/strict'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { buildImageGraph } from '../../../electron/image/buildImageGraph'
import { openLocalSource } from '../../../electron/stores/openLocalSource'
import type { LocalSourceRef } from '../../../electron/stores/openLocalSource'
import { probePath } from '../../../electron/stores/discovery/probePath'
import type { ImageSource } from '../../../electron/sources/imageSource'
import type { LocalStores, RunningDockerd } from '../../harness/localStores'
import {
  buildLocalStores,
  DOCKER_TYPED_NAME,
  readImage,
  rejectsWith,
  run,
  startDockerd,
} from '../../harness/localStores'

const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json'
const DOCKER_CONFIG = 'application/vnd.docker.container.image.v1+json'
const DOCKER_TAR = 'application/vnd.docker.image.rootfs.diff.tar'
const DOCKER_GZIP = 'application/vnd.docker.image.rootfs.diff.tar.gzip'
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json'
const OCI_TAR = 'application/vnd.oci.image.layer.v1.tar'
const OCI_GZIP = 'application/vnd.oci.image.layer.v1.tar+gzip'
const OCI_ZSTD = 'application/vnd.oci.image.layer.v1.tar+zstd'
/** A well-formed media type that names no image. */
const ODD_TYPE = 'application/vnd.example.unknown+json'

let stores: LocalStores
let scratch: string
before(async () => {
  stores = await buildLocalStores()
  scratch = join(stores.root, 'compat')
  await mkdir(scratch)
})
after(async () => {
  await stores.cleanup()
})

const open = (ref: LocalSourceRef) => openLocalSource(ref)

/** Unpacks a tar with GNU tar, lets `edit` change the tree, and packs it again. */
async function retar(from: string, name: string, edit: (dir: string) => Promise<void>) {
  const dir = join(scratch, `${name}.d`)
  await mkdir(dir)
  await run('tar', ['-C', dir, '-xf', from])
  await edit(dir)
  const file = join(scratch, name)
  await run('tar', ['-C', dir, '-cf', file, '.'])
  return file
}

async function editJson(path: string, edit: (value: Record<string, unknown>) => unknown) {
  const value = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>
  await writeFile(path, JSON.stringify(edit(value)))
}

/** skopeo's docker-archive of v1 with its layer tars compressed by the real gzip and zstd. */
async function compressedArchive(
  name: string,
  tools: readonly ('gzip' | 'zstd')[],
): Promise<ImageSource> {
  const archive = await retar(stores.dockerArchive, name, async (dir) => {
    const path = join(dir, 'manifest.json')
    const [entry] = JSON.parse(await readFile(path, 'utf8')) as { Layers: string[] }[]
    assert.ok(entry)
    const layers: string[] = []
    for (const [position, layer] of entry.Layers.entries()) {
      if (tools[position] === 'zstd') {
        await run('zstd', ['-q', '--rm', join(dir, layer)])
        layers.push(`${layer}.zst`)
      } else {
        await run('gzip', ['-n', join(dir, layer)])
        layers.push(`${layer}.gz`)
      }
    }
    await writeFile(path, JSON.stringify([{ ...entry, Layers: layers }]))
  })
  return openLocalSource({ transport: 'docker-archive', path: archive })
}

/** [manifest, config, ...layers] media types of the image a source opens. */
async function mediaTypesOf(source: ImageSource): Promise<string[]> {
  const root = await source.resolve()
  const { parsed } = await source.fetchManifest(root)
  assert.equal(parsed.kind, 'manifest', source.ref)
  if (parsed.kind !== 'manifest') return []
  const { config, layers } = parsed.document
  assert.equal(parsed.mediaType, root.mediaType, 'the descriptor and the document agree')
  return [root.mediaType, config.mediaType, ...layers.map((layer) => layer.mediaType)]
}

void describe('a skopeo dir: without its version file', () => {
  void test('opens like skopeo reads it, with a warning the graph carries', async () => {
    const dir = join(scratch, 'no-version.dir')
    await run('skopeo', ['copy', '-q', `oci:${stores.ociLayout}:v1`, `dir:${dir}`])
    await rm(join(dir, 'version'))
    // skopeo itself still reads it.
    const raw = await run('skopeo', ['inspect', '--raw', `dir:${dir}`])
    const source = await open({ transport: 'dir', path: dir })
    assert.equal((await source.resolve()).digest, stores.images.v1.manifestDigest)
    assert.equal(
      new TextDecoder().decode((await source.fetchManifest(await source.resolve())).bytes),
      raw,
    )
    const image = await readImage(source)
    assert.equal(image.configDigest, stores.images.v1.configDigest)
    assert.deepEqual(image.layerDiffIds, stores.images.v1.diffIds)
    assert.equal(source.warnings?.length, 1)
    assert.match(
      (source.warnings ?? []).map(englishImageWarning)[0] ?? '',
      /no-version\.dir has no version file; read as a skopeo dir:/,
    )
    const graph = await buildImageGraph(source)
    assert.deepEqual(graph.warnings, source.warnings)
    assert.equal(graph.nodes.length, 4, 'manifest, config and two layers')
    assert.equal((await probePath(dir)).ref, `dir:${dir}`)
  })

  void test('a directory with neither a version file nor manifest.json is still refused', async () => {
    const empty = join(scratch, 'empty.dir')
    await mkdir(empty)
    await rejectsWith(
      open({ transport: 'dir', path: empty }),
      'BAD_INPUT',
      /is not a skopeo dir: it has no version file and no manifest\.json/,
    )
  })
})

void describe('an OCI layout with one bad entry in index.json', () => {
  const missing = `sha256:${'e'.repeat(64)}`
  const badType = `sha256:${'b'.repeat(64)}`
  const oddType = `sha256:${'d'.repeat(64)}`
  let layout: string
  let archive: string
  before(async () => {
    layout = join(scratch, 'bad-entry.layout')
    for (const tag of ['v1', 'v2']) {
      await run('skopeo', ['copy', '-q', `oci:${stores.ociLayout}:${tag}`, `oci:${layout}:${tag}`])
    }
    const named = (name: string) => ({ 'org.opencontainers.image.ref.name': name })
    await editJson(join(layout, 'index.json'), (index) => ({
      ...index,
      manifests: [
        ...(index.manifests as unknown[]),
        { mediaType: 'text', digest: badType, size: 10, annotations: named('bad-type') },
        { mediaType: OCI_MANIFEST, digest: missing, size: 500, annotations: named('gone') },
        { mediaType: ODD_TYPE, digest: oddType, size: 2, annotations: named('odd') },
      ],
    }))
    archive = join(scratch, 'bad-entry.oci.tar')
    await run('tar', ['-C', layout, '-cf', archive, '.'])
  })

  const refs = (reference?: string): LocalSourceRef[] => [
    { transport: 'oci', path: layout, ...(reference ? { reference } : {}) },
    { transport: 'oci-archive', path: archive, ...(reference ? { reference } : {}) },
  ]

  void test('the good images open and read back', async () => {
    for (const tag of ['v1', 'v2'] as const) {
      for (const ref of refs(tag)) {
        const image = await readImage(await open(ref))
        assert.equal(image.configDigest, stores.images[tag].configDigest, ref.transport)
        assert.deepEqual(image.layerDiffIds, stores.images[tag].diffIds, ref.transport)
      }
    }
  })

  void test('the listing shows both good images and reports both bad entries', async () => {
    for (const ref of refs()) {
      const source = await open(ref)
      const graph = await buildImageGraph(source)
      const manifests = graph.nodes.filter((node) => node.role === 'platform')
      const good = manifests.filter((node) => node.documentError === undefined)
      assert.deepEqual(
        good.map((node) => node.digest).sort(),
        [stores.images.v1.manifestDigest, stores.images.v2.manifestDigest].sort(),
        ref.transport,
      )
      const gone = manifests.find((node) => node.digest === missing)
      assert.equal(gone?.documentError?.code, 'NOT_FOUND', ref.transport)
      assert.ok(
        graph.warnings
          .map(englishImageWarning)
          .some((w) =>
            /entry 2 \("bad-type", sha256:b{64}\) is broken .*mediaType is not a media type/.test(
              w,
            ),
          ),
        graph.warnings.map(englishImageWarning).join('\n'),
      )
      assert.ok(
        graph.warnings.map(englishImageWarning).some((w) => w.includes(missing)),
        graph.warnings.map(englishImageWarning).join('\n'),
      )
      assert.ok(
        graph.warnings
          .map(englishImageWarning)
          .some((w) =>
            /entry 4 \("odd", sha256:d{64}\) is broken .*not an image manifest or index/.test(w),
          ),
        graph.warnings.map(englishImageWarning).join('\n'),
      )
    }
  })

  void test('opening a bad entry says what is wrong with it', async () => {
    // By its ref name and by its digest, in the directory and in a tar of it.
    for (const ref of [...refs('bad-type'), ...refs(badType)]) {
      await rejectsWith(
        open(ref),
        'MALFORMED',
        /index\.json.* entry 2 \("bad-type", sha256:b{64}\) cannot be opened: mediaType is not a media type/,
      )
    }
    for (const ref of refs('odd')) {
      await rejectsWith(
        open(ref),
        'UNSUPPORTED_MEDIA_TYPE',
        /entry 4 \("odd", sha256:d{64}\) cannot be opened: its media type ".*" is not an image manifest or index/,
      )
    }
    for (const ref of refs('gone')) {
      const source = await open(ref)
      await rejectsWith(buildImageGraph(source), 'NOT_FOUND', new RegExp(missing.slice(7)))
    }
  })
})

void describe('docker save archives whose index.json is broken', () => {
  void test('"manifests": null falls back to manifest.json, as docker load does', async () => {
    const archive = await retar(stores.dockerArchiveOci, 'null-manifests.tar', (dir) =>
      editJson(join(dir, 'index.json'), (index) => ({ ...index, manifests: null })),
    )
    assert.equal((await probePath(archive)).ref, `docker-archive:${archive}`)
    for (const tag of ['v1', 'v2'] as const) {
      const expected = stores.images[tag]
      const source = await open({
        transport: 'docker-archive',
        path: archive,
        reference: expected.name,
      })
      const image = await readImage(source)
      assert.equal(image.configDigest, expected.configDigest)
      assert.deepEqual(image.layerDiffIds, expected.diffIds)
      assert.doesNotMatch(source.label, /manifest synthesized by Strata/)
      assert.equal(
        (source.warnings ?? [])
          .map(englishImageWarning)
          .filter((w) => /manifest synthesized by Strata/.test(w)).length,
        1,
        'said once',
      )
      assert.ok(
        (source.warnings ?? [])
          .map(englishImageWarning)
          .some((w) => /OCI layout is unreadable .*manifests must be an array/.test(w)),
        (source.warnings ?? []).map(englishImageWarning).join('\n'),
      )
      assert.deepEqual(await mediaTypesOf(source), [
        DOCKER_MANIFEST,
        DOCKER_CONFIG,
        DOCKER_TAR,
        DOCKER_TAR,
      ])
      assert.deepEqual((await buildImageGraph(source)).warnings, source.warnings)
    }
  })
})

void describe('synthesized manifests keep one family of media types', () => {
  let dockerd: RunningDockerd
  before(async () => {
    dockerd = await startDockerd()
    await dockerd.docker(['load', '-i', stores.dockerArchive])
  })
  after(async () => {
    await dockerd.stop()
  })

  void test('docker-archive: Docker types for tar and gzip layers, OCI types once one is zstd', async () => {
    const plain = await open({ transport: 'docker-archive', path: stores.dockerArchive })
    assert.deepEqual(await mediaTypesOf(plain), [
      DOCKER_MANIFEST,
      DOCKER_CONFIG,
      DOCKER_TAR,
      DOCKER_TAR,
    ])

    const gzip = await compressedArchive('gzip-layers.tar', ['gzip', 'gzip'])
    assert.deepEqual(await mediaTypesOf(gzip), [
      DOCKER_MANIFEST,
      DOCKER_CONFIG,
      DOCKER_GZIP,
      DOCKER_GZIP,
    ])
    assert.deepEqual((await readImage(gzip)).layerDiffIds, stores.images.v1.diffIds)
    const zstd = await compressedArchive('zstd-layer.tar', ['gzip', 'zstd'])
    assert.deepEqual(await mediaTypesOf(zstd), [OCI_MANIFEST, OCI_CONFIG, OCI_GZIP, OCI_ZSTD])
    assert.deepEqual((await buildImageGraph(zstd)).warnings, zstd.warnings)
  })

  void test('docker-daemon: the export gets Docker types', async () => {
    const env = { ...process.env, DOCKER_HOST: `unix://${dockerd.socket}` }
    const source = await openLocalSource(
      { transport: 'docker-daemon', image: stores.images.v1.name },
      { env },
    )
    assert.doesNotMatch(source.label, /manifest synthesized/)
    assert.equal(
      (source.warnings ?? []).map(englishImageWarning).filter((w) => /manifest synthesized/.test(w))
        .length,
      1,
      'said once',
    )
    assert.deepEqual(await mediaTypesOf(source), [
      DOCKER_MANIFEST,
      DOCKER_CONFIG,
      DOCKER_TAR,
      DOCKER_TAR,
    ])
  })

  void test('containers-storage: rewritten layers take the stored manifest family', async () => {
    const inVfs = (image: string) =>
      openLocalSource({ transport: 'containers-storage', store: stores.vfs, image })
    const docker = await inVfs(DOCKER_TYPED_NAME)
    assert.doesNotMatch(docker.label, /layers served uncompressed/)
    assert.equal(
      (docker.warnings ?? []).filter((w) => w.kind === 'uncompressedLayers').length,
      1,
      'said once',
    )
    assert.deepEqual(await mediaTypesOf(docker), [
      DOCKER_MANIFEST,
      DOCKER_CONFIG,
      DOCKER_TAR,
      DOCKER_TAR,
    ])
    const oci = await inVfs(stores.images.v2.name)
    assert.deepEqual(await mediaTypesOf(oci), [OCI_MANIFEST, OCI_CONFIG, OCI_TAR, OCI_TAR])
    for (const source of [docker, oci]) {
      const image = await readImage(source)
      assert.deepEqual(image.layerDiffIds, image.configDiffIds, source.ref)
    }
  })
})
