// While the list sorts by date or size, how many tags have told us theirs.
import { useTranslation } from 'react-i18next'
import { Spinner } from '../../components/Spinner'
import { useFormat } from '../../i18n/useFormat'

export function SortProgress({
  known,
  total,
  failed,
}: {
  readonly known: number
  readonly total: number
  readonly failed: number
}) {
  const { t } = useTranslation('tags')
  const format = useFormat()
  const done = Math.min(known, total)
  const finished = done + failed >= total
  const counts = { done: format.number(done), total: format.number(total) }
  return (
    <p className="hint sort-progress" data-testid="tags-sort-progress" role="status">
      {finished ? null : <Spinner inline />}
      {finished ? t('progress.sorted', counts) : t('progress.reading', counts)}
      {failed > 0 ? t('progress.failed', { failed: format.number(failed) }) : ''}
      {t('progress.unresolvedLast')}
    </p>
  )
}
