// A container opened with container:… stands on its image: the graph the renderer draws gets a
// container node with an "image" edge to the manifest. Its writable layer stays what the main
// side made it, the manifest's top layer (a live layer), so there is one truth about it.
import type { GraphNode, ImageGraph } from '../../../shared/api'

/** Where the container's state travels on its node (the card's badge). */
export const CONTAINER_STATE = 'io.strata.container.state'

export function containerNodeId(id: string): string {
  return `container:${id}`
}

/** The graph with its container (if any) as a node on top of the image's manifest. */
export function withContainerNode(graph: ImageGraph): ImageGraph {
  const container = graph.container
  if (!container) return graph
  const id = containerNodeId(container.id)
  const node: GraphNode = {
    id,
    digest: id,
    mediaType: container.image,
    size: container.sizeRw ?? -1,
    kind: 'container',
    role: 'container',
    label: container.name,
    explanation: '',
    ...(container.state !== undefined
      ? { annotations: { [CONTAINER_STATE]: container.state } }
      : {}),
    commands: [],
  }
  return {
    ...graph,
    nodes: [node, ...graph.nodes],
    edges: [{ from: id, to: graph.rootId, relation: 'image', position: 0 }, ...graph.edges],
  }
}
