// Tag summaries (image:summary) for the tags list. Each row asks for its own summary, only once
// it is on screen, through the shared limiter (at most six in flight); a row that leaves the
// screen while its request still waits for a slot drops it, so scrolling fast through a
// thousand tags never queues a thousand requests. The list as a whole reads the answers from the cache
// (for the same-image markers and grouping by digest) without asking for anything itself.
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react'
import type { ImageSummary } from '../../../shared/api'
import { call } from '../../api/client'
import { queryKeys } from '../../api/queryKeys'
import { refForTag } from '../../routing/refs'
import { summaryLimiter } from './summaryLimiter'

/** A row must stay on screen this long before it asks: fast scrolling past starts nothing. */
export const ON_SCREEN_SETTLE_MS = 150

/** Resolved summaries stay around long enough to group a long list scrolled once. */
const SUMMARY_GC_MS = 30 * 60_000
/** A row scrolled back into view does not ask again for a while (tags move, but slowly). */
const SUMMARY_STALE_MS = 5 * 60_000

/** Requests still waiting for a slot in the limiter, by ref: a row leaving the screen drops
 * its own. A request that has started runs to the end (its answer is cached for next time). */
const waiting = new Map<string, AbortController>()

function fetchSummary(ref: string): Promise<ImageSummary> {
  const controller = new AbortController()
  waiting.set(ref, controller)
  const forget = (): void => {
    if (waiting.get(ref) === controller) waiting.delete(ref)
  }
  return summaryLimiter
    .run(() => {
      forget()
      return call('image:summary', { ref })
    }, controller.signal)
    .finally(forget)
}

export function useTagSummary(ref: string, onScreen: boolean) {
  const client = useQueryClient()
  const query = useQuery({
    queryKey: queryKeys.summary(ref),
    queryFn: () => fetchSummary(ref),
    enabled: onScreen,
    gcTime: SUMMARY_GC_MS,
    staleTime: SUMMARY_STALE_MS,
  })
  // Off screen (or scrolled out of the window) before its turn came: give the slot away.
  useEffect(() => {
    if (!onScreen) return
    return () => {
      const controller = waiting.get(ref)
      if (!controller) return
      waiting.delete(ref)
      void client.cancelQueries({ queryKey: queryKeys.summary(ref) })
      controller.abort()
    }
  }, [client, onScreen, ref])
  return query
}

interface SummaryStore {
  readonly subscribe: (onChange: () => void) => () => void
  readonly snapshot: () => ReadonlyMap<string, ImageSummary>
}

/**
 * tag → summary for one repository, kept up to date from the query cache's success events
 * (cheap per event: no scan of the whole list while rows resolve during scrolling).
 */
function summaryStore(client: QueryClient, repository: string): SummaryStore {
  const prefix = `${refForTag(repository, '')}`
  const tagOf = (key: readonly unknown[]): string | undefined => {
    const [scope, kind, ref] = key
    return scope === 'image' &&
      kind === 'summary' &&
      typeof ref === 'string' &&
      ref.startsWith(prefix)
      ? ref.slice(prefix.length)
      : undefined
  }
  let summaries = new Map<string, ImageSummary>()
  for (const query of client.getQueryCache().findAll({ queryKey: ['image', 'summary'] })) {
    const tag = tagOf(query.queryKey)
    const data = query.state.data as ImageSummary | undefined
    if (tag !== undefined && data) summaries.set(tag, data)
  }
  return {
    snapshot: () => summaries,
    subscribe: (onChange) =>
      client.getQueryCache().subscribe((event) => {
        const tag = tagOf(event.query.queryKey as readonly unknown[])
        if (tag === undefined) return
        const data = event.query.state.data as ImageSummary | undefined
        const summary = event.type === 'removed' ? undefined : data
        if (summaries.get(tag) === summary) return
        summaries = new Map(summaries)
        if (summary === undefined) summaries.delete(tag)
        else summaries.set(tag, summary)
        onChange()
      }),
  }
}

/** tag → summary for every tag of the repository whose summary is known; updates as answers arrive. */
export function useKnownSummaries(repository: string): ReadonlyMap<string, ImageSummary> {
  const client = useQueryClient()
  const store = useMemo(() => summaryStore(client, repository), [client, repository])
  return useSyncExternalStore(store.subscribe, store.snapshot)
}

/** tag → digest, derived from the known summaries. */
export function useKnownDigests(repository: string): ReadonlyMap<string, string> {
  const summaries = useKnownSummaries(repository)
  return useMemo(
    () => new Map([...summaries].map(([tag, summary]) => [tag, summary.digest] as const)),
    [summaries],
  )
}

/**
 * Sorting by date or size needs every tag's summary: while `active`, asks for each one not
 * known yet through the same limiter (at most six in flight). Returns how many failed;
 * leaving (or switching back to a name sort) cancels what has not started.
 */
export function useSummariesForSort(
  repository: string,
  tags: readonly string[],
  active: boolean,
): { readonly failed: number } {
  const client = useQueryClient()
  const [failed, setFailed] = useState(0)
  useEffect(() => {
    if (!active) return
    const controller = new AbortController()
    const pending = new Set<string>()
    setFailed(0)
    for (const tag of tags) {
      const ref = refForTag(repository, tag)
      const key = queryKeys.summary(ref)
      const state = client.getQueryState(key)
      if (state?.data !== undefined || state?.fetchStatus === 'fetching') continue
      pending.add(ref)
      client
        .fetchQuery({
          queryKey: key,
          queryFn: () =>
            summaryLimiter.run(() => call('image:summary', { ref }), controller.signal),
          gcTime: SUMMARY_GC_MS,
          staleTime: SUMMARY_STALE_MS,
        })
        .then(
          () => pending.delete(ref),
          () => {
            pending.delete(ref)
            if (!controller.signal.aborted) setFailed((n) => n + 1)
          },
        )
    }
    return () => {
      // Cancel (and revert) first, so no row shows "cancelled" as its error; then leave the queue.
      for (const ref of pending) void client.cancelQueries({ queryKey: queryKeys.summary(ref) })
      controller.abort()
    }
  }, [active, client, repository, tags])
  return { failed }
}
