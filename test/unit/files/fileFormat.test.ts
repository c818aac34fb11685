import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  ancestorsOf,
  baseName,
  countText,
  directoriesWithChanges,
  displayPath,
  formatMtime,
  imagePath,
  modeString,
  parentPath,
  typeText,
} from '../../../renderer/features/files/fileFormat'

test('modeString prints ls-style permissions with the special bits', () => {
  assert.equal(modeString('dir', 0o755), 'drwxr-xr-x')
  assert.equal(modeString('file', 0o644), '-rw-r--r--')
  assert.equal(modeString('file', 0o4755), '-rwsr-xr-x')
  assert.equal(modeString('file', 0o4644), '-rwSr--r--')
  assert.equal(modeString('file', 0o2755), '-rwxr-sr-x')
  assert.equal(modeString('dir', 0o1777), 'drwxrwxrwt')
  assert.equal(modeString('dir', 0o1776), 'drwxrwxrwT')
  assert.equal(modeString('symlink', 0o777), 'lrwxrwxrwx')
  assert.equal(modeString('char', 0o666), 'crw-rw-rw-')
  assert.equal(modeString('block', 0o660), 'brw-rw----')
  assert.equal(modeString('fifo', 0o600), 'prw-------')
  assert.equal(modeString('hardlink', 0o700), '-rwx------')
  assert.equal(modeString('file', 0), '----------')
})

test('typeText names links with their targets and devices in words', () => {
  assert.equal(typeText({ type: 'symlink', linkname: 'greet' }), 'symlink → greet')
  assert.equal(typeText({ type: 'hardlink', linkname: 'usr/bin/a' }), 'hardlink → /usr/bin/a')
  assert.equal(typeText({ type: 'char' }), 'char device')
  assert.equal(typeText({ type: 'block' }), 'block device')
  assert.equal(typeText({ type: 'fifo' }), 'fifo')
  assert.equal(typeText({ type: 'dir' }), 'dir')
})

test('formatMtime prints UTC and survives nonsense', () => {
  assert.equal(formatMtime(1_704_067_200), '2024-01-01 00:00:00 UTC')
  assert.equal(formatMtime(1_704_067_200.6), '2024-01-01 00:00:00 UTC')
  assert.equal(formatMtime(Number.NaN), '?')
  assert.equal(formatMtime(1e20), '?')
})

test('path pieces', () => {
  assert.equal(imagePath('/etc/os-release/'), 'etc/os-release')
  assert.equal(imagePath(undefined), '')
  assert.equal(imagePath('/'), '')
  assert.equal(displayPath('etc'), '/etc')
  assert.equal(displayPath(''), '/')
  assert.equal(baseName('/usr/bin/greet'), 'greet')
  assert.equal(baseName('etc'), 'etc')
  assert.equal(parentPath('usr/bin/greet'), 'usr/bin')
  assert.equal(parentPath('etc'), '')
  assert.deepEqual(ancestorsOf('/a/b/c'), ['a', 'a/b'])
  assert.deepEqual(ancestorsOf('a'), [])
})

test('countText takes the plural category of the count', () => {
  const words = { one: 'line', other: 'lines' }
  assert.equal(countText(1, words), '1 line')
  assert.equal(countText(2, words), '2 lines')
  assert.equal(countText(0, words), '0 lines')
  assert.equal(countText(12345, words), '12,345 lines')
})

test('directoriesWithChanges marks every ancestor of a changed path, not the path itself', () => {
  const dirs = directoriesWithChanges(['usr/lib/x/a.so', 'usr/bin/ls', 'etc', '/var/log/'])
  assert.deepEqual([...dirs].sort(), ['usr', 'usr/bin', 'usr/lib', 'usr/lib/x', 'var'])
  assert.equal(directoriesWithChanges(['top-level-file']).size, 0)
  assert.equal(directoriesWithChanges([]).size, 0)
})
