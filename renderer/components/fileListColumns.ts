// The columns of an exported file list (a layer's changes, a directory listing): stable keys,
// values as plain data (sizes in bytes, modes in octal, times in ISO 8601 UTC), so a
// spreadsheet or a script reads them without knowing Strata.
import type { FileChange, FileListItem } from '../../shared/api'
import type { ListColumn } from './listExport'
import { octalMode } from './listExport'

const isoTime = (seconds: number | undefined): string | null =>
  seconds === undefined || !Number.isFinite(seconds) ? null : new Date(seconds * 1000).toISOString()

export const FILE_LIST_COLUMNS: readonly ListColumn<FileListItem>[] = [
  { key: 'path', value: (item) => `/${item.path}` },
  { key: 'kind', value: (item) => item.entry?.type ?? null },
  { key: 'change', value: (item) => item.change ?? null },
  { key: 'size', value: (item) => item.entry?.size ?? null },
  { key: 'mode', value: (item) => (item.entry ? octalMode(item.entry.mode) : null) },
  { key: 'uid', value: (item) => item.entry?.uid ?? null },
  { key: 'gid', value: (item) => item.entry?.gid ?? null },
  { key: 'modified', value: (item) => isoTime(item.entry?.mtime) },
  { key: 'linkTarget', value: (item) => item.entry?.linkname ?? null },
  { key: 'layer', value: (item) => item.layer + 1 },
]

/** The columns of an exported compare diff: one row per path that differs. */
export const FILE_CHANGE_COLUMNS: readonly ListColumn<FileChange>[] = [
  {
    key: 'path',
    value: (change) => (change.path.startsWith('/') ? change.path : `/${change.path}`),
  },
  { key: 'kind', value: (change) => change.kind },
  { key: 'change', value: (change) => change.status },
  { key: 'leftSize', value: (change) => change.leftSize ?? null },
  { key: 'rightSize', value: (change) => change.rightSize ?? null },
  { key: 'sizeDelta', value: (change) => change.sizeDelta },
]
