import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { FileListItem } from '../../../shared/api'
import type { LayerEntry } from '../../../shared/api/files'
import { flattenTree, rowKey, type DirListing } from '../../../renderer/features/files/treeRows'

function entry(path: string, type: LayerEntry['type'] = 'file'): FileListItem {
  return {
    path,
    layer: 0,
    entry: {
      path,
      type,
      mode: 0o644,
      uid: 0,
      gid: 0,
      size: 1,
      mtime: 0,
      headerOffset: 0,
      dataOffset: 0,
      storedSize: 1,
    },
  }
}

const done = (items: FileListItem[], extra: Partial<DirListing> = {}): DirListing => ({
  items,
  loading: false,
  ...extra,
})

function shape(rows: ReturnType<typeof flattenTree>): string[] {
  return rows.map((r) => `${'  '.repeat(r.depth)}${rowKey(r)}`)
}

test('only expanded directories show their children, depth first', () => {
  const listings = new Map<string, DirListing>([
    ['', done([entry('etc', 'dir'), entry('usr', 'dir'), entry('z.txt')])],
    ['etc', done([entry('etc/a'), entry('etc/b')])],
    ['usr', done([entry('usr/bin', 'dir')])],
    ['usr/bin', done([entry('usr/bin/sh')])],
  ])
  assert.deepEqual(shape(flattenTree(listings, new Set())), [
    'entry:etc',
    'entry:usr',
    'entry:z.txt',
  ])
  const rows = flattenTree(listings, new Set(['etc', 'usr', 'usr/bin']))
  assert.deepEqual(shape(rows), [
    'entry:etc',
    '  entry:etc/a',
    '  entry:etc/b',
    'entry:usr',
    '  entry:usr/bin',
    '    entry:usr/bin/sh',
    'entry:z.txt',
  ])
  const etc = rows[0]
  assert.ok(etc?.kind === 'entry' && etc.expandable && etc.expanded)
  const file = rows[1]
  assert.ok(file?.kind === 'entry' && !file.expandable)
})

test('a directory expanded under a collapsed parent stays hidden', () => {
  const listings = new Map<string, DirListing>([
    ['', done([entry('usr', 'dir')])],
    ['usr', done([entry('usr/bin', 'dir')])],
    ['usr/bin', done([entry('usr/bin/sh')])],
  ])
  assert.deepEqual(shape(flattenTree(listings, new Set(['usr/bin']))), ['entry:usr'])
})

test('loading, failed and partly loaded directories get placeholder rows', () => {
  const failure = { code: 'NETWORK', message: 'down' }
  const listings = new Map<string, DirListing>([
    ['', done([entry('a', 'dir'), entry('b', 'dir'), entry('c', 'dir'), entry('d', 'dir')])],
    ['b', { items: [], loading: true }],
    ['c', done([], { error: failure })],
    ['d', done([entry('d/1')], { next: '1' })],
  ])
  const rows = flattenTree(listings, new Set(['a', 'b', 'c', 'd']))
  assert.deepEqual(shape(rows), [
    'entry:a',
    '  loading:a',
    'entry:b',
    '  loading:b',
    'entry:c',
    '  error:c',
    'entry:d',
    '  entry:d/1',
    '  more:d',
  ])
  const more = rows[8]
  assert.ok(more?.kind === 'more' && more.loaded === 1 && !more.loading)
})

test('deleted directories are not expandable', () => {
  const listings = new Map<string, DirListing>([
    ['', done([{ path: 'gone', layer: 2, change: 'deleted' }, entry('etc', 'dir')])],
  ])
  const rows = flattenTree(listings, new Set(['gone']))
  assert.deepEqual(shape(rows), ['entry:gone', 'entry:etc'])
  assert.ok(rows[0]?.kind === 'entry' && !rows[0].expandable)
})

test('200,000 entries flatten quickly and very deep trees do not overflow the stack', () => {
  const many = Array.from({ length: 200_000 }, (_, i) => entry(`big/f${i}`))
  const listings = new Map<string, DirListing>([
    ['', done([entry('big', 'dir')])],
    ['big', done(many)],
  ])
  const started = performance.now()
  assert.equal(flattenTree(listings, new Set(['big'])).length, 200_001)
  assert.ok(performance.now() - started < 1000)

  const deep = new Map<string, DirListing>()
  const open = new Set<string>()
  let dir = ''
  for (let i = 0; i < 20_000; i++) {
    const child = dir === '' ? 'd' : `${dir}/d`
    deep.set(dir, done([entry(child, 'dir')]))
    open.add(child)
    dir = child
  }
  deep.set(dir, done([]))
  assert.equal(flattenTree(deep, open).length, 20_000)
})
