// The file-level diff of the merged filesystems: added, removed, changed, with size deltas,
// filtered by status and path. A changed regular file opens side by side.
import { useId, useMemo, useState } from 'react'
import type { FileChange } from '../../../shared/api/compare'
import { formatBytes } from '../../../shared/format'
import {
  countByStatus,
  filterChanges,
  formatDelta,
  opensSideBySide,
  sortChangesNaturally,
  type FileStatusFilter,
} from './fileChanges'

/** Rows drawn at once; the filter narrows large diffs. */
const MAX_ROWS = 2000

interface FileChangesListProps {
  readonly changes: readonly FileChange[]
  readonly openPath: string | undefined
  readonly onOpen: (path: string) => void
}

export function FileChangesList({ changes, openPath, onOpen }: FileChangesListProps) {
  const statusId = useId()
  const [status, setStatus] = useState<FileStatusFilter>('all')
  const [needle, setNeedle] = useState('')
  const counts = countByStatus(changes)
  const sorted = useMemo(() => sortChangesNaturally(changes), [changes])
  const shown = filterChanges(sorted, status, needle)
  return (
    <div className="file-changes">
      <div className="file-changes-bar">
        <label htmlFor={statusId}>Show</label>
        <select
          id={statusId}
          data-testid="compare-files-filter"
          value={status}
          onChange={(event) => setStatus(event.target.value as FileStatusFilter)}
        >
          <option value="all">all ({changes.length})</option>
          <option value="added">added ({counts.added})</option>
          <option value="removed">removed ({counts.removed})</option>
          <option value="changed">changed ({counts.changed})</option>
        </select>
        <input
          type="search"
          value={needle}
          placeholder="Filter by path"
          aria-label="Filter by path"
          onChange={(event) => setNeedle(event.target.value)}
        />
      </div>
      {changes.length === 0 ? (
        <p className="hint">The merged filesystems are identical.</p>
      ) : (
        <table className="diff-table file-diff">
          <thead>
            <tr>
              <th scope="col">Status</th>
              <th scope="col">Path</th>
              <th scope="col" className="num">
                Left
              </th>
              <th scope="col" className="num">
                Right
              </th>
              <th scope="col" className="num">
                Δ
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, MAX_ROWS).map((change) => {
              const opens = opensSideBySide(change)
              return (
                <tr
                  key={change.path}
                  className={`diff-${change.status}${change.path === openPath ? ' open' : ''}`}
                  data-testid="compare-file"
                  data-path={change.path}
                  data-status={change.status}
                  data-kind={change.kind}
                >
                  <td>
                    <span className={`badge status-${change.status}`}>{change.status}</span>
                  </td>
                  <td className="mono break-all">
                    {opens ? (
                      <button
                        type="button"
                        className="link-button mono"
                        onClick={() => onOpen(change.path)}
                      >
                        {change.path}
                      </button>
                    ) : (
                      change.path
                    )}
                    {change.kind !== 'file' ? (
                      <span className="muted"> ({change.kind})</span>
                    ) : null}
                  </td>
                  <td className="num">
                    {change.leftSize !== undefined ? formatBytes(change.leftSize) : ''}
                  </td>
                  <td className="num">
                    {change.rightSize !== undefined ? formatBytes(change.rightSize) : ''}
                  </td>
                  <td className="num">{formatDelta(change.sizeDelta, formatBytes)}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
      {shown.length > MAX_ROWS ? (
        <p className="hint">
          Showing {MAX_ROWS} of {shown.length}; narrow the filter to see the rest.
        </p>
      ) : null}
    </div>
  )
}
