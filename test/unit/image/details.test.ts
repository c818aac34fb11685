import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { GraphEdge, GraphNode, GraphNodeRole } from '../../../shared/api'
import type { ObjectKind } from '../../../shared/oci/mediaTypes'
import { graphRelations } from '../../../renderer/features/image/graphRelations'
import {
  groupIdentical,
  listedDescriptors,
  parentNoun,
} from '../../../renderer/features/image/descriptors'
import {
  commandLine,
  historyRows,
  stepsForLayer,
  summarizeConfig,
} from '../../../renderer/features/image/configSummary'
import { initTranslations } from '../../../renderer/i18n/translate'

// The cards' words come from the catalogues; these tests read them in English.
initTranslations('en')

const hex = (c: string): string => `sha256:${c.repeat(64)}`
const LAYER = hex('a')
const OTHER = hex('b')

function node(id: string, kind: ObjectKind, role: GraphNodeRole, document?: unknown): GraphNode {
  return {
    id,
    digest: id,
    mediaType: 'application/vnd.test',
    size: 1,
    kind,
    role,
    label: id,
    explanation: '',
    commands: [],
    ...(document !== undefined && { document: JSON.stringify(document) }),
  }
}

const layerDescriptor = {
  mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
  digest: LAYER,
  size: 338,
  annotations: { 'org.example.note': 'base' },
}

function manifest(id: string, layers: readonly unknown[]): GraphNode {
  return node(id, 'manifest', 'platform', {
    schemaVersion: 2,
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: hex('c'), size: 9 },
    layers,
  })
}

const edge = (from: string, to: string, relation: GraphEdge['relation'], position: number) => ({
  from,
  to,
  relation,
  position,
})

test('a layer shows the descriptor its manifest lists for it, at its position', () => {
  const relations = graphRelations({
    nodes: [manifest('m1', [layerDescriptor]), node(LAYER, 'layer', 'layer')],
    edges: [edge('m1', LAYER, 'layer', 0)],
  })
  const listed = listedDescriptors(relations, LAYER)
  assert.equal(listed.length, 1)
  assert.equal(listed[0]!.field, 'layers[0]')
  assert.deepEqual(listed[0]!.descriptor, layerDescriptor)
  assert.equal(parentNoun(listed[0]!.parent), 'the manifest')
})

test('a shared layer listed identically by two manifests is one group; different listings are two', () => {
  const other = { mediaType: 'x', digest: OTHER, size: 1 }
  const same = graphRelations({
    nodes: [
      manifest('m1', [layerDescriptor]),
      manifest('m2', [other, layerDescriptor]),
      node(LAYER, 'layer', 'layer'),
    ],
    edges: [edge('m1', LAYER, 'layer', 0), edge('m2', LAYER, 'layer', 1)],
  })
  const listings = listedDescriptors(same, LAYER)
  assert.deepEqual(
    listings.map((l) => l.field),
    ['layers[0]', 'layers[1]'],
  )
  assert.equal(groupIdentical(listings).length, 1)

  const differ = graphRelations({
    nodes: [
      manifest('m1', [layerDescriptor]),
      manifest('m2', [{ ...layerDescriptor, annotations: {} }]),
      node(LAYER, 'layer', 'layer'),
    ],
    edges: [edge('m1', LAYER, 'layer', 0), edge('m2', LAYER, 'layer', 0)],
  })
  assert.equal(groupIdentical(listedDescriptors(differ, LAYER)).length, 2)
})

test('parents without a document, or with a broken one, list nothing', () => {
  const broken = { ...node('m1', 'manifest', 'platform'), document: '{not json' }
  const relations = graphRelations({
    nodes: [broken, node('m2', 'manifest', 'platform'), node(LAYER, 'layer', 'layer')],
    edges: [edge('m1', LAYER, 'layer', 0), edge('m2', LAYER, 'layer', 0)],
  })
  assert.deepEqual(listedDescriptors(relations, LAYER), [])
})

test('an index lists a manifest with its platform', () => {
  const entry = {
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    digest: OTHER,
    size: 5,
    platform: { os: 'linux', architecture: 'arm64' },
  }
  const relations = graphRelations({
    nodes: [
      node('idx', 'index', 'root', { schemaVersion: 2, manifests: [entry] }),
      node(OTHER, 'manifest', 'platform'),
    ],
    edges: [edge('idx', OTHER, 'manifest', 0)],
  })
  const [listed] = listedDescriptors(relations, OTHER)
  assert.ok(listed)
  assert.equal(listed.field, 'manifests[0]')
  assert.deepEqual(listed.descriptor, entry)
  assert.equal(parentNoun(listed.parent), 'the index')
})

const config = {
  architecture: 'arm64',
  os: 'linux',
  variant: 'v8',
  created: '2024-01-01T00:00:02Z',
  config: {
    Env: ['PATH=/usr/bin', 'APP_MODE=demo'],
    Entrypoint: ['/bin/sh', '-c'],
    Cmd: ['echo "hi there"'],
    User: 'app',
    WorkingDir: '/app',
    ExposedPorts: { '8080/tcp': {} },
    Labels: { 'org.opencontainers.image.source': 'https://example.test' },
  },
  rootfs: { type: 'layers', diff_ids: [hex('1'), hex('2')] },
  history: [
    { created_by: 'ADD rootfs.tar /', comment: 'base' },
    { created_by: 'ENV APP_MODE=demo', empty_layer: true },
    { created_by: 'EXPOSE 8080', empty_layer: true },
    { created_by: 'COPY app/ /app/' },
  ],
}

test('a config summary: how the container starts, in a readable form', () => {
  const summary = summarizeConfig(JSON.stringify(config))
  assert.ok(summary)
  assert.equal(summary.platform, 'linux/arm64/v8')
  assert.deepEqual(summary.entrypoint, ['/bin/sh', '-c'])
  assert.equal(commandLine(summary.cmd ?? []), `'echo "hi there"'`)
  assert.equal(commandLine(["it's"]), `'it'\\''s'`)
  assert.equal(summary.user, 'app')
  assert.equal(summary.workingDir, '/app')
  assert.deepEqual(summary.env, ['PATH=/usr/bin', 'APP_MODE=demo'])
  assert.deepEqual(summary.exposedPorts, ['8080/tcp'])
  assert.deepEqual(summary.labels, [['org.opencontainers.image.source', 'https://example.test']])
  assert.equal(summarizeConfig('[1, 2]'), undefined)
  assert.equal(summarizeConfig('not json'), undefined)
  const bare = summarizeConfig('{"architecture":"amd64","os":"linux","rootfs":{}}')
  assert.equal(bare?.cmd, undefined)
  assert.deepEqual(bare?.env, [])
})

test('history rows tie each non-empty step to its layer; a layer gets the empty steps before it', () => {
  const rows = historyRows(config.history)
  assert.deepEqual(
    rows.map((r) => [r.step, r.empty, r.layer]),
    [
      [0, false, 0],
      [1, true, undefined],
      [2, true, undefined],
      [3, false, 1],
    ],
  )
  assert.deepEqual(
    stepsForLayer(rows, 1).map((r) => r.createdBy),
    ['ENV APP_MODE=demo', 'EXPOSE 8080', 'COPY app/ /app/'],
  )
  assert.deepEqual(
    stepsForLayer(rows, 0).map((r) => r.createdBy),
    ['ADD rootfs.tar /'],
  )
  assert.deepEqual(stepsForLayer(rows, 5), [])
  assert.deepEqual(historyRows('nope'), [])
})
