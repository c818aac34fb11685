// Tag summaries (image:summary) for the tags list. Each row asks for its own summary, only once
// it is on screen, through the shared limiter (at most six in flight); a row that leaves the
// screen while its request still waits for a slot drops it, so scrolling fast through a
// thousand tags never queues a thousand requests. The list as a whole reads the answers from the cache
// (for the same-image markers and grouping by digest) without asking for anything itself.
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useEffect, useMemo, useSyncExternalStore } from 'react'
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

interface DigestStore {
  readonly subscribe: (onChange: () => void) => () => void
  readonly snapshot: () => ReadonlyMap<string, string>
}

/**
 * tag → digest for one repository, kept up to date from the query cache's success events
 * (cheap per event: no scan of the whole list while rows resolve during scrolling).
 */
function digestStore(client: QueryClient, repository: string): DigestStore {
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
  let digests = new Map<string, string>()
  for (const query of client.getQueryCache().findAll({ queryKey: ['image', 'summary'] })) {
    const tag = tagOf(query.queryKey)
    const data = query.state.data as ImageSummary | undefined
    if (tag !== undefined && data) digests.set(tag, data.digest)
  }
  return {
    snapshot: () => digests,
    subscribe: (onChange) =>
      client.getQueryCache().subscribe((event) => {
        const tag = tagOf(event.query.queryKey as readonly unknown[])
        if (tag === undefined) return
        const data = event.query.state.data as ImageSummary | undefined
        const digest = event.type === 'removed' ? undefined : data?.digest
        if (digests.get(tag) === digest) return
        digests = new Map(digests)
        if (digest === undefined) digests.delete(tag)
        else digests.set(tag, digest)
        onChange()
      }),
  }
}

/** tag → digest for every tag of the repository whose summary is known; updates as answers arrive. */
export function useKnownDigests(repository: string): ReadonlyMap<string, string> {
  const client = useQueryClient()
  const store = useMemo(() => digestStore(client, repository), [client, repository])
  return useSyncExternalStore(store.subscribe, store.snapshot)
}
