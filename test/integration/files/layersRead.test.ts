// Reading files out of layers: by path, through symlinks and hardlinks in the image, stopping
// early, the errors for what has no content, and a 1 GiB file of zeros indexed and read with
// memory held flat.

import assert from 'node:assert/strict'
import { closeSync, ftruncateSync, openSync, writeSync } from 'node:fs'
import type { Readable } from 'node:stream'
import { describe, test } from 'node:test'
import { gzipSync } from 'node:zlib'
import { StrataError } from '../../../shared/errors'
import { buildImageTree } from '../../../electron/filetree/imageTree'
import { openImageFile } from '../../../electron/files/imageFiles'
import { indexLayer } from '../../../electron/files/indexLayer'
import { openLayerFile } from '../../../electron/files/readLayerFile'
import { join } from 'node:path'
import {
  chunked,
  featureTree,
  gnuTar,
  gzip,
  rawEntry,
  run,
  sha256,
  tempDir,
} from '../../harness/layerTars'

async function text(stream: Readable): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString()
}

const tar = gnuTar(featureTree().root, 'gnu', true)
const layer = gzip(tar)
const digest = sha256(layer)

describe('files of a GNU tar layer', () => {
  test('by path, through a symlink, through a hardlink', async () => {
    const index = await indexLayer(chunked(layer, 4096), digest)
    const tree = buildImageTree([index])
    const open = () => Promise.resolve(chunked(layer, 4096))
    const read = async (path: string) =>
      text((await openImageFile(tree.view, [index], open, path)).stream)
    assert.equal(await read('/etc/os-release'), 'ID=strata\n')
    assert.equal(await read('bin/rel'), 'ID=strata\n')
    assert.equal(await read('bin/sh'), 'binary\n')
    assert.equal(await read('bin/busybox'), 'binary\n')
    assert.equal(await read('héllo wörld ☃.txt'), 'utf8\n')
  })

  test('what has no content, or is missing, says so', async () => {
    const index = await indexLayer(chunked(layer), digest)
    const tree = buildImageTree([index])
    const open = () => Promise.resolve(chunked(layer))
    const fails = (path: string, code: string, pattern: RegExp) =>
      assert.rejects(openImageFile(tree.view, [index], open, path), (error: unknown) => {
        assert.ok(error instanceof StrataError)
        assert.equal(error.code, code)
        assert.match(error.message, pattern)
        return true
      })
    await fails('etc', 'BAD_INPUT', /is a dir, not a regular file/)
    await fails('pipe', 'BAD_INPUT', /is a fifo/)
    await fails('etc/nothing', 'NOT_FOUND', /is not in the image/)
    await fails('etc/os-release/x', 'NOT_FOUND', /not a directory/)
  })

  test('a layer that breaks inside the file before anyone listens fails the stream, not the process', async () => {
    // 96 KiB of this machine's /usr/bin/tar (it does not shrink much under gzip), cut short
    // inside the file's data: the file's first bytes are buffered for a reader that listens
    // only after the layer has failed.
    const bytes = run('head', ['-c', String(96 * 1024), '/usr/bin/tar'])
    const broken = gzip(
      Buffer.concat([rawEntry({ name: 'tool', data: bytes }), Buffer.alloc(1024)]),
    ).subarray(0, 20 * 1024)
    const opened = await openLayerFile(chunked(broken, 4096), sha256(broken), 'tool')
    assert.equal(opened.entry.path, 'tool')
    await new Promise((resolve) => setTimeout(resolve, 200))
    assert.ok(opened.stream.errored, 'failed while nobody listened')
    await assert.rejects(text(opened.stream), (error: unknown) => {
      assert.ok(error instanceof StrataError)
      assert.equal(error.code, 'MALFORMED')
      return true
    })
  })

  test('reading stops once the file has been read', async () => {
    const big = Buffer.concat([
      rawEntry({ name: 'first', data: 'the first file' }),
      ...Array.from({ length: 200 }, (_, i) =>
        rawEntry({ name: `f${i}`, data: Buffer.alloc(9000, i) }),
      ),
      Buffer.alloc(1024),
    ])
    let served = 0
    const source = chunked(big, 4096)
    source.on('data', (chunk: Buffer) => (served += chunk.length))
    const opened = await openLayerFile(source, sha256(big), 'first')
    assert.equal(await text(opened.stream), 'the first file')
    assert.ok(served < big.length / 10, `read ${served} of ${big.length} bytes`)
    await new Promise((resolve) => setImmediate(resolve))
    assert.equal(source.destroyed, true, 'the layer stream is released')
  })
})

const SPARSE_TARS = {
  gnu: (root: string) => gnuTar(root, 'gnu', true),
  'posix (pax 1.0)': (root: string) => gnuTar(root, 'posix', true),
  'posix (pax 0.1)': (root: string) =>
    run('tar', [
      '-c',
      '--format=posix',
      '--sparse',
      '--sparse-version=0.1',
      '-f',
      '-',
      '-C',
      root,
      '.',
    ]),
}

