// The tag-history feature as the api handlers will use it: one journal in the data directory,
// observations recorded whenever tags are listed or resolved, on-demand and watched re-checks
// of a repository, Quay's server-side history merged in, and the queries and exports.

import type { Dispatcher } from 'undici'
import type {
  ObservationSource,
  RepositoryTimeline,
  TagAsOf,
  TagMove,
  TagObservation,
} from '../../shared/tagHistory'
import { observationsToCsv, observationsToJson } from './journalExport'
import type { TagLister } from './observeRepository'
import { observeRepository } from './observeRepository'
import { fetchQuayTagHistory } from './quayTagHistory'
import type { AppendResult } from './tagJournal'
import { TagJournal } from './tagJournal'
import type { WatchTarget, WatchTimers } from './tagWatcher'
import { TagWatcher } from './tagWatcher'
import { movesOf, tagAsOf } from './timeline'

export interface TagHistoryServiceOptions {
  readonly dataDir: string
  /** RegistryClientPool.clientFor, or anything that lists tags and resolves them. */
  readonly clientFor: (registry: string) => TagLister
  readonly watchIntervalMs?: number
  readonly heartbeatMs?: number
  readonly timers?: WatchTimers
  readonly now?: () => Date
  readonly onWarning?: (message: string) => void
  /** For Quay's API (its own origin, outside the registry client). */
  readonly quayDispatcher?: Dispatcher
}

export const DEFAULT_WATCH_INTERVAL_MS = 15 * 60 * 1000

export class TagHistoryService {
  private readonly watcher: TagWatcher

  private constructor(
    readonly journal: TagJournal,
    private readonly options: TagHistoryServiceOptions,
  ) {
    this.watcher = new TagWatcher({
      intervalMs: options.watchIntervalMs ?? DEFAULT_WATCH_INTERVAL_MS,
      ...(options.timers !== undefined ? { timers: options.timers } : {}),
      check: (target, signal) =>
        observeRepository(options.clientFor(target.registry), target.repository, {
          source: 'watch',
          signal,
          ...(options.now !== undefined ? { now: options.now } : {}),
        }),
      record: (observations) => this.journal.append(observations),
      onError: (target, error) =>
        options.onWarning?.(
          `watching ${target.registry}/${target.repository}: ${error instanceof Error ? error.message : String(error)}`,
        ),
    })
  }

  static async open(options: TagHistoryServiceOptions): Promise<TagHistoryService> {
    const journal = await TagJournal.open({
      dataDir: options.dataDir,
      ...(options.heartbeatMs !== undefined ? { heartbeatMs: options.heartbeatMs } : {}),
    })
    const { corruptLines, tornTail } = journal.openReport
    if (corruptLines > 0) {
      options.onWarning?.(`tag history: skipped ${corruptLines} unreadable line(s)`)
    }
    if (tornTail === 'cut') {
      options.onWarning?.('tag history: an entry torn by a crash was dropped; the rest is intact')
    }
    return new TagHistoryService(journal, options)
  }

  /** Records that a tag was seen at a digest (a listing's progressive fill, a resolve). */
  record(
    sighting: Omit<TagObservation, 'seenAt' | 'source'> & {
      readonly source: Extract<ObservationSource, 'list' | 'resolve'>
    },
  ): Promise<AppendResult> {
    return this.journal.append([{ ...sighting, seenAt: this.now().toISOString() }])
  }

  /** Lists and resolves every tag of a repository now, and records what it saw. */
  async observeNow(
    registry: string,
    repository: string,
    signal?: AbortSignal,
  ): Promise<AppendResult> {
    const observations = await observeRepository(this.options.clientFor(registry), repository, {
      source: 'list',
      now: () => this.now(),
      ...(signal !== undefined ? { signal } : {}),
    })
    return this.journal.append(observations)
  }

  /** Merges Quay's server-side history of a repository (or one tag) into the journal. */
  async mergeQuayHistory(
    registry: string,
    repository: string,
    options: {
      readonly tag?: string
      readonly token?: string
      readonly signal?: AbortSignal
      /** Where Quay's API lives when not at https://<registry>. */
      readonly apiOrigin?: string
    } = {},
  ): Promise<AppendResult> {
    const observations = await fetchQuayTagHistory({
      registry,
      repository,
      ...options,
      ...(this.options.quayDispatcher !== undefined
        ? { dispatcher: this.options.quayDispatcher }
        : {}),
    })
    return this.journal.append(observations)
  }

  timeline(registry: string, repository: string): RepositoryTimeline {
    return this.journal.timeline(registry, repository)
  }

  moves(registry: string, repository: string): readonly TagMove[] {
    return movesOf(this.timeline(registry, repository))
  }

  asOf(registry: string, repository: string, tag: string, date: Date): TagAsOf | undefined {
    return tagAsOf(this.timeline(registry, repository), tag, date)
  }

  export(
    format: 'json' | 'csv',
    filter?: { readonly registry: string; readonly repository: string },
  ): string {
    const observations = this.journal.observations(filter)
    return format === 'json' ? observationsToJson(observations) : observationsToCsv(observations)
  }

  watch(target: WatchTarget): void {
    this.watcher.watch(target)
  }

  unwatch(target: WatchTarget): Promise<void> {
    return this.watcher.unwatch(target)
  }

  watching(): readonly WatchTarget[] {
    return this.watcher.targets()
  }

  async close(): Promise<void> {
    await this.watcher.stop()
    await this.journal.close()
  }

  private now(): Date {
    return this.options.now?.() ?? new Date()
  }
}
