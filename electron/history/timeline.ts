// Queries over journal observations: per-tag segments (runs of one digest), the moves between
// them, and "tag X as of date D". Pure functions; the journal hands them its observations.

import type {
  RepositoryTimeline,
  TagAsOf,
  TagMove,
  TagObservation,
  TagSegment,
  TagTimeline,
} from '../../shared/api/history'

/** The latest sighting of a tag, kept even when the observation itself was not stored. */
export interface LastSeen {
  readonly digest: string
  readonly seenAt: string
}

export function tagKey(registry: string, repository: string, tag: string): string {
  return `${registry}\u0000${repository}\u0000${tag}`
}

/**
 * Segments of one tag from its observations (any order). `lastSeen`, when its digest is the
 * last segment's, stretches that segment's `to` to the freshest sighting.
 */
export function segmentsOf(
  observations: readonly TagObservation[],
  lastSeen?: LastSeen,
): TagSegment[] {
  const sorted = [...observations].sort(byTime)
  const segments: { digest: string; from: string; to: string; observations: number }[] = []
  for (const observation of sorted) {
    const current = segments.at(-1)
    if (current !== undefined && current.digest === observation.digest) {
      current.to = observation.seenAt
      current.observations += 1
    } else {
      segments.push({
        digest: observation.digest,
        from: observation.seenAt,
        to: observation.seenAt,
        observations: 1,
      })
    }
  }
  const last = segments.at(-1)
  if (last !== undefined && lastSeen !== undefined && lastSeen.digest === last.digest) {
    if (Date.parse(lastSeen.seenAt) > Date.parse(last.to)) last.to = lastSeen.seenAt
  }
  return segments
}

export function repositoryTimeline(
  registry: string,
  repository: string,
  observations: readonly TagObservation[],
  lastSeen: ReadonlyMap<string, LastSeen>,
): RepositoryTimeline {
  const byTag = new Map<string, TagObservation[]>()
  for (const observation of observations) {
    if (observation.registry !== registry || observation.repository !== repository) continue
    const list = byTag.get(observation.tag) ?? []
    list.push(observation)
    byTag.set(observation.tag, list)
  }
  const tags: TagTimeline[] = [...byTag.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([tag, list]) => ({
      tag,
      segments: segmentsOf(list, lastSeen.get(tagKey(registry, repository, tag))),
    }))
  return { registry, repository, tags }
}

/** Every move in a timeline, oldest first. */
export function movesOf(timeline: RepositoryTimeline): TagMove[] {
  const moves: TagMove[] = []
  for (const { tag, segments } of timeline.tags) {
    for (let i = 1; i < segments.length; i += 1) {
      const before = segments[i - 1]
      const after = segments[i]
      if (before === undefined || after === undefined) continue
      moves.push({
        tag,
        fromDigest: before.digest,
        toDigest: after.digest,
        at: after.from,
        lastSeenBefore: before.to,
      })
    }
  }
  return moves.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || compare(a.tag, b.tag))
}

/**
 * The digest a tag had at `date`: the last segment that began at or before it. Undefined when
 * the journal first saw the tag after `date` (or never).
 */
export function tagAsOf(
  timeline: RepositoryTimeline,
  tag: string,
  date: Date,
): TagAsOf | undefined {
  const at = date.getTime()
  if (isNaN(at)) return undefined
  const segments = timeline.tags.find((t) => t.tag === tag)?.segments ?? []
  let found: TagSegment | undefined
  for (const segment of segments) {
    if (Date.parse(segment.from) <= at) found = segment
    else break
  }
  if (found === undefined) return undefined
  return {
    tag,
    digest: found.digest,
    segment: found,
    certainty: at <= Date.parse(found.to) ? 'observed' : 'last-known',
  }
}

function byTime(a: TagObservation, b: TagObservation): number {
  return Date.parse(a.seenAt) - Date.parse(b.seenAt)
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
