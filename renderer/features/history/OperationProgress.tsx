// A line of progress (with a Cancel button when the operation can be cancelled).
import type { ProgressEvent } from '../../../shared/api'
import { formatBytes } from '../../../shared/format'
import { call } from '../../api/client'
import { Spinner } from '../../components/Spinner'
import { progressText } from './useOperationProgress'

export function OperationProgress({
  event,
  fallback,
  testId,
}: {
  readonly event: ProgressEvent | undefined
  /** What to say before the first event arrives. */
  readonly fallback: string
  readonly testId?: string
}) {
  const total = event?.totalBytes
  return (
    <div className="operation-progress" role="status" data-testid={testId}>
      <Spinner inline label={event ? progressText(event, formatBytes) : fallback} />
      {event && total !== undefined && total > 0 ? (
        <progress value={Math.min(event.doneBytes, total)} max={total} />
      ) : null}
      {event?.cancellable ? (
        <button
          type="button"
          className="button-secondary button-small"
          onClick={() => void call('operation:cancel', { operationId: event.operationId })}
        >
          Cancel
        </button>
      ) : null}
    </div>
  )
}
