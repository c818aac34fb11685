// The tag-history, referrers, sharing and compare operations' argument and result types, part
// of the one api contract: shared/api.ts names the operations and re-exports these.

import type { Digest } from '../oci/types'
import type { RepositoryTimeline, TagMove } from '../tagHistory'

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
  readonly quay?: { readonly merged: boolean; readonly problem?: string }
}

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

export interface ReferrersArgs {
  /** The source reference whose repository holds the subject. */
  readonly ref: string
  /** Subject manifest; default: what `ref` resolves to. */
  readonly digest?: Digest
  readonly artifactType?: string
}

export interface SharingArgs {
  /**
   * Images to compare, from any sources. A repository reference (no tag/digest, or one of
   * kind 'repository') stands for all its tags; an index stands for all its platforms.
   */
  readonly refs: readonly string[]
  /** Cap on images collected from repositories (default 200). */
  readonly limit?: number
}

export interface CompareArgs {
  readonly left: string
  readonly right: string
  /**
   * For indexes: which platform to compare ("linux/amd64"); default the left's first runnable
   * image, and the same platform on the right where it has one.
   */
  readonly platform?: string
  /** Also diff the merged filesystems (reads every layer's index; may take a while). */
  readonly files?: boolean
}
