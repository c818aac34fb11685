// The file-level diff of the merged filesystems: added, removed, changed, with size deltas,
// filtered by status and path. A changed regular file opens side by side.
import { useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FileChange } from '../../../shared/api/compare'
import { useFormat } from '../../i18n/useFormat'
import {
  countByStatus,
  filterChanges,
  formatDelta,
  opensSideBySide,
  sortChangesNaturally,
  type FileStatusFilter,
} from './fileChanges'
import { CompareDiffExport } from '../../components/ExportMenu'

/** Rows drawn at once; the filter narrows large diffs. */
const MAX_ROWS = 2000

interface FileChangesListProps {
  readonly changes: readonly FileChange[]
  readonly openPath: string | undefined
  readonly onOpen: (path: string) => void
}

export function FileChangesList({ changes, openPath, onOpen }: FileChangesListProps) {
  const { t } = useTranslation('compare')
  const format = useFormat()
  const statusId = useId()
  const [status, setStatus] = useState<FileStatusFilter>('all')
  const [needle, setNeedle] = useState('')
  const counts = countByStatus(changes)
  const sorted = useMemo(() => sortChangesNaturally(changes), [changes])
  const shown = filterChanges(sorted, status, needle)
  return (
    <div className="file-changes">
      <div className="file-changes-bar">
        <label htmlFor={statusId}>{t('files.show')}</label>
        <select
          id={statusId}
          data-testid="compare-files-filter"
          value={status}
          onChange={(event) => setStatus(event.target.value as FileStatusFilter)}
        >
          <option value="all">{t('files.all', { count: changes.length })}</option>
          <option value="added">{t('files.added', { count: counts.added })}</option>
          <option value="removed">{t('files.removed', { count: counts.removed })}</option>
          <option value="changed">{t('files.changed', { count: counts.changed })}</option>
        </select>
        <input
          type="search"
          value={needle}
          placeholder={t('files.filter')}
          aria-label={t('files.filter')}
          onChange={(event) => setNeedle(event.target.value)}
        />
        <CompareDiffExport changes={shown} />
      </div>
      {changes.length === 0 ? (
        <p className="hint">{t('files.identical')}</p>
      ) : (
        <table className="diff-table file-diff">
          <thead>
            <tr>
              <th scope="col">{t('files.status')}</th>
              <th scope="col">{t('files.path')}</th>
              <th scope="col" className="num">
                {t('files.left')}
              </th>
              <th scope="col" className="num">
                {t('files.right')}
              </th>
              <th scope="col" className="num">
                {t('files.delta')}
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
                    <span className={`badge status-${change.status}`}>
                      {t(`status.${change.status}`)}
                    </span>
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
                      <span className="muted"> ({t(`kind.${change.kind}`)})</span>
                    ) : null}
                  </td>
                  <td className="num">
                    {change.leftSize !== undefined ? format.size(change.leftSize) : ''}
                  </td>
                  <td className="num">
                    {change.rightSize !== undefined ? format.size(change.rightSize) : ''}
                  </td>
                  <td className="num">{formatDelta(change.sizeDelta, format.size)}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
      {shown.length > MAX_ROWS ? (
        <p className="hint">{t('files.showing', { shown: MAX_ROWS, count: shown.length })}</p>
      ) : null}
    </div>
  )
}
