// Overlay semantics across four hand-built layers: whiteouts, opaque directories, a file
// replacing a directory and back, parents implied by deep paths; the merged view asserted
// entry by entry, the per-layer change kinds, efficiency, and symlink resolution.

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { StrataError } from '../../../shared/errors'
import type { LayerIndex } from '../../../shared/api/files'
import { computeEfficiency } from '../../../electron/filetree/efficiency'
import { buildImageTree } from '../../../electron/filetree/imageTree'
import { indexLayer } from '../../../electron/files/indexLayer'
import { resolveImagePath } from '../../../electron/filetree/resolveSymlinks'
import type { RawEntry } from '../../harness/layerTars'
import { chunked, gzip, rawTar, sha256 } from '../../harness/layerTars'

const dir = (name: string): RawEntry => ({ name, type: '5', mode: 0o755 })
const file = (name: string, data: string): RawEntry => ({ name, data })
const link = (name: string, target: string): RawEntry => ({ name, type: '2', linkname: target })

const LAYERS: readonly (readonly RawEntry[])[] = [
  [
    dir('etc/'),
    file('etc/a', 'aaaa'),
    file('etc/b', 'bb'),
    dir('app/'),
    dir('app/x/'),
    file('app/x/y', 'yyyyyy'),
    dir('var/cache/'), // var/ itself is implied
    file('var/cache/c1', '1111111111'),
    file('var/cache/c2', '22'),
    link('etc/current', 'b'),
  ],
  [
    file('etc/.wh.a', ''),
    file('app/x', 'now a file'),
    dir('var/cache/'),
    file('var/cache/.wh..wh..opq', ''),
    file('var/cache/c3', '333'),
    file('new', 'temp'),
  ],
  [
    file('etc/a', 'back again'),
    file('etc/b', 'bbbbbbbb'),
    dir('app/x/'),
    file('app/x/z', 'z'),
    file('.wh.new', ''),
  ],
  [link('loop/a', 'b'), link('loop/b', 'a'), link('up', '../../../etc'), link('abs', '/etc/b')],
]

async function layers(): Promise<LayerIndex[]> {
  return Promise.all(
    LAYERS.map((entries) => {
      const bytes = gzip(rawTar(entries))
      return indexLayer(chunked(bytes), sha256(bytes))
    }),
  )
}

test('the merged view after layer 3 (index 2), entry by entry', async () => {
  const tree = buildImageTree(await layers(), 2)
  const rows = [...tree.view.all()]
    .map(
      (n) => `${n.entry.path} ${n.entry.type} L${n.layer}${n.implicit === true ? ' implied' : ''}`,
    )
    .sort()
  assert.deepEqual(rows, [
    'app dir L0',
    'app/x dir L2',
    'app/x/z file L2',
    'etc dir L0',
    'etc/a file L2',
    'etc/b file L2',
    'etc/current symlink L0',
    'var dir L0 implied',
    'var/cache dir L1',
    'var/cache/c3 file L1',
  ])
  assert.deepEqual(
    tree.view.list('etc').map((n) => n.entry.path),
    ['etc/a', 'etc/b', 'etc/current'],
  )
  assert.deepEqual(
    tree.view.list('').map((n) => n.entry.path),
    ['app', 'etc', 'var'],
  )
  assert.equal(tree.view.get('new'), undefined)
})

test('the merged view as of layer 2 (index 1)', async () => {
  const tree = buildImageTree(await layers(), 1)
  const rows = [...tree.view.all()].map((n) => `${n.entry.path} L${n.layer}`).sort()
  assert.deepEqual(rows, [
    'app L0',
    'app/x L1',
    'etc L0',
    'etc/b L0',
    'etc/current L0',
    'new L1',
    'var L0',
    'var/cache L1',
    'var/cache/c3 L1',
  ])
})

test('each layer lists its changes relative to the layers below', async () => {
  const tree = buildImageTree(await layers())
  const kinds = tree.changes.map((changes) => changes.map((c) => `${c.kind} ${c.path}`))
  assert.deepEqual(kinds[1], [
    'deleted etc/a',
    'modified app/x',
    'opaque var/cache',
    'added var/cache/c3',
    'added new',
  ])
  assert.deepEqual(kinds[2], [
    'deleted new',
    'added etc/a',
    'modified etc/b',
    'modified app/x',
    'added app/x/z',
  ])
  assert.ok(kinds[0]?.every((k) => k.startsWith('added ')))
})

test('efficiency counts bytes later layers overwrite or delete', async () => {
  const all = await layers()
  const tree = buildImageTree(all)
  const efficiency = computeEfficiency(all, tree)
  // L0: etc/a 4 + etc/b 2 + app/x/y 6 + c1 10 + c2 2 = 24; L1: app/x 10 + new 4 = 14.
  assert.deepEqual(efficiency.wastedByLayer, [24, 14, 0, 0])
  assert.equal(efficiency.wastedBytes, 38)
  const total = 4 + 2 + 6 + 10 + 2 + 10 + 3 + 4 + 10 + 8 + 1
  assert.equal(efficiency.totalFileBytes, total)
  assert.equal(efficiency.score, 1 - 38 / total)
  assert.deepEqual(efficiency.largestFiles[0], { path: 'etc/a', layer: 2, size: 10 })
  assert.equal(efficiency.wastedPaths[0]?.path, 'app/x')
})

test('symlinks resolve inside the image only, with loops reported', async () => {
  const tree = buildImageTree(await layers())
  const lookup = (p: string) => tree.view.get(p)?.entry
  assert.equal(resolveImagePath(lookup, 'etc/current'), 'etc/b')
  assert.equal(resolveImagePath(lookup, '/abs'), 'etc/b')
  assert.equal(resolveImagePath(lookup, 'up/current'), 'etc/b')
  assert.equal(resolveImagePath(lookup, 'etc/current', false), 'etc/current')
  assert.throws(
    () => resolveImagePath(lookup, 'loop/a'),
    (error: unknown) =>
      error instanceof StrataError &&
      error.code === 'BAD_INPUT' &&
      /^symlink loop at \/loop\/[ab]/.test(error.message),
  )
})
