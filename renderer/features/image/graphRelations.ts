// Who points at whom in an image graph: parents, children, a layer's place in its manifest,
// how many documents share a blob. Pure, so cards, highlighting and details agree (and are
// unit-tested).
import { CONTAINER_STATE } from './containerNode'
import type { GraphEdge, GraphNode, ImageGraph } from '../../../shared/api'
import { platformString } from '../../../shared/format'
import { translate } from '../../i18n/translate'
import { artifactKindText } from './artifactKind'

export interface GraphRelations {
  /** Edges into a node, their parents in document order. */
  readonly incoming: ReadonlyMap<string, readonly GraphEdge[]>
  /** Edges out of a node, in document order (config first, then layers[0], layers[1], …). */
  readonly outgoing: ReadonlyMap<string, readonly GraphEdge[]>
  readonly byId: ReadonlyMap<string, GraphNode>
}

type GraphParts = Pick<ImageGraph, 'nodes' | 'edges'> & { readonly rootId?: string }

/** A parent's children in the order its JSON lists them: config, then layers[0], [1] … */
export function childOrder(edge: GraphEdge): number {
  return edge.relation === 'config' ? -1 : edge.position
}

/**
 * Every node's place in document order: a depth-first walk from the root, children in the
 * order their parent lists them (config, layers[0], layers[1] …; manifests[0], [1] …). A node
 * listed twice (a shared layer) keeps its first place.
 */
export function documentOrder(graph: GraphParts): Map<string, number> {
  const children = new Map<string, GraphEdge[]>()
  for (const edge of graph.edges) {
    const list = children.get(edge.from)
    if (list) list.push(edge)
    else children.set(edge.from, [edge])
  }
  const order = new Map<string, number>()
  const visit = (id: string): void => {
    if (order.has(id)) return
    order.set(id, order.size)
    const out = [...(children.get(id) ?? [])].sort((a, b) => childOrder(a) - childOrder(b))
    for (const edge of out) visit(edge.to)
  }
  if (graph.rootId !== undefined) visit(graph.rootId)
  for (const node of graph.nodes) visit(node.id)
  return order
}

/** Nodes and edges sorted into document order, so equal graphs are drawn and listed alike. */
export function inDocumentOrder(graph: GraphParts): Pick<ImageGraph, 'nodes' | 'edges'> {
  const order = documentOrder(graph)
  const rank = (id: string): number => order.get(id) ?? Number.MAX_SAFE_INTEGER
  return {
    nodes: [...graph.nodes].sort((a, b) => rank(a.id) - rank(b.id)),
    edges: [...graph.edges].sort(
      (a, b) =>
        rank(a.from) - rank(b.from) ||
        childOrder(a) - childOrder(b) ||
        rank(a.to) - rank(b.to) ||
        a.relation.localeCompare(b.relation),
    ),
  }
}

export function graphRelations(input: GraphParts): GraphRelations {
  const graph = inDocumentOrder(input)
  const incoming = new Map<string, GraphEdge[]>()
  const outgoing = new Map<string, GraphEdge[]>()
  const add = (map: Map<string, GraphEdge[]>, key: string, edge: GraphEdge): void => {
    const list = map.get(key)
    if (list) list.push(edge)
    else map.set(key, [edge])
  }
  for (const edge of graph.edges) {
    add(incoming, edge.to, edge)
    add(outgoing, edge.from, edge)
  }
  return { incoming, outgoing, byId: new Map(graph.nodes.map((n) => [n.id, n])) }
}

/** The distinct documents that list a node (a shared layer has more than one). */
export function parentIds(relations: GraphRelations, id: string): readonly string[] {
  return [...new Set((relations.incoming.get(id) ?? []).map((e) => e.from))]
}

/** A node with its direct parents and children: what hovering or selecting it lights up. */
export function neighbourhood(relations: GraphRelations, id: string): ReadonlySet<string> {
  const ids = new Set<string>([id])
  for (const edge of relations.incoming.get(id) ?? []) ids.add(edge.from)
  for (const edge of relations.outgoing.get(id) ?? []) ids.add(edge.to)
  return ids
}

export interface LayerPlace {
  /** 0-based place from the bottom (0 is the bottom layer), as `layers` counts. */
  readonly position: number
  readonly count: number
}

