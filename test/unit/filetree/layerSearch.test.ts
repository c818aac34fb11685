// Name and glob search over a merged filesystem.

import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { LayerEntry } from '../../../shared/api/files'
import { MergedView } from '../../../electron/filetree/mergedView'
import { matcher, searchTree } from '../../../electron/filetree/searchTree'

function entry(path: string): LayerEntry {
  return {
    path,
    type: 'file',
    mode: 0o644,
    uid: 0,
    gid: 0,
    size: 1,
    mtime: 0,
    headerOffset: 0,
    dataOffset: 512,
    storedSize: 1,
  }
}

const view = new MergedView()
for (const path of [
  'etc/nginx/nginx.conf',
  'etc/ssl/openssl.cnf',
  'usr/lib/x86_64/libc.so.6',
  'usr/lib/libz.so',
  'usr/lib/deep/er/libm.so',
  'usr/share/doc/README',
  'Makefile',
]) {
  view.put(entry(path), 0)
}
const paths = (pattern: string, limit?: number) =>
  searchTree(view, pattern, limit).matches.map((n) => n.entry.path)

test('a plain word is a case-insensitive substring of the name', () => {
  assert.deepEqual(paths('NGINX'), ['etc/nginx', 'etc/nginx/nginx.conf'])
  assert.deepEqual(paths('readme'), ['usr/share/doc/README'])
})

test('a glob without a slash matches base names', () => {
  assert.deepEqual(paths('*.conf'), ['etc/nginx/nginx.conf'])
  assert.deepEqual(paths('lib?.so'), ['usr/lib/deep/er/libm.so', 'usr/lib/libz.so'])
  assert.deepEqual(paths('[M]akefile'), ['Makefile'])
})

test('a glob with a slash matches whole paths; ** spans directories', () => {
  assert.deepEqual(paths('usr/lib/*.so'), ['usr/lib/libz.so'])
  assert.deepEqual(paths('/usr/lib/**/*.so'), ['usr/lib/deep/er/libm.so', 'usr/lib/libz.so'])
  assert.deepEqual(paths('usr/**'), [
    'usr/lib',
    'usr/lib/deep',
    'usr/lib/deep/er',
    'usr/lib/deep/er/libm.so',
    'usr/lib/libz.so',
    'usr/lib/x86_64',
    'usr/lib/x86_64/libc.so.6',
    'usr/share',
    'usr/share/doc',
    'usr/share/doc/README',
  ])
})

test('results are capped and say so', () => {
  const result = searchTree(view, 'usr/**', 3)
  assert.equal(result.matches.length, 3)
  assert.equal(result.truncated, true)
})

test('regex characters in a pattern are taken literally', () => {
  assert.equal(matcher('a+b(c)*.txt')('a+b(c)x.txt'), true)
  assert.equal(matcher('a+b(c)*.txt')('aab(c)x.txt'), false)
})
