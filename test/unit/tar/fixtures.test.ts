// Odd real tars (test/fixtures/tar/, made by test/harness/make-tar-fixtures.sh with GNU tar and
// Python's tarfile) read by BOTH tar readers: the layer scanner (tar/tarStream) and the archive
// readers (stores/archive/tarFileIndex in place, tar/tarStreamReader as a stream). They share one
// header decode and one pax/GNU folding, so they must agree on every name, type, size and byte,
// or refuse with the same kind of error. The one planned difference is ".." (tar/tarNames.ts).

import assert from 'node:assert/strict'
import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { StrataError } from '../../../shared/errors'
import type { LayerEntry } from '../../../shared/api/files'
import { indexTarFile } from '../../../electron/stores/archive/tarFileIndex'
import { normalizeMemberName } from '../../../electron/tar/tarMemberHeader'
import { readTarStream } from '../../../electron/tar/tarStreamReader'
import { scanTar } from '../../../electron/tar/tarStream'
import { rawTar } from '../../harness/layerTars'

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'tar')

interface Seen {
  readonly name: string
  readonly type: string
  readonly size: number
  readonly link?: string
  /** Regular files only: the bytes the reader handed out. */
  readonly data?: string
}

type Outcome =
  | { readonly ok: true; readonly members: readonly Seen[]; readonly entries?: LayerEntry[] }
  | { readonly ok: false; readonly code: string; readonly message: string }

async function outcome(run: () => Promise<Outcome>): Promise<Outcome> {
  try {
    return await run()
  } catch (error) {
    assert.ok(error instanceof StrataError, `expected a StrataError, got ${String(error)}`)
    return { ok: false, code: error.code, message: error.message }
  }
}

const LAYER_TYPES: Readonly<Record<string, string>> = {
  file: 'file',
  dir: 'directory',
  symlink: 'symlink',
  hardlink: 'hardlink',
}

function viaLayerScanner(file: string): Promise<Outcome> {
  return outcome(async () => {
    const members: Seen[] = []
    const entries: LayerEntry[] = []
    await scanTar(createReadStream(file), () => (entry) => {
      entries.push(entry)
      const type = entry.sparse === true ? 'other' : (LAYER_TYPES[entry.type] ?? 'other')
      const link = entry.linkname === undefined ? {} : { link: entry.linkname }
      if (type !== 'file') {
        members.push({ name: entry.path, type, size: 0, ...link })
        return undefined
      }
      const chunks: Buffer[] = []
      return {
        data: (chunk) => void chunks.push(Buffer.from(chunk)),
        end: () =>
          members.push({
            name: entry.path,
            type,
            size: entry.storedSize,
            data: Buffer.concat(chunks).toString('latin1'),
          }),
      }
    })
    return { ok: true, members, entries }
  })
}

function viaArchiveStream(file: string): Promise<Outcome> {
  return outcome(async () => {
    const members: Seen[] = []
    for await (const { header, body } of readTarStream(createReadStream(file), file)) {
      const link = header.type === 'symlink' || header.type === 'hardlink'
      const chunks: Buffer[] = []
      if (header.type === 'file') for await (const chunk of body) chunks.push(chunk)
      members.push({
        name: header.name,
        type: header.type,
        size: header.type === 'file' ? header.size : 0,
        // A hard link names a member: compared as the archive reader follows it.
        ...(link
          ? {
              link:
                header.type === 'hardlink'
                  ? normalizeMemberName(header.linkname, file)
                  : header.linkname,
            }
          : {}),
        ...(header.type === 'file' ? { data: Buffer.concat(chunks).toString('latin1') } : {}),
      })
    }
    return { ok: true, members }
  })
}

/** The in-place index lists regular files only: names, sizes and bytes read by offset. */
function viaArchiveFile(file: string): Promise<Outcome> {
  return outcome(async () => {
    const index = await indexTarFile(file, 'a tar fixture')
    const members: Seen[] = []
    for (const name of index.names()) {
      const member = index.find(name)
      assert.ok(member, `${name} is listed but not found`)
      const bytes = await index.read(member, 1024 * 1024)
      members.push({
        name,
        type: 'file',
        size: member.size,
        data: Buffer.from(bytes).toString('latin1'),
      })
    }
    return { ok: true, members }
  })
}

/** Runs a fixture through all three readers and asserts they agree; returns the layer view. */
async function agreed(fixture: string): Promise<Outcome> {
  const file = join(FIXTURES, fixture)
  const layer = await viaLayerScanner(file)
  const stream = await viaArchiveStream(file)
  const inPlace = await viaArchiveFile(file)
  if (!layer.ok || !stream.ok || !inPlace.ok) {
    for (const other of [stream, inPlace]) {
      assert.equal(other.ok, layer.ok, `${fixture}: one reader refused, another did not`)
      if (!other.ok && !layer.ok) assert.equal(other.code, layer.code, `${fixture}: error kinds`)
    }
    return layer
  }
  // The root directory ("./") is an entry for the layer and a nameless member for archives.
  const named = layer.members.filter((m) => m.name !== '')
  assert.deepEqual(
    stream.members.filter((m) => m.name !== ''),
    named,
    `${fixture}: layer scanner and archive stream reader`,
  )
  assert.deepEqual(
    inPlace.members,
    named.filter((m) => m.type === 'file'),
    `${fixture}: layer scanner and in-place archive index`,
  )
  return layer
}

