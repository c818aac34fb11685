// The repositories of one registry (the catalog API), paginated, filterable; a click opens
// the repository's tags.
import { useInfiniteQuery } from '@tanstack/react-query'
import { useCallback, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { queryKeys } from '../../api/queryKeys'
import { ErrorPanel } from '../../components/ErrorPanel'
import { handleListKeys } from '../../components/listKeys'
import { FilterBar, LoadMoreFooter } from '../../components/PagedListParts'
import { RateLimitLine } from '../../components/RateLimitLine'
import { EmptyState, LoadingBlock } from '../../components/Spinner'
import { useNavigate } from '../../routing/navigation'
import { TagCount } from './TagCount'

const PAGE_SIZE = 200

export function RepositoriesView({ registry }: { readonly registry: string }) {
  const { t } = useTranslation('registry')
  const navigate = useNavigate()
  const [filter, setFilter] = useState('')
  const repositories = useInfiniteQuery({
    queryKey: queryKeys.repositories(registry),
    queryFn: ({ pageParam, signal }) =>
      call(
        'registry:listRepositories',
        { registry, pageSize: PAGE_SIZE, ...(pageParam !== undefined && { cursor: pageParam }) },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next,
  })

  const names = useMemo(
    () => repositories.data?.pages.flatMap((page) => page.items) ?? [],
    [repositories.data],
  )
  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase()
    return needle ? names.filter((name) => name.toLowerCase().includes(needle)) : names
  }, [names, filter])
  const { fetchNextPage, hasNextPage, isFetchingNextPage } = repositories
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage()
  }, [fetchNextPage, hasNextPage, isFetchingNextPage])

  const lastPage = repositories.data?.pages[repositories.data.pages.length - 1]
  return (
    <section className="view list-view" aria-labelledby="repositories-title">
      <header className="view-header">
        <h2 id="repositories-title" className="view-title">
          {t('repositories.title')} <span className="view-subject">{registry}</span>
        </h2>
      </header>
      {repositories.isPending ? (
        <LoadingBlock label={t('repositories.listing', { registry })} />
      ) : repositories.isError && names.length === 0 ? (
        <ErrorPanel
          error={repositories.error}
          host={registry}
          onRetry={() => void repositories.refetch()}
        />
      ) : names.length === 0 ? (
        <EmptyState title={t('repositories.none', { registry })}>
          {t('repositories.noneHint')}
        </EmptyState>
      ) : (
        <>
          <FilterBar
            noun={t('repositories.noun')}
            singular={t('repositories.singular')}
            filter={filter}
            onFilter={setFilter}
            loaded={names.length}
            shown={shown.length}
            more={hasNextPage}
          />
          <ul
            className="row-list"
            aria-label={t('repositories.list', { registry })}
            onKeyDown={handleListKeys}
          >
            {shown.map((name) => (
              <li
                key={name}
                className="row repository-row"
                data-testid="repository-item"
                data-repository={name}
                onClick={() => navigate({ view: 'tags', ref: `${registry}/${name}` })}
              >
                <button
                  type="button"
                  className="row-open"
                  data-row-focus
                  title={t('repositories.openTags', { repository: `${registry}/${name}` })}
                >
                  <span className="row-name">{name}</span>
                  <TagCount registry={registry} name={name} />
                </button>
              </li>
            ))}
          </ul>
          {shown.length === 0 ? (
            <p className="hint">{t('repositories.noMatch', { filter })}</p>
          ) : null}
          <LoadMoreFooter
            hasMore={hasNextPage}
            loading={isFetchingNextPage}
            error={repositories.isFetchNextPageError ? repositories.error : null}
            onLoadMore={loadMore}
          />
        </>
      )}
      <RateLimitLine info={lastPage?.rateLimit} />
    </section>
  )
}
