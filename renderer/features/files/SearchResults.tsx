// What files:search found for a name substring or glob, in the filesystem the tree shows.
// Choosing a result opens it (a file in the viewer, a directory in the tree).
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { queryKeys } from '../../api/queryKeys'
import { ErrorPanel } from '../../components/ErrorPanel'
import { Spinner } from '../../components/Spinner'
import { useFormat } from '../../i18n/useFormat'
import { useFileWords } from './useFileWords'

const SEARCH_LIMIT = 1000

interface SearchResultsProps {
  readonly imageRef: string
  readonly platform: string | undefined
  readonly layer: string | undefined
  readonly pattern: string
  readonly selected: string | undefined
  readonly onOpen: (path: string) => void
  readonly onClose: () => void
}

export function SearchResults(props: SearchResultsProps) {
  const { imageRef, platform, layer, pattern, selected, onOpen, onClose } = props
  const { t } = useTranslation('files')
  const format = useFormat()
  const words = useFileWords()
  const search = useQuery({
    queryKey: [...queryKeys.fileSearch(imageRef, layer ?? '', pattern), platform ?? ''],
    queryFn: () =>
      call('files:search', {
        ref: imageRef,
        pattern,
        limit: SEARCH_LIMIT,
        ...(platform !== undefined ? { platform } : {}),
        ...(layer !== undefined ? { layer } : {}),
      }),
    staleTime: Infinity,
  })
  return (
    <section className="search-results" data-testid="search-results" aria-label={t('search.label')}>
      <header className="search-results-header">
        <span>
          {t('search.resultsFor')} <code>{pattern}</code>
          {search.data ? t('search.count', { count: search.data.matches.length }) : ''}
          {search.data?.truncated === true ? t('search.truncated') : ''}
        </span>
        <button type="button" className="link-button" onClick={onClose}>
          {t('search.close')}
        </button>
      </header>
      {search.isPending ? <Spinner inline label={t('search.searching')} /> : null}
      {search.isError ? (
        <ErrorPanel error={search.error} compact onRetry={() => void search.refetch()} />
      ) : null}
      {search.data?.matches.length === 0 ? <p className="muted">{t('search.none')}</p> : null}
      {search.data && search.data.matches.length > 0 ? (
        <ul className="search-list">
          {search.data.matches.map(({ entry, layer: from }) => (
            <li key={entry.path}>
              <button
                type="button"
                className={`search-result${entry.path === selected ? ' selected' : ''}`}
                data-testid="search-result"
                data-path={entry.path}
                onClick={() => onOpen(entry.path)}
              >
                <span className="mono">/{entry.path}</span>
                <span className="muted">
                  {[
                    words.type(entry),
                    ...(entry.type === 'file' ? [format.size(entry.size)] : []),
                    t('tree.layerShort', { n: from + 1 }),
                  ].join(' · ')}
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  )
}
