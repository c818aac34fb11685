// The tag-history journal: an append-only JSON-lines file in the app's data directory.
//
// Durability: each append() writes its whole batch with one append and fsyncs before it
// resolves, so a resolved append survives a crash. On open, a last line without its newline
// (a write torn by a crash) is cut off, or completed when it is a whole observation; earlier
// lines are never rewritten. A corrupted line elsewhere is skipped and counted.
//
// Dedupe: a listing every few minutes would otherwise store the same (tag, digest) forever.
// An observation is stored when it is the first for its tag, when the digest differs from the
// last stored one, when the last stored one is older than `heartbeatMs` (so the file itself
// shows the tag was still there, at a coarse grain), or when it is older than the last stored
// one (a backfill) and not already stored. Quay's history is stored whole (only exact repeats
// are dropped): its period ends are the only record of when a tag left a digest. Every
// sighting, stored or not, updates the tag's "last seen", kept in a small sidecar file
// replaced atomically after each batch; losing the sidecar only loses freshness finer than
// the heartbeat. The whole file is read into memory on open (fine to a few hundred thousand
// lines; compaction or an index would come before that).

import { mkdir, open, readFile, rename, writeFile } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import { StrataError } from '../../shared/errors'
import type { RepositoryTimeline, TagObservation } from '../../shared/api/history'
import { decodeObservation, encodeObservation, instantMs, isValidObservation } from './journalLines'
import type { LastSeen } from './timeline'
import { repositoryTimeline, tagKey } from './timeline'

export const JOURNAL_FILE = 'tag-history.jsonl'
export const DEFAULT_HEARTBEAT_MS = 6 * 60 * 60 * 1000

export interface TagJournalOptions {
  readonly dataDir: string
  readonly fileName?: string
  readonly heartbeatMs?: number
}

export interface OpenReport {
  /** Complete lines read back. */
  readonly lines: number
  /** Lines in the middle of the file that were not valid observations (skipped, kept on disk). */
  readonly corruptLines: number
  /** 'cut': a partial last line was removed; 'completed': it was whole but lacked its newline. */
  readonly tornTail: 'none' | 'cut' | 'completed'
}

export interface AppendResult {
  readonly stored: number
  /** Sightings that only refreshed "last seen". */
  readonly refreshed: number
}

interface PendingAppend {
  readonly observations: readonly TagObservation[]
  readonly resolve: (result: AppendResult) => void
  readonly reject: (error: unknown) => void
}

interface StoredState {
  readonly digest: string
  readonly seenAtMs: number
}

export class TagJournal {
  readonly path: string
  readonly openReport: OpenReport
  private readonly seenPath: string
  private readonly heartbeatMs: number
  private readonly all: TagObservation[] = []
  private readonly identities = new Set<string>()
  private readonly lastStored = new Map<string, StoredState>()
  private readonly lastSeen = new Map<string, LastSeen>()
  private queue: Promise<unknown> = Promise.resolve()
  private waiting: PendingAppend[] = []
  private closed = false

  private constructor(
    private readonly handle: FileHandle,
    path: string,
    options: TagJournalOptions,
    report: OpenReport,
  ) {
    this.path = path
    this.seenPath = `${path}.seen.json`
    this.heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS
    this.openReport = report
  }

  static async open(options: TagJournalOptions): Promise<TagJournal> {
    await mkdir(options.dataDir, { recursive: true })
    const path = join(options.dataDir, options.fileName ?? JOURNAL_FILE)
    const { observations, report } = await recoverFile(path)
    const handle = await open(path, 'a')
    if (report.lines === 0) await syncDirectory(options.dataDir)
    const journal = new TagJournal(handle, path, options, report)
    for (const observation of observations) journal.remember(observation)
    await journal.loadLastSeen()
    return journal
  }

