// A container opened with container:… becomes a node of the graph the renderer draws: one node
// with an "image" edge to the manifest, laid out to the manifest's left (on top of its image),
// its state as its badge; the writable layer stays the manifest's top layer, not a second node.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { GraphEdge, ImageGraph } from '../../../shared/api'
import type { ContainerInfo } from '../../../shared/api'
import { digestOf, graphNode } from '../../harness/graphFixtures'
import { withContainerNode } from '../../../renderer/features/image/containerNode'
import { graphRelations, roleBadgeText } from '../../../renderer/features/image/graphRelations'
import { layoutGraph } from '../../../renderer/features/image/layout'
import { compactCardText, cardBadges } from '../../../renderer/features/image/nodeText'
import { initTranslations } from '../../../renderer/i18n/translate'

initTranslations('en')

const container: ContainerInfo = {
  store: 'containers-storage',
  id: 'c0ffee'.padEnd(64, '0'),
  name: 'web',
  names: ['web'],
  image: 'localhost/demo:1',
  state: 'created',
  sizeRw: 4096,
  ref: 'container:containers-storage:web',
}

function imageGraph(withContainer: boolean): ImageGraph {
  const edge = (to: string, relation: GraphEdge['relation'], position: number): GraphEdge => ({
    from: digestOf('manifest'),
    to: digestOf(to),
    relation,
    position,
  })
  return {
    ref: container.ref,
    sourceLabel: 'test',
    rootId: digestOf('manifest'),
    nodes: [
      graphNode('manifest', 'manifest', 'root'),
      graphNode('cfg', 'config', 'config'),
      graphNode('base', 'layer', 'layer'),
      graphNode('live', 'layer', 'layer'),
    ],
    edges: [edge('cfg', 'config', 0), edge('base', 'layer', 0), edge('live', 'layer', 1)],
    warnings: [],
    ...(withContainer ? { container } : {}),
  }
}

test('no container: the graph is unchanged', () => {
  const graph = imageGraph(false)
  assert.equal(withContainerNode(graph), graph)
})

test('a container: one node, an "image" edge to the manifest, drawn left of it', () => {
  const graph = withContainerNode(imageGraph(true))
  const nodes = graph.nodes.filter((n) => n.kind === 'container')
  assert.equal(nodes.length, 1)
  const node = nodes[0]!
  assert.equal(node.label, 'web')
  assert.equal(node.size, 4096)
  assert.deepEqual(
    graph.edges.filter((e) => e.from === node.id),
    [{ from: node.id, to: digestOf('manifest'), relation: 'image', position: 0 }],
  )
  // The writable layer is still the manifest's top layer, and only there.
  assert.equal(graph.nodes.filter((n) => n.kind === 'layer').length, 2)
  const relations = graphRelations(graph)
  assert.equal(roleBadgeText(relations, node), 'created')
  assert.equal(compactCardText(node, cardBadges(relations, node)), 'container created')

  for (const density of ['full', 'compact'] as const) {
    const layout = layoutGraph(graph, density)
    const x = (id: string): number => layout.nodes.find((p) => p.node.id === id)!.x
    assert.ok(x(node.id) < x(digestOf('manifest')), `${density}: left of the manifest`)
    assert.ok(x(digestOf('manifest')) < x(digestOf('live')), density)
    const edge = layout.edges.find((e) => e.edge.relation === 'image')
    assert.equal(edge?.label, 'image')
  }
})
