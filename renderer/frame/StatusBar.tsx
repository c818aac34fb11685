// The bottom line: how Strata runs, every operation reporting progress (bytes, rate, time
// left, Cancel when it can be stopped), and every api call waiting longer than a second
// (elapsed time, Cancel), all as the same ProgressItem.
import { useTranslation } from 'react-i18next'
import { transportKind } from '../api/client'
import { useSlowCalls } from '../api/slowCalls'
import type { ProgressState } from '../api/useApiEvents'
import { ProgressItem } from '../components/ProgressItem'

/** Waiting calls listed one by one; the rest are counted (a wide view may start dozens). */
const MAX_CALLS_SHOWN = 3

export function StatusBar({ progress }: { readonly progress: readonly ProgressState[] }) {
  const { t } = useTranslation('frame')
  const waiting = useSlowCalls()
  return (
    <footer className="statusbar" aria-label={t('status.label')}>
      <span className="statusbar-mode">
        {transportKind() === 'web' ? t('status.web') : t('status.desktop')}
      </span>
      <span className="statusbar-progress" aria-live="polite">
        {progress.map((p) => (
          <ProgressItem
            key={p.event.operationId}
            state={p}
            testId="status-progress"
            cancelTestId="status-cancel"
          />
        ))}
        {waiting.slice(0, MAX_CALLS_SHOWN).map((p) => (
          <ProgressItem
            key={p.event.operationId}
            state={p}
            testId="status-call"
            cancelTestId="status-call-cancel"
          />
        ))}
        {waiting.length > MAX_CALLS_SHOWN ? (
          <span className="muted" data-testid="status-calls-more">
            {t('status.moreWaiting', { count: waiting.length - MAX_CALLS_SHOWN })}
          </span>
        ) : null}
      </span>
    </footer>
  )
}
