// The OCI layout the files view e2e test opens (test/e2e/files/files.test.ts): what the bundled
// sample lacks — a modified file, binary bytes, an image, a file larger than one page, a hard
// link — plus an image whose layer blob is corrupt and one with 200,000 entries.

import assert from 'node:assert/strict'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { crc32, deflateSync, gzipSync } from 'node:zlib'
import { OCI, OciLayoutBuilder, sha256Digest, type TarEntrySpec } from './ociBuilder'

/** 0x00..0xff three times: NUL bytes, so the viewer must show hex. */
export const BINARY = Uint8Array.from({ length: 768 }, (_, i) => i % 256)
/** About 300 KiB of numbered lines: three 128 KiB pages. */
const BIG_TEXT =
  Array.from(
    { length: 6000 },
    (_, i) => `line ${String(i + 1).padStart(5, '0')} ${'x'.repeat(40)}`,
  ).join('\n') + '\n'

function pngChunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const out = Buffer.alloc(12 + data.length)
  out.writeUInt32BE(data.length, 0)
  body.copy(out, 4)
  out.writeUInt32BE(crc32(body), 8 + data.length)
  return out
}

/** A valid 2×1 RGB PNG. */
function tinyPng(): Uint8Array {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(2, 0)
  header.writeUInt32BE(1, 4)
  header.set([8, 2, 0, 0, 0], 8)
  const pixels = Buffer.from([0, 255, 0, 0, 0, 0, 255])
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(pixels)),
    pngChunk('IEND', new Uint8Array(0)),
  ])
}

const lowerLayer: readonly TarEntrySpec[] = [
  { type: 'dir', path: 'etc' },
  { type: 'file', path: 'etc/app.ini', content: '[server]\nport = 80\n' },
  { type: 'dir', path: 'data' },
  { type: 'file', path: 'data/blob.bin', content: BINARY },
  { type: 'hardlink', path: 'data/blob-link', target: 'data/blob.bin' },
]
const upperLayer: readonly TarEntrySpec[] = [
  { type: 'dir', path: 'etc' },
  { type: 'file', path: 'etc/app.ini', content: '# tuned\n[server]\nport = 8080\n' },
  { type: 'dir', path: 'data' },
  { type: 'file', path: 'data/pixel.png', content: tinyPng() },
  { type: 'file', path: 'data/big.txt', content: BIG_TEXT },
]

/** The broken image's top layer, and bytes of the same size stored under its digest. */
const honestTop: readonly TarEntrySpec[] = [
  { type: 'file', path: 'only-in-broken.txt', content: 'never readable\n' },
]
const tamperedTop: readonly TarEntrySpec[] = [
  { type: 'file', path: 'only-in-broken.txt', content: 'NEVER readable\n' },
]

/** Entries in the big layer: enough that indexing it takes a few seconds (time to cancel). */
const MANY = 200_000

/**
 * A ustar archive of `count` empty files in many/, written header by header (the harness's
 * general tar writer is too slow for this many entries).
 */
export function manyFilesTar(count: number): Uint8Array {
  const tar = new Uint8Array((count + 3) * 512)
  const ascii = (text: string): Uint8Array => Buffer.from(text, 'ascii')
  const header = (at: number, name: string, typeflag: string, mode: string): void => {
    const h = tar.subarray(at, at + 512)
    h.set(ascii(name), 0)
    h.set(ascii(`${mode}\0`), 100)
    h.set(ascii('0000000\0'), 108)
    h.set(ascii('0000000\0'), 116)
    h.set(ascii('00000000000\0'), 124)
    h.set(ascii(`${(1_704_067_200).toString(8).padStart(11, '0')}\0`), 136)
    h.set(ascii('        '), 148)
    h.set(ascii(typeflag), 156)
    h.set(ascii('ustar\u000000'), 257)
    let sum = 0
    for (const byte of h) sum += byte
    h.set(ascii(`${sum.toString(8).padStart(6, '0')}\0 `), 148)
  }
  header(0, 'many/', '5', '0000755')
  for (let i = 0; i < count; i++) {
    header((i + 1) * 512, `many/f${String(i).padStart(6, '0')}`, '0', '0000644')
  }
  return tar
}

export interface FilesLayout {
  /** Two layers: a modified ini file, binary bytes, a PNG, 300 KiB of text, a hard link. */
  readonly filesRef: string
  /** Its top layer's blob is other bytes of the same size: DIGEST_MISMATCH. */
  readonly brokenRef: string
  /** One layer of 200,000 empty files in many/: indexing takes seconds. */
  readonly manyRef: string
}

/** Writes the OCI layout into `dir` and returns the references of its three images. */
export async function writeFilesLayout(dir: string): Promise<FilesLayout> {
  const builder = new OciLayoutBuilder(dir)
  const add = (
    layers: readonly (readonly TarEntrySpec[])[],
    tag: string,
    compression: 'gzip' | 'none',
  ) => {
    const descriptors = layers.map((files) => builder.addLayer(files, { compression }))
    const config = builder.addConfig({
      architecture: 'amd64',
      os: 'linux',
      rootfs: { type: 'layers', diff_ids: descriptors.map((d) => d.diffId) },
      history: [{ created_by: 'ADD lower.tar /' }, { created_by: `COPY ${tag} /` }],
    })
    const manifest = builder.addManifest({ config, layers: descriptors })
    builder.tag(tag, manifest)
    return descriptors
  }
  add([lowerLayer, upperLayer], 'files', 'gzip')
  const broken = add([lowerLayer, honestTop], 'broken', 'none')
  const manyTar = manyFilesTar(MANY)
  const many = {
    ...builder.addBlob(gzipSync(manyTar, { level: 1 }), OCI.layerGzip),
    diffId: sha256Digest(manyTar),
  }
  const manyConfig = builder.addConfig({
    architecture: 'amd64',
    os: 'linux',
    rootfs: { type: 'layers', diff_ids: [many.diffId] },
  })
  builder.tag('many', builder.addManifest({ config: manyConfig, layers: [many] }))
  await builder.write()
  // Same size, other bytes: only the digest check can tell.
  const digest = broken[1]?.digest
  assert.ok(digest)
  const tampered = new OciLayoutBuilder(dir)
  const bytes = tampered.getBlob(tampered.addLayer(tamperedTop, { compression: 'none' }).digest)
  assert.ok(bytes && bytes.length === broken[1]?.size)
  await writeFile(path.join(dir, 'blobs', 'sha256', digest.slice('sha256:'.length)), bytes)
  return {
    filesRef: `oci:${dir}:files`,
    brokenRef: `oci:${dir}:broken`,
    manyRef: `oci:${dir}:many`,
  }
}
