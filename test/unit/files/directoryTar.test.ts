// The tar writer behind directory downloads: header encoding (ustar, prefix split, pax for
// what ustar cannot hold) checked with GNU tar and with Strata's own reader, and the stream's
// back-pressure and cancel against a layer read from a counting source.

import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import type { Readable } from 'node:stream'
import { test } from 'node:test'
import { indexLayer } from '../../../electron/files/indexLayer'
import { buildImageTree } from '../../../electron/filetree/imageTree'
import { planDirectoryTar } from '../../../electron/files/directoryTarPlan'
import { streamDirectoryTar } from '../../../electron/files/directoryTar'
import type { TarHeaderFields } from '../../../electron/tar/tarEncode'
import { TAR_END, encodeTarHeader, padding, paxRecord } from '../../../electron/tar/tarEncode'
import { scanTar } from '../../../electron/tar/tarStream'
import type { LayerEntry } from '../../../shared/api/files'
import { buildTar } from '../../harness/ociTar'
import { chunked, sha256 } from '../../harness/layerTars'

function archive(entries: readonly (TarHeaderFields & { data?: Buffer })[]): Buffer {
  const parts: Buffer[] = []
  for (const entry of entries) {
    parts.push(encodeTarHeader(entry))
    if (entry.data) parts.push(entry.data, padding(entry.data.length))
  }
  parts.push(TAR_END)
  return Buffer.concat(parts)
}

function gnuList(tar: Buffer): string[] {
  return execFileSync('tar', ['-tv', '--numeric-owner', '--full-time', '-f', '-'], {
    input: tar,
    env: { ...process.env, TZ: 'UTC', LC_ALL: 'C.UTF-8' },
  })
    .toString('utf8')
    .trim()
    .split('\n')
}

async function readBack(tar: Buffer): Promise<LayerEntry[]> {
  const entries: LayerEntry[] = []
  await scanTar(chunked(tar, 333), () => (entry) => {
    entries.push(entry)
    return undefined
  })
  return entries
}

const base = { mode: 0o644, uid: 0, gid: 0, size: 0, mtime: 1_700_000_000 }

test('pax records count their own length', () => {
  for (const value of ['', 'a', 'x'.repeat(90), 'é'.repeat(500)]) {
    const record = paxRecord('path', value).toString('utf8')
    const length = Number(record.slice(0, record.indexOf(' ')))
    assert.equal(Buffer.byteLength(record), length)
    assert.ok(record.endsWith(`path=${value}\n`))
  }
})

test('names: ustar, prefix split, pax for long and UTF-8 names and link targets', async () => {
  const split = `${'p'.repeat(120)}/${'n'.repeat(90)}`
  const long = `${'l'.repeat(200)}/${'m'.repeat(150)}.txt`
  const utf8 = 'données/☃ snow.txt'
  const longTarget = `/${'t'.repeat(150)}`
  const tar = archive([
    { ...base, name: 'dir', kind: 'dir', mode: 0o755 },
    { ...base, name: split, kind: 'file', size: 3, data: Buffer.from('abc') },
    { ...base, name: long, kind: 'file', size: 2, data: Buffer.from('hi') },
    { ...base, name: utf8, kind: 'file', mode: 0o600, size: 1, data: Buffer.from('x') },
    { ...base, name: 'link', kind: 'symlink', mode: 0o777, linkname: longTarget },
    { ...base, name: 'hard', kind: 'hardlink', linkname: utf8 },
    { ...base, name: 'pipe', kind: 'fifo' },
  ])
  assert.equal(encodeTarHeader({ ...base, name: split, kind: 'file' }).length, 512, 'split fits')
  const listing = gnuList(tar)
  assert.match(listing[0] ?? '', /^drwxr-xr-x 0\/0 +0 2023-11-14 22:13:20 dir\/$/)
  assert.match(listing[1] ?? '', new RegExp(`^-rw-r--r-- 0/0 +3 .* ${split}$`))
  assert.match(listing[2] ?? '', new RegExp(`^-rw-r--r-- 0/0 +2 .* ${long}$`))
  assert.match(listing[3] ?? '', /^-rw------- 0\/0 +1 .* données\/☃ snow\.txt$/)
  assert.match(listing[4] ?? '', new RegExp(`^lrwxrwxrwx .* link -> ${longTarget}$`))
  assert.match(listing[5] ?? '', /^hrw-r--r-- .* hard link to données\/☃ snow\.txt$/)
  assert.match(listing[6] ?? '', /^prw-r--r-- .* pipe$/)
  const entries = await readBack(tar)
  assert.deepEqual(
    entries.map((e) => [e.path, e.type, e.linkname]),
    [
      ['dir', 'dir', undefined],
      [split, 'file', undefined],
      [long, 'file', undefined],
      [utf8, 'file', undefined],
      ['link', 'symlink', longTarget],
      ['hard', 'hardlink', utf8],
      ['pipe', 'fifo', undefined],
    ],
  )
})