for (const [format, makeTar] of Object.entries(SPARSE_TARS)) {
  test(`a sparse file (tar ${format} --sparse) is expanded: holes read as zeros`, async () => {
    // 30 islands of data: more than the 4 map entries a GNU header holds, so the old GNU
    // format needs extension blocks.
    const root = tempDir('sparse')
    const fd = openSync(join(root, 'islands.img'), 'w')
    ftruncateSync(fd, 8 * 1024 * 1024)
    for (let i = 0; i < 30; i++) writeSync(fd, `island-${i}`, i * 262144 + 1000)
    closeSync(fd)
    const sparseTar = makeTar(root)
    const opened = await openLayerFile(chunked(sparseTar, 5000), sha256(sparseTar), 'islands.img')
    assert.equal(opened.entry.sparse, true)
    assert.equal(opened.entry.size, 8 * 1024 * 1024)
    assert.ok(opened.entry.storedSize < 1024 * 1024, `stored ${opened.entry.storedSize}`)
    const chunks: Buffer[] = []
    for await (const chunk of opened.stream) chunks.push(chunk as Buffer)
    const bytes = Buffer.concat(chunks)
    assert.equal(bytes.length, 8 * 1024 * 1024)
    const expected = Buffer.alloc(8 * 1024 * 1024)
    for (let i = 0; i < 30; i++) expected.write(`island-${i}`, i * 262144 + 1000)
    assert.ok(bytes.equals(expected), 'expanded bytes equal the original file')
  })
}

describe('a 1 GiB file of zeros', () => {
  const GIB = 1024 ** 3
  // Multi-member gzip: one 64 MiB member of zeros repeated 16 times keeps the fixture cheap
  // to build (about 1 MiB) while the decoder still produces 1 GiB.
  const header = rawEntry({ name: 'zeros', sizeField: GIB.toString(8).padStart(11, '0') })
  const zerosMember = gzipSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 })
  const layerBytes = Buffer.concat([
    gzipSync(header),
    ...Array.from({ length: 16 }, () => zerosMember),
    gzipSync(Buffer.alloc(1024)),
  ])
  const layerDigest = sha256(layerBytes)

  async function peakRssGrowth(work: () => Promise<void>): Promise<number> {
    global.gc?.()
    const base = process.memoryUsage().rss
    let peak = base
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20)
    try {
      await work()
    } finally {
      clearInterval(timer)
    }
    return (Math.max(peak, process.memoryUsage().rss) - base) / 1024 ** 2
  }

  test('is indexed and read through with bounded memory', async () => {
    assert.ok(layerBytes.length < 2 * 1024 ** 2, `fixture is ${layerBytes.length} bytes`)
    let size = 0
    const indexGrowth = await peakRssGrowth(async () => {
      const index = await indexLayer(chunked(layerBytes, 65536), layerDigest)
      size = index.entries[0]?.size ?? 0
      assert.equal(index.uncompressedSize, GIB + 512 + 1024)
    })
    assert.equal(size, GIB)
    assert.ok(indexGrowth < 150, `RSS grew ${indexGrowth.toFixed(0)} MB while indexing`)
    let seen = 0
    const readGrowth = await peakRssGrowth(async () => {
      const opened = await openLayerFile(chunked(layerBytes, 65536), layerDigest, 'zeros')
      for await (const chunk of opened.stream) seen += (chunk as Buffer).length
    })
    assert.equal(seen, GIB)
    assert.ok(readGrowth < 150, `RSS grew ${readGrowth.toFixed(0)} MB while reading`)
  })

  test('as a zstd layer, through the JavaScript decoder, with bounded memory', async () => {
    const dir = tempDir('zeros')
    run('truncate', ['-s', '1G', join(dir, 'zeros')])
    const zstdLayer = run('sh', ['-c', 'tar -cf - -C "$1" zeros | zstd -q -c', 'sh', dir])
    assert.ok(zstdLayer.length < 1024 ** 2, `fixture is ${zstdLayer.length} bytes`)
    const zstdDigest = sha256(zstdLayer)
    const growth = await peakRssGrowth(async () => {
      const index = await indexLayer(chunked(zstdLayer, 65536), zstdDigest, { zstd: 'fzstd' })
      assert.equal(index.entries[0]?.size, GIB)
      let seen = 0
      const opened = await openLayerFile(chunked(zstdLayer, 65536), zstdDigest, 'zeros', {
        zstd: 'fzstd',
      })
      for await (const chunk of opened.stream) seen += (chunk as Buffer).length
      assert.equal(seen, GIB)
    })
    assert.ok(growth < 150, `RSS grew ${growth.toFixed(0)} MB`)
  })
})
