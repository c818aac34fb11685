// Handlers of the tag-history operations (timeline, observe, as-of, watches, export).

import type { HistoryExport, WatchedRepository } from '../../shared/api'
import { StrataError } from '../../shared/errors'
import { parseRepository } from '../../shared/reference'
import { LAYOUT_TAG_REGISTRY, layoutOfRepositoryRef } from '../stores/oci-layout/ociLayoutTags'
import { movesOf } from './timeline'
import { importBundledTagHistory } from './bundledTagHistory'
import type { TagHistoryService } from './tagHistoryService'
import { optionalCount, optionalString, requiredString } from '../util/argReaders'
import type { Handler } from '../util/handlerTypes'

type HistoryOperation =
  | 'history:timeline'
  | 'history:observe'
  | 'history:asOf'
  | 'history:watch'
  | 'history:unwatch'
  | 'history:watching'
  | 'history:export'

export const DEFAULT_WATCH_MINUTES = 15
const MAX_WATCH_MINUTES = 7 * 24 * 60

export function createHistoryHandlers(history: TagHistoryService): {
  readonly [N in HistoryOperation]: Handler<N>
} {
  const repositoryOf = (args: object): { registry: string; repository: string } => {
    const text = requiredString(args, 'repository')
    // An OCI layout ("oci:/path"): its ref.name annotations are its tags, its path the name.
    const layout = layoutOfRepositoryRef(text)
    if (layout !== undefined) return { registry: LAYOUT_TAG_REGISTRY, repository: layout }
    const parsed = parseRepository(stripScheme(text))
    return { registry: history.registryName(parsed.registry), repository: parsed.repository }
  }
  const watchingList = (): WatchedRepository[] => [...history.watching()]
  // A layout may carry its own tag history (the bundled samples do): merged before reading.
  const withBundledHistory = async (registry: string, repository: string): Promise<void> => {
    if (registry === LAYOUT_TAG_REGISTRY) {
      await importBundledTagHistory(history.journal, registry, repository)
    }
  }
  return {
    'history:timeline': async (args, { signal }) => {
      const { registry, repository } = repositoryOf(args)
      const quay = await history.mergeQuayIfApplicable(registry, repository, signal)
      await withBundledHistory(registry, repository)
      await history.journal.settled()
      const timeline = history.timeline(registry, repository)
      const watch = history.watchOf(registry, repository)
      return {
        ...timeline,
        moves: movesOf(timeline),
        ...(watch !== undefined ? { watch } : {}),
        ...(quay !== undefined ? { quay } : {}),
      }
    },
    'history:observe': async (args, { signal, track }) => {
      const { registry, repository } = repositoryOf(args)
      // Cancellable by operation:cancel; progress in tags resolved.
      const operation = track({ kind: 'resolveTags', repository }, signal, { unit: 'items' })
      try {
        const result = await history.observe(registry, repository, {
          signal: operation.signal,
          onProgress: (done, total) => operation.report(done, total),
        })
        return { tags: result.tags, appended: result.stored }
      } finally {
        operation.finish()
      }
    },
    'history:asOf': async (args) => {
      const { registry, repository } = repositoryOf(args)
      const tag = requiredString(args, 'tag')
      const at = parseInstant(requiredString(args, 'at'))
      await withBundledHistory(registry, repository)
      await history.journal.settled()
      const found = history.asOf(registry, repository, tag, at)
      if (found === undefined) {
        const known = history.timeline(registry, repository).tags.some((t) => t.tag === tag)
        throw new StrataError(
          'NOT_FOUND',
          known
            ? `Strata first saw ${repository}:${tag} after ${at.toISOString()}; it knows nothing earlier.`
            : `Strata has never seen ${repository}:${tag}; observe the repository to start its history.`,
          { subject: `${repository}:${tag}` },
        )
      }
      return found
    },
    'history:watch': async (args) => {
      const { registry, repository } = repositoryOf(args)
      const intervalMinutes =
        optionalCount(args, 'intervalMinutes', MAX_WATCH_MINUTES) ?? DEFAULT_WATCH_MINUTES
      return [...(await history.watch({ registry, repository, intervalMinutes }))]
    },
    'history:unwatch': async (args) => {
      const { registry, repository } = repositoryOf(args)
      return [...(await history.unwatch({ registry, repository }))]
    },
    'history:watching': () => Promise.resolve(watchingList()),
    'history:export': async (args) => {
      const format = requiredString(args, 'format')
      if (format !== 'json' && format !== 'csv') {
        throw new StrataError('BAD_INPUT', '"format" must be "json" or "csv".', {
          subject: 'format',
        })
      }
      const repositoryArg = optionalString(args, 'repository')
      const filter = repositoryArg !== undefined ? repositoryOf(args) : undefined
      await history.journal.settled()
      const result: HistoryExport = {
        fileName: exportFileName(filter?.repository, format),
        mediaType: format === 'json' ? 'application/json' : 'text/csv',
        text: history.export(format, filter),
      }
      return result
    },
  }
}

/** "strata-tag-history-demo-app.csv", "strata-tag-history.json" for the whole journal. */
export function exportFileName(repository: string | undefined, format: 'json' | 'csv'): string {
  const slug =
    repository === undefined
      ? ''
      : `-${repository
          .toLowerCase()
          .replace(/[^a-z0-9._-]+/g, '-')
          .replace(/^-+|-+$/g, '')}`
  return `strata-tag-history${slug}.${format}`
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const ISO_INSTANT =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})?$/i

/**
 * An ISO 8601 date or instant. A date alone means the end of that day (UTC): "as of
 * 2026-11-01" answers what the tag pointed at by the close of that day.
 */
export function parseInstant(text: string): Date {
  const bad = (): StrataError =>
    new StrataError(
      'BAD_INPUT',
      `"${text}" is not a date; write it as 2026-11-01 or 2026-11-01T12:00:00Z.`,
      { subject: 'at' },
    )
  const day = ISO_DATE.exec(text)
  if (day !== null) {
    const start = new Date(`${text}T00:00:00.000Z`)
    if (isNaN(start.getTime()) || start.toISOString().slice(0, 10) !== text) throw bad()
    return new Date(start.getTime() + 24 * 60 * 60 * 1000 - 1)
  }
  if (!ISO_INSTANT.test(text)) throw bad()
  const instant = new Date(text)
  if (isNaN(instant.getTime())) throw bad()
  return instant
}

function stripScheme(text: string): string {
  return text.startsWith('docker://') ? text.slice('docker://'.length) : text
}
