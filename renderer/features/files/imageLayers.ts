// Which image the files view shows and its layers, read from the image graph: the manifest
// itself, or for an index the first runnable platform (as the files operations choose by
// default), and that manifest's layers bottom first, with the build steps that made them.
// Pure, so it is unit-tested.
import type { GraphEdge, GraphNode, ImageGraph } from '../../../shared/api'
import { platformString } from '../../../shared/format'

export interface ImageLayerInfo {
  /** 1-based, 1 = the bottom layer (the URL's `layer=`). */
  readonly position: number
  readonly digest: string
  readonly size: number
  readonly mediaType: string
  readonly label: string
  /** The config's history steps that produced it ("RUN apt-get install …"). */
  readonly history: readonly string[]
}

export interface FilesImage {
  readonly manifestDigest: string
  /** "linux/amd64" when the reference is an index. */
  readonly platform?: string
  readonly layers: readonly ImageLayerInfo[]
}

type GraphShape = Pick<ImageGraph, 'rootId' | 'nodes' | 'edges'>

function childrenOf(graph: GraphShape, id: string, relation: GraphEdge['relation']): GraphNode[] {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]))
  return graph.edges
    .filter((e) => e.from === id && e.relation === relation)
    .sort((a, b) => a.position - b.position)
    .map((e) => byId.get(e.to))
    .filter((n): n is GraphNode => n !== undefined)
}

export function filesImageOf(graph: GraphShape): FilesImage | undefined {
  const root = graph.nodes.find((n) => n.id === graph.rootId)
  if (!root) return undefined
  let manifest: GraphNode | undefined = root.kind === 'manifest' ? root : undefined
  if (root.kind === 'index') {
    manifest = childrenOf(graph, root.id, 'manifest').find(
      (n) => n.kind === 'manifest' && n.role === 'platform' && n.platform?.os !== 'unknown',
    )
  }
  if (!manifest) return undefined
  const layers = childrenOf(graph, manifest.id, 'layer').map((node, i) => ({
    position: i + 1,
    digest: node.digest,
    size: node.size,
    mediaType: node.mediaType,
    label: node.label,
    history: node.history ?? [],
  }))
  return {
    manifestDigest: manifest.digest,
    ...(root.kind === 'index' && manifest.platform
      ? { platform: platformString(manifest.platform) }
      : {}),
    layers,
  }
}

/** The layer the URL names (a 1-based position or a digest), or undefined when none matches. */
export function findLayer(
  layers: readonly ImageLayerInfo[],
  layer: string | undefined,
): ImageLayerInfo | undefined {
  if (layer === undefined) return undefined
  if (/^\d+$/.test(layer)) return layers[Number(layer) - 1]
  return layers.find((l) => l.digest === layer)
}
