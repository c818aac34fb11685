// The tar reader against tars made by real tools (GNU tar in three formats, Python's tarfile)
// and hand-built headers: names, links, types, sparse files, pax fields, offsets.

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { LayerEntry, LayerIndex } from '../../../shared/api/files'
import { indexLayer } from '../../../electron/files/indexLayer'
import {
  chunked,
  featureTree,
  gnuTar,
  gzip,
  pythonPaxTar,
  rawEntry,
  rawTar,
  run,
  sha256,
  tempDir,
} from '../../harness/layerTars'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'

async function index(bytes: Buffer, chunkSize?: number): Promise<LayerIndex> {
  return indexLayer(chunked(bytes, chunkSize), sha256(bytes))
}

function byPath(index: LayerIndex, path: string): LayerEntry {
  const entry = index.entries.find((e) => e.path === path)
  assert.ok(entry, `no entry ${path} in ${index.entries.map((e) => e.path).join(', ')}`)
  return entry
}

const tree = featureTree()

for (const format of ['gnu', 'posix'] as const) {
  describe(`GNU tar --format=${format}`, () => {
    test('every feature is read', async () => {
      const tar = gnuTar(tree.root, format, true)
      const layer = await index(gzip(tar))
      assert.equal(layer.compression, 'gzip')
      assert.equal(layer.uncompressedSize, tar.length)
      assert.equal(byPath(layer, tree.longName).type, 'file')
      assert.equal(byPath(layer, tree.longName).size, 'long name\n'.length)
      const longLink = byPath(layer, 'longlink')
      assert.equal(longLink.type, 'symlink')
      assert.equal(longLink.linkname, `/${tree.longName}`)
      assert.equal(byPath(layer, 'héllo wörld ☃.txt').size, 5)
      assert.equal(byPath(layer, 'bin/rel').linkname, '../etc/os-release')
      const links = [byPath(layer, 'bin/busybox'), byPath(layer, 'bin/sh')]
      const hard = links.find((e) => e.type === 'hardlink')
      assert.ok(hard, 'one of the two names is a hardlink')
      assert.equal(links.find((e) => e.type === 'file')?.path, hard.linkname)
      assert.equal(byPath(layer, 'pipe').type, 'fifo')
      assert.equal(byPath(layer, 'etc').type, 'dir')
      const sparse = byPath(layer, 'sparse.img')
      assert.equal(sparse.sparse, true)
      assert.equal(sparse.size, 64 * 1024 * 1024)
      assert.ok(sparse.storedSize < 1024 * 1024, `stored ${sparse.storedSize}`)
      assert.ok(layer.entries.every((e) => e.warnings === undefined))
    })
  })
}

test('GNU tar --format=ustar uses the prefix field for long names', async () => {
  const root = tempDir('ustar')
  const dir = 'p'.repeat(80)
  run('mkdir', ['-p', join(root, dir)])
  writeFileSync(join(root, dir, `${'n'.repeat(90)}.txt`), 'x')
  const layer = await index(gnuTar(root, 'ustar'), 512)
  assert.equal(layer.compression, 'none')
  assert.equal(byPath(layer, `${dir}/${'n'.repeat(90)}.txt`).size, 1)
})

test("Python's pax tar: UTF-8 long names, fractional mtime, large ids, long link", async () => {
  const layer = await index(pythonPaxTar(), 333)
  const long = `usr/share/${'ü'.repeat(120)}/file.txt`
  const file = byPath(layer, long)
  assert.equal(file.size, 'pax long utf8'.length)
  assert.equal(file.mtime, 1700000000.25)
  const ids = byPath(layer, 'opt/bigid')
  assert.equal(ids.uid, 3000000)
  assert.equal(ids.gid, 3000001)
  assert.equal(ids.mtime, 1700000001.5)
  assert.equal(byPath(layer, 'opt/link-to-long').linkname, `/${long}`)
})

test('offsets point at the header and at the data in the uncompressed stream', async () => {
  const tar = rawTar([
    { name: 'a.txt', data: 'first file' },
    { name: 'dir/', type: '5', mode: 0o755 },
    { name: 'dir/b.txt', data: 'second' },
  ])
  const layer = await index(gzip(tar), 100)
  for (const entry of layer.entries.filter((e) => e.type === 'file')) {
    const data = tar.subarray(entry.dataOffset, entry.dataOffset + entry.size).toString()
    assert.equal(data, entry.path === 'a.txt' ? 'first file' : 'second')
    assert.equal(
      tar.subarray(entry.headerOffset, entry.headerOffset + 5).toString(),
      entry.path.slice(0, 5),
    )
  }
  assert.equal(byPath(layer, 'dir').mode, 0o755)
})

test('base-256 numeric fields are read', async () => {
  const block = rawEntry({ name: 'big-uid', data: 'x' })
  block.fill(0, 108, 116)
  block[108] = 0x80
  block.writeUInt32BE(5_000_000, 112)
  block.fill(0x20, 148, 156)
  let sum = 0
  for (let i = 0; i < 512; i++) sum += block[i] ?? 0
  block.write(`${sum.toString(8).padStart(6, '0')}\u0000 `, 148, 'latin1')
  const layer = await index(Buffer.concat([block, Buffer.alloc(1024)]))
  assert.equal(byPath(layer, 'big-uid').uid, 5_000_000)
})

test('an empty layer (two zero blocks) has no entries', async () => {
  const layer = await index(gzip(Buffer.alloc(1024)))
  assert.equal(layer.entries.length, 0)
})

test('character and block devices, fifos and hardlinks from hand-built headers', async () => {
  const layer = await index(
    rawTar([
      { name: 'dev/null', type: '3', mode: 0o666 },
      { name: 'dev/sda', type: '4', mode: 0o660 },
      { name: 'run/fifo', type: '6' },
      { name: 'data', data: 'payload' },
      { name: 'again', type: '1', linkname: './data' },
    ]),
  )
  assert.deepEqual(
    layer.entries.map((e) => [e.path, e.type, e.mode, e.linkname ?? '']),
    [
      ['dev/null', 'char', 0o666, ''],
      ['dev/sda', 'block', 0o660, ''],
      ['run/fifo', 'fifo', 0o644, ''],
      ['data', 'file', 0o644, ''],
      ['again', 'hardlink', 0o644, 'data'],
    ],
  )
})
