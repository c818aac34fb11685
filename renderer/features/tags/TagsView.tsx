// The tags of one repository: paginated, filterable, sorted (natural order by default), and
// optionally grouped by the digest the tags point at. The list is windowed, and each row
// resolves its summary only while on screen (tagSummaries.ts), so thousands of tags stay smooth.
import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { queryKeys } from '../../api/queryKeys'
import { ErrorPanel } from '../../components/ErrorPanel'
import { Link } from '../../components/Link'
import { handleListKeys } from '../../components/listKeys'
import { FilterBar, LoadMoreFooter } from '../../components/PagedListParts'
import { RateLimitLine } from '../../components/RateLimitLine'
import { EmptyState, LoadingBlock } from '../../components/Spinner'
import { useWindowedRows } from '../../components/useWindowedRows'
import { useNavigate } from '../../routing/navigation'
import {
  isLayoutRepository,
  refForDigest,
  refForTag,
  registryOfSource,
  repositoryOfSource,
} from '../../routing/refs'
import { sharedDigestGroups } from './sharedDigests'
import { TagGroupRow } from './TagGroupRow'
import { ImageViewTabs } from '../../components/ImageViewTabs'
import { previousImageFor } from './previousImage'
import { SortProgress } from './SortProgress'
import {
  groupByDigest,
  sortNeedsSummaries,
  sortTags,
  type TagListRow,
  type TagSort,
} from './tagOrder'
import { TagRow } from './TagRow'
import { useKnownSummaries, useSummariesForSort } from './tagSummaries'
import '../../styles/history.css'
import '../../styles/tags.css'
import { TagsHeader } from './TagsHeader'

/** One page of names from the registry. */
const PAGE_SIZE = 100
/** Every row has this height (lists.css keeps it), which is what makes windowing exact. */
const ROW_HEIGHT = 44

