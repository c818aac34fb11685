// The tag-history feature as the api handlers will use it: one journal in the data directory,
// observations recorded whenever tags are listed or resolved, on-demand and watched re-checks
// of a repository, Quay's server-side history merged in, and the queries and exports.

import type { Dispatcher } from 'undici'
import type { WatchedRepository } from '../../shared/api'
import { toApiError } from '../../shared/errors'
import type {
  ObservationSource,
  RepositoryTimeline,
  TagAsOf,
  TagMove,
  TagObservation,
} from '../../shared/api/history'
import { observationsToCsv, observationsToJson } from './journalExport'
import type { TagLister } from './observeRepository'
import { observeRepository } from './observeRepository'
import type { QuayMergeOutcome, QuayMergePolicyOptions } from './quayMerge'
import { QuayMergePolicy } from './quayMerge'
import { fetchQuayTagHistory } from './quayTagHistory'
import type { AppendResult } from './tagJournal'
import { TagJournal } from './tagJournal'
import type { WatchTarget, WatchTimers } from './tagWatcher'
import { TagWatcher } from './tagWatcher'
import { movesOf, tagAsOf } from './timeline'
import { loadWatchList, saveWatchList } from './watchList'

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
  /** When and how long to try Quay's API for timelines. */
  readonly quay?: QuayMergePolicyOptions
  /** Keep watched repositories in the data directory and resume them on open (default true). */
  readonly persistWatches?: boolean
}

export const DEFAULT_WATCH_INTERVAL_MS = 15 * 60 * 1000

export interface ObserveNowOptions {
  readonly signal?: AbortSignal
  readonly concurrency?: number
  readonly onProgress?: (done: number, total: number) => void
}

export class TagHistoryService {
  private readonly watcher: TagWatcher
  private readonly quay: QuayMergePolicy
  private readonly watches = new Map<string, WatchedRepository>()
  private saving: Promise<unknown> = Promise.resolve()

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
    this.quay = new QuayMergePolicy(
      (registry, repository, fetchOptions) =>
        this.mergeQuayHistory(registry, repository, fetchOptions),
      options.quay ?? {},
    )
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
    const service = new TagHistoryService(journal, options)
    if (options.persistWatches !== false) {
      for (const watch of await loadWatchList(options.dataDir)) service.startWatch(watch)
    }
    return service
  }

  /** The registry name observations are stored under ("Quay.io" → "quay.io"). */
  registryName(registry: string): string {
    return this.options.clientFor(registry).registry
  }

  /**
   * record(), for callers whose own result must not depend on the journal (a summary that
   * resolved a tag): a failed write is reported as a warning, never thrown.
   */
  async recordQuietly(
    sighting: Parameters<TagHistoryService['record']>[0],
  ): Promise<AppendResult | undefined> {
    try {
      return await this.record(sighting)
    } catch (error) {
      this.options.onWarning?.(
        `tag history: could not record ${sighting.repository}:${sighting.tag}: ${toApiError(error).message}`,
      )
      return undefined
    }
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
    options: ObserveNowOptions = {},
  ): Promise<AppendResult> {
    const { stored, refreshed } = await this.observe(registry, repository, options)
    return { stored, refreshed }
  }

  /** observeNow, also saying how many tags were resolved (the api's HistoryObserveResult). */
  async observe(
    registry: string,
    repository: string,
    options: ObserveNowOptions = {},
  ): Promise<AppendResult & { readonly tags: number }> {
    const observations = await observeRepository(this.options.clientFor(registry), repository, {
      source: 'list',
      now: () => this.now(),
      ...options,
    })
    return { ...(await this.journal.append(observations)), tags: observations.length }
  }

  /**
   * Merges Quay's history when the registry is Quay (quay.io, or a registry whose Quay API
   * answers); undefined when Quay does not apply (see quayMerge.ts).
   */
  mergeQuayIfApplicable(
    registry: string,
    repository: string,
    signal?: AbortSignal,
  ): Promise<QuayMergeOutcome | undefined> {
    return this.quay.mergeFor(registry, repository, signal)
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

  /** Starts (or re-times) a watch and keeps it in the data directory. */
  async watch(watch: WatchedRepository): Promise<readonly WatchedRepository[]> {
    this.startWatch(watch)
    await this.saveWatches()
    return this.watching()
  }

  async unwatch(target: WatchTarget): Promise<readonly WatchedRepository[]> {
    this.watches.delete(keyOf(target))
    await this.watcher.unwatch(target)
    await this.saveWatches()
    return this.watching()
  }

  /** Watched repositories, sorted by registry and repository. */
  watching(): readonly WatchedRepository[] {
    return [...this.watches.values()].sort(
      (a, b) => compare(a.registry, b.registry) || compare(a.repository, b.repository),
    )
  }

  watchOf(registry: string, repository: string): WatchedRepository | undefined {
    return this.watches.get(keyOf({ registry, repository }))
  }

  async close(): Promise<void> {
    await this.watcher.stop()
    await this.saving
    await this.journal.close()
  }

  private startWatch(watch: WatchedRepository): void {
    if (!(watch.intervalMinutes > 0)) throw new RangeError('intervalMinutes must be positive')
    this.watches.set(keyOf(watch), watch)
    this.watcher.watch({
      registry: watch.registry,
      repository: watch.repository,
      intervalMs: watch.intervalMinutes * 60_000,
    })
  }

  /** Saves run one after another, each writing the list as it is when it runs. */
  private saveWatches(): Promise<void> {
    if (this.options.persistWatches === false) return Promise.resolve()
    const run = this.saving.then(() => saveWatchList(this.options.dataDir, this.watching()))
    this.saving = run.catch(() => undefined)
    return run
  }

  private now(): Date {
    return this.options.now?.() ?? new Date()
  }
}

function keyOf(target: WatchTarget): string {
  return `${target.registry}/${target.repository}`
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
