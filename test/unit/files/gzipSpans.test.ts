// Span hashes and the checkpoint sidecar, and ranged file reads from a local OCI layout (a
// file read at an offset): exact bytes for gzip and uncompressed layers, only the spans that
// hold the file read, a damaged sidecar treated as absent, altered blob bytes refused.

import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { gzipSync } from 'node:zlib'
import { after, before, test } from 'node:test'
import type { LayerEntry } from '../../../shared/api/files'
import type { Descriptor } from '../../../shared/oci/types'
import { LayerIndexCache } from '../../../electron/files/layerIndexCache'
import { ImageLayers } from '../../../electron/files/imageLayers'
import type { LayerIndexService, LayerRef } from '../../../electron/files/layerIndexService'
import { LayerIndexService as IndexService } from '../../../electron/files/layerIndexService'
import { openOciLayout } from '../../../electron/stores/oci-layout/ociLayoutSource'
import type { OciLayoutImageSource } from '../../../electron/sources/imageSource'

const MEMBER_SPLIT = 9_000_123

const sha256 = (bytes: Uint8Array): string =>
  `sha256:${createHash('sha256').update(bytes).digest('hex')}`

let dir: string
let tar: Buffer
let gz: Buffer
const layouts = new Map<
  string,
  { source: OciLayoutImageSource; layer: Descriptor; blobPath: string }
>()

/** An OCI layout holding one image with one layer (`blob`), tagged v1. */
async function writeLayout(name: string, blob: Buffer, mediaType: string): Promise<void> {
  const root = path.join(dir, name)
  const blobs = path.join(root, 'blobs', 'sha256')
  await mkdir(blobs, { recursive: true })
  const put = async (bytes: Buffer): Promise<Descriptor> => {
    const digest = sha256(bytes)
    await writeFile(path.join(blobs, digest.slice(7)), bytes)
    return { mediaType: 'application/octet-stream', digest, size: bytes.length }
  }
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      rootfs: { type: 'layers', diff_ids: [sha256(tar)] },
    }),
  )
  const configDescriptor = {
    ...(await put(config)),
    mediaType: 'application/vnd.oci.image.config.v1+json',
  }
  const layer = { ...(await put(blob)), mediaType }
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: configDescriptor,
      layers: [layer],
    }),
  )
  const manifestDescriptor = await put(manifest)
  await writeFile(path.join(root, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }))
  await writeFile(
    path.join(root, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      manifests: [
        {
          ...manifestDescriptor,
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          annotations: { 'org.opencontainers.image.ref.name': 'v1' },
        },
      ],
    }),
  )
  const source = await openOciLayout(root, 'v1')
  layouts.set(name, { source, layer, blobPath: path.join(blobs, layer.digest.slice(7)) })
}

before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'strata-spans-'))
  // ~20 MB of real files: perl modules, docs, binaries.
  tar = execFileSync('bash', ['-c', 'tar -cf - -C / usr/share/perl 2>/dev/null'], {
    maxBuffer: 256 * 1024 * 1024,
  })
  gz = execFileSync('gzip', ['-6', '-n'], { input: tar, maxBuffer: 256 * 1024 * 1024 })
  await writeLayout('gzip', gz, 'application/vnd.oci.image.layer.v1.tar+gzip')
  await writeLayout('plain', tar, 'application/vnd.oci.image.layer.v1.tar')
  // Two gzip members split at MEMBER_SPLIT, which falls inside some file's data.
  const members = Buffer.concat([
    gzipSync(tar.subarray(0, MEMBER_SPLIT)),
    gzipSync(tar.subarray(MEMBER_SPLIT)),
  ])
  await writeLayout('members', members, 'application/vnd.oci.image.layer.v1.tar+gzip')
})
after(() => rm(dir, { recursive: true, force: true }))

interface Opened {
  readonly layers: ImageLayers
  readonly service: LayerIndexService
  readonly cache: LayerIndexCache
  /** Bytes the ranged reads returned, and whether a whole-blob read happened. */
  readonly counts: { ranged: number; whole: number }
}

async function openImage(name: string, cacheDir: string, worker = false): Promise<Opened> {
  const entry = layouts.get(name)
  assert.ok(entry)
  const { source, layer } = entry
  const cache = new LayerIndexCache(cacheDir)
  const service = new IndexService(cache, { worker })
  const counts = { ranged: 0, whole: 0 }
  const count = (stream: Readable, key: 'ranged' | 'whole'): Readable =>
    stream.on('data', (chunk: Buffer) => {
      counts[key] += chunk.length
    })
  const ref: LayerRef = {
    digest: layer.digest,
    open: async (signal) => count(await source.openBlob(layer, { signal }), 'whole'),
    openRange: async (range, signal) => {
      const answer = await source.openBlobRange(layer, range, { signal })
      return answer.kind === 'partial'
        ? { ...answer, stream: count(answer.stream, 'ranged') }
        : answer
    },
  }
  const layers = await ImageLayers.load([ref], service)
  counts.whole = 0
  return { layers, service, cache, counts }
}

async function readAll(layers: ImageLayers, entry: LayerEntry): Promise<Buffer> {
  const opened = await layers.openFile(entry.path)
  const parts: Buffer[] = []
  for await (const chunk of opened.stream as AsyncIterable<Buffer>) parts.push(chunk)
  return Buffer.concat(parts)
}

const expected = (entry: LayerEntry): Buffer =>
  tar.subarray(entry.dataOffset, entry.dataOffset + entry.size)

const filesOf = (layers: ImageLayers): LayerEntry[] =>
  (layers.indexes[0]?.entries ?? []).filter((e) => e.type === 'file')

