// Which image a layer's files are read from when the user follows it out of the graph: the
// image itself when the graph is one image, the platform's image of an index, or (an OCI
// layout's tagged manifests, listed without platforms) the manifest pinned by its digest.
// Pure, so it is unit-tested.
import type { GraphNode } from '../../../shared/api'
import { platformString } from '../../../shared/format'
import { refForDigest, repositoryOfSource } from '../../routing/refs'
import type { GraphRelations } from './graphRelations'

export interface LayerImage {
  readonly imageRef: string
  readonly platform?: string
}

export function layerImage(
  relations: GraphRelations,
  graphRef: string,
  layer: GraphNode,
): LayerImage {
  const parents = (relations.incoming.get(layer.id) ?? [])
    .filter((edge) => edge.relation === 'layer')
    .map((edge) => relations.byId.get(edge.from))
    .filter((parent): parent is GraphNode => parent !== undefined)
  // An image you can run before an attestation that happens to list the same blob.
  const manifest = parents.find((p) => p.role !== 'attestation') ?? parents[0]
  if (!manifest || manifest.role === 'root') return { imageRef: graphRef }
  if (manifest.platform) {
    return { imageRef: graphRef, platform: platformString(manifest.platform) }
  }
  const repository = repositoryOfSource(graphRef)
  return repository !== undefined
    ? { imageRef: refForDigest(repository, manifest.digest) }
    : { imageRef: graphRef }
}
