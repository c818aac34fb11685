// The eStargz footer and TOC parsers on layers the harness writes from the format's
// definition (no Debian tool writes eStargz), and on broken ones: every fault is a TocError
// naming what is wrong, never a crash or a wrong answer.

import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { test } from 'node:test'
import { gunzipSync, gzipSync } from 'node:zlib'
import {
  decodeEstargzToc,
  ESTARGZ_FOOTER_SIZE,
  parseEstargzFooter,
} from '../../../electron/compression/estargzToc'
import { TocError, tocFormatOf, validateToc } from '../../../electron/compression/layerToc'
import { estargzFooter, estargzFromTar } from '../../harness/chunkedLayers'

const tarOf = (...paths: string[]): Buffer =>
  execFileSync('tar', ['--format=gnu', '-C', '/', '-cf', '-', ...paths], {
    maxBuffer: 256 * 1024 * 1024,
  })

function tocOf(blob: Buffer): ReturnType<typeof decodeEstargzToc> {
  const offset = parseEstargzFooter(blob.subarray(blob.length - ESTARGZ_FOOTER_SIZE), blob.length)
  return decodeEstargzToc(blob.subarray(offset, blob.length - ESTARGZ_FOOTER_SIZE))
}

test('the footer is an empty gzip member and names the TOC offset', () => {
  const footer = estargzFooter(0x1234567)
  assert.equal(footer.length, ESTARGZ_FOOTER_SIZE)
  assert.equal(gunzipSync(footer).length, 0)
  assert.equal(parseEstargzFooter(footer, 0x2000000), 0x1234567)
})

test('a harness-written eStargz layer: the TOC lists what GNU tar lists, its digest is the annotation', () => {
  const tar = tarOf('usr/share/doc/bash', 'usr/share/doc/tar')
  const layer = estargzFromTar(tar, { chunkSize: 4096 })
  assert.equal(tocFormatOf(layer.annotations), 'estargz')
  const { toc, digest } = tocOf(layer.blob)
  assert.equal(digest, layer.annotations['containerd.io/snapshot/stargz/toc.digest'])
  const names = execFileSync('tar', ['-tf', '-'], { input: tar })
    .toString('utf8')
    .split('\n')
    .filter((n) => n !== '')
  assert.deepEqual(
    toc.entries.filter((e) => e.type !== 'chunk').map((e) => e.name),
    names,
  )
  const chunks = toc.entries.filter((e) => e.type === 'chunk')
  assert.ok(chunks.length > 0, 'files over 4 KiB are chunked')
  assert.ok(chunks.every((c) => c.offset > 0 && c.chunkDigest !== undefined))
  // The blob is still one valid gzip stream of the tar plus the TOC entry.
  const whole = gunzipSync(layer.blob)
  const at = whole.indexOf('stargz.index.json')
  assert.ok(at > 0 && at % 512 === 0, 'the TOC entry follows the entries')
  assert.ok(whole.subarray(0, at).equals(tar.subarray(0, at)))
  assert.ok(
    tar.subarray(at).every((b) => b === 0),
    'only the end blocks of the tar differ',
  )
})

test('a layer that does not end with an eStargz footer is refused', () => {
  const plain = gzipSync(tarOf('usr/share/doc/bash'))
  assert.throws(
    () => parseEstargzFooter(plain.subarray(plain.length - ESTARGZ_FOOTER_SIZE), plain.length),
    (e: unknown) => e instanceof TocError && /does not end with an eStargz footer/.test(e.message),
  )
})

test('a footer pointing past the end of the layer is refused', () => {
  assert.throws(
    () => parseEstargzFooter(estargzFooter(5000), 4000),
    (e: unknown) => e instanceof TocError && /past the end/.test(e.message),
  )
})

test('a TOC member that is not gzip, or not stargz.index.json, is refused', () => {
  assert.throws(() => decodeEstargzToc(Buffer.from('not gzip at all')), /not valid gzip/)
  const other = gzipSync(tarOf('usr/share/doc/bash/copyright'))
  assert.throws(() => decodeEstargzToc(other), /not stargz\.index\.json/)
})

test('malformed TOC JSON: wrong version, entries missing, unknown type, bad numbers, bad digest', () => {
  const cases: [unknown, RegExp][] = [
    [[], /not a JSON object/],
    [{ version: 2, entries: [] }, /version is not 1/],
    [{ version: 1 }, /no entries array/],
    [{ version: 1, entries: [{ name: 'a', type: 'socket' }] }, /unknown type/],
    [{ version: 1, entries: [{ type: 'reg' }] }, /has no name/],
    [{ version: 1, entries: [{ name: 'a', type: 'reg', size: -1 }] }, /"size" is not/],
    [{ version: 1, entries: [{ name: 'a', type: 'reg', offset: 1.5 }] }, /"offset" is not/],
    [{ version: 1, entries: [{ name: 'a', type: 'reg', digest: 'md5:x' }] }, /not a sha256/],
    [{ version: 1, entries: [{ name: 'a', type: 'reg', modtime: 'soon' }] }, /not a date/],
    [{ version: 1, entries: [{ name: 'a/'.repeat(2049), type: 'dir' }] }, /over 4096 bytes/],
    [
      { version: 1, entries: [{ name: 'l', type: 'symlink', linkName: 'x'.repeat(4097) }] },
      /over 4096 bytes/,
    ],
    [
      { version: 1, entries: [{ name: 'a', type: 'reg', offset: 9, endOffset: 3 }] },
      /ends before it starts/,
    ],
  ]
  for (const [json, message] of cases) {
    assert.throws(
      () => validateToc(json, 'estargz'),
      (e: unknown) => e instanceof TocError && message.test(e.message),
      JSON.stringify(json),
    )
  }
})

test('Go zero times read as 0, real times as seconds; modes and ids default to 0', () => {
  const toc = validateToc(
    {
      version: 1,
      entries: [
        { name: 'a', type: 'dir', modtime: '0001-01-01T00:00:00Z' },
        { name: 'b', type: 'reg', modtime: '2024-05-01T10:00:00Z', size: 3 },
      ],
    },
    'estargz',
  )
  assert.equal(toc.entries[0]?.modtime, 0)
  assert.equal(toc.entries[1]?.modtime, Date.UTC(2024, 4, 1, 10) / 1000)
  assert.equal(toc.entries[1]?.uid, 0)
  assert.equal(toc.entries[1]?.mode, 0)
})
