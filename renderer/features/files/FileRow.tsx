// One row of the windowed tree: a filesystem entry with its type, mode, owner, size, time, the
// layer that last touched it and how the selected layer changed it; or a loading, error or
// "more" placeholder for a directory's listing.
import { useEffect, type CSSProperties } from 'react'
import { useTranslation } from 'react-i18next'
import type { FileListItem } from '../../../shared/api'
import { asApiError } from '../../api/ApiCallError'
import { Spinner } from '../../components/Spinner'
import { useFormat } from '../../i18n/useFormat'
import { ChangeBadge } from './ChangeBadge'
import { baseName, modeString } from './fileFormat'
import type { TreeRow } from './treeRows'
import { useFileWords } from './useFileWords'

/** Every row has this height (files.css keeps it), which makes windowing exact. */
export const TREE_ROW_HEIGHT = 28
const INDENT = 16
// The tree's disclosure triangles: symbols, not words.
const OPEN_MARK = '▾'
const CLOSED_MARK = '▸'

interface FileRowProps {
  readonly row: TreeRow
  readonly selected: boolean
  /** A directory holding something the listed layer changed (dive's mark on parents). */
  readonly containsChanges?: boolean
  /** Show "/usr/lib/x.so" rather than "x.so" (the flat list of a layer's changes). */
  readonly fullPath?: boolean
  readonly onToggle: (dir: string) => void
  readonly onOpen: (path: string) => void
  readonly onMore: (dir: string) => void
}

export function FileRow(props: FileRowProps) {
  const {
    row,
    selected,
    containsChanges = false,
    fullPath = false,
    onToggle,
    onOpen,
    onMore,
  } = props
  const { t } = useTranslation('files')
  const indent = { paddingLeft: 8 + row.depth * INDENT }
  if (row.kind === 'loading') {
    return (
      <li className="file-row file-row-note" style={indent}>
        <Spinner inline label={t('tree.listing')} />
      </li>
    )
  }
  if (row.kind === 'error' || row.kind === 'more') {
    return <MoreRow row={row} indent={indent} onMore={onMore} />
  }
  const { item, expandable, expanded } = row
  const deleted = item.change === 'deleted'
  const activate = (): void => {
    if (expandable) onToggle(item.path)
    else if (!deleted) onOpen(item.path)
  }
  return (
    <li
      className={`file-row${selected ? ' selected' : ''}${deleted ? ' file-deleted' : ''}`}
      data-testid="file-row"
      data-path={item.path}
      data-change={item.change ?? ''}
      data-type={item.entry?.type ?? 'deleted'}
      data-contains-changes={containsChanges ? 'true' : undefined}
      aria-expanded={expandable ? expanded : undefined}
      aria-selected={selected}
      role={fullPath ? 'option' : 'treeitem'}
      aria-level={fullPath ? undefined : row.depth + 1}
      onClick={activate}
    >
      <span className="file-name-cell" style={indent}>
        <span className="file-toggle" aria-hidden="true">
          {expandable ? (expanded ? OPEN_MARK : CLOSED_MARK) : ''}
        </span>
        <button
          type="button"
          className="file-name"
          data-row-focus
          title={`/${item.path}`}
          onClick={(event) => {
            event.stopPropagation()
            activate()
          }}
          onKeyDown={(event) => {
            // → opens a closed directory, ← closes an open one (as in any tree view).
            const open = event.key === 'ArrowRight' && expandable && !expanded
            const close = event.key === 'ArrowLeft' && expandable && expanded
            if (!open && !close) return
            event.preventDefault()
            onToggle(item.path)
          }}
        >
          {fullPath ? `/${item.path}` : baseName(item.path)}
          {item.entry?.type === 'dir' ? '/' : ''}
        </button>
        {containsChanges ? (
          <span
            className="dir-changes-mark"
            data-testid="dir-changes-mark"
            title={t('tree.containsChanges')}
            aria-label={t('tree.containsChanges')}
            role="img"
          >
            •
          </span>
        ) : null}
      </span>
      <EntryCells item={item} />
    </li>
  )
}

/**
 * After a directory's loaded entries: a failed page (with Retry), or the next page, loaded as
 * soon as this row is rendered — it is only rendered when scrolled near, as the list is
 * windowed — so long directories load while scrolling.
 */
function MoreRow({
  row,
  indent,
  onMore,
}: {
  readonly row: Extract<TreeRow, { kind: 'more' | 'error' }>
  readonly indent: CSSProperties
  readonly onMore: (dir: string) => void
}) {
  const { t } = useTranslation('files')
  const error = row.error === undefined ? undefined : asApiError(row.error)
  const loading = row.kind === 'more' && row.loading
  useEffect(() => {
    if (row.kind === 'more' && !loading && error === undefined) onMore(row.dir)
  }, [row.kind, row.dir, loading, error, onMore])
  return (
    <li className="file-row file-row-note" style={indent} data-testid="file-row-more">
      {error ? (
        <span className="inline-error" title={error.message}>
          {t('tree.listFailed', { dir: row.dir, message: error.message })}
        </span>
      ) : null}
      {loading ? (
        <Spinner
          inline
          label={t('tree.loadingMore', { count: row.kind === 'more' ? row.loaded : 0 })}
        />
      ) : (
        <button
          type="button"
          className="link-button"
          data-row-focus
          onClick={() => onMore(row.dir)}
        >
          {error ? t('tree.retry') : t('tree.loadMore')}
        </button>
      )}
    </li>
  )
}

function EntryCells({ item }: { readonly item: FileListItem }) {
  const { t } = useTranslation('files')
  const words = useFileWords()
  const format = useFormat()
  const entry = item.entry
  const n = item.layer + 1
  const layer = t('tree.layerShort', { n })
  const badge = item.change ? <ChangeBadge kind={item.change} /> : null
  if (!entry) {
    return (
      <>
        <span className="file-type muted">{t('tree.deletedWhiteout')}</span>
        <span className="file-mode" />
        <span className="file-owner" />
        <span className="file-size" />
        <span className="file-mtime" />
        <span className="file-layer" title={t('tree.deletedBy', { n })}>
          {layer}
        </span>
        <span className="file-change">{badge}</span>
      </>
    )
  }
  return (
    <>
      <span className="file-type" title={words.type(entry)}>
        {words.type(entry)}
      </span>
      <span className="file-mode mono">{modeString(entry.type, entry.mode)}</span>
      <span className="file-owner mono">
        {entry.uid}:{entry.gid}
      </span>
      <span className="file-size">{entry.type === 'dir' ? '' : format.size(entry.size)}</span>
      <span className="file-mtime" title={words.mtime(entry.mtime)}>
        {words.mtime(entry.mtime)}
      </span>
      <span className="file-layer" title={t('tree.lastChangedBy', { n })}>
        {layer}
      </span>
      <span className="file-change">{badge}</span>
    </>
  )
}
