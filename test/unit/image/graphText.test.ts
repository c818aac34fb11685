import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { GraphEdge, GraphNode, GraphNodeRole, ImageGraph } from '../../../shared/api'
import type { ObjectKind } from '../../../shared/oci/mediaTypes'
import { digestOf, graphNode } from '../../harness/graphFixtures'
import {
  attestedPlatform,
  childAt,
  graphRelations,
  layerOrdinal,
  layerPlaces,
  neighbourhood,
  parentIds,
  roleBadgeText,
} from '../../../renderer/features/image/graphRelations'
import {
  cardBadges,
  cardMediaType,
  compactCardText,
  nodeAccessibleName,
  placeBadges,
} from '../../../renderer/features/image/nodeText'
import { initTranslations } from '../../../renderer/i18n/translate'

// The cards' words come from the catalogues; these tests read them in English.
initTranslations('en')

function node(
  name: string,
  kind: ObjectKind,
  role: GraphNodeRole,
  extra: Partial<GraphNode> = {},
): GraphNode {
  return graphNode(name, kind, role, extra)
}

const edge = (from: string, to: string, relation: GraphEdge['relation'], position: number) => ({
  from: digestOf(from),
  to: digestOf(to),
  relation,
  position,
})

/** An index of two platforms sharing their bottom layer, plus a buildx attestation. */
function graph(): Pick<ImageGraph, 'nodes' | 'edges'> {
  return {
    nodes: [
      node('index', 'index', 'root'),
      node('amd64', 'manifest', 'platform', { platform: { os: 'linux', architecture: 'amd64' } }),
      node('arm64', 'manifest', 'platform', {
        platform: { os: 'linux', architecture: 'arm64', variant: 'v8' },
      }),
      node('att', 'manifest', 'attestation', {
        annotations: { 'vnd.docker.reference.digest': digestOf('amd64') },
      }),
      node('cfg', 'config', 'config'),
      node('base', 'layer', 'layer'),
      node('amd-top', 'layer', 'layer'),
      node('arm-top', 'layer', 'layer'),
      node('arm-extra', 'layer', 'layer', { unknownMediaType: true }),
    ],
    edges: [
      edge('index', 'amd64', 'manifest', 0),
      edge('index', 'arm64', 'manifest', 1),
      edge('index', 'att', 'manifest', 2),
      edge('amd64', 'amd-top', 'layer', 1),
      edge('amd64', 'base', 'layer', 0),
      edge('amd64', 'cfg', 'config', 0),
      edge('arm64', 'base', 'layer', 0),
      edge('arm64', 'arm-top', 'layer', 1),
      edge('arm64', 'arm-extra', 'layer', 2),
    ],
  }
}

test('relations: parents, children in document order, neighbourhoods', () => {
  const relations = graphRelations(graph())
  assert.deepEqual(parentIds(relations, digestOf('base')), [digestOf('amd64'), digestOf('arm64')])
  assert.deepEqual(
    relations.outgoing.get(digestOf('amd64'))?.map((e) => e.to),
    [digestOf('cfg'), digestOf('base'), digestOf('amd-top')],
  )
  assert.deepEqual(
    [...neighbourhood(relations, digestOf('base'))].sort(),
    [digestOf('amd64'), digestOf('arm64'), digestOf('base')].sort(),
  )
  assert.equal(childAt(relations, digestOf('amd64'), 'layer', 1)?.label, 'amd-top')
  assert.equal(childAt(relations, digestOf('amd64'), 'config')?.label, 'cfg')
  assert.equal(childAt(relations, digestOf('arm64'), 'config'), undefined)
})

test('layer ordinals: "layer 1 of 2" when every manifest agrees, less when they do not', () => {
  const relations = graphRelations(graph())
  // base is layers[0] of a 2-layer and of a 3-layer manifest: the position agrees, the count not.
  assert.equal(layerOrdinal(layerPlaces(relations, digestOf('base'))), 'layer 1')
  assert.equal(layerOrdinal(layerPlaces(relations, digestOf('amd-top'))), 'layer 2 of 2')
  assert.equal(layerOrdinal(layerPlaces(relations, digestOf('arm-extra'))), 'layer 3 of 3')
  assert.equal(layerOrdinal([]), undefined)
  assert.equal(
    layerOrdinal([
      { position: 0, count: 2 },
      { position: 1, count: 2 },
    ]),
    'layer',
  )
})

test('role badges: platforms, attestation targets, layers, roles', () => {
  const relations = graphRelations(graph())
  const byLabel = (label: string): GraphNode => graph().nodes.find((n) => n.label === label)!
  assert.equal(roleBadgeText(relations, byLabel('arm64')), 'linux/arm64/v8')
  assert.equal(roleBadgeText(relations, byLabel('index')), 'root')
  assert.equal(roleBadgeText(relations, byLabel('cfg')), 'config')
  assert.equal(roleBadgeText(relations, byLabel('amd-top')), 'layer 2 of 2')
  assert.equal(attestedPlatform(relations, byLabel('att')), 'linux/amd64')
  assert.equal(roleBadgeText(relations, byLabel('att')), 'attestation · linux/amd64')
  assert.equal(roleBadgeText(relations, node('x', 'index', 'nested-index')), 'nested index')
})

