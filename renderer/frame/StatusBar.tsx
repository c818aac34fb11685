// The bottom line: how Strata runs, and every operation reporting progress (bytes, rate, time
// left, Cancel when it can be stopped).
import type { ProgressState } from '../api/useApiEvents'
import { transportKind } from '../api/client'
import { ProgressItem } from '../components/ProgressItem'

export function StatusBar({ progress }: { readonly progress: readonly ProgressState[] }) {
  return (
    <footer className="statusbar" aria-label="Status">
      <span className="statusbar-mode">{transportKind() === 'web' ? 'web mode' : 'desktop'}</span>
      <span className="statusbar-progress" aria-live="polite">
        {progress.map((p) => (
          <ProgressItem
            key={p.event.operationId}
            state={p}
            testId="status-progress"
            cancelTestId="status-cancel"
          />
        ))}
      </span>
    </footer>
  )
}
