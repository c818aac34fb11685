// A line of progress for work a view started: the shared ProgressItem (figures, rate, time
// left, Cancel) once main reports, a spinner with `fallback` before that.
import type { ProgressState } from '../api/useApiEvents'
import { ProgressItem } from './ProgressItem'
import { Spinner } from './Spinner'

export function OperationProgress({
  state,
  fallback,
  testId,
}: {
  readonly state: ProgressState | undefined
  /** What to say before the first event arrives. */
  readonly fallback: string
  readonly testId?: string
}) {
  return (
    <div className="operation-progress" role="status" data-testid={testId}>
      {state ? <ProgressItem state={state} /> : <Spinner inline label={fallback} />}
    </div>
  )
}