test('manifests of an OCI layout are badged with their tag name, with the platform if any', () => {
  const relations = graphRelations(graph())
  const tag = (name: string) => ({ 'org.opencontainers.image.ref.name': name })
  const v1 = node('v1', 'manifest', 'platform', { annotations: tag('v1') })
  const v2 = node('v2', 'manifest', 'platform', {
    annotations: tag('v2'),
    platform: { os: 'linux', architecture: 'amd64' },
  })
  assert.equal(roleBadgeText(relations, v1), 'v1')
  assert.equal(roleBadgeText(relations, v2), 'v2 · linux/amd64')
  assert.equal(roleBadgeText(relations, node('bare', 'manifest', 'platform')), 'platform')
  assert.equal(
    roleBadgeText(relations, node('blank', 'manifest', 'platform', { annotations: tag(' ') })),
    'platform',
  )
})

test('a compact card says what tells the node apart, with its kind', () => {
  const relations = graphRelations(graph())
  const byLabel = (label: string): GraphNode => graph().nodes.find((n) => n.label === label)!
  const text = (n: GraphNode) => compactCardText(n, cardBadges(relations, n))
  assert.equal(text(byLabel('arm64')), 'manifest linux/arm64/v8')
  assert.equal(text(byLabel('amd-top')), 'layer 2 of 2')
  assert.equal(text(byLabel('cfg')), 'config')
  assert.equal(text(byLabel('index')), 'index')
  const tagged = node('t', 'manifest', 'platform', {
    annotations: { 'org.opencontainers.image.ref.name': 'v1' },
  })
  assert.equal(text(tagged), 'manifest v1')
  const broken = node('broken', 'manifest', 'platform', {
    documentError: { code: 'NETWORK', message: 'x' },
  })
  assert.equal(text(broken), 'manifest platform · not loaded')
})

test('presentation: the compact line drops the kind word (the colour says it) and shows problems as a sign', () => {
  const relations = graphRelations(graph())
  const byLabel = (label: string): GraphNode => graph().nodes.find((n) => n.label === label)!
  const text = (n: GraphNode) => compactCardText(n, cardBadges(relations, n), true)
  assert.equal(text(byLabel('arm64')), 'linux/arm64/v8')
  assert.equal(text(byLabel('amd-top')), 'layer 2 of 2')
  assert.equal(text(byLabel('index')), 'index')
  assert.equal(text(node('att', 'manifest', 'attestation')), 'attestation')
  const broken = node('broken', 'manifest', 'platform', {
    documentError: { code: 'NETWORK', message: 'x' },
  })
  assert.equal(text(broken), '⚠ platform')
  // Screen readers still hear the problem in words.
  assert.match(nodeAccessibleName(broken, cardBadges(relations, broken)), /not loaded/)
})

test('card badges: shared by N, unknown media types and load errors are always shown', () => {
  const relations = graphRelations(graph())
  const base = graph().nodes.find((n) => n.label === 'base')!
  assert.deepEqual(
    cardBadges(relations, base).map((b) => [b.text, b.tone]),
    [
      ['layer 1', 'kind'],
      ['shared by 2', 'shared'],
    ],
  )
  const extra = graph().nodes.find((n) => n.label === 'arm-extra')!
  assert.deepEqual(
    cardBadges(relations, extra).map((b) => b.tone),
    ['kind', 'warn'],
  )
  const broken = node('broken', 'manifest', 'platform', {
    documentError: { code: 'NETWORK', message: 'down' },
  })
  assert.deepEqual(
    cardBadges(relations, broken).map((b) => b.text),
    ['platform', 'not loaded'],
  )
  assert.equal(
    nodeAccessibleName(base, cardBadges(relations, base)),
    `base, layer 1, shared by 2, ${digestOf('base').slice(0, 19)}, 2 KiB`,
  )
  assert.equal(
    cardMediaType('application/vnd.oci.image.layer.v1.tar+gzip'),
    'vnd.oci.image.layer.v1.tar+gzip',
  )
})

test('badge placement: left to right, the role badge shrinks first, nothing overflows', () => {
  const badges = [
    { text: 'attestation · linux/arm64/v8', tone: 'kind' as const },
    { text: 'shared by 3', tone: 'shared' as const },
  ]
  const roomy = placeBadges(badges, 400, [150, 60])
  assert.deepEqual(
    roomy.map((b) => [b.x, b.width]),
    [
      [0, 164],
      [170, 74],
    ],
  )
  const tight = placeBadges(badges, 200, [150, 60])
  assert.equal(tight.length, 2)
  assert.equal(tight[1]!.x + tight[1]!.width, 200)
  assert.ok(tight[0]!.width < 164)
  // Without measurements, an estimate from the text length.
  const estimated = placeBadges([{ text: 'config', tone: 'kind' }], 200)
  assert.ok(estimated[0]!.width > 40 && estimated[0]!.width < 70)
})