  /**
   * Stores what the dedupe rules keep, fsyncs, then resolves. Writes run one at a time; batches
   * that arrive while one is being written are written together (one write, one fsync), so
   * many small appends (one per resolved tag) do not queue up one fsync each.
   */
  append(observations: readonly TagObservation[]): Promise<AppendResult> {
    return new Promise<AppendResult>((resolve, reject) => {
      this.waiting.push({ observations, resolve, reject })
      if (this.waiting.length > 1) return // already scheduled with the group
      const run = this.queue.then(() => this.flushGroup())
      this.queue = run.catch(() => undefined)
    })
  }

  /** Resolves once every append made so far has been written (or failed). */
  settled(): Promise<void> {
    return this.queue.then(() => undefined)
  }

  /** Every stored observation, in file order (optionally of one repository). */
  observations(filter?: {
    readonly registry: string
    readonly repository: string
  }): readonly TagObservation[] {
    if (filter === undefined) return [...this.all]
    return this.all.filter(
      (o) => o.registry === filter.registry && o.repository === filter.repository,
    )
  }

  timeline(registry: string, repository: string): RepositoryTimeline {
    return repositoryTimeline(registry, repository, this.all, this.lastSeen)
  }

  /** The freshest sighting of a tag, stored or not. */
  lastSeenOf(registry: string, repository: string, tag: string): LastSeen | undefined {
    return this.lastSeen.get(tagKey(registry, repository, tag))
  }

  /** Repositories the journal knows, as "registry/repository" pairs. */
  repositories(): readonly { readonly registry: string; readonly repository: string }[] {
    const seen = new Map<string, { registry: string; repository: string }>()
    for (const { registry, repository } of this.all) {
      seen.set(`${registry}/${repository}`, { registry, repository })
    }
    return [...seen.values()]
  }

  async close(): Promise<void> {
    if (this.closed) return
    await this.queue // appends already made are written first
    if (this.closed) return
    this.closed = true
    await this.handle.close()
  }

  private async flushGroup(): Promise<void> {
    const group = this.waiting
    this.waiting = []
    if (this.closed) {
      const error = new StrataError('INTERNAL', 'the tag-history journal is closed')
      for (const pending of group) pending.reject(error)
      return
    }
    // A malformed batch is refused alone, before anything of it is admitted.
    const accepted: { pending: PendingAppend; result: AppendResult }[] = []
    const keep: TagObservation[] = []
    for (const pending of group) {
      const bad = pending.observations.find((o) => !isValidObservation(o))
      if (bad !== undefined) {
        pending.reject(
          new StrataError('BAD_INPUT', 'a tag observation is incomplete or malformed', {
            subject: `${bad.repository}:${bad.tag}`,
          }),
        )
        continue
      }
      accepted.push({ pending, result: this.admit(pending.observations, keep) })
    }
    try {
      if (keep.length > 0) {
        await this.handle.appendFile(keep.map(encodeObservation).join(''), 'utf8')
        await this.handle.sync()
      }
      if (accepted.some(({ result }) => result.refreshed > 0)) await this.saveLastSeen()
    } catch (error) {
      for (const { pending } of accepted) pending.reject(error)
      return
    }
    for (const { pending, result } of accepted) pending.resolve(result)
  }

  /** Applies the dedupe rules to one batch, adding what is kept to `keep`. */
  private admit(observations: readonly TagObservation[], keep: TagObservation[]): AppendResult {
    let stored = 0
    let refreshed = 0
    for (const observation of observations) {
      if (this.shouldStore(observation)) {
        keep.push(observation)
        this.remember(observation)
        stored += 1
      } else {
        refreshed += 1
      }
      this.refresh(observation)
    }
    return { stored, refreshed }
  }

  private shouldStore(observation: TagObservation): boolean {
    if (this.identities.has(identity(observation))) return false
    const stored = this.lastStored.get(keyOf(observation))
    if (stored === undefined || observation.source === 'quay') return true
    const at = instantMs(observation.seenAt)
    if (at < stored.seenAtMs) return true
    return stored.digest !== observation.digest || at - stored.seenAtMs >= this.heartbeatMs
  }

  private remember(observation: TagObservation): void {
    this.all.push(observation)
    this.identities.add(identity(observation))
    const key = keyOf(observation)
    const at = instantMs(observation.seenAt)
    const stored = this.lastStored.get(key)
    if (stored === undefined || at >= stored.seenAtMs) {
      this.lastStored.set(key, { digest: observation.digest, seenAtMs: at })
    }
    this.refresh(observation)
  }

