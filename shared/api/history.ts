// The history feature's part of the api contract: the tag-history record (what the journal
// stores, one observation per line, and what its queries answer: per-tag segments, moves, "tag
// as of date"), the watcher, and the history operations.

import type { ApiError } from '../errors'
import type { Digest } from '../oci/types'
import type { Operation } from './common'

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

/** A repository a history operation is about: "host/name" or a familiar name. */
export interface RepositoryArgs {
  readonly repository: string
}

export interface WatchedRepository {
  readonly registry: string
  readonly repository: string
  readonly intervalMinutes: number
}

export interface HistoryTimeline extends RepositoryTimeline {
  readonly moves: readonly TagMove[]
  /** Set when the watcher re-checks this repository. */
  readonly watch?: WatchedRepository
  /** Quay registries: whether Quay's tag-history api was merged in (and why not, if not). */
  readonly quay?: QuayMergeStatus
}

/** Whether Quay's own tag history was merged into a timeline; the renderer words it. */
export interface QuayMergeStatus {
  readonly merged: boolean
  readonly problem?: QuayProblem
}

/** Why Quay's tag history was not merged, as data (shared/quayProblemText.ts words it in English). */
export type QuayProblem =
  /** Quay's api did not answer in time. */
  | { readonly kind: 'timeout'; readonly seconds: number }
  /** Quay's api answered with a failure (or the answer was unusable). */
  | { readonly kind: 'failed'; readonly error: ApiError }

export interface HistoryObserveResult {
  /** Tags listed and resolved this time. */
  readonly tags: number
  /** Observations appended to the journal (unchanged tags inside the heartbeat add none). */
  readonly appended: number
}

export interface HistoryAsOfArgs extends RepositoryArgs {
  readonly tag: string
  /** ISO 8601 date or instant ("2026-11-01", "2026-11-01T12:00:00Z"). */
  readonly at: string
}

export interface HistoryExportArgs {
  /** Absent: the whole journal. */
  readonly repository?: string
  readonly format: 'json' | 'csv'
}

export interface HistoryExport {
  /** Suggested file name ("strata-tag-history-demo-app.csv"). */
  readonly fileName: string
  readonly mediaType: string
  readonly text: string
}

export interface HistoryOperations {
  'history:timeline': Operation<RepositoryArgs, HistoryTimeline>
  /** Lists and resolves every tag now and records what it saw. */
  'history:observe': Operation<RepositoryArgs, HistoryObserveResult>
  'history:asOf': Operation<HistoryAsOfArgs, TagAsOf>
  'history:watch': Operation<
    RepositoryArgs & { readonly intervalMinutes?: number },
    readonly WatchedRepository[]
  >
  'history:unwatch': Operation<RepositoryArgs, readonly WatchedRepository[]>
  'history:watching': Operation<Record<string, never>, readonly WatchedRepository[]>
  'history:export': Operation<HistoryExportArgs, HistoryExport>
}