/**
 * Where a layer sits in each manifest that lists it, one entry per listing. A schema 1
 * manifest lists fsLayers top first, so its positions are counted back from the end.
 */
export function layerPlaces(relations: GraphRelations, id: string): readonly LayerPlace[] {
  return (relations.incoming.get(id) ?? [])
    .filter((edge) => edge.relation === 'layer')
    .map((edge) => {
      const count = (relations.outgoing.get(edge.from) ?? []).filter(
        (e) => e.relation === 'layer',
      ).length
      const topFirst = relations.byId.get(edge.from)?.kind === 'schema1'
      return { position: topFirst ? count - 1 - edge.position : edge.position, count }
    })
}

/** "layer 1 of 4" when every manifest agrees, "layer 1" when only the position does. */
export function layerOrdinal(places: readonly LayerPlace[]): string | undefined {
  const first = places[0]
  if (!first) return undefined
  if (places.some((p) => p.position !== first.position)) return translate('image:role.layer')
  const position = first.position + 1
  return places.every((p) => p.count === first.count)
    ? translate('image:role.layerOf', { position, count: first.count })
    : translate('image:role.layerAt', { position })
}

/** A buildx attestation names the manifest it describes in an annotation. */
export function attestedPlatform(relations: GraphRelations, node: GraphNode): string | undefined {
  const target = node.annotations?.['vnd.docker.reference.digest']
  if (!target) return undefined
  const described = relations.byId.get(target)
  return described?.platform ? platformString(described.platform) : undefined
}

/** The main badge of a card: platform, layer ordinal, attestation target or the role. */
const REF_NAME = 'org.opencontainers.image.ref.name'

/** The tag (or reference) an OCI layout's index.json gives this manifest, if any. */
export function refName(node: GraphNode): string | undefined {
  const name = node.annotations?.[REF_NAME]
  return name && name.trim() !== '' ? name : undefined
}

/** The plain word for a role ("config", "subject", "blob"), in the chosen language. */
export function roleWord(role: GraphNode['role']): string {
  switch (role) {
    case 'root':
      return translate('image:role.root')
    case 'platform':
      return translate('image:role.platform')
    case 'attestation':
      return translate('image:role.attestation')
    case 'nested-index':
      return translate('image:role.nestedIndex')
    case 'config':
      return translate('image:role.config')
    case 'layer':
      return translate('image:role.layer')
    case 'subject':
      return translate('image:role.subject')
    case 'referrer':
      return translate('image:role.referrer')
    case 'blob':
      return translate('image:role.blob')
    case 'container':
      return translate('image:role.container')
  }
}

export function roleBadgeText(relations: GraphRelations, node: GraphNode): string {
  switch (node.role) {
    case 'platform': {
      // An OCI layout names its manifests by tag: say which one, not just "platform".
      const tag = refName(node)
      const platform = node.platform ? platformString(node.platform) : undefined
      if (tag) return platform ? translate('image:role.tagOn', { tag, platform }) : tag
      return platform ?? roleWord('platform')
    }
    case 'root':
      return node.platform
        ? translate('image:role.rootOn', { platform: platformString(node.platform) })
        : roleWord('root')
    case 'attestation': {
      const target = attestedPlatform(relations, node)
      return target
        ? translate('image:role.attestationOf', { platform: target })
        : roleWord('attestation')
    }
    case 'layer':
      return layerOrdinal(layerPlaces(relations, node.id)) ?? roleWord('layer')
    case 'referrer':
      return translate('image:role.referrerOf', { kind: artifactKindText(node.artifactType) })
    case 'container':
      // Its state ("created", "running") as the store says it, else the word "container".
      return node.annotations?.[CONTAINER_STATE] ?? roleWord('container')
    default:
      return roleWord(node.role)
  }
}

/** The child a parent lists at `config`, or at `layers[position]` / `manifests[position]`. */
export function childAt(
  relations: GraphRelations,
  parentId: string,
  relation: GraphEdge['relation'],
  position = 0,
): GraphNode | undefined {
  const edge = (relations.outgoing.get(parentId) ?? []).find(
    (e) => e.relation === relation && (relation === 'config' || e.position === position),
  )
  return edge ? relations.byId.get(edge.to) : undefined
}
