// The directory listings the tree has loaded, page by page (files:list with its `next`
// cursor). Directories load when they are expanded; everything resets when what is listed
// changes (image, platform, layer, sort, change filter, recursive). Pages go through the query cache, so going
// back to a tree seen before is instant. While a first page waits for layers to be downloaded
// and indexed, each progress event asks again with `partial` and shows the entries read so far.
import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { FileListArgs } from '../../../shared/api'
import type { ChangeKind } from '../../../shared/api/files'
import { call } from '../../api/client'
import { queryKeys } from '../../api/queryKeys'
import { useProgress } from '../../api/useApiEvents'
import { ancestorsOf } from './fileFormat'
import type { DirListing } from './treeRows'

/** Entries per files:list page. */
export const LIST_PAGE_SIZE = 5000

/** Partial listings of one directory at most this often while its layers are read. */
const PEEK_INTERVAL_MS = 150

export interface ListScope {
  readonly ref: string
  /** For an index: which platform's image. */
  readonly platform?: string
  readonly layer?: string
  readonly sort: 'name' | 'size'
  readonly change: readonly ChangeKind[]
  /** List every path below the root, flat (only the root is ever listed then). */
  readonly recursive: boolean
}

interface State {
  readonly key: string
  readonly listings: ReadonlyMap<string, DirListing>
}

const NO_LISTINGS: ReadonlyMap<string, DirListing> = new Map()

export interface DirListings {
  readonly listings: ReadonlyMap<string, DirListing>
  /** Loads the next page of `dir` (or retries its failed page). */
  readonly loadMore: (dir: string) => void
  /** Forgets everything and lists again (after an error). */
  readonly reload: () => void
}

export function useDirListings(scope: ListScope, expanded: ReadonlySet<string>): DirListings {
  const queryClient = useQueryClient()
  const key = JSON.stringify([
    scope.ref,
    scope.platform ?? '',
    scope.layer ?? '',
    scope.sort,
    scope.change,
    scope.recursive,
  ])
  const [state, setState] = useState<State>({ key, listings: NO_LISTINGS })
  const listings = state.key === key ? state.listings : NO_LISTINGS
  const currentKey = useRef(key)
  const inFlight = useRef(new Set<string>())
  useEffect(() => {
    currentKey.current = key
  }, [key])

  const update = useCallback(
    (forKey: string, dir: string, change: (old: DirListing | undefined) => DirListing) => {
      setState((prev) => {
        if (forKey !== currentKey.current) return prev
        const base = prev.key === forKey ? prev.listings : NO_LISTINGS
        const next = new Map(base)
        next.set(dir, change(base.get(dir)))
        return { key: forKey, listings: next }
      })
    },
    [],
  )

  const { ref, platform, layer, sort, change, recursive } = scope
  const argsFor = useCallback(
    (dir: string, cursor: string | undefined): FileListArgs => ({
      ref,
      path: dir,
      limit: LIST_PAGE_SIZE,
      sort,
      ...(platform !== undefined ? { platform } : {}),
      ...(recursive ? { recursive } : {}),
      ...(layer !== undefined ? { layer } : {}),
      ...(change.length > 0 ? { change } : {}),
      ...(cursor !== undefined ? { cursor } : {}),
    }),
    [ref, platform, layer, sort, change, recursive],
  )
  const loadPage = useCallback(
    (dir: string, cursor: string | undefined) => {
      const id = `${key}\n${dir}\n${cursor ?? ''}`
      if (inFlight.current.has(id)) return
      inFlight.current.add(id)
      update(key, dir, (old) => ({ items: old?.items ?? [], ...nextOf(old), loading: true }))
      const args = argsFor(dir, cursor)
      queryClient
        .fetchQuery({
          queryKey: [
            ...queryKeys.fileList(ref, layer ?? '', dir, sort, change.join(',')),
            cursor ?? '',
            platform ?? '',
            recursive,
          ],
          queryFn: () => call('files:list', args),
          staleTime: Infinity,
        })
        .then(
          (page) =>
            update(key, dir, (old) => ({
              items: cursor !== undefined ? [...(old?.items ?? []), ...page.items] : page.items,
              ...(page.next !== undefined ? { next: page.next } : {}),
              loading: false,
            })),
          (error: unknown) =>
            update(key, dir, (old) => ({
              // A failed first page drops what partial listings showed meanwhile.
              items: cursor !== undefined ? (old?.items ?? []) : [],
              ...nextOf(old),
              loading: false,
              error,
            })),
        )
        .finally(() => inFlight.current.delete(id))
    },
    [key, ref, platform, layer, sort, change, recursive, queryClient, update, argsFor],
  )

  // A first page still waiting (its layers being downloaded and indexed) shows what is read
  // so far: asked once when it starts (main waits a moment for the first entries), then at
  // each progress event. A partial answer never replaces a finished page.
  const progress = useProgress()
  const peeking = useRef(new Map<string, number>())
  // Bumped when a partial answer came back empty: ask again at once (main waits a moment for
  // the first entries each time), so an answer is pending when they arrive.
  const [emptyAnswers, setEmptyAnswers] = useState(0)
  useEffect(() => {
    const now = performance.now()
    for (const dir of listings.keys()) {
      const waiting = inFlight.current.has(`${key}\n${dir}\n`)
      const id = `${key}\n${dir}`
      const last = peeking.current.get(id)
      if (!waiting || (last !== undefined && (last < 0 || now - last < PEEK_INTERVAL_MS))) continue
      peeking.current.set(id, -1)
      call('files:list', { ...argsFor(dir, undefined), partial: true })
        .then(
          (page) => {
            if (page.indexing !== true) return
            if (!inFlight.current.has(`${key}\n${dir}\n`)) return
            if (page.items.length === 0) {
              peeking.current.delete(id)
              setEmptyAnswers((n) => n + 1)
              return
            }
            update(key, dir, (old) =>
              old?.loading === true && old.items.length <= page.items.length
                ? { items: page.items, loading: true }
                : (old ?? { items: page.items, loading: true }),
            )
          },
          () => undefined, // the waiting page reports errors
        )
        .finally(() => {
          if (peeking.current.get(id) === -1) peeking.current.set(id, performance.now())
        })
    }
  }, [progress, listings, key, argsFor, update, emptyAnswers])

  // The root and every expanded directory whose parents are open get their first page.
  useEffect(() => {
    const wanted = [
      '',
      ...[...expanded].filter((dir) => ancestorsOf(dir).every((a) => expanded.has(a))),
    ]
    for (const dir of wanted) if (!listings.has(dir)) loadPage(dir, undefined)
  }, [expanded, listings, loadPage])

  const loadMore = useCallback(
    (dir: string) => {
      const listing = listings.get(dir)
      if (!listing || listing.loading) return
      // A failed first page is retried from the start; a failed later page from its cursor.
      loadPage(dir, listing.items.length === 0 ? undefined : listing.next)
    },
    [listings, loadPage],
  )

  const reload = useCallback(() => {
    queryClient.removeQueries({ queryKey: queryKeys.files(ref) })
    setState({ key, listings: NO_LISTINGS })
  }, [queryClient, ref, key])

  return { listings, loadMore, reload }
}

function nextOf(listing: DirListing | undefined): { next?: string } {
  return listing?.next !== undefined ? { next: listing.next } : {}
}
