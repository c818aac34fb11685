// The tree of one filesystem as a windowed list: only the rows near the visible part of its
// scroll box are in the DOM, so a directory of 200,000 entries scrolls like one of ten.
import { useEffect, useRef, useState, type SyntheticEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { handleListKeys } from '../../components/listKeys'
import { useWindowedRows } from '../../components/useWindowedRows'
import { FileDetails } from './FileDetails'
import { FileRow, TREE_ROW_HEIGHT } from './FileRow'
import { rowKey, type TreeRow } from './treeRows'

const NO_DIRS: ReadonlySet<string> = new Set()

interface FileTreeProps {
  readonly rows: readonly TreeRow[]
  /** Image path of the open file or directory (no leading slash). */
  readonly selected: string | undefined
  readonly label: string
  /** A caption above the column header ("Changes in layer 3"). */
  readonly title?: string | undefined
  /** Rows show each entry's whole path (a flat list) rather than its name (a tree). */
  readonly fullPaths?: boolean
  /** Directories holding something the listed layer changed (marked in their rows). */
  readonly changedDirs?: ReadonlySet<string>
  readonly onToggle: (dir: string) => void
  readonly onOpen: (path: string) => void
  readonly onMore: (dir: string) => void
}

export function FileTree(props: FileTreeProps) {
  const { rows, selected, label, title, fullPaths = false, onToggle, onOpen, onMore } = props
  const changedDirs = props.changedDirs ?? NO_DIRS
  const { t } = useTranslation('files')
  // The row under the pointer or focus, for the details line (else the open one).
  const [active, setActive] = useState<string | undefined>(undefined)
  const track = (event: SyntheticEvent): void => {
    const target = event.target instanceof Element ? event.target : null
    const path = target?.closest('[data-testid="file-row"]')?.getAttribute('data-path')
    if (path !== null && path !== undefined) setActive(path)
  }
  const shownPath = active ?? selected
  const shownRow = rows.find((r) => r.kind === 'entry' && r.item.path === shownPath)
  const shownItem = shownRow?.kind === 'entry' ? shownRow.item : undefined
  const scrollRef = useRef<HTMLDivElement>(null)
  const listRef = useRef<HTMLUListElement>(null)
  const range = useWindowedRows(listRef, rows.length, TREE_ROW_HEIGHT, 12)

  // Bring the selected row into view when it changes (a deep link, a search result).
  const selectedIndex = rows.findIndex((r) => r.kind === 'entry' && r.item.path === selected)
  const scrolledTo = useRef<string | undefined>(undefined)
  useEffect(() => {
    const box = scrollRef.current
    if (!box || selectedIndex < 0 || scrolledTo.current === selected) return
    scrolledTo.current = selected
    // The sticky column header above the list is one row tall.
    const top = (selectedIndex + 1) * TREE_ROW_HEIGHT
    if (top < box.scrollTop || top + TREE_ROW_HEIGHT > box.scrollTop + box.clientHeight) {
      box.scrollTop = Math.max(0, top - box.clientHeight / 3)
    }
  }, [selected, selectedIndex])

  return (
    <div
      className={fullPaths ? 'file-tree file-tree-flat' : 'file-tree'}
      data-testid={fullPaths ? 'file-changes' : 'file-tree'}
    >
      {title !== undefined ? (
        <h3 className="file-tree-title" data-testid="file-changes-title">
          {title}
        </h3>
      ) : null}
      <div className="file-tree-scroll" ref={scrollRef}>
        <div className="file-row file-header" aria-hidden="true">
          <span className="file-name-cell">{t('tree.name')}</span>
          <span className="file-type">{t('tree.type')}</span>
          <span className="file-mode">{t('tree.mode')}</span>
          <span className="file-owner">{t('tree.owner')}</span>
          <span className="file-size">{t('tree.size')}</span>
          <span className="file-mtime">{t('tree.modified')}</span>
          <span className="file-layer">{t('tree.layer')}</span>
          <span className="file-change">{t('tree.change')}</span>
        </div>
        <ul
          ref={listRef}
          className="file-list"
          role={fullPaths ? 'listbox' : 'tree'}
          aria-label={label}
          onKeyDown={handleListKeys}
          onMouseOver={track}
          onFocus={track}
          onMouseLeave={() => setActive(undefined)}
        >
          {range.padTop > 0 ? (
            <li className="row-spacer" aria-hidden="true" style={{ height: range.padTop }} />
          ) : null}
          {rows.slice(range.start, range.end).map((row) => (
            <FileRow
              key={rowKey(row)}
              row={row}
              selected={row.kind === 'entry' && row.item.path === selected}
              containsChanges={row.kind === 'entry' && changedDirs.has(row.item.path)}
              fullPath={fullPaths}
              onToggle={onToggle}
              onOpen={onOpen}
              onMore={onMore}
            />
          ))}
          {range.padBottom > 0 ? (
            <li className="row-spacer" aria-hidden="true" style={{ height: range.padBottom }} />
          ) : null}
        </ul>
      </div>
      <FileDetails
        item={shownItem}
        containsChanges={shownItem !== undefined && changedDirs.has(shownItem.path)}
      />
    </div>
  )
}