test('span hashes cover the blob in overlapping spans, each the SHA-256 of its bytes', async () => {
  const { cache } = await openImage('gzip', path.join(dir, 'cache-hashes'))
  const digest = layouts.get('gzip')?.layer.digest ?? ''
  const spans = await cache.spans(digest)
  assert.ok(spans)
  assert.ok(spans.points.length >= Math.floor(tar.length / (4 * 1024 * 1024)) - 1)
  const starts = [0, ...spans.points.map((p) => p.compressedOffset)]
  for (const [s, start] of starts.entries()) {
    const end = starts[s + 1] ?? gz.length - 1
    const hash = createHash('sha256')
      .update(gz.subarray(start, end + 1))
      .digest()
    assert.ok(hash.equals(spans.spanHashes[s] ?? Buffer.alloc(0)), `span ${s}`)
  }
  for (const [i] of spans.points.entries()) {
    const checkpoint = await spans.checkpoint(i)
    assert.ok(checkpoint)
    const u = checkpoint.uncompressedOffset
    assert.ok(Buffer.from(checkpoint.window).equals(tar.subarray(u - 32768, u)))
  }
})

for (const [name, worker] of [
  ['gzip', false],
  ['gzip', true],
  ['plain', false],
] as const) {
  test(`${name} layer${worker ? ' (indexed on a worker)' : ''}: files read by range, exact bytes`, async () => {
    const { layers, counts } = await openImage(
      name,
      path.join(dir, `cache-${name}-${worker}`),
      worker,
    )
    const files = filesOf(layers)
    const picks = [files.at(-1), files.at(-40), files.at(Math.floor(files.length / 2)), files[3]]
    const blobSize = layouts.get(name)?.layer.size ?? 0
    for (const entry of picks) {
      assert.ok(entry)
      counts.ranged = 0
      const bytes = await readAll(layers, entry)
      assert.ok(bytes.equals(expected(entry)), entry.path)
      assert.equal(counts.whole, 0, 'no full read')
      assert.ok(counts.ranged > 0 || entry.size === 0)
      assert.ok(counts.ranged < blobSize / 2, `${counts.ranged} of ${blobSize} bytes read`)
    }
  })
}

test('multi-member gzip: a file across the member boundary is finished by a full read', async () => {
  const { layers, counts } = await openImage('members', path.join(dir, 'cache-members'))
  const files = filesOf(layers)
  const across = files.find(
    (e) => e.dataOffset < MEMBER_SPLIT && e.dataOffset + e.size > MEMBER_SPLIT,
  )
  const inside = files.find((e) => e.dataOffset > MEMBER_SPLIT + 5_000_000 && e.size > 0)
  assert.ok(across && inside, 'a file across the split and one well inside member two')
  assert.ok(across.dataOffset > 4 * 1024 * 1024, 'past the first checkpoint')
  const bytes = await readAll(layers, across)
  assert.ok(bytes.equals(expected(across)))
  assert.ok(counts.whole > 0, 'the rest came from a full read')
  counts.whole = 0
  const later = await readAll(layers, inside)
  assert.ok(later.equals(expected(inside)))
  assert.equal(counts.whole, 0, 'checkpoints in the second member serve it by range')
})

test('a damaged sidecar is absent: full read, right bytes, no crash', async () => {
  const cacheDir = path.join(dir, 'cache-damaged')
  const first = await openImage('gzip', cacheDir)
  const digest = layouts.get('gzip')?.layer.digest ?? ''
  const sidecar = path.join(cacheDir, 'sha256', `${digest.slice(7)}.spans`)
  const good = await readFile(sidecar)
  const entry = filesOf(first.layers).at(-5)
  assert.ok(entry)
  const damages: [string, Buffer][] = [
    ['table byte flipped', flip(good, 60)],
    ['every window altered', flipWindows(good)],
    ['truncated', good.subarray(0, good.length - 1)],
    ['garbage', Buffer.from('not a sidecar at all')],
    ['empty', Buffer.alloc(0)],
  ]
  for (const [what, bytes] of damages) {
    await writeFile(sidecar, bytes)
    const again = await openImage('gzip', cacheDir)
    const read = await readAll(again.layers, entry)
    assert.ok(read.equals(expected(entry)), what)
    assert.ok(again.counts.whole > 0, `${what}: fell back to a full read`)
  }
})

test('blob bytes altered after indexing: the ranged read refuses them', async () => {
  const cacheDir = path.join(dir, 'cache-altered')
  const { layers } = await openImage('plain', cacheDir)
  const entry = filesOf(layers)
    .filter((e) => e.size > 100)
    .at(-3)
  assert.ok(entry)
  const blobPath = layouts.get('plain')?.blobPath ?? ''
  const original = await readFile(blobPath)
  try {
    await writeFile(blobPath, flip(original, entry.dataOffset + 10))
    await assert.rejects(readAll(layers, entry), (error) => {
      assert.equal((error as { code?: string }).code, 'DIGEST_MISMATCH')
      assert.match((error as Error).message, /sha256:[0-9a-f]{64}/)
      return true
    })
  } finally {
    await writeFile(blobPath, original)
  }
})

/** One byte changed in each 32 KiB window after the sidecar's table (see gzipSpansFile.ts). */
function flipWindows(sidecar: Buffer): Buffer {
  const windowsStart = 8 + 4 + 32 + sidecar.readUInt32BE(8)
  let copy = sidecar
  for (let at = windowsStart + 100; at < sidecar.length; at += 32 * 1024) copy = flip(copy, at)
  return copy
}

function flip(bytes: Buffer, at: number): Buffer {
  const copy = Buffer.from(bytes)
  copy[at] = (copy[at] ?? 0) ^ 0xff
  return copy
}