function entriesOf(result: Outcome): LayerEntry[] {
  assert.ok(result.ok, result.ok ? '' : `refused: ${result.message}`)
  return result.entries ?? []
}

const LONG_DIR = `a-directory-name-that-is-long-enough/${'n'.repeat(90)}`
const LONG_FILE = `${LONG_DIR}/file-with-a-long-path.txt`

for (const fixture of ['gnu-long-names.tar', 'pax-global.tar']) {
  void test(`${fixture}: long names and long link targets, the same through both readers`, async () => {
    const entries = entriesOf(await agreed(fixture))
    const byPath = new Map(entries.map((e) => [e.path, e]))
    assert.equal(byPath.get(LONG_FILE)?.size, 15)
    assert.equal(byPath.get(LONG_DIR)?.type, 'dir')
    assert.equal(byPath.get('etc/long-symlink')?.linkname, `/${LONG_FILE}`)
    assert.equal(byPath.get('etc/hardlink-to-long')?.linkname, LONG_FILE)
    assert.equal(byPath.get('etc/hello.txt')?.size, 6)
    assert.equal(entries.length, 8)
  })
}

void test('pax-global.tar: the global header applies to every entry after it', async () => {
  const entries = entriesOf(await agreed('pax-global.tar'))
  assert.ok(entries.length > 0)
  for (const entry of entries) assert.deepEqual([entry.uid, entry.gid], [4242, 4242], entry.path)
})

void test('base256.tar: uid and size fields in GNU base-256 are read by both', async () => {
  const entries = entriesOf(await agreed('base256.tar'))
  const [ids, sized] = entries
  assert.deepEqual(
    [ids?.path, ids?.uid, ids?.gid, ids?.size],
    ['big-ids.txt', 3000000, 3000001, 19],
  )
  assert.deepEqual([sized?.path, sized?.size], ['sized.txt', 17])
  const raw = readFileSync(join(FIXTURES, 'base256.tar'))
  assert.equal(raw[1024 + 124], 0x80, 'the fixture really holds a base-256 size')
})

void test('v7.tar: no magic, a directory marked only by its trailing slash', async () => {
  const entries = entriesOf(await agreed('v7.tar'))
  assert.deepEqual(
    entries.map((e) => [e.path, e.type, e.size]),
    [
      ['etc', 'dir', 0],
      ['etc/conf.d', 'dir', 0],
      ['etc/hello.txt', 'file', 6],
      ['etc/hi', 'symlink', 0],
    ],
  )
  const raw = readFileSync(join(FIXTURES, 'v7.tar'))
  assert.equal(raw.subarray(257, 262).toString('latin1'), '\0'.repeat(5), 'no ustar magic')
})

void test('unknown-typeflag.tar: an unknown type flag is a regular file for both', async () => {
  const entries = entriesOf(await agreed('unknown-typeflag.tar'))
  assert.deepEqual(
    entries.map((e) => [e.path, e.type, e.size]),
    [
      ['odd-member', 'file', 13],
      ['plain.txt', 'file', 6],
    ],
  )
})

void test('truncated.tar: both readers refuse it as MALFORMED, truncated', async () => {
  const file = join(FIXTURES, 'truncated.tar')
  const results = [
    await viaLayerScanner(file),
    await viaArchiveStream(file),
    await viaArchiveFile(file),
  ]
  for (const result of results) {
    assert.equal(result.ok, false)
    if (!result.ok) {
      assert.equal(result.code, 'MALFORMED')
      assert.match(result.message, /truncated/)
    }
  }
  await agreed('truncated.tar')
})

void test('pax-dotdot.tar: the ".." policy, a layer folds it into the root, an archive refuses it', async () => {
  const file = join(FIXTURES, 'pax-dotdot.tar')
  const layer = entriesOf(await viaLayerScanner(file))
  assert.deepEqual(
    layer.map((e) => [e.path, e.size, e.warnings ?? []]),
    [
      ['safe.txt', 5, []],
      ['escape.txt', 8, ['dot-dot']],
    ],
  )
  for (const archive of [await viaArchiveStream(file), await viaArchiveFile(file)]) {
    assert.equal(archive.ok, false)
    if (!archive.ok) {
      assert.equal(archive.code, 'MALFORMED')
      assert.match(archive.message, /"dir\/\.\.\/\.\.\/escape\.txt" climbs out of the archive/)
    }
  }
})

void test('global pax records count against the same 1 MiB cap in both readers', async () => {
  // Two global records of 600 KiB each: each passes the per-record cap, together they do not.
  const record = (key: string): string => {
    const body = `${key}=${'v'.repeat(600 * 1024)}\n`
    let length = body.length + 2
    while (`${length} ${body}`.length !== length) length++
    return `${length} ${body}`
  }
  const dir = mkdtempSync(join(tmpdir(), 'strata-tar-fixtures-'))
  const file = join(dir, 'global-pax-over-cap.tar')
  writeFileSync(
    file,
    rawTar([
      { name: 'GlobalHead.1', type: 'g', data: record('comment') },
      { name: 'GlobalHead.2', type: 'g', data: record('comment2') },
      { name: 'after.txt', data: 'after\n' },
    ]),
  )
  try {
    const results = [
      await viaLayerScanner(file),
      await viaArchiveStream(file),
      await viaArchiveFile(file),
    ]
    for (const result of results) {
      assert.equal(result.ok, false)
      if (!result.ok) {
        assert.equal(result.code, 'MALFORMED')
        assert.match(result.message, /adds up to more than 1 MiB/)
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
