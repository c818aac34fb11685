import type { ProgressEvent } from '../../shared/api'
import { formatBytes } from '../../shared/format'
import { transportKind } from '../api/client'

export function StatusBar({ progress }: { readonly progress: readonly ProgressEvent[] }) {
  return (
    <footer className="statusbar" aria-label="Status">
      <span className="statusbar-mode">{transportKind() === 'web' ? 'web mode' : 'desktop'}</span>
      <span className="statusbar-progress" aria-live="polite">
        {progress.map((p) => (
          <span key={p.operationId} className="progress-item">
            {p.label}: {formatBytes(p.doneBytes)}
            {p.totalBytes !== undefined ? ` of ${formatBytes(p.totalBytes)}` : ''}
          </span>
        ))}
      </span>
    </footer>
  )
}
