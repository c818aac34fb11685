// eStargz and zstd:chunked layers on a real registry behind a logging proxy: the file list
// comes from the footer and the table of contents alone (a few KB of the layer), one file is
// one Range request checked against the TOC's per-file digest, and every file read that way
// equals what GNU tar extracts from the same files. A TOC that disagrees with the layer
// (wrong offsets, wrong per-file digest) makes that file a full verified read and marks the
// layer; a malformed TOC is ignored with a warning and the layer is indexed normally.
// The zstd:chunked layers are written by a real tool (Debian's skopeo 1.9.3); eStargz layers
// are written by the harness from the format's definition (no Debian tool writes them).

import assert from 'node:assert/strict'
import { execFileSync, spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, test } from 'node:test'
import { downloadQuery } from '../../../shared/api'
import { englishTocWarning } from '../../../shared/tocWarningText'
import type { LayerEntry } from '../../../shared/api/files'
import { createHandlers } from '../../../electron/api/handlers'
import type { HandlerTable } from '../../../electron/api/handlerTable'
import { composeServices } from '../../../electron/app/composeServices'
import { BlobCache } from '../../../electron/cache/blobCache'
import { createDownloadProvider } from '../../../electron/files/downloads'
import type { DownloadProvider } from '../../../electron/files/downloads'
import { ImageFiles } from '../../../electron/files/imageFilesService'
import { untrackedOperations } from '../../../electron/util/operationTracker'
import { LayerIndexCache } from '../../../electron/files/layerIndexCache'
import { LayerIndexService } from '../../../electron/files/layerIndexService'
import {
  estargzFromTar,
  tocLayerImage,
  uncompressedOf,
  zstdChunkedFromTar,
} from '../../harness/chunkedLayers'
import type { TocLayerBlob } from '../../harness/chunkedLayers'
import { callHandler, listLayerEntries } from '../../harness/handlerCalls'
import { sha256 } from '../../harness/layerTars'
import { RegistryPusher } from '../../harness/ociPusher'
import { startRequestLog } from '../../harness/requestLog'
import { withTarSplit } from '../../harness/tarSplit'
import type { RequestLog } from '../../harness/requestLog'
import { startRegistry } from '../../harness/registryServer'
import type { RunningRegistry } from '../../harness/registryServer'

const BIG = 512 * 1024 * 1024
const READ_MAX = 1024 * 1024
const REPO = 'toc/layers'

let work: string
let extracted: string
let tar: Buffer
let registry: RunningRegistry
let proxy: RequestLog
let table: HandlerTable
let downloads: DownloadProvider
const layers = new Map<string, TocLayerBlob>()

/** ~6 MB of this machine's files with directories, symlinks and a binary over 1 MiB. */
function realTar(): Buffer {
  const big = execFileSync('bash', [
    '-c',
    'cd / && find usr/bin -xdev -type f -size +1500k -size -6M 2>/dev/null | sort | head -1',
  ])
    .toString('utf8')
    .trim()
  const roots = ['usr/share/doc/bash', 'usr/share/doc/tar', 'usr/share/zoneinfo/Europe', big]
  return execFileSync(
    'tar',
    ['--format=gnu', '-C', '/', '-cf', '-', ...roots.filter((r) => r !== '')],
    {
      maxBuffer: BIG,
    },
  )
}

const pickFile = (
  entries: Record<string, unknown>[],
  nth: number,
): Record<string, unknown> & { name: string } => {
  const files = entries.filter((e) => e['type'] === 'reg' && Number(e['size']) > 100)
  const found = files[nth]
  assert.ok(found)
  return found as Record<string, unknown> & { name: string }
}

/** Names of the files the bad-input layers damage (set while writing them). */
const damaged = { offset: '', digest: '' }