  private refresh(observation: TagObservation): void {
    const key = keyOf(observation)
    const known = this.lastSeen.get(key)
    if (known === undefined || instantMs(observation.seenAt) >= instantMs(known.seenAt)) {
      this.lastSeen.set(key, { digest: observation.digest, seenAt: observation.seenAt })
    }
  }

  private async saveLastSeen(): Promise<void> {
    // Only sightings fresher than the stored line need keeping; the journal covers the rest.
    const entries = [...this.lastSeen.entries()].filter(
      ([key, value]) => instantMs(value.seenAt) > (this.lastStored.get(key)?.seenAtMs ?? 0),
    )
    const temporary = `${this.seenPath}.tmp`
    await writeFile(temporary, JSON.stringify(entries), 'utf8')
    await rename(temporary, this.seenPath)
  }

  /** Freshness from the sidecar, only where it agrees with what the journal itself says. */
  private async loadLastSeen(): Promise<void> {
    let parsed: unknown
    try {
      parsed = JSON.parse(await readFile(this.seenPath, 'utf8'))
    } catch {
      return // absent or torn: freshness falls back to the stored observations
    }
    if (!Array.isArray(parsed)) return
    for (const entry of parsed as unknown[]) {
      if (!Array.isArray(entry) || entry.length !== 2) continue
      const [key, value] = entry as [unknown, unknown]
      if (typeof key !== 'string' || typeof value !== 'object' || value === null) continue
      const { digest, seenAt } = value as Record<string, unknown>
      if (typeof digest !== 'string' || typeof seenAt !== 'string' || isNaN(Date.parse(seenAt))) {
        continue
      }
      const stored = this.lastStored.get(key)
      if (stored?.digest === digest && Date.parse(seenAt) >= stored.seenAtMs) {
        this.lastSeen.set(key, { digest, seenAt })
      }
    }
  }
}

/** Reads the file back and repairs a torn last line; earlier bytes are never touched. */
async function recoverFile(
  path: string,
): Promise<{ observations: TagObservation[]; report: OpenReport }> {
  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return { observations: [], report: { lines: 0, corruptLines: 0, tornTail: 'none' } }
    }
    throw new StrataError('INTERNAL', `cannot read the tag-history journal at ${path}`, {
      subject: path,
      cause: (error as NodeJS.ErrnoException).code ?? String(error),
    })
  }
  const lastNewline = bytes.lastIndexOf(0x0a)
  const complete = bytes.subarray(0, lastNewline + 1).toString('utf8')
  const tail = bytes.subarray(lastNewline + 1)
  const observations: TagObservation[] = []
  let corruptLines = 0
  for (const line of complete.split('\n')) {
    if (line === '') continue
    const observation = decodeObservation(line)
    if (observation === undefined) corruptLines += 1
    else observations.push(observation)
  }
  let tornTail: OpenReport['tornTail'] = 'none'
  if (tail.length > 0) {
    const whole = decodeObservation(tail.toString('utf8'))
    const handle = await open(path, 'r+')
    try {
      if (whole !== undefined) {
        await handle.write('\n', bytes.length)
        observations.push(whole)
        tornTail = 'completed'
      } else {
        await handle.truncate(lastNewline + 1)
        tornTail = 'cut'
      }
      await handle.sync()
    } finally {
      await handle.close()
    }
  }
  return { observations, report: { lines: observations.length, corruptLines, tornTail } }
}

/** Makes a newly created file's directory entry durable too (POSIX; a no-op elsewhere). */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch {
    // Windows cannot open a directory for syncing; NTFS journals the entry itself.
  }
}

function keyOf(observation: TagObservation): string {
  return tagKey(observation.registry, observation.repository, observation.tag)
}

function identity(observation: TagObservation): string {
  return `${keyOf(observation)}\u0000${observation.digest}\u0000${instantMs(observation.seenAt)}`
}
