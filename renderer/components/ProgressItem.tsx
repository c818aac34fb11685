// One running operation: what it is, how far (bytes or items), its rate and time left, and a
// Cancel button when main says it can be stopped. Used by the status bar and every view that
// starts long work (files, history, sharing, compare). An api call still waiting for its answer
// (state.call) shows the same way: its elapsed time, and a Cancel that aborts the call.
import { useMutation } from '@tanstack/react-query'
import { formatBytes, formatCount } from '../../shared/format'
import { asApiError } from '../api/ApiCallError'
import { call } from '../api/client'
import type { ProgressState } from '../api/useApiEvents'
import { formatDuration } from '../api/progressRate'

export function progressText(state: ProgressState): string {
  const { event } = state
  if (state.call) return formatDuration(Math.max(1, state.call.elapsedSeconds))
  const items = event.unit === 'items'
  const amount = (n: number): string => (items ? formatCount(n) : formatBytes(n))
  const parts = [
    event.totalBytes !== undefined
      ? `${amount(event.doneBytes)} of ${amount(event.totalBytes)}`
      : amount(event.doneBytes),
  ]
  // Layer indexing counts entries beside the bytes.
  if (event.entries !== undefined) parts.push(`${formatCount(event.entries)} entries`)
  if (state.rate !== undefined) {
    parts.push(items ? `${formatCount(state.rate)}/s` : `${formatBytes(state.rate)}/s`)
  }
  if (state.secondsLeft !== undefined) parts.push(`${formatDuration(state.secondsLeft)} left`)
  return parts.join(' · ')
}

export function ProgressItem({
  state,
  testId,
  cancelTestId,
}: {
  readonly state: ProgressState
  readonly testId?: string
  readonly cancelTestId?: string
}) {
  const { event } = state
  const cancel = useMutation({
    mutationFn: () => call('operation:cancel', { operationId: event.operationId }),
  })
  const fraction =
    event.totalBytes !== undefined && event.totalBytes > 0
      ? Math.min(1, event.doneBytes / event.totalBytes)
      : undefined
  const { call: waiting } = state
  const cancelled = waiting ? false : cancel.data?.cancelled === true
  return (
    <span
      className="progress-item"
      data-testid={testId}
      data-operation={event.operationId}
      data-elapsed={waiting?.elapsedSeconds}
    >
      <span className="progress-label">{event.label}</span>
      {fraction !== undefined ? (
        <progress className="progress-bar" max={1} value={fraction} aria-label={event.label} />
      ) : null}
      <span className="progress-figures">{progressText(state)}</span>
      {event.cancellable ? (
        <button
          type="button"
          className="button-secondary button-small"
          data-testid={cancelTestId}
          disabled={cancel.isPending || cancelled}
          onClick={() => (waiting ? waiting.cancel() : cancel.mutate())}
        >
          {cancelled ? 'Cancelling…' : 'Cancel'}
        </button>
      ) : null}
      {cancel.isError ? (
        <span className="inline-error">{asApiError(cancel.error).message}</span>
      ) : null}
    </span>
  )
}
