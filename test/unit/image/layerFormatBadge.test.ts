// A layer whose descriptor announces a table of contents is said to be eStargz or
// zstd:chunked on its graph node (layerFormat), and its card carries that badge; other layers
// and other objects carry neither.

import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { GraphNode } from '../../../shared/api'
import type { Descriptor } from '../../../shared/oci/types'
import { makeNode } from '../../../electron/image/graphNodes'
import { graphRelations } from '../../../renderer/features/image/graphRelations'
import { cardBadges } from '../../../renderer/features/image/nodeText'

const digest = `sha256:${'a'.repeat(64)}`
const layer = (mediaType: string, annotations?: Record<string, string>): Descriptor => ({
  mediaType,
  digest,
  size: 100,
  ...(annotations ? { annotations } : {}),
})
const node = (descriptor: Descriptor): GraphNode => makeNode(descriptor, 'layer', { commands: [] })
const badges = (n: GraphNode): string[] =>
  cardBadges(graphRelations({ nodes: [n], edges: [] }), n).map((b) => b.text)

test('zstd:chunked by either annotation prefix, eStargz by its toc.digest annotation', () => {
  const zstd = 'application/vnd.oci.image.layer.v1.tar+zstd'
  const gzip = 'application/vnd.oci.image.layer.v1.tar+gzip'
  for (const prefix of ['io.containers.zstd-chunked.', 'io.github.containers.zstd-chunked.']) {
    const n = node(layer(zstd, { [`${prefix}manifest-position`]: '1:2:3:1' }))
    assert.equal(n.layerFormat, 'zstd:chunked')
    assert.ok(badges(n).includes('zstd:chunked'))
  }
  const estargz = node(
    layer(gzip, { 'containerd.io/snapshot/stargz/toc.digest': `sha256:${'b'.repeat(64)}` }),
  )
  assert.equal(estargz.layerFormat, 'estargz')
  assert.ok(badges(estargz).includes('eStargz'))
  const plain = node(layer(gzip))
  assert.equal(plain.layerFormat, undefined)
  assert.ok(!badges(plain).some((b) => b === 'eStargz' || b === 'zstd:chunked'))
})

test('a manifest that happens to carry the annotation is not a layer format', () => {
  const manifest = makeNode(
    layer('application/vnd.oci.image.manifest.v1+json', {
      'containerd.io/snapshot/stargz/toc.digest': `sha256:${'b'.repeat(64)}`,
    }),
    'root',
    { commands: [] },
  )
  assert.equal(manifest.layerFormat, undefined)
})
