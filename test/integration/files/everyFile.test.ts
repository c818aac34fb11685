// Every file of a real layer, read back through every way Strata reads layers, equals what GNU
// tar extracts. The layer is a slice of this machine's own files (already-compressed
// changelogs, zoneinfo, dpkg's status, a few large binaries) compressed as real tools write
// it: GNU gzip -1/-6/-9, Python's gzip, Node's zlib, pigz, zstd, and uncompressed. Paths:
// a local OCI layout (seek from checkpoints), a real registry with an empty blob cache
// (Range reads verified against span hashes), and a registry layer kept in the blob cache.
// Each compression has one path that reads every file one by one (zstd, which has no
// checkpoints, reads a sample that way); the others read a fixed random sample; and the whole
// filesystem is downloaded as one tar and every file in it compared. Windows across every
// checkpoint of the large files are read on every path.

import assert from 'node:assert/strict'
import { execFileSync, spawn } from 'node:child_process'
import { once } from 'node:events'
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, test } from 'node:test'
import { downloadQuery } from '../../../shared/api'
import type { LayerEntry } from '../../../shared/api/files'
import { createHandlers } from '../../../electron/api/handlers'
import type { HandlerTable } from '../../../electron/api/handlerTable'
import { composeServices } from '../../../electron/app/composeServices'
import { BlobCache } from '../../../electron/cache/blobCache'
import { createDownloadProvider } from '../../../electron/files/downloads'
import type { DownloadProvider } from '../../../electron/files/downloads'
import { LayerIndexCache } from '../../../electron/files/layerIndexCache'
import { untrackedOperations } from '../../../electron/util/operationTracker'
import { ImageFiles } from '../../../electron/files/imageFilesService'
import { LayerIndexService } from '../../../electron/files/layerIndexService'
import { callHandler, listLayerEntries } from '../../harness/handlerCalls'
import { singleLayerImage } from '../../harness/layerTars'
import { RegistryPusher } from '../../harness/ociPusher'
import { startRegistry } from '../../harness/registryServer'
import type { RunningRegistry } from '../../harness/registryServer'

const BIG = 256 * 1024 * 1024
const READ_CHUNK = 1024 * 1024
const SAMPLE = 40

const sha256 = (bytes: Uint8Array): string =>
  `sha256:${createHash('sha256').update(bytes).digest('hex')}`
const run = (command: string, args: readonly string[], input?: Buffer): Buffer =>
  execFileSync(command, args, { maxBuffer: BIG, ...(input ? { input } : {}) })

type PathName = 'layout' | 'registry' | 'cache'

interface Variant {
  readonly id: string
  readonly mediaType: string
  readonly compress: (tar: Buffer) => Buffer
  /**
   * The path that reads every file of this variant one by one; the others read a sample. A
   * zstd layer has no checkpoints, so each read decompresses from the start: its files are
   * read one by one only as a sample on every path, and all of them through the download.
   */
  readonly everyFileVia: PathName | 'download only'
}

const GZIP = 'application/vnd.oci.image.layer.v1.tar+gzip'
const PYTHON_GZIP =
  'import gzip, sys; sys.stdout.buffer.write(gzip.compress(sys.stdin.buffer.read(), 9, mtime=0))'

const variants: readonly Variant[] = [
  {
    id: 'gzip1',
    mediaType: GZIP,
    compress: (t) => run('gzip', ['-1', '-n'], t),
    everyFileVia: 'registry',
  },
  {
    id: 'gzip6',
    mediaType: GZIP,
    compress: (t) => run('gzip', ['-6', '-n'], t),
    everyFileVia: 'layout',
  },
  {
    id: 'gzip9',
    mediaType: GZIP,
    compress: (t) => run('gzip', ['-9', '-n'], t),
    everyFileVia: 'cache',
  },
  {
    id: 'python',
    mediaType: GZIP,
    compress: (t) => run('python3', ['-c', PYTHON_GZIP], t),
    everyFileVia: 'registry',
  },
  {
    id: 'nodezlib',
    mediaType: GZIP,
    compress: (t) =>
      run(
        process.execPath,
        ['-e', 'process.stdout.write(require("zlib").gzipSync(require("fs").readFileSync(0)))'],
        t,
      ),
    everyFileVia: 'layout',
  },
  {
    id: 'pigz',
    mediaType: GZIP,
    compress: (t) => run('pigz', ['-6', '-n'], t),
    everyFileVia: 'registry',
  },
  {
    id: 'zstd',
    mediaType: 'application/vnd.oci.image.layer.v1.tar+zstd',
    compress: (t) => run('zstd', ['-q', '-3', '-c'], t),
    everyFileVia: 'download only',
  },
  {
    id: 'plain',
    mediaType: 'application/vnd.oci.image.layer.v1.tar',
    compress: (t) => t,
    everyFileVia: 'cache',
  },
]