export function TagsView({ repositoryRef }: { readonly repositoryRef: string }) {
  const navigate = useNavigate()
  const { t } = useTranslation('tags')
  const repository = repositoryOfSource(repositoryRef) ?? repositoryRef
  const registry = registryOfSource(repositoryRef)
  const [filter, setFilter] = useState('')
  const [sort, setSort] = useState<TagSort>('natural')
  const [grouped, setGrouped] = useState(false)
  const sortId = useId()

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
  const summaries = useKnownSummaries(repository)
  const digests = useMemo(
    () => new Map([...summaries].map(([tag, summary]) => [tag, summary.digest] as const)),
    [summaries],
  )
  const needsSummaries = sortNeedsSummaries(sort)
  const bulk = useSummariesForSort(repository, tags, needsSummaries)
  // The journal's view of this repository, for "compare with previous digest"; quietly absent
  // when the journal has nothing (or the history service is not available).
  const timeline = useQuery({
    queryKey: queryKeys.historyTimeline(repository),
    queryFn: ({ signal }) => call('history:timeline', { repository }, signal),
    enabled: registry !== undefined || isLayoutRepository(repository),
    retry: false,
    staleTime: 60_000,
  })
  const shared = useMemo(
    () => sharedDigestGroups(tags.map((tag) => [tag, digests.get(tag)] as const)),
    [tags, digests],
  )
  const needle = filter.trim().toLowerCase()
  const shown = useMemo(
    () =>
      sortTags(needle ? tags.filter((t) => t.toLowerCase().includes(needle)) : tags, sort, (t) =>
        summaries.get(t),
      ),
    [tags, needle, sort, summaries],
  )
  const rows = useMemo<readonly TagListRow[]>(
    () =>
      grouped
        ? groupByDigest(shown, (tag) => digests.get(tag))
        : shown.map((tag) => ({ kind: 'tag', tag })),
    [grouped, shown, digests],
  )

  const listRef = useRef<HTMLUListElement>(null)
  const range = useWindowedRows(listRef, rows.length, ROW_HEIGHT)

  // Home and End reach the true ends of the windowed list: scroll there, and focus the row
  // once the window has rendered it.
  const pendingFocus = useRef<number | undefined>(undefined)
  const focusPending = useCallback(() => {
    const index = pendingFocus.current
    const target = listRef.current?.querySelector<HTMLElement>(
      `[aria-posinset="${(index ?? -1) + 1}"] [data-row-focus]`,
    )
    if (index === undefined || !target) return
    pendingFocus.current = undefined
    target.focus()
  }, [])
  useEffect(focusPending)
  const onListKeys = (event: KeyboardEvent<HTMLUListElement>): void => {
    if (event.key !== 'Home' && event.key !== 'End') {
      handleListKeys(event)
      return
    }
    event.preventDefault()
    const toEnd = event.key === 'End'
    pendingFocus.current = toEnd ? rows.length - 1 : 0
    event.currentTarget.scrollIntoView({ block: toEnd ? 'end' : 'start' })
    focusPending()
  }
  const { fetchNextPage, hasNextPage, isFetchingNextPage } = tagPages
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage()
  }, [fetchNextPage, hasNextPage, isFetchingNextPage])
  const lastPage = tagPages.data?.pages[tagPages.data.pages.length - 1]

  return (
    <section className="view list-view tags-view" aria-labelledby="tags-title">
      <header className="view-header">
        <h2 id="tags-title" className="view-title">
          {t('view.title')} <span className="view-subject">{repository}</span>
        </h2>
        <ImageViewTabs imageRef={repository} current="tags" />
        {registry ? (
          <Link className="view-link" to={{ view: 'repositories', registry }}>
            {t('view.allRepositories', { registry })}
          </Link>
        ) : null}
      </header>
      {tagPages.isPending ? (
        <LoadingBlock label={t('view.listing', { repository })} />
      ) : tagPages.isError && tags.length === 0 ? (
        <ErrorPanel
          error={tagPages.error}
          host={registry}
          onRetry={() => void tagPages.refetch()}
        />
      ) : tags.length === 0 ? (
        <EmptyState title={t('view.emptyTitle', { repository })}>{t('view.emptyBody')}</EmptyState>
      ) : (
        <>
          <FilterBar
            noun={t('view.noun')}
            singular={t('view.singular')}
            filter={filter}
            onFilter={setFilter}
            loaded={tags.length}
            shown={shown.length}
            more={hasNextPage}
          >
            <span className="list-controls">
              <label htmlFor={sortId}>{t('view.sort')}</label>
              <select
                id={sortId}
                value={sort}
                data-testid="tags-sort"
                onChange={(event) => setSort(event.target.value as TagSort)}
              >
                <option value="natural">{t('sortOrder.natural')}</option>
                <option value="natural-desc">{t('sortOrder.naturalDesc')}</option>
                <option value="date-desc">{t('sortOrder.dateDesc')}</option>
                <option value="date-asc">{t('sortOrder.dateAsc')}</option>
                <option value="size-desc">{t('sortOrder.sizeDesc')}</option>
                <option value="size-asc">{t('sortOrder.sizeAsc')}</option>
                <option value="registry">{t('sortOrder.registry')}</option>
              </select>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={grouped}
                  onChange={(event) => setGrouped(event.target.checked)}
                />
                {t('view.groupByDigest')}
              </label>
            </span>
          </FilterBar>
          {needsSummaries ? (
            <SortProgress known={summaries.size} total={tags.length} failed={bulk.failed} />
          ) : null}
          <p className="hint tags-legend" data-testid="tags-legend">
            {grouped ? t('view.groupedLegend') : t('legend.shared')}
          </p>
          <TagsHeader />
          <ul
            ref={listRef}
            className="row-list windowed-list tags-list"
            aria-label={t('view.listLabel', { repository })}
            onKeyDown={onListKeys}
          >
            {range.padTop > 0 ? (
              <li className="row-spacer" aria-hidden="true" style={{ height: range.padTop }} />
            ) : null}
            {rows.slice(range.start, range.end).map((row, i) => {
              const position = range.start + i + 1
              if (row.kind === 'group') {
                return (
                  <TagGroupRow
                    key={`group:${row.digest}`}
                    repository={repository}
                    digest={row.digest}
                    tags={row.tags}
                    previous={previousImageFor(
                      repository,
                      row.tags[0] ?? '',
                      summaries,
                      timeline.data,
                    )}
                    position={position}
                    total={rows.length}
                    onOpen={() =>
                      navigate({ view: 'graph', ref: refForDigest(repository, row.digest) })
                    }
                  />
                )
              }
              const digest = digests.get(row.tag)
              return (
                <TagRow
                  key={row.tag}
                  tag={row.tag}
                  repository={repository}
                  previous={previousImageFor(repository, row.tag, summaries, timeline.data)}
                  imageRef={refForTag(repository, row.tag)}
                  shared={digest ? shared.get(digest) : undefined}
                  position={position}
                  total={rows.length}
                  onOpen={() => navigate({ view: 'graph', ref: refForTag(repository, row.tag) })}
                />
              )
            })}
            {range.padBottom > 0 ? (
              <li className="row-spacer" aria-hidden="true" style={{ height: range.padBottom }} />
            ) : null}
          </ul>
          {shown.length === 0 ? <p className="hint">{t('view.noMatch', { filter })}</p> : null}
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
