// The tags of one repository, paginated and filterable. Each loaded tag is resolved with
// image:summary through one limiter (at most six in flight), so rows fill in progressively.
import { useInfiniteQuery, useQueries } from '@tanstack/react-query'
import { useCallback, useMemo, useState } from 'react'
import { call } from '../../api/client'
import { queryKeys } from '../../api/queryKeys'
import { ErrorPanel } from '../../components/ErrorPanel'
import { Link } from '../../components/Link'
import { handleListKeys } from '../../components/listKeys'
import { FilterBar, LoadMoreFooter } from '../../components/PagedListParts'
import { RateLimitLine } from '../../components/RateLimitLine'
import { EmptyState, LoadingBlock } from '../../components/Spinner'
import { useNavigate } from '../../routing/navigation'
import { refForTag, registryOfSource, repositoryOfSource } from '../../routing/refs'
import { sharedDigestGroups } from './sharedDigests'
import { summaryLimiter } from './summaryLimiter'
import { TagRow } from './TagRow'

/** One page of names; each tag also costs an image:summary, so pages stay moderate. */
const PAGE_SIZE = 100

export function TagsView({ repositoryRef }: { readonly repositoryRef: string }) {
  const navigate = useNavigate()
  const repository = repositoryOfSource(repositoryRef) ?? repositoryRef
  const registry = registryOfSource(repositoryRef)
  const [filter, setFilter] = useState('')

  const tagPages = useInfiniteQuery({
    queryKey: queryKeys.tags(repository),
    queryFn: ({ pageParam, signal }) =>
      call(
        'registry:listTags',
        { repository, pageSize: PAGE_SIZE, ...(pageParam !== undefined && { cursor: pageParam }) },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next,
  })
  const tags = useMemo(
    () => tagPages.data?.pages.flatMap((page) => page.items) ?? [],
    [tagPages.data],
  )

  const summaries = useQueries({
    queries: tags.map((tag) => {
      const ref = refForTag(repository, tag)
      return {
        queryKey: queryKeys.summary(ref),
        queryFn: ({ signal }: { signal: AbortSignal }) =>
          summaryLimiter.run(() => call('image:summary', { ref }, signal), signal),
      }
    }),
  })

  const shared = sharedDigestGroups(
    tags.map((tag, i) => [tag, summaries[i]?.data?.digest] as const),
  )
  const needle = filter.trim().toLowerCase()
  const { fetchNextPage, hasNextPage, isFetchingNextPage } = tagPages
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage()
  }, [fetchNextPage, hasNextPage, isFetchingNextPage])
  const shownCount = needle
    ? tags.filter((t) => t.toLowerCase().includes(needle)).length
    : tags.length
  const lastPage = tagPages.data?.pages[tagPages.data.pages.length - 1]

  return (
    <section className="view list-view" aria-labelledby="tags-title">
      <header className="view-header">
        <h2 id="tags-title" className="view-title">
          Tags <span className="view-subject">{repository}</span>
        </h2>
        {registry ? (
          <Link className="view-link" to={{ view: 'repositories', registry }}>
            All repositories on {registry}
          </Link>
        ) : null}
      </header>
      {tagPages.isPending ? (
        <LoadingBlock label={`Listing tags of ${repository}…`} />
      ) : tagPages.isError && tags.length === 0 ? (
        <ErrorPanel
          error={tagPages.error}
          host={registry}
          onRetry={() => void tagPages.refetch()}
        />
      ) : tags.length === 0 ? (
        <EmptyState title={`${repository} has no tags`}>
          Images can still be opened by digest (name@sha256:…).
        </EmptyState>
      ) : (
        <>
          <FilterBar
            noun="tags"
            singular="tag"
            filter={filter}
            onFilter={setFilter}
            loaded={tags.length}
            shown={shownCount}
            more={hasNextPage}
          />
          <ul className="row-list" aria-label={`Tags of ${repository}`} onKeyDown={handleListKeys}>
            {tags.map((tag, i) => {
              if (needle && !tag.toLowerCase().includes(needle)) return null
              const summary = summaries[i]
              const digest = summary?.data?.digest
              return (
                <TagRow
                  key={tag}
                  tag={tag}
                  summary={summary?.data}
                  error={summary?.error}
                  pending={summary?.isPending ?? true}
                  shared={digest ? shared.get(digest) : undefined}
                  onOpen={() => navigate({ view: 'graph', ref: refForTag(repository, tag) })}
                  onRetry={() => void summary?.refetch()}
                />
              )
            })}
          </ul>
          {shownCount === 0 ? <p className="hint">No loaded tag matches “{filter}”.</p> : null}
          <LoadMoreFooter
            hasMore={hasNextPage}
            loading={isFetchingNextPage}
            error={tagPages.isFetchNextPageError ? tagPages.error : null}
            onLoadMore={loadMore}
          />
        </>
      )}
      <RateLimitLine info={lastPage?.rateLimit} />
    </section>
  )
}
