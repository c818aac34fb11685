// The parts the repositories and tags lists share: a filter box with counts, and a footer
// that loads the next page on click or when it scrolls into view.
import { useEffect, useId, useRef, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { asApiError } from '../api/ApiCallError'
import { describeError } from './errorText'
import { Spinner } from './Spinner'

interface FilterBarProps {
  /** Plural noun; the singular is used for exactly one ("1 tag loaded"). */
  readonly noun: string
  readonly singular: string
  readonly filter: string
  readonly onFilter: (value: string) => void
  readonly loaded: number
  readonly shown: number
  readonly more: boolean
  /** More controls for the list (sorting, grouping), after the count. */
  readonly children?: ReactNode
}

export function FilterBar({
  noun,
  singular,
  filter,
  onFilter,
  loaded,
  shown,
  more,
  children,
}: FilterBarProps) {
  const { t } = useTranslation('common')
  const id = useId()
  const loadedNoun = loaded === 1 ? singular : noun
  const count = filter
    ? t('filter.matching', { count: shown, shown, loaded, noun: loadedNoun })
    : t(more ? 'filter.loadedMore' : 'filter.loaded', { count: loaded, noun: loadedNoun })
  return (
    <div className="filter-bar">
      <label htmlFor={id} className="sr-only">
        {t('filter.label', { noun })}
      </label>
      <input
        id={id}
        type="search"
        className="filter-input"
        placeholder={t('filter.label', { noun })}
        value={filter}
        onChange={(event) => onFilter(event.target.value)}
      />
      <span className="filter-count" aria-live="polite">
        {count}
      </span>
      {children}
    </div>
  )
}

interface LoadMoreProps {
  readonly hasMore: boolean
  readonly loading: boolean
  readonly error: unknown
  readonly onLoadMore: () => void
  /** Load automatically when the footer scrolls into view (not after an error). */
  readonly auto?: boolean
}

export function LoadMoreFooter({
  hasMore,
  loading,
  error,
  onLoadMore,
  auto = true,
}: LoadMoreProps) {
  const { t } = useTranslation('common')
  const sentinel = useRef<HTMLDivElement>(null)
  const failed = error !== null && error !== undefined

  useEffect(() => {
    const element = sentinel.current
    if (!auto || !hasMore || loading || failed || !element) return
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) onLoadMore()
      },
      { rootMargin: '200px' },
    )
    observer.observe(element)
    return () => observer.disconnect()
  }, [auto, hasMore, loading, failed, onLoadMore])

  if (!hasMore && !failed) return null
  return (
    <div className="load-more" ref={sentinel}>
      {failed ? (
        <p className="inline-error" role="alert">
          {t('loadMore.failed', { reason: describeError(asApiError(error)).title })}
        </p>
      ) : null}
      {loading ? (
        <Spinner label={t('loadMore.loading')} inline />
      ) : (
        <button type="button" className="button-secondary" onClick={onLoadMore}>
          {failed ? t('loadMore.retry') : t('loadMore.more')}
        </button>
      )}
    </div>
  )
}
