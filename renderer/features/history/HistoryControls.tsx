// What a user can do to the journal of one repository: record now (list and resolve every tag,
// with progress), watch on an interval or stop, export as JSON or CSV.
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useId, useState } from 'react'
import type { HistoryObserveResult, WatchedRepository } from '../../../shared/api'
import { asApiError } from '../../api/ApiCallError'
import { call } from '../../api/client'
import { queryKeys } from '../../api/queryKeys'
import { downloadText } from './download'
import { OperationProgress } from '../../components/OperationProgress'
import { useOperationProgress } from '../../components/useOperationProgress'

const INTERVALS: readonly { minutes: number; label: string }[] = [
  { minutes: 5, label: 'every 5 minutes' },
  { minutes: 15, label: 'every 15 minutes' },
  { minutes: 60, label: 'every hour' },
  { minutes: 360, label: 'every 6 hours' },
  { minutes: 1440, label: 'every day' },
]

interface HistoryControlsProps {
  readonly repository: string
  readonly watch: WatchedRepository | undefined
}

export function HistoryControls({ repository, watch }: HistoryControlsProps) {
  const client = useQueryClient()
  const intervalId = useId()
  const [interval, setIntervalMinutes] = useState(watch?.intervalMinutes ?? 60)
  const refresh = (): Promise<void> => client.invalidateQueries({ queryKey: queryKeys.historyData })

  const record = useMutation({
    mutationFn: () => call('history:observe', { repository }),
    onSuccess: refresh,
  })
  const toggleWatch = useMutation({
    mutationFn: () =>
      watch
        ? call('history:unwatch', { repository })
        : call('history:watch', { repository, intervalMinutes: interval }),
    onSuccess: refresh,
  })
  const exportAs = useMutation({
    mutationFn: (format: 'json' | 'csv') => call('history:export', { repository, format }),
    onSuccess: (file) => downloadText(file.fileName, file.mediaType, file.text),
  })
  const progress = useOperationProgress(record.isPending)
  const failure = record.error ?? toggleWatch.error ?? exportAs.error

  return (
    <div className="history-controls">
      <div className="history-actions">
        <button
          type="button"
          className="button-primary"
          data-testid="history-record"
          disabled={record.isPending}
          onClick={() => record.mutate()}
          title="List every tag now, resolve each to its digest and add what changed to the journal"
        >
          Record now
        </button>
        <span className="watch-control">
          {watch ? null : (
            <>
              <label htmlFor={intervalId} className="sr-only">
                Watch interval
              </label>
              <select
                id={intervalId}
                data-testid="history-watch-interval"
                value={interval}
                onChange={(event) => setIntervalMinutes(Number(event.target.value))}
              >
                {INTERVALS.map((choice) => (
                  <option key={choice.minutes} value={choice.minutes}>
                    {choice.label}
                  </option>
                ))}
              </select>
            </>
          )}
          <button
            type="button"
            className="button-secondary"
            data-testid="history-watch"
            data-watching={watch ? 'true' : 'false'}
            disabled={toggleWatch.isPending}
            onClick={() => toggleWatch.mutate()}
          >
            {watch ? 'Unwatch' : 'Watch'}
          </button>
          {watch ? (
            <span className="muted" data-testid="history-watch-status">
              Re-checked every {watch.intervalMinutes} min while Strata runs
            </span>
          ) : null}
        </span>
        <span className="export-buttons">
          <button
            type="button"
            className="button-secondary"
            data-testid="history-export-json"
            disabled={exportAs.isPending}
            onClick={() => exportAs.mutate('json')}
          >
            Export JSON
          </button>
          <button
            type="button"
            className="button-secondary"
            data-testid="history-export-csv"
            disabled={exportAs.isPending}
            onClick={() => exportAs.mutate('csv')}
          >
            Export CSV
          </button>
        </span>
      </div>
      {record.isPending ? (
        <OperationProgress
          state={progress}
          fallback={`Listing and resolving the tags of ${repository}…`}
          testId="history-record-progress"
        />
      ) : null}
      {record.data ? <RecordedLine result={record.data} /> : null}
      {failure ? <p className="inline-error">{asApiError(failure).message}</p> : null}
    </div>
  )
}

function RecordedLine({ result }: { readonly result: HistoryObserveResult }) {
  return (
    <p className="hint" data-testid="history-recorded" role="status">
      Recorded {result.tags} tag{result.tags === 1 ? '' : 's'}:{' '}
      {result.appended === 0
        ? 'nothing changed since the last look.'
        : `${result.appended} new observation${result.appended === 1 ? '' : 's'}.`}
    </p>
  )
}
