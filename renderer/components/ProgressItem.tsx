// One running operation: what it is, how far (bytes or items), its rate and time left, and a
// Cancel button when main says it can be stopped. Used by the status bar and every view that
// starts long work (files, history, sharing, compare). An api call still waiting for its answer
// (state.call) shows the same way: its elapsed time, and a Cancel that aborts the call.
import { useMutation } from '@tanstack/react-query'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { asApiError } from '../api/ApiCallError'
import { call } from '../api/client'
import type { ProgressState } from '../api/useApiEvents'
import { formatDuration } from '../api/progressRate'
import { useFormat, type Formatters } from '../i18n/useFormat'
import { progressLabel } from './progressPhaseText'

/** "12 MiB of 40 MiB · 1 234 entries · 3 MiB/s · 9 s left", in the language shown. */
export function progressText(
  state: ProgressState,
  format: Formatters,
  t: TFunction<'common'>,
): string {
  const { event } = state
  if (state.call) return formatDuration(Math.max(1, state.call.elapsedSeconds))
  const items = event.unit === 'items'
  const amount = (n: number): string => (items ? format.number(n) : format.size(n))
  const parts = [
    event.totalBytes !== undefined
      ? t('progress.of', { done: amount(event.doneBytes), total: amount(event.totalBytes) })
      : amount(event.doneBytes),
  ]
  // Layer indexing counts entries beside the bytes.
  if (event.entries !== undefined) {
    parts.push(
      t('progress.entries', { count: event.entries, formatted: format.number(event.entries) }),
    )
  }
  if (state.rate !== undefined) parts.push(t('progress.perSecond', { amount: amount(state.rate) }))
  if (state.secondsLeft !== undefined) {
    parts.push(t('progress.left', { duration: formatDuration(state.secondsLeft) }))
  }
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
  const { t } = useTranslation('common')
  const format = useFormat()
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
  // A waiting call's label is the operation and its subject (callLabel); the words are ours.
  const label = waiting ? t('call.waiting', { operation: event.label }) : progressLabel(event, t)
  return (
    <span
      className="progress-item"
      data-testid={testId}
      data-operation={event.operationId}
      data-elapsed={waiting?.elapsedSeconds}
    >
      <span className="progress-label">{label}</span>
      {fraction !== undefined ? (
        <progress className="progress-bar" max={1} value={fraction} aria-label={label} />
      ) : null}
      <span className="progress-figures">{progressText(state, format, t)}</span>
      {event.cancellable ? (
        <button
          type="button"
          className="button-secondary button-small"
          data-testid={cancelTestId}
          disabled={cancel.isPending || cancelled}
          onClick={() => (waiting ? waiting.cancel() : cancel.mutate())}
        >
          {cancelled ? t('progress.cancelling') : t('progress.cancel')}
        </button>
      ) : null}
      {cancel.isError ? (
        <span className="inline-error">{asApiError(cancel.error).message}</span>
      ) : null}
    </span>
  )
}
