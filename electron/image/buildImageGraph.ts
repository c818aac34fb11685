// Builds the index → manifest → config → layers graph of whatever a source resolves to. Every
// manifest and config is fetched through the source, which verifies it; a child that fails is
// kept as a node carrying its error, so one bad manifest never hides the rest of the image.

import type {
  GraphEdge,
  GraphNode,
  GraphNodeRole,
  ImageGraph,
  ImageWarning,
} from '../../shared/api'
import { toApiError } from '../../shared/errors'
import { isIndexMediaType, isManifestMediaType } from '../../shared/oci/mediaTypes'
import type {
  Descriptor,
  HistoryEntry,
  ImageManifest,
  Schema1Manifest,
} from '../../shared/oci/types'
import { isAttestationManifest } from '../../shared/oci/platforms'
import type { ImageSource } from '../sources/imageSource'
import { rateLimitOf } from '../sources/imageSource'
import { Semaphore } from '../util/semaphore'
import { MAX_UNTYPED_CONFIG_BYTES, isJsonConfigType, readConfigBlob } from './configDocument'
import { describedSibling } from './attestationGrouping'
import { makeNode, prettyDocument } from './graphNodes'
import { stepsPerLayer } from './layerHistory'
import { planSchema1Layers } from './schema1Graph'

export interface GraphLimits {
  readonly maxNodes: number
  readonly maxDepth: number
  readonly concurrency: number
}

/** How a config typed as something else (application/octet-stream) is labelled when it is one. */
const RECOGNIZED_CONFIG = {
  kind: 'config',
  label: 'image config',
  explanation:
    'The image configuration, though its descriptor types it as something else (old Docker images say application/octet-stream): settings, history and layer diff IDs.',
  words: { label: 'imageConfig', explanation: 'recognizedConfig' },
} as const

export const DEFAULT_GRAPH_LIMITS: GraphLimits = { maxNodes: 3000, maxDepth: 8, concurrency: 6 }

export async function buildImageGraph(
  source: ImageSource,
  options: { readonly signal?: AbortSignal; readonly limits?: GraphLimits } = {},
): Promise<ImageGraph> {
  const builder = new GraphBuilder(source, options.limits ?? DEFAULT_GRAPH_LIMITS, options.signal)
  const root = await source.resolve({ signal: options.signal })
  await builder.visitManifest(root, 'root', 0)
  const rateLimit = rateLimitOf(source)
  return {
    ref: source.ref,
    sourceLabel: source.label,
    rootId: root.digest,
    nodes: [...builder.nodes.values()],
    edges: builder.edges.filter((e) => builder.nodes.has(e.from) && builder.nodes.has(e.to)),
    warnings: [...(source.warnings ?? []), ...builder.warnings],
    ...(rateLimit ? { rateLimit } : {}),
    ...containerOf(source),
  }
}

/** A container source (stores/containers) says which container sits on the image. */
function containerOf(source: ImageSource): Pick<ImageGraph, 'container'> {
  if (!('container' in source)) return {}
  const container = (source as { readonly container?: ImageGraph['container'] }).container
  return container !== undefined ? { container } : {}
}

class GraphBuilder {
  readonly nodes = new Map<string, GraphNode>()
  readonly edges: GraphEdge[] = []
  readonly warnings: ImageWarning[] = []
  private readonly fetches: Semaphore
  private truncated = false

  constructor(
    private readonly source: ImageSource,
    private readonly limits: GraphLimits,
    private readonly signal: AbortSignal | undefined,
  ) {
    this.fetches = new Semaphore(limits.concurrency)
  }

  async visitManifest(descriptor: Descriptor, role: GraphNodeRole, depth: number): Promise<void> {
    if (this.nodes.has(descriptor.digest) || !this.reserve()) return
    const commands = this.source.commandsFor({ digest: descriptor.digest, kind: 'manifest' })
    if (depth > this.limits.maxDepth) {
      this.warnings.push({ kind: 'depthLimit', depth })
      this.add(makeNode(descriptor, role, { commands }))
      return
    }
    let manifest
    try {
      manifest = await this.fetches.run(() =>
        this.source.fetchManifest(descriptor, { signal: this.signal }),
      )
    } catch (error) {
      if (role === 'root') throw error
      const documentError = toApiError(error)
      this.warnings.push({
        kind: 'documentUnreadable',
        role: 'manifest',
        digest: descriptor.digest,
        error: documentError,
      })
      this.add(makeNode(descriptor, role, { commands, documentError }))
      return
    }
    const { parsed } = manifest
    const own = parsed.kind === 'schema1' ? undefined : parsed.document
    this.add(
      makeNode(descriptor, role, {
        commands,
        document: prettyDocument(manifest.bytes),
        documentMediaType: descriptor.mediaType === '' ? parsed.mediaType : undefined,
        ...(own?.annotations ? { documentAnnotations: own.annotations } : {}),
        ...(own?.artifactType !== undefined ? { documentArtifactType: own.artifactType } : {}),
      }),
    )
    if (parsed.kind === 'schema1') {
      this.visitSchema1Layers(descriptor, parsed.document)
      this.warnings.push({ kind: 'schema1ReadOnly' })
      return
    }
    if (parsed.kind === 'index') {
      await Promise.all(
        parsed.document.manifests.map((child, position) => {
          const described = describedSibling(child, parsed.document.manifests)
          if (described !== undefined) this.link(described, child.digest, 'referrer', position)
          else this.link(descriptor.digest, child.digest, 'manifest', position)
          return this.visitChild(child, depth + 1)
        }),
      )
    } else {
      await this.visitImage(descriptor, parsed.document)
    }
    const subject = parsed.document.subject
    if (subject) {
      this.addLeaf(subject, 'subject', 'manifest')
      this.link(descriptor.digest, subject.digest, 'subject', 0)
    }
  }

