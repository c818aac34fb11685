// What the image handlers add for issue 5 around their own work: a registry tag resolved by a
// summary is recorded in the tag-history journal, and a registry graph gets what refers to its
// manifests attached. Neither may fail or noticeably slow the call it rides on.

import type { ImageGraph, ImageWarning } from '../../shared/api'
import { toApiError } from '../../shared/errors'
import type { Digest } from '../../shared/oci/types'
import type { ImageSource } from '../sources/imageSource'
import { registrySourceOf } from './registrySourceOf'
import { layoutReferrers } from '../stores/oci-layout/ociLayoutReferrers'
import type { Referrer, ReferrersResult } from './referrerTypes'
import { referrerAdditions, withReferrers } from './referrerNodes'
import type { ImageHandlerDeps } from './handlerDeps'

/** How long a graph waits for its referrers before showing itself without them. */
export const GRAPH_REFERRERS_TIMEOUT_MS = 8_000

/** Records "tag → digest" when the source named a registry tag (not a digest). */
export async function recordResolvedTag(
  services: Pick<ImageHandlerDeps, 'history' | 'warn'>,
  source: ImageSource,
  digest: Digest,
): Promise<void> {
  const registry = registrySourceOf(source)
  const reference = registry?.reference
  if (reference === undefined || reference.tag === undefined || reference.digest !== undefined) {
    return
  }
  try {
    await services.history.recordQuietly({
      registry: services.history.registryName(reference.registry),
      repository: reference.repository,
      tag: reference.tag,
      digest,
      source: 'resolve',
    })
  } catch (error) {
    services.warn(`tag history: ${toApiError(error).message}`)
  }
}

/** The graph with referrer nodes for registry and OCI layout sources; a failed lookup becomes a warning. */
export async function withGraphReferrers(
  services: Pick<ImageHandlerDeps, 'referrers'>,
  graph: ImageGraph,
  source: ImageSource,
  signal: AbortSignal,
): Promise<ImageGraph> {
  if (source.kind === 'oci-layout') {
    // A layout's referrers are its own index.json entries: read once, locally, no timeout.
    let found: Map<Digest, Referrer[]>
    try {
      found = await layoutReferrers(source, signal)
    } catch (error) {
      if (signal.aborted) throw error
      const warning: ImageWarning = { kind: 'referrersNotShown', error: toApiError(error) }
      return { ...graph, warnings: [...graph.warnings, warning] }
    }
    const lookup = (subject: Digest): Promise<ReferrersResult> =>
      Promise.resolve({ subject, via: 'layout', referrers: found.get(subject) ?? [] })
    return withReferrers(graph, await referrerAdditions(graph, source, lookup, { signal }))
  }
  const registry = registrySourceOf(source)
  if (registry === undefined) return graph
  const timeout = AbortSignal.timeout(GRAPH_REFERRERS_TIMEOUT_MS)
  try {
    return await services.referrers.attachToGraph(
      graph,
      registry,
      AbortSignal.any([signal, timeout]),
    )
  } catch (error) {
    if (signal.aborted) throw error
    const warning: ImageWarning = timeout.aborted
      ? { kind: 'referrersNotShown' }
      : { kind: 'referrersNotShown', error: toApiError(error) }
    return { ...graph, warnings: [...graph.warnings, warning] }
  }
}
