// oci-archive:, docker-archive: and dir: against stores written by skopeo (and a Docker 25
// style archive checked by skopeo), then the tar reader on archives GNU tar wrote, and damaged
// copies: truncated, compressed, missing members, flipped bytes, names that climb out.

import { englishImageWarning } from '../../../shared/imageWarningText'
import assert from 'node:assert/strict'
import { chmod, copyFile, mkdir, readFile, rm, truncate, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { buildImageGraph } from '../../../electron/image/buildImageGraph'
import { openLocalSource } from '../../../electron/stores/openLocalSource'
import type { LocalSourceRef } from '../../../electron/stores/openLocalSource'
import { indexTarFile } from '../../../electron/stores/archive/tarFileIndex'
import type { LocalStores } from '../../harness/localStores'
import {
  buildLocalStores,
  openAsNobody,
  readImage,
  rejectsWith,
  run,
} from '../../harness/localStores'

let stores: LocalStores
let scratch: string
before(async () => {
  stores = await buildLocalStores()
  scratch = join(stores.root, 'scratch')
  await mkdir(scratch)
})
after(async () => {
  await stores.cleanup()
})

const open = (ref: LocalSourceRef) => openLocalSource(ref)

/** Flips one byte in the middle of `needle`'s first occurrence inside `file`. */
async function flipByteOf(file: string, needle: Uint8Array): Promise<void> {
  const bytes = await readFile(file)
  const at = bytes.indexOf(needle)
  assert.ok(at >= 0, 'the blob is stored as is in the file')
  const middle = at + Math.floor(needle.length / 2)
  bytes[middle] = (bytes[middle] ?? 0) ^ 0xff
  await writeFile(file, bytes)
}

const layoutBlob = (digest: string): Promise<Buffer> =>
  readFile(join(stores.ociLayout, 'blobs/sha256', digest.slice(7)))

void describe('archives and dirs written by skopeo open as the same image', () => {
  const cases: [string, () => LocalSourceRef][] = [
    [
      'oci-archive with a ref',
      () => ({ transport: 'oci-archive', path: stores.ociArchive, reference: 'v1' }),
    ],
    ['oci-archive without one', () => ({ transport: 'oci-archive', path: stores.ociArchive })],
    [
      'docker-archive (skopeo)',
      () => ({ transport: 'docker-archive', path: stores.dockerArchive }),
    ],
    [
      'docker-archive by name',
      () => ({
        transport: 'docker-archive',
        path: stores.dockerArchive,
        reference: 'example.com/strata/app:v1',
      }),
    ],
    [
      'Docker 25 archive, @0',
      () => ({ transport: 'docker-archive', path: stores.dockerArchiveOci, reference: '@0' }),
    ],
    ['dir', () => ({ transport: 'dir', path: stores.dir })],
  ]
  for (const [name, ref] of cases) {
    void test(name, async () => {
      const source = await open(ref())
      const image = await readImage(source)
      assert.equal(image.configDigest, stores.images.v1.configDigest)
      assert.deepEqual(image.configDiffIds, stores.images.v1.diffIds)
      assert.deepEqual(image.layerDiffIds, stores.images.v1.diffIds)
      const graph = await buildImageGraph(source)
      assert.deepEqual(graph.warnings, source.warnings ?? [], 'only what the source says of itself')
      assert.equal(graph.nodes.length, 4, 'manifest, config and two layers')
      assert.ok(source.commandsFor({ kind: 'manifest' }).length > 0)
    })
  }

  void test('oci-archive and dir serve the original manifest, byte for byte', async () => {
    for (const ref of [
      { transport: 'oci-archive', path: stores.ociArchive, reference: 'v1' },
      { transport: 'dir', path: stores.dir },
    ] as const) {
      const source = await open(ref)
      const root = await source.resolve()
      assert.equal(root.digest, stores.images.v1.manifestDigest)
      // A digest alone (size -1, as when the user clicks one) is verified and sized.
      const bare = {
        mediaType: 'application/json',
        digest: stores.images.v1.configDigest,
        size: -1,
      }
      const config = await source.fetchSmallBlob(bare)
      assert.equal(config.descriptor.size, config.bytes.length)
      const manifest = await source.fetchManifest({ ...root, size: -1 })
      assert.equal(manifest.descriptor.size, root.size)
    }
    const commands = (await open({ transport: 'dir', path: stores.dir })).commandsFor({
      kind: 'manifest',
    })
    assert.ok(commands.some((c) => c.command === `skopeo inspect --raw dir:${stores.dir} | jq .`))
  })

  void test('a legacy docker-archive gets a synthesized manifest, labelled as such', async () => {
    const source = await open({ transport: 'docker-archive', path: stores.dockerArchive })
    assert.doesNotMatch(source.label, /manifest synthesized by Strata/)
    assert.equal(
      (source.warnings ?? [])
        .map(englishImageWarning)
        .filter((w) => /manifest synthesized by Strata/.test(w)).length,
      1,
      'said once',
    )
    const root = await source.resolve()
    assert.equal(root.mediaType, 'application/vnd.docker.distribution.manifest.v2+json')
    const { parsed } = await source.fetchManifest(root)
    assert.equal(parsed.kind, 'manifest')
    if (parsed.kind !== 'manifest') return
    assert.equal(parsed.document.config.mediaType, 'application/vnd.docker.container.image.v1+json')
    // skopeo wrote the layers uncompressed, so their digests are the diff IDs themselves.
    assert.deepEqual(
      parsed.document.layers.map((l) => [l.mediaType, l.digest]),
      stores.images.v1.diffIds.map((d) => ['application/vnd.docker.image.rootfs.diff.tar', d]),
    )
    const layer = parsed.document.layers[1]?.digest ?? ''
    const [blob] = source.commandsFor({ kind: 'blob', digest: layer })
    assert.equal(blob?.command, `tar -xOf ${stores.dockerArchive} ${layer.slice(7)}.tar | tar -tv`)
    // The command does what it says: lists the layer's files.
    assert.match(await run('bash', ['-c', blob.command]), /app\/run/)
  })

  void test('a Docker 25 archive serves its own OCI manifests, chosen by NAME:TAG or @N', async () => {
    const check = await run('skopeo', [
      'inspect',
      '--raw',
      `docker-archive:${stores.dockerArchiveOci}:@1`,
    ])
    assert.match(check, /"config"/, 'skopeo reads the hand-built archive too')
    const v2 = await open({
      transport: 'docker-archive',
      path: stores.dockerArchiveOci,
      reference: 'example.com/strata/app:v2',
    })
    assert.match(v2.label, /its OCI manifest/)
    const image = await readImage(v2)
    assert.equal(image.root.mediaType, 'application/vnd.oci.image.manifest.v1+json')
    assert.equal(image.configDigest, stores.images.v2.configDigest)
    assert.deepEqual(image.layerDiffIds, stores.images.v2.diffIds)
    const byIndex = await (
      await open({ transport: 'docker-archive', path: stores.dockerArchiveOci, reference: '@1' })
    ).resolve()
    assert.equal(byIndex.digest, image.root.digest)
  })
})

void describe('the tar reader', () => {
  void test('reads GNU long names, pax names and symlinked members; refuses names with ..', async () => {
    const tree = join(scratch, 'tree')
    const long = `${'deep/'.repeat(30)}file.txt`
    await mkdir(join(tree, long, '..'), { recursive: true })
    await writeFile(join(tree, long), 'long name\n')
    await run('ln', ['-s', long, join(tree, 'short')])
    for (const format of ['gnu', 'pax']) {
      const tar = join(scratch, `${format}.tar`)
      await run('tar', [`--format=${format}`, '-cf', tar, '-C', tree, '.'])
      const index = await indexTarFile(tar, 'a test tar')
      const member = index.find('short')
      assert.equal(member?.name, long, `${format}: the symlink leads to the long-named file`)
      if (member === undefined) return
      assert.equal(Buffer.from(await index.read(member, 100)).toString(), 'long name\n')
    }
    const evil = join(scratch, 'evil.tar')
    await mkdir(join(scratch, 'sub'))
    await writeFile(join(scratch, 'outside'), 'x')
    await run('tar', ['-P', '-cf', evil, '-C', join(scratch, 'sub'), '../outside'])
    await rejectsWith(indexTarFile(evil, 'a test tar'), 'MALFORMED', /"\.\.\/outside" climbs out/)
  })
})

void describe('bad input names the path and what was expected', () => {
  void test('missing paths are NOT_FOUND', async () => {
    const missing = join(scratch, 'nope')
    await rejectsWith(
      open({ transport: 'oci-archive', path: missing }),
      'NOT_FOUND',
      /nope does not exist \(expected an OCI archive/,
    )
    await rejectsWith(
      open({ transport: 'docker-archive', path: missing }),
      'NOT_FOUND',
      /nope does not exist \(expected a docker-archive/,
    )
    await rejectsWith(
      open({ transport: 'dir', path: missing }),
      'NOT_FOUND',
      /nope does not exist \(expected a skopeo dir/,
    )
  })

  void test('the wrong kind of thing is BAD_INPUT', async () => {
    await rejectsWith(
      open({ transport: 'dir', path: stores.ociLayout }),
      'BAD_INPUT',
      /is not a skopeo dir: it has no version file/,
    )
    await rejectsWith(
      open({ transport: 'oci-archive', path: stores.dir }),
      'BAD_INPUT',
      /app\.dir is a directory; expected an OCI archive/,
    )
    await rejectsWith(
      open({ transport: 'oci-archive', path: stores.dockerArchive }),
      'BAD_INPUT',
      /has no oci-layout member .* opens as docker-archive:/,
    )
    await rejectsWith(
      open({ transport: 'docker-archive', path: stores.ociArchive }),
      'BAD_INPUT',
      /has no manifest\.json .* open it as oci-archive:/,
    )
    await rejectsWith(
      open({ transport: 'docker-archive', path: stores.dockerArchiveOci }),
      'BAD_INPUT',
      /holds 2 images .*:@N/,
    )
    await rejectsWith(
      open({ transport: 'docker-archive', path: stores.dockerArchiveOci, reference: 'other:v1' }),
      'NOT_FOUND',
      /no image "other:v1"/,
    )
    await rejectsWith(
      open({ transport: 'oci-archive', path: stores.ociArchive, reference: 'v9' }),
      'NOT_FOUND',
      /no image named "v9"/,
    )
    const text = join(scratch, 'notes.txt')
    await writeFile(text, 'just some text, not a tar archive at all\n'.repeat(20))
    await rejectsWith(
      open({ transport: 'oci-archive', path: text }),
      'MALFORMED',
      /not a tar header/,
    )
  })

  void test('truncated and compressed archives', async () => {
    for (const [name, transport] of [
      ['oci', 'oci-archive'],
      ['docker', 'docker-archive'],
    ] as const) {
      const original = name === 'oci' ? stores.ociArchive : stores.dockerArchive
      const cut = join(scratch, `${name}-cut.tar`)
      await copyFile(original, cut)
      await truncate(cut, 3000)
      await rejectsWith(open({ transport, path: cut }), 'MALFORMED', /truncated/)
    }
    const gz = join(scratch, 'app.oci.tar')
    await copyFile(stores.ociArchive, gz)
    await run('gzip', ['-f', gz])
    await rejectsWith(
      open({ transport: 'oci-archive', path: `${gz}.gz` }),
      'UNSUPPORTED_MEDIA_TYPE',
      /gzip-compressed; .*gunzip -k/,
    )
  })

  void test('missing blobs and members are NOT_FOUND naming them', async () => {
    const layer = stores.images.v1.diffIds[1] ?? ''
    const dir = join(scratch, 'dir-copy')
    await run('cp', ['-r', stores.dir, dir])
    const source = await open({ transport: 'dir', path: dir })
    const image = await readImage(source)
    const gzLayer = image.manifest.layers[1]
    assert.ok(gzLayer)
    await rm(join(dir, gzLayer.digest.slice(7)))
    await rejectsWith(
      source.openBlob(gzLayer),
      'NOT_FOUND',
      new RegExp(`${gzLayer.digest.slice(7)} does not exist \\(expected blob`),
    )
    // A docker-archive without one of its layer tars.
    const unpacked = join(scratch, 'docker-unpacked')
    await mkdir(unpacked)
    await run('tar', ['-xf', stores.dockerArchive, '-C', unpacked])
    await rm(join(unpacked, `${layer.slice(7)}.tar`))
    const partial = join(scratch, 'partial.tar')
    await run('tar', ['-cf', partial, '-C', unpacked, '.'])
    await rejectsWith(
      open({ transport: 'docker-archive', path: partial }),
      'NOT_FOUND',
      /has no member .*\.tar \(expected layer 1 of example\.com\/strata\/app:v1\)/,
    )
  })

  void test('a flipped byte is DIGEST_MISMATCH naming the file or member', async () => {
    const v1 = stores.images.v1
    const oci = join(scratch, 'flipped.oci.tar')
    await copyFile(stores.ociArchive, oci)
    const source = await open({ transport: 'oci-archive', path: oci, reference: 'v1' })
    const layer = (await readImage(source)).manifest.layers[1]
    assert.ok(layer)
    await flipByteOf(oci, await layoutBlob(layer.digest))
    await rejectsWith(
      readImage(source),
      'DIGEST_MISMATCH',
      new RegExp(
        `flipped\\.oci\\.tar \\(member blobs/sha256/${layer.digest.slice(7)}\\) hashes to`,
      ),
    )
    // docker-archive: the layer no longer matches the config's diff ID.
    const docker = join(scratch, 'flipped.docker.tar')
    await copyFile(stores.dockerArchive, docker)
    await flipByteOf(docker, new TextEncoder().encode('hello from v1'))
    await rejectsWith(
      open({ transport: 'docker-archive', path: docker }),
      'DIGEST_MISMATCH',
      new RegExp(`member ${v1.diffIds[1]?.slice(7)}\\.tar\\) hashes to .* config says layer 1 is`),
    )
    // dir: a blob file.
    const dir = join(scratch, 'dir-flipped')
    await run('cp', ['-r', stores.dir, dir])
    await flipByteOf(join(dir, layer.digest.slice(7)), await layoutBlob(layer.digest))
    const fromDir = await open({ transport: 'dir', path: dir })
    await rejectsWith(
      readImage(fromDir),
      'DIGEST_MISMATCH',
      new RegExp(`dir-flipped/${layer.digest.slice(7)} hashes to`),
    )
  })

  void test('permission denied is FORBIDDEN, checked as an unprivileged user', async () => {
    await chmod(stores.root, 0o755)
    const locked = join(scratch, 'locked.tar')
    await copyFile(stores.ociArchive, locked)
    await chmod(scratch, 0o755)
    await chmod(locked, 0o600)
    const result = await openAsNobody({ transport: 'oci-archive', path: locked })
    assert.equal(result.code, 'FORBIDDEN', result.message)
    assert.match(result.message, /permission denied reading .*locked\.tar/)
    await chmod(locked, 0o644)
    const readable = await openAsNobody({ transport: 'oci-archive', path: locked })
    assert.equal(readable.code, 'ok', readable.message)
  })
})