before(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'strata-toc-'))
  tar = realTar()
  extracted = path.join(work, 'extracted')
  mkdirSync(extracted)
  execFileSync('tar', ['-xf', '-', '-C', extracted], { input: tar, maxBuffer: BIG })
  layers.set('estargz', estargzFromTar(tar, { chunkSize: 1024 * 1024 }))
  layers.set('zstd-chunked', zstdChunkedFromTar(tar))
  layers.set('zstd-chunked-tarsplit', withTarSplit(layers.get('zstd-chunked') as TocLayerBlob, tar))
  layers.set(
    'estargz-disagrees',
    estargzFromTar(tar, {
      editToc: (entries) => {
        const wrongOffset = pickFile(entries, 3)
        const other = pickFile(entries, 7)
        wrongOffset['offset'] = other['offset']
        damaged.offset = wrongOffset.name
        const wrongDigest = pickFile(entries, 5)
        wrongDigest['digest'] = sha256(Buffer.from('not this file'))
        damaged.digest = wrongDigest.name
      },
    }),
  )
  layers.set(
    'estargz-malformed',
    estargzFromTar(tar, {
      editToc: (entries) => {
        const first = entries[0]
        if (first) first['type'] = 'socket'
      },
    }),
  )
  registry = await startRegistry()
  const pusher = new RegistryPusher({ host: registry.host })
  for (const [tag, layer] of layers) {
    const { config, manifest } = tocLayerImage(layer)
    await pusher.pushBlob(REPO, sha256(layer.blob), layer.blob)
    await pusher.pushBlob(REPO, sha256(config), config)
    await pusher.pushManifest(REPO, tag, manifest, 'application/vnd.oci.image.manifest.v1+json')
  }
  proxy = await startRequestLog(registry.url)
  const dataDir = path.join(work, 'data')
  const services = await composeServices({ mode: 'web', dataDir, env: {} })
  // A blob cache too small to keep any layer: every file read goes to the registry.
  const files = new ImageFiles({
    indexService: new LayerIndexService(new LayerIndexCache(path.join(dataDir, 'toc-index'))),
    blobs: await BlobCache.open(path.join(dataDir, 'toc-blobs'), 64 * 1024),
    indexCache: { bytes: () => Promise.resolve(0), clear: () => Promise.resolve() },
  })
  table = createHandlers({ ...services, files })
  downloads = createDownloadProvider({ ...services, files })
})

after(async () => {
  await proxy?.close()
  await registry?.stop()
  if (work) rmSync(work, { recursive: true, force: true })
})

const refOf = (tag: string): string => `docker://${proxy.host}/${REPO}:${tag}`
const blobRequests = (): RequestLog['requests'] =>
  proxy.requests.filter((r) => r.path.includes('/blobs/'))

/** What GNU tar lists: path → [type letter, size]. */
function tarListing(): Map<string, string> {
  const out = new Map<string, string>()
  const names = execFileSync('tar', ['-tf', '-'], { input: tar, maxBuffer: BIG })
    .toString('utf8')
    .split('\n')
  const long = execFileSync('tar', ['-tvf', '-'], { input: tar, maxBuffer: BIG })
    .toString('utf8')
    .split('\n')
  names.forEach((name, i) => {
    if (name === '') return
    const line = long[i] ?? ''
    const size = line.split(/\s+/)[2] ?? ''
    out.set(name.replace(/\/$/, ''), `${line[0] ?? '?'} ${line[0] === '-' ? size : ''}`)
  })
  return out
}

const letterOf: Record<LayerEntry['type'], string> = {
  file: '-',
  dir: 'd',
  symlink: 'l',
  hardlink: 'h',
  char: 'c',
  block: 'b',
  fifo: 'p',
}

async function readWhole(tag: string, entry: LayerEntry): Promise<Buffer> {
  const parts: Buffer[] = []
  for (let at = 0; at < entry.size || (at === 0 && entry.size === 0); at += READ_MAX) {
    const chunk = await callHandler(table, 'files:read', {
      ref: refOf(tag),
      path: entry.path,
      offset: at,
      length: Math.max(1, Math.min(READ_MAX, entry.size - at)),
    })
    parts.push(Buffer.from(chunk.base64, 'base64'))
    if (entry.size === 0) break
  }
  return Buffer.concat(parts)
}

