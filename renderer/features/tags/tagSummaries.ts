// Tag summaries (image:summary) for the tags list. Each row asks for its own summary, only while
// it is on screen, through the shared limiter (at most six in flight); a row that leaves the
// screen before its answer arrives cancels its request, so scrolling fast through a thousand
// tags never queues a thousand requests. The list as a whole reads the answers from the cache
// (for the same-image markers and grouping by digest) without asking for anything itself.
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react'
import type { ImageSummary } from '../../../shared/api'
import { call } from '../../api/client'
import { queryKeys } from '../../api/queryKeys'
import { refForTag } from '../../routing/refs'
import { summaryLimiter } from './summaryLimiter'

/** Resolved summaries stay around long enough to group a long list scrolled once. */
const SUMMARY_GC_MS = 30 * 60_000

export function useTagSummary(ref: string, onScreen: boolean) {
  const client = useQueryClient()
  const query = useQuery({
    queryKey: queryKeys.summary(ref),
    queryFn: ({ signal }) =>
      summaryLimiter.run(() => call('image:summary', { ref }, signal), signal),
    enabled: onScreen,
    gcTime: SUMMARY_GC_MS,
  })
  const waiting = query.fetchStatus === 'fetching' && query.data === undefined
  useEffect(() => {
    if (!onScreen && waiting) void client.cancelQueries({ queryKey: queryKeys.summary(ref) })
  }, [client, onScreen, waiting, ref])
  return query
}

function digestsFromCache(
  client: QueryClient,
  repository: string,
  tags: readonly string[],
): ReadonlyMap<string, string> {
  const digests = new Map<string, string>()
  for (const tag of tags) {
    const summary = client.getQueryData<ImageSummary>(queryKeys.summary(refForTag(repository, tag)))
    if (summary) digests.set(tag, summary.digest)
  }
  return digests
}

function sameMap(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  if (a.size !== b.size) return false
  for (const [key, value] of a) if (b.get(key) !== value) return false
  return true
}

/** tag → digest for every tag whose summary is in the cache; updates as answers arrive. */
export function useKnownDigests(
  repository: string,
  tags: readonly string[],
): ReadonlyMap<string, string> {
  const client = useQueryClient()
  const snapshot = useRef<ReadonlyMap<string, string>>(new Map())
  const read = useCallback((): ReadonlyMap<string, string> => {
    const next = digestsFromCache(client, repository, tags)
    if (!sameMap(next, snapshot.current)) snapshot.current = next
    return snapshot.current
  }, [client, repository, tags])
  const subscribe = useCallback(
    (onChange: () => void) =>
      client.getQueryCache().subscribe((event) => {
        const key = event.query.queryKey
        if (key[0] === 'image' && key[1] === 'summary' && event.type === 'updated') onChange()
      }),
    [client],
  )
  return useSyncExternalStore(subscribe, read)
}
