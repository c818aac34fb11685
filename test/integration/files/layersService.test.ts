// Layer indexes through the service: two images sharing a base layer read it once (the second
// image gets it from the on-disk cache, even after a restart), on a worker thread; and the
// image-level facade lists, looks up, diffs, scores and reads files.

import assert from 'node:assert/strict'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'
import { StrataError } from '../../../shared/errors'
import { LayerIndexCache } from '../../../electron/files/layerIndexCache'
import { ImageLayers } from '../../../electron/files/imageLayers'
import type { LayerRef } from '../../../electron/files/layerIndexService'
import { LayerIndexService } from '../../../electron/files/layerIndexService'
import type { BuiltLayer } from '../../harness/layerTars'
import { chunked, tempDir, umociLayers } from '../../harness/layerTars'

const base = (root: string): void => {
  mkdirSync(join(root, 'etc'))
  writeFileSync(join(root, 'etc/os-release'), 'ID=base\n')
  writeFileSync(join(root, 'etc/big'), Buffer.alloc(5000, 1))
}
const imageA = umociLayers([base, (root) => writeFileSync(join(root, 'etc/a'), 'image a')]).layers
// Image B is built on image A's base layer (the same blob), as two images from one base are.
const ownB = umociLayers([base, (root) => writeFileSync(join(root, 'etc/big'), 'smaller')]).layers
const imageB = [imageA[0], ownB[1]].filter((l) => l !== undefined)

function refs(layers: readonly BuiltLayer[], opened: string[]): LayerRef[] {
  return layers.map((layer) => ({
    digest: layer.digest,
    open: () => {
      opened.push(layer.digest)
      return Promise.resolve(chunked(layer.bytes, 16384))
    },
  }))
}

test('a layer shared by two images is read once, then served from the cache', async () => {
  const dir = tempDir('service')
  const opened: string[] = []
  const service = new LayerIndexService(new LayerIndexCache(dir))
  const first = await service.get(refs(imageA, opened)[0] as LayerRef)
  assert.equal(first.fromCache, false)
  await ImageLayers.load(refs(imageA, opened), service)
  await ImageLayers.load(refs(imageB, opened), service)
  assert.deepEqual(opened, [imageA[0]?.digest, imageA[1]?.digest, imageB[1]?.digest])
  const restarted = new LayerIndexService(new LayerIndexCache(dir), { worker: false })
  const again = await restarted.get(refs(imageB, opened)[0] as LayerRef)
  assert.equal(again.fromCache, true)
  assert.deepEqual(again.index, first.index)
  assert.equal(opened.length, 3)
})

test('the image facade lists, looks up, diffs, scores and reads', async () => {
  const service = new LayerIndexService(new LayerIndexCache(tempDir('facade')), { worker: false })
  const image = await ImageLayers.load(refs(imageB, []), service)
  assert.equal(image.layerCount, 2)
  assert.deepEqual(
    image.list('/etc').map((n) => `${n.entry.path} L${n.layer}`),
    ['etc/big L1', 'etc/os-release L0'],
  )
  assert.equal(image.lookup('/etc/big', 0)?.entry.size, 5000)
  assert.equal(image.lookup('/etc/big')?.entry.size, 7)
  assert.deepEqual(
    image
      .changes(1)
      .filter((c) => c.entry?.type !== 'dir')
      .map((c) => `${c.kind} ${c.path}`),
    ['modified etc/big'],
  )
  assert.deepEqual(
    image.search('*-release').matches.map((n) => n.entry.path),
    ['etc/os-release'],
  )
  const efficiency = image.efficiency()
  assert.equal(efficiency.wastedBytes, 5000)
  assert.deepEqual(efficiency.wastedByLayer, [5000, 0])
  const opened = await image.openFile('/etc/os-release')
  const chunks: Buffer[] = []
  for await (const chunk of opened.stream) chunks.push(chunk as Buffer)
  assert.equal(Buffer.concat(chunks).toString(), 'ID=base\n')
  assert.equal(opened.layer, 0)
  assert.throws(
    () => image.list('etc', 5),
    (error: unknown) => error instanceof StrataError && error.code === 'BAD_INPUT',
  )
  assert.throws(
    () => image.list('etc/os-release'),
    (error: unknown) => error instanceof StrataError && error.code === 'NOT_FOUND',
  )
})
