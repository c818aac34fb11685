// A repository row's tag count, read only once the row has stayed on screen for a moment and
// through one small limiter, so a catalog of thousands of repositories costs the registry one
// tag list per row a person actually looks at, a few at a time.
import { useQuery } from '@tanstack/react-query'
import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { asApiError } from '../../api/ApiCallError'
import { call } from '../../api/client'
import { createLimiter } from '../../api/limiter'
import { describeError } from '../../components/errorText'
import { useOnScreen } from '../../components/useOnScreen'
import { TAG_COUNT_PAGE, tagCountText } from './tagCount'

/** At most this many tag lists in flight for counts. */
const countLimiter = createLimiter(4)
/** A row must stay on screen this long before its count is asked for (not while flying past). */
const SETTLE_MS = 250

export function TagCount({ registry, name }: { readonly registry: string; readonly name: string }) {
  const { t } = useTranslation('registry')
  const ref = useRef<HTMLSpanElement>(null)
  const onScreen = useOnScreen(ref, SETTLE_MS)
  const count = useQuery({
    queryKey: ['registry', 'tagCount', registry, name],
    queryFn: ({ signal }) =>
      countLimiter.run(
        () =>
          call(
            'registry:listTags',
            { repository: `${registry}/${name}`, pageSize: TAG_COUNT_PAGE },
            signal,
          ),
        signal,
      ),
    enabled: onScreen,
    staleTime: 5 * 60_000,
    retry: false,
  })
  const text = count.data
    ? tagCountText(count.data.items.length, count.data.next !== undefined)
    : count.isError
      ? t('tagCount.unknown')
      : ''
  return (
    <span
      ref={ref}
      className="row-meta repository-tag-count muted"
      data-testid="repository-tag-count"
      data-count={count.data ? count.data.items.length : undefined}
      title={count.isError ? describeError(asApiError(count.error)).title : undefined}
    >
      {text}
    </span>
  )
}
