// Re-checks chosen repositories on an interval and records what it sees. Each repository has
// its own timer, re-armed only after its check finished, so checks never pile up on a slow
// registry. stop() clears the timers, aborts checks in flight and waits for them to settle.

import type { TagObservation } from '../../shared/api/history'

export interface WatchTarget {
  readonly registry: string
  readonly repository: string
  /** This repository's own interval; default the watcher's. */
  readonly intervalMs?: number
}

/** setTimeout/clearTimeout, injectable so tests can drive time. */
export interface WatchTimers {
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export interface TagWatcherOptions {
  readonly intervalMs: number
  /** Looks at one repository (for a registry: observeRepository with source 'watch'). */
  readonly check: (target: WatchTarget, signal: AbortSignal) => Promise<readonly TagObservation[]>
  /** Stores the observations (TagJournal.append). */
  readonly record: (observations: readonly TagObservation[]) => Promise<unknown>
  readonly timers?: WatchTimers
  /** A failed check is reported here and retried at the next interval. */
  readonly onError?: (target: WatchTarget, error: unknown) => void
  readonly onChecked?: (target: WatchTarget, observations: readonly TagObservation[]) => void
}

interface Watched {
  target: WatchTarget
  timer?: unknown
  running?: Promise<void>
  controller?: AbortController
}

const realTimers: WatchTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

export class TagWatcher {
  private readonly watched = new Map<string, Watched>()
  private readonly timers: WatchTimers
  private stopped = false

  constructor(private readonly options: TagWatcherOptions) {
    if (!(options.intervalMs > 0)) throw new RangeError('intervalMs must be positive')
    this.timers = options.timers ?? realTimers
  }

  /**
   * Starts watching: a first check right away, then one every interval. Watching a target
   * again only changes its interval (taking effect after the next check).
   */
  watch(target: WatchTarget): void {
    if (this.stopped) return
    if (target.intervalMs !== undefined && !(target.intervalMs > 0)) {
      throw new RangeError('intervalMs must be positive')
    }
    const key = keyOf(target)
    const known = this.watched.get(key)
    if (known !== undefined) {
      known.target = target
      return
    }
    const entry: Watched = { target }
    this.watched.set(key, entry)
    this.arm(entry, 0)
  }

  async unwatch(target: WatchTarget): Promise<void> {
    const entry = this.watched.get(keyOf(target))
    if (entry === undefined) return
    this.watched.delete(keyOf(target))
    await this.halt(entry)
  }

  targets(): readonly WatchTarget[] {
    return [...this.watched.values()].map((w) => w.target)
  }

  async stop(): Promise<void> {
    this.stopped = true
    const entries = [...this.watched.values()]
    this.watched.clear()
    await Promise.all(entries.map((entry) => this.halt(entry)))
  }

  private arm(entry: Watched, delayMs: number): void {
    entry.timer = this.timers.setTimeout(() => {
      entry.timer = undefined
      entry.running = this.runCheck(entry)
    }, delayMs)
  }

  private async runCheck(entry: Watched): Promise<void> {
    const controller = new AbortController()
    entry.controller = controller
    try {
      const observations = await this.options.check(entry.target, controller.signal)
      if (!controller.signal.aborted) {
        await this.options.record(observations)
        this.options.onChecked?.(entry.target, observations)
      }
    } catch (error) {
      if (!controller.signal.aborted) this.options.onError?.(entry.target, error)
    } finally {
      entry.controller = undefined
      entry.running = undefined
      const still = this.watched.get(keyOf(entry.target)) === entry
      if (still && !this.stopped) {
        this.arm(entry, entry.target.intervalMs ?? this.options.intervalMs)
      }
    }
  }

  private async halt(entry: Watched): Promise<void> {
    if (entry.timer !== undefined) this.timers.clearTimeout(entry.timer)
    entry.timer = undefined
    entry.controller?.abort()
    await entry.running
  }
}

function keyOf(target: WatchTarget): string {
  return `${target.registry}/${target.repository}`
}
