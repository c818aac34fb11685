import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  ancestorsOf,
  baseName,
  directoriesWithChanges,
  displayPath,
  imagePath,
  modeString,
  mtimeIso,
  parentPath,
  typeText,
} from '../../../renderer/features/files/fileFormat'
import { files as english } from '../../../renderer/i18n/en/files'
import { files as spanish } from '../../../renderer/i18n/es/files'

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

test('typeText names links with their targets and devices in the catalogue words', () => {
  const words = english.type
  assert.equal(typeText({ type: 'symlink', linkname: 'greet' }, words), 'symlink → greet')
  assert.equal(
    typeText({ type: 'hardlink', linkname: 'usr/bin/a' }, words),
    'hardlink → /usr/bin/a',
  )
  assert.equal(typeText({ type: 'char' }, words), 'char device')
  assert.equal(typeText({ type: 'block' }, words), 'block device')
  assert.equal(typeText({ type: 'fifo' }, words), 'fifo')
  assert.equal(typeText({ type: 'dir' }, words), 'dir')
  assert.equal(
    typeText({ type: 'symlink', linkname: 'greet' }, spanish.type),
    'enlace simbólico → greet',
  )
})

test('mtimeIso turns layer seconds into an instant and survives nonsense', () => {
  assert.equal(mtimeIso(1_704_067_200), '2024-01-01T00:00:00.000Z')
  assert.equal(mtimeIso(1_704_067_200.6), '2024-01-01T00:00:00.600Z')
  assert.equal(mtimeIso(Number.NaN), undefined)
  assert.equal(mtimeIso(1e20), undefined)
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

test('directoriesWithChanges marks every ancestor of a changed path, not the path itself', () => {
  const dirs = directoriesWithChanges(['usr/lib/x/a.so', 'usr/bin/ls', 'etc', '/var/log/'])
  assert.deepEqual([...dirs].sort(), ['usr', 'usr/bin', 'usr/lib', 'usr/lib/x', 'var'])
  assert.equal(directoriesWithChanges(['top-level-file']).size, 0)
  assert.equal(directoriesWithChanges([]).size, 0)
})
