// While the list sorts by date or size, how many tags have told us theirs.
import { Spinner } from '../../components/Spinner'

export function SortProgress({
  known,
  total,
  failed,
}: {
  readonly known: number
  readonly total: number
  readonly failed: number
}) {
  const done = Math.min(known, total)
  const finished = done + failed >= total
  return (
    <p className="hint sort-progress" data-testid="tags-sort-progress" role="status">
      {finished ? null : <Spinner inline />}
      {finished
        ? `Sorted by what ${done} of ${total} tags resolve to`
        : `Reading dates and sizes: ${done} of ${total} tags (at most six at a time)`}
      {failed > 0 ? ` · ${failed} could not be read (listed last)` : ''}
      {'. Tags not resolved yet are listed last.'}
    </p>
  )
}
