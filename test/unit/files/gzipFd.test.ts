// Ranged file reads leave no file descriptor open: after many reads of a gzip layer (read to
// the end, stopped after the first chunk, or dropped right after opening) through both ranged
// sources on disk (an OCI layout blob read at an offset, a registry blob in the blob cache),
// the process holds as many descriptors as before, and Node never had to close a FileHandle
// on garbage collection (its DEP0137 warning).

import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readdirSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { setTimeout as sleep } from 'node:timers/promises'
import { after, before, test } from 'node:test'
import type { LayerEntry } from '../../../shared/api/files'
import type { Descriptor } from '../../../shared/oci/types'
import { BlobCache } from '../../../electron/cache/blobCache'
import { LayerIndexCache } from '../../../electron/files/layerIndexCache'
import { ImageLayers } from '../../../electron/files/imageLayers'
import type { LayerRef } from '../../../electron/files/layerIndexService'
import { LayerIndexService } from '../../../electron/files/layerIndexService'
import { openFileRange, openVerifiedFile } from '../../../electron/sources/blobFile'

let dir: string
let tar: Buffer
let blobPath: string
let layer: Descriptor
let blobs: BlobCache

before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'strata-gzip-fd-'))
  // ~20 MB of real files, so the layer has several checkpoints.
  tar = execFileSync('bash', ['-c', 'tar -cf - -C / usr/share/perl 2>/dev/null'], {
    maxBuffer: 256 * 1024 * 1024,
  })
  const gz = execFileSync('gzip', ['-1', '-n'], { input: tar, maxBuffer: 256 * 1024 * 1024 })
  const digest = `sha256:${createHash('sha256').update(gz).digest('hex')}`
  layer = { mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest, size: gz.length }
  await mkdir(path.join(dir, 'blobs'), { recursive: true })
  blobPath = path.join(dir, 'blobs', digest.slice(7))
  await writeFile(blobPath, gz)
  blobs = await BlobCache.open(path.join(dir, 'blob-cache'), 1024 * 1024 * 1024)
  assert.ok(await blobs.put(digest, Readable.from([gz])))
})
after(() => rm(dir, { recursive: true, force: true }))

const openFds = (): number => readdirSync('/proc/self/fd').length

/** Node's notices for a FileHandle the garbage collector closed (DEP0137). */
const closedByGc: string[] = []
process.on('warning', (warning: Error & { code?: string }) => {
  if (warning.code === 'DEP0137' || /on garbage collection/.test(warning.message)) {
    closedByGc.push(warning.message)
  }
})

/** Descriptors close a moment after their streams do: wait (bounded) for the count to drop. */
async function settledFds(target: number): Promise<number> {
  let count = openFds()
  for (let i = 0; i < 100 && count > target; i++) {
    await sleep(20)
    count = openFds()
  }
  return count
}

type RangeSource = 'layout file' | 'blob cache'

async function openLayers(kind: RangeSource, counts: { ranged: number }): Promise<ImageLayers> {
  const ref: LayerRef = {
    digest: layer.digest,
    open: (signal) => openVerifiedFile(blobPath, layer, signal ? { signal } : {}),
    openRange: async (range, signal) => {
      const stream =
        kind === 'layout file'
          ? await openFileRange(blobPath, layer, range, signal ? { signal } : {})
          : await blobs.getRange(layer.digest, range)
      assert.ok(stream)
      counts.ranged++
      return { kind: 'partial', range, stream }
    },
  }
  const cache = new LayerIndexCache(path.join(dir, `index-${kind.replace(' ', '-')}`))
  return ImageLayers.load([ref], new LayerIndexService(cache, { worker: false }))
}

async function readAll(layers: ImageLayers, entry: LayerEntry): Promise<Buffer> {
  const opened = await layers.openFile(entry.path)
  const parts: Buffer[] = []
  for await (const chunk of opened.stream as AsyncIterable<Buffer>) parts.push(chunk)
  return Buffer.concat(parts)
}

for (const kind of ['layout file', 'blob cache'] as const) {
  test(`ranged reads from a ${kind} close every descriptor they open`, async () => {
    const counts = { ranged: 0 }
    const layers = await openLayers(kind, counts)
    const files = (layers.indexes[0]?.entries ?? []).filter((e) => e.type === 'file' && e.size > 0)
    const step = Math.max(1, Math.floor(files.length / 12))
    const picks = files.filter((_, i) => i % step === 0 && i > 0)
    assert.ok(picks.length >= 10)
    // Warm up once (lazily opened things such as the sidecar read), then count.
    const first = picks[0] as LayerEntry
    await readAll(layers, first)
    const before = await settledFds(0)
    for (const entry of picks) {
      const bytes = await readAll(layers, entry)
      assert.ok(bytes.equals(tar.subarray(entry.dataOffset, entry.dataOffset + entry.size)))
      // Stopped after the first chunk (a page of a large file shown).
      const stopped = await layers.openFile(entry.path)
      for await (const chunk of stopped.stream as AsyncIterable<Buffer>) {
        assert.ok(chunk.length > 0)
        break
      }
      // Opened and dropped without reading a byte.
      ;(await layers.openFile(entry.path)).stream.destroy()
    }
    assert.ok(counts.ranged >= picks.length * 3, `${counts.ranged} ranged reads`)
    assert.equal(await settledFds(before), before, 'descriptors left open')
    assert.deepEqual(closedByGc, [], 'file handles left to the garbage collector')
  })
}