let work: string
let extracted: string
let layoutDir: string
let registry: RunningRegistry
let tar: Buffer
/** The app's own handlers: OCI layouts by seek, registry layers through the blob cache. */
let appTable: HandlerTable
/** Directory downloads (`GET /api/download`'s provider), as the app composes it. */
let downloads: DownloadProvider
/** A blob cache too small to keep any layer: every registry read is a Range read. */
let rangeTable: HandlerTable
let rangeIndex: LayerIndexCache

/**
 * ~26 MB of this machine's files, regular files only, as GNU tar writes them: two large
 * binaries first (so checkpoints fall inside them), then ~10 MB of small files, most of
 * which lie past a checkpoint.
 */
function realTar(): Buffer {
  const list = (script: string): string[] =>
    run('bash', ['-c', `cd / && ${script}`])
      .toString('utf8')
      .split('\n')
      .filter((line) => line.includes(' '))
  const large = list(
    'find usr/lib/file usr/sbin usr/bin -xdev -type f -size +5M -size -12M -printf "%s %p\\n" 2>/dev/null | sort -k2 | head -2',
  )
  const small = list(
    'find usr/share/zoneinfo var/lib/dpkg/status usr/share/doc -xdev -type f -size -300k -printf "%s %p\\n" 2>/dev/null | sort -k2',
  )
  const names: string[] = []
  let smallTotal = 0
  for (const line of [...large, ...small]) {
    const space = line.indexOf(' ')
    const size = Number(line.slice(0, space))
    if (size < 5 * 1024 * 1024) {
      if (smallTotal + size > 10 * 1024 * 1024) continue
      smallTotal += size + 512
    }
    names.push(line.slice(space + 1))
  }
  return run(
    'tar',
    ['-C', '/', '--no-recursion', '-cf', '-', '-T', '-'],
    Buffer.from(names.join('\n')),
  )
}

before(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'strata-every-file-'))
  tar = realTar()
  assert.ok(tar.length > 12 * 1024 * 1024, `the layer is ${tar.length} bytes`)
  extracted = path.join(work, 'extracted')
  mkdirSync(extracted)
  run('tar', ['-xf', '-', '-C', extracted], tar)

  layoutDir = path.join(work, 'layout')
  mkdirSync(path.join(layoutDir, 'blobs', 'sha256'), { recursive: true })
  writeFileSync(path.join(layoutDir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}')
  const blob = (bytes: Buffer): void =>
    writeFileSync(path.join(layoutDir, 'blobs', 'sha256', sha256(bytes).slice(7)), bytes)
  registry = await startRegistry()
  const pusher = new RegistryPusher({ host: registry.host })
  const manifests: unknown[] = []
  for (const variant of variants) {
    const layer = variant.compress(tar)
    const { config, manifest } = singleLayerImage(tar, layer, variant.mediaType)
    for (const bytes of [layer, config, manifest]) blob(bytes)
    manifests.push({
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest: sha256(manifest),
      size: manifest.length,
      annotations: { 'org.opencontainers.image.ref.name': variant.id },
    })
    await pusher.pushBlob('every/file', sha256(layer), layer)
    await pusher.pushBlob('every/file', sha256(config), config)
    await pusher.pushManifest(
      'every/file',
      variant.id,
      manifest,
      'application/vnd.oci.image.manifest.v1+json',
    )
  }
  writeFileSync(path.join(layoutDir, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests }))

  const dataDir = path.join(work, 'data')
  const services = await composeServices({ mode: 'web', dataDir, env: {} })
  appTable = createHandlers(services)
  downloads = createDownloadProvider(services)
  rangeIndex = new LayerIndexCache(path.join(dataDir, 'range-index'))
  const files = new ImageFiles({
    indexService: new LayerIndexService(rangeIndex),
    blobs: await BlobCache.open(path.join(dataDir, 'range-blobs'), 1024 * 1024),
    indexCache: { bytes: () => Promise.resolve(0), clear: () => Promise.resolve() },
  })
  rangeTable = createHandlers({ ...services, files })
})

after(async () => {
  await registry?.stop()
  if (work) rmSync(work, { recursive: true, force: true })
})

function refOf(via: PathName, variant: Variant): string {
  return via === 'layout'
    ? `oci:${layoutDir}:${variant.id}`
    : `docker://${registry.host}/every/file:${variant.id}`
}
const tableOf = (via: PathName): HandlerTable => (via === 'registry' ? rangeTable : appTable)

async function readRange(
  via: PathName,
  variant: Variant,
  entry: LayerEntry,
  offset: number,
  length: number,
): Promise<Buffer> {
  const parts: Buffer[] = []
  for (let at = offset; at < offset + length; at += READ_CHUNK) {
    const chunk = await callHandler(tableOf(via), 'files:read', {
      ref: refOf(via, variant),
      path: entry.path,
      offset: at,
      length: Math.min(READ_CHUNK, offset + length - at),
    })
    parts.push(Buffer.from(chunk.base64, 'base64'))
  }
  return Buffer.concat(parts)
}

