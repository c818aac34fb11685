// What a user can do to the journal of one repository: record now (list and resolve every tag,
// with progress), watch on an interval or stop, export as JSON or CSV.
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { HistoryObserveResult, WatchedRepository } from '../../../shared/api'
import { call } from '../../api/client'
import { queryKeys } from '../../api/queryKeys'
import { downloadText } from './download'
import { ErrorPanel } from '../../components/ErrorPanel'
import { OperationProgress } from '../../components/OperationProgress'
import { useOperationProgress } from '../../components/useOperationProgress'

const INTERVALS = [
  { minutes: 5, label: 'controls.every5' },
  { minutes: 15, label: 'controls.every15' },
  { minutes: 60, label: 'controls.everyHour' },
  { minutes: 360, label: 'controls.every6' },
  { minutes: 1440, label: 'controls.everyDay' },
] as const

interface HistoryControlsProps {
  readonly repository: string
  readonly watch: WatchedRepository | undefined
}

export function HistoryControls({ repository, watch }: HistoryControlsProps) {
  const { t } = useTranslation('history')
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
          title={t('controls.recordTitle')}
        >
          {t('controls.record')}
        </button>
        <span className="watch-control">
          {watch ? null : (
            <>
              <label htmlFor={intervalId} className="sr-only">
                {t('controls.interval')}
              </label>
              <select
                id={intervalId}
                data-testid="history-watch-interval"
                value={interval}
                onChange={(event) => setIntervalMinutes(Number(event.target.value))}
              >
                {INTERVALS.map((choice) => (
                  <option key={choice.minutes} value={choice.minutes}>
                    {t(choice.label)}
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
            {watch ? t('controls.unwatch') : t('controls.watch')}
          </button>
          {watch ? (
            <span className="muted" data-testid="history-watch-status">
              {t('controls.watching', { minutes: watch.intervalMinutes })}
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
            {t('controls.exportJson')}
          </button>
          <button
            type="button"
            className="button-secondary"
            data-testid="history-export-csv"
            disabled={exportAs.isPending}
            onClick={() => exportAs.mutate('csv')}
          >
            {t('controls.exportCsv')}
          </button>
        </span>
      </div>
      {record.isPending ? (
        <OperationProgress
          state={progress}
          fallback={t('controls.recording', { repository })}
          testId="history-record-progress"
        />
      ) : null}
      {record.data ? <RecordedLine result={record.data} /> : null}
      {failure ? <ErrorPanel compact error={failure} /> : null}
    </div>
  )
}

function RecordedLine({ result }: { readonly result: HistoryObserveResult }) {
  const { t } = useTranslation('history')
  return (
    <p className="hint" data-testid="history-recorded" role="status">
      {t('controls.recorded', { count: result.tags })}
      {result.appended === 0
        ? t('controls.unchanged')
        : t('controls.appended', { count: result.appended })}
    </p>
  )
}
