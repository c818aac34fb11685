// Pure logic behind the storage view: lookups through l/ short names, which layers a filter
// keeps, names that moved away, and the three layer identities.

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { initTranslations } from '../../../renderer/i18n/translate'
import type { StorageView, StorageViewLayer } from '../../../shared/api/stores'
import { layerIdentities } from '../../../renderer/features/stores/layerIdentities'
import {
  containerLabel,
  diskLayout,
  filterLayers,
  formerNames,
  idEqualsDiffDigest,
  imageLabel,
  indexStorage,
  lowerEntries,
  shortId,
} from '../../../renderer/features/stores/storageModel'

// The helpers word their labels through the app's i18next instance: load the real catalogues.
initTranslations('en')

const hex = (c: string): string => c.repeat(64)
const G = '/var/lib/containers/storage'

function layer(id: string, fields: Partial<StorageViewLayer> = {}): StorageViewLayer {
  return {
    id,
    incomplete: false,
    tarSplit: `${G}/overlay-layers/${id}.tar-split.gz`,
    directories: { diff: `${G}/overlay/${id}/diff` },
    usedByImages: [],
    usedByContainers: [],
    containerLayer: false,
    ...fields,
  }
}

const base = layer(hex('a'), {
  diffDigest: `sha256:${hex('a')}`,
  compressedDiffDigest: `sha256:${hex('c')}`,
  directories: { diff: `${G}/overlay/${hex('a')}/diff`, shortName: 'AAAA' },
  usedByImages: [hex('1')],
  usedByContainers: [hex('9')],
})
const top = layer(hex('b'), {
  parent: hex('a'),
  diffDigest: `sha256:${hex('d')}`,
  directories: {
    diff: `${G}/overlay/${hex('b')}/diff`,
    shortName: 'BBBB',
    lowerLinks: ['l/AAAA', 'l/GONE'],
  },
  usedByImages: [hex('1')],
})

const view: StorageView = {
  graphRoot: G,
  runRoot: '/run/containers/storage',
  driver: 'overlay',
  configFiles: ['/etc/containers/storage.conf'],
  images: [
    {
      id: hex('1'),
      names: ['example.com/app:v2'],
      namesHistory: ['example.com/app:v2', 'example.com/app:latest'],
      digests: [],
      layerIds: [hex('a'), hex('b')],
      bigData: [],
      directory: `${G}/overlay-images/${hex('1')}`,
      ref: `containers-storage:${hex('1')}`,
    },
  ],
  layers: [base, top],
  containers: [{ id: hex('9'), names: ['web'], image: hex('1'), layer: hex('e') }],
  shortLinks: [{ name: 'BBBB', target: `../${hex('b')}/diff`, layerId: hex('b') }],
}

test('short names resolve to layers through link files and l/', () => {
  const index = indexStorage(view)
  assert.equal(index.shortNames.get('AAAA'), hex('a'), 'from the layer’s link file')
  assert.equal(index.shortNames.get('BBBB'), hex('b'), 'from l/')
  assert.deepEqual(lowerEntries(top, index), [
    { link: 'l/AAAA', layerId: hex('a') },
    { link: 'l/GONE' },
  ])
  assert.deepEqual(lowerEntries(base, index), [])
})

test('a bottom layer’s storage ID is its diff digest; a layer above is not', () => {
  assert.equal(idEqualsDiffDigest(base), true)
  assert.equal(idEqualsDiffDigest(top), false)
  assert.equal(idEqualsDiffDigest(layer(hex('f'))), false)
})

test('the layer filter matches IDs, digests, short names and who uses the layer', () => {
  const index = indexStorage(view)
  const ids = (query: string): string[] => filterLayers(view.layers, query, index).map((l) => l.id)
  assert.deepEqual(ids(''), [hex('a'), hex('b')])
  assert.deepEqual(ids('  CCCC '), [hex('a')], 'compressed digest, case-insensitive')
  assert.deepEqual(ids('dddd'), [hex('b')], 'diff digest')
  assert.deepEqual(ids('bbbb'), [hex('b')], 'short name or ID')
  assert.deepEqual(ids('app:v2'), [hex('a'), hex('b')], 'image name')
  assert.deepEqual(ids('web'), [hex('a')], 'container name')
  assert.deepEqual(ids('nothing-like-this'), [])
})

test('images and containers are named by their first name, else a short ID', () => {
  const [image] = view.images
  assert.ok(image)
  assert.equal(imageLabel(image), 'example.com/app:v2')
  assert.equal(imageLabel({ ...image, names: [] }), `${'1'.repeat(12)} (untagged)`)
  assert.deepEqual(formerNames(image), ['example.com/app:latest'])
  const [container] = view.containers
  assert.ok(container)
  assert.equal(containerLabel(container), 'web')
  assert.equal(containerLabel({ ...container, names: [] }), '9'.repeat(12))
  assert.equal(shortId(`sha256:${hex('7')}`), '7'.repeat(12))
})

test('the disk layout names the driver’s directories', () => {
  const overlay = diskLayout(view).map((entry) => entry.name)
  for (const name of ['overlay-images/', 'overlay-layers/', 'overlay/', 'l/', 'ID/lower']) {
    assert.ok(overlay.includes(name), name)
  }
  assert.ok(overlay.includes('overlay-containers/'))
  const vfs = diskLayout({ ...view, driver: 'vfs' }).map((entry) => entry.name)
  assert.ok(vfs.includes('vfs-layers/') && vfs.includes('dir/ID/'))
  assert.ok(!vfs.includes('l/'), 'vfs has no short links')
})

test('the three layer identities are distinct and each explained in one line', () => {
  assert.deepEqual(
    layerIdentities().map((entry) => entry.identity),
    ['storage', 'diff', 'compressed'],
  )
  assert.equal(new Set(layerIdentities().map((entry) => entry.tag)).size, 3)
  for (const entry of layerIdentities()) {
    assert.ok(entry.explanation.length > 40 && !entry.explanation.includes('\n'), entry.title)
  }
  assert.match(layerIdentities()[1]?.explanation ?? '', /diff_ids/)
})