/** The layer's regular files (and hardlinks to them), listed by Strata after indexing it. */
async function indexedFiles(via: PathName, variant: Variant): Promise<LayerEntry[]> {
  const ref = refOf(via, variant)
  const info = await callHandler(tableOf(via), 'layers:index', { ref, layer: '1' })
  assert.equal(info.uncompressedSize, tar.length)
  const entries = await listLayerEntries(tableOf(via), ref, '1')
  return entries.filter((e) => e.type === 'file' || e.type === 'hardlink')
}

/** Windows of 8 KiB around every checkpoint that falls inside a file. */
async function checkpointWindows(
  files: readonly LayerEntry[],
  variant: Variant,
): Promise<{ entry: LayerEntry; offset: number; length: number }[]> {
  const spans = await rangeIndex.spans(sha256(variant.compress(tar)))
  if (!spans) return []
  const windows: { entry: LayerEntry; offset: number; length: number }[] = []
  for (const point of spans.points) {
    const at = point.uncompressedOffset
    const entry = files.find((e) => e.dataOffset < at && at < e.dataOffset + e.size)
    if (!entry || entry.type !== 'file') continue
    const offset = Math.max(0, at - entry.dataOffset - 4096)
    windows.push({ entry, offset, length: Math.min(8192, entry.size - offset) })
  }
  return windows
}

/** A fixed pseudo-random sample (same every run). */
function sample<T>(items: readonly T[], count: number, seed: number): T[] {
  let state = seed
  const picked = new Set<number>()
  while (picked.size < Math.min(count, items.length)) {
    state = (state * 1103515245 + 12345) >>> 0
    picked.add(state % items.length)
  }
  return [...picked].sort((a, b) => a - b).map((i) => items[i] as T)
}

const expectedBytes = (entry: LayerEntry): Buffer => readFileSync(path.join(extracted, entry.path))

/** How many regular files GNU tar lists in the layer. */
const tarFileCount = (): number =>
  run('tar', ['-tvf', '-'], tar)
    .toString('utf8')
    .split('\n')
    .filter((line) => line.startsWith('-') || line.startsWith('h')).length

/** The whole filesystem downloaded as one tar (one pass over the layer), as GNU tar extracts it. */
async function downloadedRoot(variant: Variant): Promise<string> {
  const query = new URLSearchParams(
    downloadQuery({ ref: refOf('layout', variant), path: '/' }).replace(/^\?/, ''),
  )
  const prepared = await downloads(query, new AbortController().signal, untrackedOperations())
  const target = path.join(work, `download-${variant.id}`)
  mkdirSync(target)
  const tarProcess = spawn('tar', ['-xf', '-', '-C', target], {
    stdio: ['pipe', 'ignore', 'inherit'],
  })
  prepared.stream.pipe(tarProcess.stdin)
  const [code] = (await once(tarProcess, 'close')) as [number | null]
  assert.equal(code, 0, 'GNU tar extracts the downloaded tar')
  return target
}

for (const [v, variant] of variants.entries()) {
  const oneByOne =
    variant.everyFileVia === 'download only'
      ? 'a sample one by one on every path'
      : `one by one via ${variant.everyFileVia}, a sample via the others`
  test(`${variant.id}: every file equals GNU tar's extraction (${oneByOne}, all in a directory download)`, async () => {
    const files = await indexedFiles('layout', variant)
    const downloaded = await downloadedRoot(variant)
    const differing = files.filter(
      (entry) => !readFileSync(path.join(downloaded, entry.path)).equals(expectedBytes(entry)),
    )
    assert.deepEqual(
      differing.slice(0, 5).map((e) => e.path),
      [],
      `${differing.length} files differ in the download`,
    )

    const expectedCount = tarFileCount()
    for (const via of ['registry', 'layout', 'cache'] as const) {
      const files = await indexedFiles(via, variant)
      assert.equal(files.length, expectedCount, `files listed via ${via}`)
      const count = variant.everyFileVia === 'download only' ? SAMPLE / 4 : SAMPLE
      const chosen = via === variant.everyFileVia ? files : sample(files, count, 17 + v)
      const wrong: string[] = []
      for (const entry of chosen) {
        const bytes = await readRange(via, variant, entry, 0, entry.size)
        if (!bytes.equals(expectedBytes(entry))) wrong.push(entry.path)
      }
      assert.deepEqual(
        wrong.slice(0, 5),
        [],
        `${wrong.length} of ${chosen.length} files differ via ${via}`,
      )
      // Windows deep inside files, across each checkpoint (the spans recorded via the registry).
      const windows = await checkpointWindows(files, variant)
      if (variant.id.startsWith('gzip')) assert.ok(windows.length >= 3, `${windows.length} windows`)
      for (const window of windows) {
        const bytes = await readRange(via, variant, window.entry, window.offset, window.length)
        const expected = expectedBytes(window.entry).subarray(
          window.offset,
          window.offset + window.length,
        )
        assert.ok(bytes.equals(expected), `${window.entry.path} at ${window.offset} via ${via}`)
      }
    }
  })
}
