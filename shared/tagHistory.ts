// The tag-history record: what the journal stores (one observation per line) and what its
// queries answer (per-tag segments, moves, "tag as of date"). Plain data; both sides use it.

import type { Digest } from './oci/types'

/** How an observation was made: a tag listing, a single resolve, the watcher, Quay's API. */
export type ObservationSource = 'list' | 'resolve' | 'watch' | 'quay'

export const OBSERVATION_SOURCES: readonly ObservationSource[] = [
  'list',
  'resolve',
  'watch',
  'quay',
]

/** "At seenAt, registry/repository:tag pointed at digest." */
export interface TagObservation {
  /** Normalized registry host[:port]: "docker.io", "127.0.0.1:5000". */
  readonly registry: string
  readonly repository: string
  readonly tag: string
  readonly digest: Digest
  /** ISO 8601 instant, UTC ("2026-01-02T03:04:05.678Z"). */
  readonly seenAt: string
  readonly source: ObservationSource
}

/** A stretch of time over which a tag was seen pointing at one digest. */
export interface TagSegment {
  readonly digest: Digest
  /** First time the tag was seen at this digest (in this stretch). */
  readonly from: string
  /** Last time it was seen there; the move happened between `to` and the next `from`. */
  readonly to: string
  /** How many observations the journal holds for this stretch. */
  readonly observations: number
}

export interface TagTimeline {
  readonly tag: string
  /** Oldest first; consecutive segments always have different digests. */
  readonly segments: readonly TagSegment[]
}

export interface RepositoryTimeline {
  readonly registry: string
  readonly repository: string
  /** Sorted by tag name. */
  readonly tags: readonly TagTimeline[]
}

/** A tag seen at one digest and later at another. */
export interface TagMove {
  readonly tag: string
  readonly fromDigest: Digest
  readonly toDigest: Digest
  /** When the new digest was first seen. */
  readonly at: string
  /** When the old digest was last seen: the move happened in (lastSeenBefore, at]. */
  readonly lastSeenBefore: string
}

/** "Tag X as of date D." */
export interface TagAsOf {
  readonly tag: string
  readonly digest: Digest
  readonly segment: TagSegment
  /**
   * 'observed': D lies inside the segment (seen at this digest before and after D).
   * 'last-known': D is after the segment's last sighting; the tag may have moved since.
   */
  readonly certainty: 'observed' | 'last-known'
}
