// Layers written by real tools: umoci (real whiteouts from deleted files, across three
// layers), skopeo recompressing them to zstd, the zstd CLI, plain uncompressed tars. Both
// zstd decoders are exercised (the native one where this Node has it).

import assert from 'node:assert/strict'
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { describe, test } from 'node:test'
import type { LayerIndex } from '../../../shared/api/files'
import { nativeZstd } from '../../../electron/compression/decompress'
import { buildImageTree } from '../../../electron/filetree/imageTree'
import { openImageFile } from '../../../electron/files/imageFiles'
import { indexLayer } from '../../../electron/files/indexLayer'
import type { BuiltLayer } from '../../harness/layerTars'
import {
  chunked,
  featureTree,
  gnuTar,
  gzip,
  layoutLayers,
  run,
  tempDir,
  umociLayers,
  zstd,
} from '../../harness/layerTars'

const layers = umociLayers([
  (root) => {
    for (const d of ['etc', 'app/x', 'var/cache']) mkdirSync(join(root, d), { recursive: true })
    writeFileSync(join(root, 'etc/a'), 'first a')
    writeFileSync(join(root, 'etc/b'), 'first b')
    writeFileSync(join(root, 'app/x/y'), 'y')
    writeFileSync(join(root, 'var/cache/c1'), 'c1')
    symlinkSync('b', join(root, 'etc/current'))
  },
  (root) => {
    rmSync(join(root, 'etc/a'))
    rmSync(join(root, 'app/x'), { recursive: true })
    writeFileSync(join(root, 'app/x'), 'x is a file now')
    rmSync(join(root, 'var/cache/c1'))
    writeFileSync(join(root, 'var/cache/c3'), 'c3')
    writeFileSync(join(root, 'new'), 'short-lived')
  },
  (root) => {
    writeFileSync(join(root, 'etc/a'), 'back')
    writeFileSync(join(root, 'etc/b'), 'second b')
    rmSync(join(root, 'new'))
    rmSync(join(root, 'app/x'))
    mkdirSync(join(root, 'app/x'))
    writeFileSync(join(root, 'app/x/z'), 'z')
  },
]).layers

async function indexAll(built: readonly BuiltLayer[], zstdDecoder?: 'auto' | 'fzstd') {
  return Promise.all(
    built.map((layer) =>
      indexLayer(chunked(layer.bytes, 65536), layer.digest, { zstd: zstdDecoder ?? 'auto' }),
    ),
  )
}

function assertUmociMerge(indexes: readonly LayerIndex[]): void {
  const tree = buildImageTree(indexes)
  const files = [...tree.view.all()]
    .filter((n) => n.entry.type !== 'dir')
    .map((n) => `${n.entry.path} ${n.entry.type} L${n.layer}`)
    .sort()
  assert.deepEqual(files, [
    'app/x/z file L2',
    'etc/a file L2',
    'etc/b file L2',
    'etc/current symlink L0',
    'var/cache/c3 file L1',
  ])
  assert.equal(tree.view.get('app/x')?.entry.type, 'dir')
  const deleted = tree.changes.map((c) => c.filter((x) => x.kind === 'deleted').map((x) => x.path))
  // umoci whites out the old directory's contents, then writes the file over the directory.
  assert.deepEqual(deleted[1]?.sort(), ['app/x/y', 'etc/a', 'var/cache/c1'])
  assert.deepEqual(deleted[2], ['new'])
}

describe('umoci layers (gzip)', () => {
  test('whiteouts across three layers merge as overlayfs would', async () => {
    const indexes = await indexAll(layers)
    assert.ok(indexes.every((i) => i.compression === 'gzip'))
    assert.ok(indexes[1]?.entries.some((e) => e.path === 'etc/.wh.a'))
    assertUmociMerge(indexes)
  })

  test('a file is read through a symlink from the layer that holds it', async () => {
    const indexes = await indexAll(layers)
    const tree = buildImageTree(indexes)
    const open = (i: number) => Promise.resolve(chunked(layers[i]?.bytes ?? Buffer.alloc(0)))
    for (const [path, expected] of [
      ['/etc/current', 'second b'],
      ['etc/a', 'back'],
      ['var/cache/c3', 'c3'],
    ] as const) {
      const opened = await openImageFile(tree.view, indexes, open, path)
      const chunks: Buffer[] = []
      for await (const chunk of opened.stream) chunks.push(chunk as Buffer)
      assert.equal(Buffer.concat(chunks).toString(), expected)
    }
  })
})

describe('zstd layers', () => {
  test('skopeo --dest-compress-format zstd layers index like the gzip ones', async () => {
    const built = umociLayers([
      (root) => writeFileSync(join(root, 'hello'), 'zstd world'),
      (root) => rmSync(join(root, 'hello')),
    ])
    const layout = join(tempDir('skopeo-zstd'), 'layout')
    run('skopeo', [
      'copy',
      '--dest-compress-format',
      'zstd',
      `oci:${built.layout}:t`,
      `oci:${layout}:z`,
    ])
    const recompressed = layoutLayers(layout, 'z')
    assert.equal(recompressed.length, 2)
    for (const decoder of ['auto', 'fzstd'] as const) {
      const indexes = await indexAll(recompressed, decoder)
      assert.ok(indexes.every((i) => i.compression === 'zstd'))
      assert.equal(indexes[0]?.entries.find((e) => e.path === 'hello')?.size, 10)
      assert.ok(indexes[1]?.entries.some((e) => e.path === '.wh.hello'))
    }
  })

  test('zstd CLI, gzip and uncompressed layers of one tar give the same entries', async () => {
    const tar = gnuTar(featureTree().root, 'posix')
    const plain = await indexLayer(Readable.from([tar]), 'sha256:plain')
    const viaGzip = await indexLayer(chunked(gzip(tar), 8192), 'sha256:gzip')
    const viaZstd = await indexLayer(chunked(zstd(tar), 8192), 'sha256:zstd', { zstd: 'fzstd' })
    assert.equal(plain.compression, 'none')
    assert.equal(viaGzip.compression, 'gzip')
    assert.equal(viaZstd.compression, 'zstd')
    assert.deepEqual(viaGzip.entries, plain.entries)
    assert.deepEqual(viaZstd.entries, plain.entries)
    if (nativeZstd()) {
      const native = await indexLayer(chunked(zstd(tar), 8192), 'sha256:zstd')
      assert.deepEqual(native.entries, plain.entries)
    }
  })
})
