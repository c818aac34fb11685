// The expanded tree as a flat list of rows, so the tree can be windowed like any long list
// (only the rows on screen are in the DOM). Pure, so it is unit-tested.
import type { FileListItem } from '../../../shared/api'

/** What is known about one directory's listing (pages loaded so far). */
export interface DirListing {
  readonly items: readonly FileListItem[]
  /** Cursor of the next page; absent when everything is loaded. */
  readonly next?: string
  readonly loading: boolean
  readonly error?: unknown
}

export type TreeRow =
  | {
      readonly kind: 'entry'
      readonly item: FileListItem
      readonly depth: number
      readonly expandable: boolean
      readonly expanded: boolean
    }
  | { readonly kind: 'loading'; readonly dir: string; readonly depth: number }
  | {
      readonly kind: 'more'
      readonly dir: string
      readonly depth: number
      readonly loaded: number
      readonly loading: boolean
      readonly error?: unknown
    }
  | {
      readonly kind: 'error'
      readonly dir: string
      readonly depth: number
      readonly error: unknown
    }

export function isExpandable(item: FileListItem): boolean {
  return item.entry?.type === 'dir' && item.change !== 'deleted'
}

export function rowKey(row: TreeRow): string {
  return row.kind === 'entry' ? `entry:${row.item.path}` : `${row.kind}:${row.dir}`
}

interface Frame {
  readonly dir: string
  readonly depth: number
  next: number
}

/**
 * Depth-first rows of `root` and every expanded directory below it. A directory with no
 * listing yet shows a loading row; one that failed shows an error row; one with more pages, a
 * "more" row after its loaded children. An explicit stack keeps very deep trees safe.
 */
export function flattenTree(
  listings: ReadonlyMap<string, DirListing>,
  expanded: ReadonlySet<string>,
  root = '',
): TreeRow[] {
  const rows: TreeRow[] = []
  const stack: Frame[] = [{ dir: root, depth: 0, next: 0 }]
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]
    if (!frame) break
    const listing = listings.get(frame.dir)
    if (frame.next === 0 && (!listing || listing.items.length === 0)) {
      stack.pop()
      if (!listing || (listing.loading && listing.error === undefined)) {
        rows.push({ kind: 'loading', dir: frame.dir, depth: frame.depth })
      } else if (listing.error !== undefined) {
        rows.push({ kind: 'error', dir: frame.dir, depth: frame.depth, error: listing.error })
      }
      continue
    }
    if (!listing) {
      stack.pop()
      continue
    }
    const item = listing.items[frame.next]
    if (item) {
      frame.next++
      const expandable = isExpandable(item)
      const open = expandable && expanded.has(item.path)
      rows.push({ kind: 'entry', item, depth: frame.depth, expandable, expanded: open })
      if (open) stack.push({ dir: item.path, depth: frame.depth + 1, next: 0 })
      continue
    }
    stack.pop()
    if (listing.next !== undefined || listing.error !== undefined) {
      rows.push({
        kind: 'more',
        dir: frame.dir,
        depth: frame.depth,
        loaded: listing.items.length,
        loading: listing.loading,
        ...(listing.error !== undefined ? { error: listing.error } : {}),
      })
    }
  }
  return rows
}

/**
 * The rows of a flat, recursive listing (the root's, in path order): every entry at depth 0
 * and none expandable, so a directory row opens the directory instead of unfolding it.
 */
export function changeRows(listings: ReadonlyMap<string, DirListing>): TreeRow[] {
  return flattenTree(listings, new Set()).map((row) =>
    row.kind === 'entry' ? { ...row, expandable: false, expanded: false } : row,
  )
}
