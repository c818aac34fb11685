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