  private async visitChild(child: Descriptor, depth: number): Promise<void> {
    if (isAttestationManifest(child)) return this.visitManifest(child, 'attestation', depth)
    if (isIndexMediaType(child.mediaType)) return this.visitManifest(child, 'nested-index', depth)
    if (isManifestMediaType(child.mediaType)) return this.visitManifest(child, 'platform', depth)
    this.addLeaf(child, 'blob', 'blob')
    return Promise.resolve()
  }

  private async visitImage(owner: Descriptor, manifest: ImageManifest): Promise<void> {
    const history = await this.visitConfig(manifest.config)
    this.link(owner.digest, manifest.config.digest, 'config', 0)
    const steps = stepsPerLayer(history, manifest.layers.length)
    manifest.layers.forEach((layer, position) => {
      this.addLeaf(layer, 'layer', 'blob', steps[position])
      this.link(owner.digest, layer.digest, 'layer', position)
    })
  }

  /** fsLayers as layer leaves, each carrying the steps its history entries record. */
  private visitSchema1Layers(owner: Descriptor, manifest: Schema1Manifest): void {
    const plan = planSchema1Layers(manifest)
    for (const leaf of plan.leaves) {
      const digest = leaf.descriptor.digest
      this.addLeaf(leaf.descriptor, 'layer', 'blob', plan.steps.get(digest))
      this.link(owner.digest, digest, 'layer', leaf.position)
    }
  }

  /**
   * Fetches the config whatever its media type says (old Docker images type it
   * application/octet-stream) and shows it when it is text; returns its history for the layers.
   */
  private async visitConfig(config: Descriptor): Promise<readonly HistoryEntry[] | undefined> {
    if (this.nodes.has(config.digest) || !this.reserve()) return undefined
    const commands = this.source.commandsFor({ digest: config.digest, kind: 'blob' })
    if (!isJsonConfigType(config.mediaType) && config.size > MAX_UNTYPED_CONFIG_BYTES) {
      this.add(makeNode(config, 'config', { commands }))
      return undefined
    }
    try {
      const blob = await this.fetches.run(() =>
        this.source.fetchSmallBlob(config, { signal: this.signal }),
      )
      const reading = readConfigBlob(blob.bytes, config.mediaType)
      this.add(
        makeNode(config, 'config', {
          commands,
          ...(reading.document !== undefined ? { document: reading.document } : {}),
          ...(reading.recognizedImageConfig ? { recognizedAs: RECOGNIZED_CONFIG } : {}),
        }),
      )
      return reading.history
    } catch (error) {
      const documentError = toApiError(error)
      this.warnings.push({
        kind: 'documentUnreadable',
        role: 'config',
        digest: config.digest,
        error: documentError,
      })
      this.add(makeNode(config, 'config', { commands, documentError }))
      return undefined
    }
  }

  private addLeaf(
    descriptor: Descriptor,
    role: GraphNodeRole,
    kind: 'manifest' | 'blob',
    history?: readonly string[],
  ): void {
    if (this.nodes.has(descriptor.digest) || !this.reserve()) return
    const commands = this.source.commandsFor({ digest: descriptor.digest, kind })
    this.add(makeNode(descriptor, role, history ? { commands, history } : { commands }))
  }

  private link(from: string, to: string, relation: GraphEdge['relation'], position: number): void {
    this.edges.push({ from, to, relation, position })
  }

  private add(node: GraphNode): void {
    this.nodes.set(node.id, node)
  }

  /** False once the node budget is spent; warns once. */
  private reserve(): boolean {
    if (this.nodes.size < this.limits.maxNodes) return true
    if (!this.truncated) {
      this.truncated = true
      this.warnings.push({ kind: 'nodeLimit', maxNodes: this.limits.maxNodes })
    }
    return false
  }
}