for (const tag of ['zstd-chunked', 'estargz']) {
  const made =
    tag === 'zstd-chunked'
      ? 'written by skopeo 1.9.3'
      : 'written from the eStargz definition by the harness'
  test(`${tag} (${made}): the file list costs only footer and TOC bytes and equals GNU tar's listing`, async () => {
    const layer = layers.get(tag)
    assert.ok(layer)
    // Resolve the image first so only the layer's bytes are counted.
    await callHandler(table, 'image:summary', { ref: refOf(tag) })
    proxy.reset()
    const info = await callHandler(table, 'layers:index', { ref: refOf(tag), layer: '1' })
    assert.equal(info.toc?.format, tag === 'estargz' ? 'estargz' : 'zstd:chunked')
    assert.equal(info.toc?.listedFromToc, true)
    assert.deepEqual(info.toc?.warnings, [])
    // The tar's size as the descriptor gives it (eStargz's uncompressed-size annotation);
    // skopeo's zstd:chunked says nothing of it, so it is unknown rather than 0.
    assert.equal(
      info.uncompressedSize,
      tag === 'estargz' ? uncompressedOf(layer).length : undefined,
    )
    const layerBytes = blobRequests().filter((r) => r.path.includes(sha256(layer.blob)))
    assert.ok(
      layerBytes.every((r) => r.range !== undefined),
      `every layer request is ranged: ${JSON.stringify(layerBytes)}`,
    )
    assert.ok(layerBytes.length <= 2, `${layerBytes.length} layer requests`)
    const fraction = proxy.bytes / layer.blob.length
    assert.ok(
      fraction < 0.05,
      `listing fetched ${proxy.bytes} bytes of a ${layer.blob.length}-byte layer`,
    )

    const listed = await listLayerEntries(table, refOf(tag), '1')
    const expected = tarListing()
    const got = new Map<string, string>()
    for (const e of listed) {
      got.set(e.path, `${letterOf[e.type]} ${e.type === 'file' ? String(e.size) : ''}`)
    }
    for (const [name, kind] of expected) {
      assert.equal(got.get(name), kind, `/${name}`)
    }
    // Beyond GNU tar's entries, only the parent directories the merged view adds.
    const extra = [...got.keys()].filter((name) => !expected.has(name))
    for (const name of extra) {
      assert.ok(
        [...expected.keys()].some((e) => e.startsWith(`${name}/`)),
        `/${name} is extra`,
      )
    }
  })

  test(`${tag} (${made}): every file is one Range request, digest-checked, equal to GNU tar's extraction`, async () => {
    const listed = await listLayerEntries(table, refOf(tag), '1')
    const files = listed.filter((e) => e.type === 'file')
    assert.ok(files.length > 50, `${files.length} files`)
    const layer = layers.get(tag)
    assert.ok(layer)
    let ranged = 0
    for (const entry of files) {
      proxy.reset()
      const bytes = await readWhole(tag, entry)
      assert.ok(bytes.equals(readFileSync(path.join(extracted, entry.path))), `/${entry.path}`)
      const digest = sha256(layer.blob)
      const layerRequests: RequestLog['requests'] = blobRequests().filter((r) =>
        r.path.includes(digest),
      )
      const calls = Math.max(1, Math.ceil(entry.size / READ_MAX))
      if (entry.size === 0) {
        assert.equal(layerRequests.length, 0, `/${entry.path} is empty: nothing fetched`)
        continue
      }
      assert.equal(layerRequests.length, calls, `/${entry.path}: ${JSON.stringify(layerRequests)}`)
      assert.ok(
        layerRequests.every((r) => r.range !== undefined),
        `/${entry.path} read by range`,
      )
      ranged++
    }
    assert.ok(ranged > 50)
    const info = await callHandler(table, 'layers:index', { ref: refOf(tag), layer: '1' })
    assert.deepEqual(info.toc?.warnings, [], 'no file disagreed with the TOC')
  })
}

test('eStargz TOC with a wrong offset and a wrong per-file digest (harness-written): those files are read in full and verified, the layer is marked', async () => {
  const tag = 'estargz-disagrees'
  const listed = await listLayerEntries(table, refOf(tag), '1')
  for (const name of [damaged.offset, damaged.digest]) {
    const entry = listed.find((e) => e.path === name)
    assert.ok(entry, name)
    const layer = layers.get(tag)
    assert.ok(layer)
    proxy.reset()
    const bytes = await readWhole(tag, entry)
    assert.ok(
      bytes.equals(readFileSync(path.join(extracted, name))),
      `/${name} has the right bytes`,
    )
    const whole = blobRequests().filter(
      (r) => r.path.includes(sha256(layer.blob)) && r.range === undefined,
    )
    assert.equal(whole.length, 1, `/${name} fell back to one full read`)
  }
  const info = await callHandler(table, 'layers:index', { ref: refOf(tag), layer: '1' })
  const warnings = info.toc?.warnings ?? []
  assert.equal(warnings.length, 2, JSON.stringify(warnings))
  const offsetWarning = warnings.find((w) => 'path' in w && w.path === damaged.offset)
  assert.ok(offsetWarning, JSON.stringify(warnings))
  // The wrong offset names another file's members: they decode, but not to this file's digest
  // (or, cut at the wrong place, do not decode to its size).
  assert.ok(
    offsetWarning.kind === 'fileDigestMismatch' || offsetWarning.kind === 'fileRangeUnreadable',
  )
  const digestWarning = warnings.find((w) => 'path' in w && w.path === damaged.digest)
  assert.ok(digestWarning?.kind === 'fileDigestMismatch', JSON.stringify(warnings))
  assert.equal(digestWarning.expectedDigest, sha256(Buffer.from('not this file')))
  assert.equal(
    digestWarning.actualDigest,
    sha256(readFileSync(path.join(extracted, damaged.digest))),
  )
  assert.match(englishTocWarning(digestWarning), new RegExp(`^/${damaged.digest}: .*digest`))
  // A file the TOC describes right still comes by range.
  const good = listed.find(
    (e) =>
      e.type === 'file' && e.size > 0 && e.path !== damaged.offset && e.path !== damaged.digest,
  )
  assert.ok(good)
  proxy.reset()
  await readWhole(tag, good)
  assert.ok(blobRequests().every((r) => r.range !== undefined || !r.path.includes('sha256')))
})

