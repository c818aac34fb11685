// Which image the files view shows and its layers, read from the image graph: the manifest
// itself, or for an index the chosen runnable platform (by default the first, as the files
// operations choose), and that manifest's layers bottom first, with the build steps that made them.
// Pure, so it is unit-tested.
import type { GraphEdge, GraphNode, ImageGraph } from '../../../shared/api'
import { platformString } from '../../../shared/format'
import {
  chooseImage,
  isAttestationManifest,
  parsePlatformText,
} from '../../../shared/oci/platforms'

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
  /** For an index: every runnable platform it lists, in index order. */
  readonly platforms: readonly string[]
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

/**
 * The image to show: the manifest itself, or for an index the runnable platform `platform`
 * names ("linux/arm64/v8"), the first one when absent; undefined when there is none (or the
 * index has no such platform: `platformsOf` then lists the ones it has).
 */
export function filesImageOf(graph: GraphShape, platform?: string): FilesImage | undefined {
  const root = graph.nodes.find((n) => n.id === graph.rootId)
  if (!root) return undefined
  let manifest: GraphNode | undefined = root.kind === 'manifest' ? root : undefined
  const runnable = root.kind === 'index' ? runnableManifests(graph, root.id) : []
  if (root.kind === 'index') {
    // The same rule the main side's openImage applies (shared/oci/platforms.ts).
    const wanted = platform === undefined ? undefined : parsePlatformText(platform)
    manifest =
      platform !== undefined && wanted === undefined ? undefined : chooseImage(runnable, wanted)
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
    platforms: platformsOf(graph),
    layers,
  }
}

/** The runnable platforms of an index ("linux/amd64", …); empty for a single image. */
export function platformsOf(graph: GraphShape): readonly string[] {
  const root = graph.nodes.find((n) => n.id === graph.rootId)
  if (root?.kind !== 'index') return []
  return runnableManifests(graph, root.id).flatMap((n) =>
    n.platform ? [platformString(n.platform)] : [],
  )
}

/** Nested indexes followed to this depth, as the main side's openImage does. */
const MAX_INDEX_DEPTH = 4

/**
 * The images of an index in index order, depth first: nested indexes flattened (each digest
 * once), attestations left out — the walk the main side's listImages makes.
 */
function runnableManifests(graph: GraphShape, indexId: string): GraphNode[] {
  const images: GraphNode[] = []
  const seen = new Set<string>()
  const walk = (id: string, depth: number): void => {
    for (const child of childrenOf(graph, id, 'manifest')) {
      if (isAttestationManifest(child) || seen.has(child.digest)) continue
      seen.add(child.digest)
      if (child.kind === 'manifest' && child.role === 'platform') images.push(child)
      else if (child.kind === 'index' && depth + 1 < MAX_INDEX_DEPTH) walk(child.id, depth + 1)
    }
  }
  walk(indexId, 0)
  return images
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
