// Filtering and counting the file-level diff. Pure, so it is unit-tested.
import type { FileChange } from '../../../shared/api/compare'

export type FileStatusFilter = 'all' | FileChange['status']

export function filterChanges(
  changes: readonly FileChange[],
  status: FileStatusFilter,
  needle: string,
): readonly FileChange[] {
  const text = needle.trim().toLowerCase()
  return changes.filter(
    (c) =>
      (status === 'all' || c.status === status) && (!text || c.path.toLowerCase().includes(text)),
  )
}

export function countByStatus(
  changes: readonly FileChange[],
): Record<FileChange['status'], number> {
  const counts = { added: 0, removed: 0, changed: 0 }
  for (const change of changes) counts[change.status]++
  return counts
}

/** "+1.2 KiB", "−300 B", "±0". */
export function formatDelta(delta: number, formatBytes: (n: number) => string): string {
  if (delta === 0) return '±0'
  return delta > 0 ? `+${formatBytes(delta)}` : `−${formatBytes(-delta)}`
}

/** Only regular files that changed on both sides open side by side. */
export function opensSideBySide(change: FileChange): boolean {
  return change.status === 'changed' && change.kind === 'file'
}

/** Names as people count them: "page2" before "page10" (digits compared as numbers). */
const naturalOrder = new Intl.Collator('en', { numeric: true, sensitivity: 'variant' })

/** The changes by path in natural order, each directory's entries together ("/" sorts first). */
export function sortChangesNaturally(changes: readonly FileChange[]): readonly FileChange[] {
  return [...changes].sort((a, b) => comparePaths(a.path, b.path))
}

/** Component by component, so "a/b" stays with "a" before "a-b" and "a.txt". */
export function comparePaths(a: string, b: string): number {
  const x = a.split('/')
  const y = b.split('/')
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const order = naturalOrder.compare(x[i] ?? '', y[i] ?? '')
    if (order !== 0) return order
  }
  return x.length - y.length
}