test('zstd:chunked with a tar-split (skopeo 1.9.3 layer, tar-split appended by the harness): the tar size is the real one, the listing still costs a few KB', async () => {
  const tag = 'zstd-chunked-tarsplit'
  const layer = layers.get(tag)
  assert.ok(layer)
  await callHandler(table, 'image:summary', { ref: refOf(tag) })
  proxy.reset()
  const info = await callHandler(table, 'layers:index', { ref: refOf(tag), layer: '1' })
  assert.equal(info.toc?.listedFromToc, true)
  assert.equal(info.uncompressedSize, tar.length, 'headers, padding and end blocks included')
  assert.ok(
    blobRequests().every((r) => r.range !== undefined),
    JSON.stringify(blobRequests()),
  )
  assert.ok(proxy.bytes / layer.blob.length < 0.05, `listing fetched ${proxy.bytes} bytes`)
  const file = (await listLayerEntries(table, refOf(tag), '1')).find(
    (e) => e.type === 'file' && e.size > 1000,
  )
  assert.ok(file)
  const bytes = await readWhole(tag, file)
  assert.ok(bytes.equals(readFileSync(path.join(extracted, file.path))))
})

test('eStargz TOC that is malformed (harness-written, an unknown entry type): ignored with a warning, the layer indexed from its bytes', async () => {
  const tag = 'estargz-malformed'
  const info = await callHandler(table, 'layers:index', { ref: refOf(tag), layer: '1' })
  assert.equal(info.toc?.listedFromToc, false)
  const ignored = info.toc?.warnings[0]
  assert.ok(ignored?.kind === 'tocIgnored', JSON.stringify(info.toc))
  assert.equal(ignored.format, 'estargz')
  assert.equal(ignored.error.code, 'MALFORMED')
  assert.match(
    englishTocWarning(ignored),
    /estargz table of contents ignored: .*TOC entry 0 has an unknown type/,
  )
  const listed = await listLayerEntries(table, refOf(tag), '1')
  // The full read lists the TOC entry itself too, as the tar holds it.
  assert.ok(listed.some((e) => e.path === 'stargz.index.json'))
  const file = listed.find((e) => e.type === 'file' && e.size > 0 && e.path !== 'stargz.index.json')
  assert.ok(file)
  const bytes = await readWhole(tag, file)
  assert.ok(bytes.equals(readFileSync(path.join(extracted, file.path))))
})

for (const tag of ['zstd-chunked', 'estargz']) {
  test(`${tag}: a directory download of a layer listed from its TOC (found by path in one pass) equals GNU tar's extraction`, async () => {
    const query = new URLSearchParams(
      downloadQuery({ ref: refOf(tag), path: '/' }).replace(/^\?/, ''),
    )
    const prepared = await downloads(query, new AbortController().signal, untrackedOperations())
    const target = path.join(work, `download-${tag}`)
    mkdirSync(target)
    const tarProcess = spawn('tar', ['-xf', '-', '-C', target], {
      stdio: ['pipe', 'ignore', 'inherit'],
    })
    prepared.stream.pipe(tarProcess.stdin)
    const [code] = (await once(tarProcess, 'close')) as [number | null]
    assert.equal(code, 0, 'GNU tar extracts the downloaded tar')
    const files = (await listLayerEntries(table, refOf(tag), '1')).filter((e) => e.type === 'file')
    assert.ok(files.length > 50)
    const differing = files.filter((entry) => {
      const got = readFileSync(path.join(target, entry.path))
      return !got.equals(readFileSync(path.join(extracted, entry.path)))
    })
    assert.deepEqual(
      differing.map((e) => e.path),
      [],
    )
  })
}
