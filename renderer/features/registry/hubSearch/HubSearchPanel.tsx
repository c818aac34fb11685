// Docker Hub search results under the Open box: each repository with its official mark, stars,
// pulls and description; choosing one opens it. The rate limit Hub reported is shown below.
import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import type { HubRepository } from '../../../../shared/api'
import { call } from '../../../api/client'
import { ErrorPanel } from '../../../components/ErrorPanel'
import { RateLimitLine } from '../../../components/RateLimitLine'
import { Spinner } from '../../../components/Spinner'
import { useLanguage } from '../../../i18n/i18n'
import { useFormat } from '../../../i18n/useFormat'
import { hubSearchText as t } from './hubSearchText'

const PAGE_SIZE = 25
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
  const search = useQuery({
    queryKey: ['hub', 'search', query],
    queryFn: ({ signal }) => call('registry:searchHub', { query, pageSize: PAGE_SIZE }, signal),
    retry: false,
    staleTime: 60_000,
  })
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
      ) : search.isError ? (
        <ErrorPanel compact error={search.error} onRetry={() => void search.refetch()} />
      ) : (
        <>
          {search.data.results.length === 0 ? <p className="muted">{t.none}</p> : null}
          <ul className="hub-results" data-testid="hub-results">
            {search.data.results.map((repository) => (
              <HubResult key={repository.name} repository={repository} onOpen={onOpen} />
            ))}
          </ul>
          {search.data.total !== undefined && search.data.total > search.data.results.length ? (
            <p className="muted">
              {t.total(format.number(search.data.results.length), format.number(search.data.total))}
            </p>
          ) : null}
          {search.data.skipped > 0 ? (
            <p className="muted">{t.skipped(search.data.skipped)}</p>
          ) : null}
          <RateLimitLine info={search.data.rateLimit} />
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
