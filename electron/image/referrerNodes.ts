// Attaches referrers to a built graph as extra nodes: for each manifest in the graph, what
// refers to it becomes a node with role 'referrer' (artifactType and annotations kept) and an
// edge subject → referrer with relation 'referrer'. The graph builder itself is untouched;
// the caller merges these into the ImageGraph it returns.

import type { GraphEdge, GraphNode, ImageGraph, ImageWarning } from '../../shared/api'
import { toApiError } from '../../shared/errors'
import type { Digest } from '../../shared/oci/types'
import { makeNode } from './graphNodes'
import type { ImageSource } from '../sources/imageSource'
import { Semaphore } from '../util/semaphore'
import type { ReferrersResult } from './referrerTypes'

export interface ReferrerAdditions {
  readonly nodes: readonly GraphNode[]
  readonly edges: readonly GraphEdge[]
  readonly warnings: readonly ImageWarning[]
}

export type ReferrersLookup = (subject: Digest, signal?: AbortSignal) => Promise<ReferrersResult>

const SUBJECT_ROLES = new Set(['root', 'platform', 'nested-index'])

export async function referrerAdditions(
  graph: ImageGraph,
  source: Pick<ImageSource, 'commandsFor'>,
  lookup: ReferrersLookup,
  options: { readonly signal?: AbortSignal; readonly concurrency?: number } = {},
): Promise<ReferrerAdditions> {
  const subjects = graph.nodes.filter((n) => SUBJECT_ROLES.has(n.role))
  const known = new Set(graph.nodes.map((n) => n.id))
  const nodes = new Map<string, GraphNode>()
  const edges: GraphEdge[] = []
  const warnings: ImageWarning[] = []
  const limit = new Semaphore(options.concurrency ?? 4)
  await Promise.all(
    subjects.map((subject) =>
      limit.run(async () => {
        let result: ReferrersResult
        try {
          result = await lookup(subject.digest, options.signal)
        } catch (error) {
          warnings.push({
            kind: 'referrersUnreadable',
            subject: subject.digest,
            error: toApiError(error),
          })
          return
        }
        result.referrers.forEach((referrer, position) => {
          if (!known.has(referrer.digest) && !nodes.has(referrer.digest)) {
            const commands = source.commandsFor({ digest: referrer.digest, kind: 'manifest' })
            nodes.set(referrer.digest, makeNode(referrer, 'referrer', { commands }))
          }
          edges.push({ from: subject.id, to: referrer.digest, relation: 'referrer', position })
        })
      }),
    ),
  )
  return { nodes: [...nodes.values()], edges, warnings }
}

/** The graph with the additions merged in. */
export function withReferrers(graph: ImageGraph, additions: ReferrerAdditions): ImageGraph {
  return {
    ...graph,
    nodes: [...graph.nodes, ...additions.nodes],
    edges: [...graph.edges, ...additions.edges],
    warnings: [...graph.warnings, ...additions.warnings],
  }
}
