// Docker Hub search results under the Open box: each repository with its official mark, stars,
// pulls and description; choosing one opens it. Hub answers 25 at a time: "Load more" asks for
// the next page (on click only: every page counts against Hub's rate limit), up to
// HUB_MAX_RESULTS so the list stays bounded (hubPages.ts). The rate limit Hub reported with the
// latest page is shown below.
import { useInfiniteQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import type { HubRepository } from '../../../../shared/api'
import { call } from '../../../api/client'
import { ErrorPanel } from '../../../components/ErrorPanel'
import { LoadMoreFooter } from '../../../components/PagedListParts'
import { RateLimitLine } from '../../../components/RateLimitLine'
import { Spinner } from '../../../components/Spinner'
import { useLanguage } from '../../../i18n/i18n'
import { useFormat } from '../../../i18n/useFormat'
import { HUB_PAGE_SIZE, joinHubPages, nextHubPage } from './hubPages'
import { hubSearchText as t } from './hubSearchText'

/** Stars and pulls as the language shortens them ("1.2M", "1,2 M"). */
function useCompactNumber(): (n: number) => string {
  const language = useLanguage()
  return useMemo(() => {
    const compact = new Intl.NumberFormat(language, {
      notation: 'compact',
      maximumFractionDigits: 1,
    })
    return (n) => compact.format(n)
  }, [language])
}

interface HubSearchPanelProps {
  readonly query: string
  readonly onOpen: (reference: string) => void
  readonly onClose: () => void
}

export function HubSearchPanel({ query, onOpen, onClose }: HubSearchPanelProps) {
  const format = useFormat()
  const search = useInfiniteQuery({
    queryKey: ['hub', 'search', query],
    queryFn: ({ pageParam, signal }) =>
      call('registry:searchHub', { query, page: pageParam, pageSize: HUB_PAGE_SIZE }, signal),
    initialPageParam: 1,
    getNextPageParam: nextHubPage,
    retry: false,
    staleTime: 60_000,
  })
  const pages = search.data?.pages
  const joined = useMemo(() => joinHubPages(pages ?? []), [pages])
  const latest = pages?.at(-1)
  const rateLimit = pages?.findLast((page) => page.rateLimit !== undefined)?.rateLimit
  const capped = latest?.hasMore === true && !search.hasNextPage
  const { fetchNextPage, hasNextPage, isFetchingNextPage } = search
  return (
    <section
      className="hub-search efficiency-panel"
      data-testid="hub-search"
      aria-label={t.title(query)}
    >
      <header className="file-viewer-header">
        <strong>{t.title(query)}</strong>
        <button type="button" className="icon-button" aria-label={t.close} onClick={onClose}>
          ×
        </button>
      </header>
      {search.isPending ? (
        <Spinner inline label={t.searching} />
      ) : search.isError && joined.results.length === 0 ? (
        <ErrorPanel compact error={search.error} onRetry={() => void search.refetch()} />
      ) : (
        <>
          {joined.results.length === 0 ? <p className="muted">{t.none}</p> : null}
          <ul className="hub-results" data-testid="hub-results">
            {joined.results.map((repository) => (
              <HubResult key={repository.name} repository={repository} onOpen={onOpen} />
            ))}
          </ul>
          <LoadMoreFooter
            auto={false}
            hasMore={hasNextPage}
            loading={isFetchingNextPage}
            error={search.isFetchNextPageError ? search.error : null}
            onLoadMore={() => {
              if (hasNextPage && !isFetchingNextPage) void fetchNextPage()
            }}
          />
          {latest?.total !== undefined && latest.total > joined.results.length ? (
            <p className="muted" data-testid="hub-total">
              {t.total(format.number(joined.results.length), format.number(latest.total))}
            </p>
          ) : null}
          {capped ? (
            <p className="muted">{t.capped(format.number(joined.results.length))}</p>
          ) : null}
          {joined.skipped > 0 ? <p className="muted">{t.skipped(joined.skipped)}</p> : null}
          <RateLimitLine info={rateLimit} />
        </>
      )}
    </section>
  )
}

function HubResult({
  repository: r,
  onOpen,
}: {
  readonly repository: HubRepository
  readonly onOpen: (reference: string) => void
}) {
  const compact = useCompactNumber()
  return (
    <li data-testid="hub-result" data-name={r.name}>
      <button
        type="button"
        className="link-button mono"
        title={t.openTitle(r.reference)}
        onClick={() => onOpen(r.reference)}
      >
        {r.name}
      </button>
      {r.official ? (
        <>
          {' '}
          <span className="badge" data-testid="hub-official" title={t.officialTitle}>
            {t.official}
          </span>
        </>
      ) : null}
      <span className="muted" data-testid="hub-stars">
        {' '}
        {t.stars(compact(r.stars))}
      </span>
      {r.pulls !== undefined ? (
        <span className="muted" data-testid="hub-pulls">
          {' · '}
          {t.pulls(compact(r.pulls))}
        </span>
      ) : null}
      {r.description !== '' ? <div className="hint">{r.description}</div> : null}
    </li>
  )
}