test('numbers ustar cannot hold go to pax: big sizes, ids, fractional and old times', async () => {
  const header = encodeTarHeader({
    ...base,
    name: 'huge',
    kind: 'file',
    size: 9 * 1024 ** 3,
    uid: 3_000_000,
    gid: 3_000_001,
    mtime: 1_700_000_000.25,
  })
  const text = header.toString('latin1')
  assert.match(text, /\d+ size=9663676416\n/)
  assert.match(text, /\d+ uid=3000000\n/)
  assert.match(text, /\d+ gid=3000001\n/)
  assert.match(text, /\d+ mtime=1700000000\.25\n/)
  assert.equal(
    header.subarray(header.length - 512 + 124, header.length - 512 + 135).toString(),
    '0'.repeat(11),
  )
  const small = archive([
    { ...base, name: 'ids', kind: 'file', uid: 3_000_000, gid: 7, mtime: 12.5, size: 0 },
  ])
  const [entry] = await readBack(small)
  assert.deepEqual([entry?.uid, entry?.gid, entry?.mtime], [3_000_000, 7, 12.5])
})

/** A one-layer image whose `big/` holds a 24 MiB file, read through a byte-counting source. */
async function bigDirectory() {
  const bigFile = Buffer.alloc(24 * 1024 * 1024, 7)
  const layer = Buffer.from(
    buildTar([
      { type: 'dir', path: 'big' },
      { type: 'file', path: 'big/a.bin', content: bigFile },
      { type: 'hardlink', path: 'big/b.bin', target: 'big/a.bin' },
    ]),
  )
  const digest = sha256(layer)
  const index = await indexLayer(chunked(layer, 65536), digest)
  const tree = buildImageTree([index])
  const plan = planDirectoryTar(tree.view, [index], 'big')
  let blobBytesRead = 0
  let blobDestroyed = false
  const openBlob = (): Promise<Readable> => {
    const source = chunked(layer, 65536)
    source.on('data', (chunk: Buffer) => (blobBytesRead += chunk.length))
    source.pause()
    source.on('close', () => (blobDestroyed = true))
    return Promise.resolve(source)
  }
  return {
    plan,
    index,
    bigFile,
    openBlob,
    read: () => blobBytesRead,
    destroyed: () => blobDestroyed,
  }
}

test('the tar stream waits for its reader and stops reading the layer when destroyed', async () => {
  const big = await bigDirectory()
  const tar = streamDirectoryTar(big.plan, [big.index], big.openBlob)
  await new Promise((resolve) => setTimeout(resolve, 300))
  assert.ok(big.read() < 4 * 1024 * 1024, `read ${big.read()} bytes with nobody reading`)
  tar.destroy()
  await new Promise((resolve) => setTimeout(resolve, 100))
  assert.equal(big.destroyed(), true, 'the layer stream was released')
})

test('a cancel ends the tar stream with CANCELLED even while nobody reads it', async () => {
  const big = await bigDirectory()
  const controller = new AbortController()
  const tar = streamDirectoryTar(big.plan, [big.index], big.openBlob, {
    signal: controller.signal,
  })
  const failed = new Promise<unknown>((resolve) => tar.once('error', resolve))
  await new Promise((resolve) => setTimeout(resolve, 100))
  controller.abort()
  assert.equal(((await failed) as { code?: string }).code, 'CANCELLED')
  await new Promise((resolve) => setTimeout(resolve, 100))
  assert.equal(big.destroyed(), true, 'the layer stream was released')
})

test('the tar stream extracts with GNU tar: data once, the hardlink after it', async () => {
  const big = await bigDirectory()
  const chunks: Buffer[] = []
  for await (const chunk of streamDirectoryTar(big.plan, [big.index], big.openBlob)) {
    chunks.push(chunk as Buffer)
  }
  const tar = Buffer.concat(chunks)
  assert.equal(tar.length, big.plan.archiveBytes)
  const listing = gnuList(tar)
  assert.equal(listing.length, 3)
  assert.match(listing[1] ?? '', /^-rw-r--r-- 0\/0 +25165824 .* big\/a\.bin$/)
  assert.match(listing[2] ?? '', /^hrw-r--r-- .* big\/b\.bin link to big\/a\.bin$/)
  const extracted = execFileSync('tar', ['-xOf', '-', 'big/a.bin'], {
    input: tar,
    maxBuffer: 64 * 1024 * 1024,
  })
  assert.ok(extracted.equals(big.bigFile))
})

test('device numbers: read from a Python-made tar, written back so GNU tar lists them', async () => {
  const python = execFileSync('python3', [
    '-c',
    `
import io, sys, tarfile
buf = io.BytesIO()
with tarfile.open(fileobj=buf, mode='w', format=tarfile.GNU_FORMAT) as t:
    for name, kind, major, minor in [('dev/null', tarfile.CHRTYPE, 1, 3), ('dev/sda1', tarfile.BLKTYPE, 8, 1)]:
        info = tarfile.TarInfo(name)
        info.type, info.devmajor, info.devminor, info.mode = kind, major, minor, 0o660
        t.addfile(info)
sys.stdout.buffer.write(buf.getvalue())
`,
  ])
  const read = await readBack(python)
  assert.deepEqual(
    read.map((e) => [e.path, e.type, e.device]),
    [
      ['dev/null', 'char', { major: 1, minor: 3 }],
      ['dev/sda1', 'block', { major: 8, minor: 1 }],
    ],
  )
  const written = archive(
    read.map((e) => ({
      ...base,
      name: e.path,
      kind: e.type,
      mode: e.mode,
      ...(e.device ? { device: e.device } : {}),
    })),
  )
  const listing = gnuList(written)
  assert.match(listing[0] ?? '', /^crw-rw---- 0\/0\s+1,3 .* dev\/null$/)
  assert.match(listing[1] ?? '', /^brw-rw---- 0\/0\s+8,1 .* dev\/sda1$/)
  assert.deepEqual(
    (await readBack(written)).map((e) => e.device),
    read.map((e) => e.device),
  )
})
