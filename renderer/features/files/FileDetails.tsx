// The details line under the tree: every field of the row under the pointer or keyboard focus
// (or of the open file) written out whole, so a long symlink target or a modified time that
// its column cuts short can always be read.
import type { FileListItem } from '../../../shared/api'
import { formatBytes } from '../../../shared/format'
import { formatMtime, modeString, typeText } from './fileFormat'

interface FileDetailsProps {
  readonly item: FileListItem | undefined
  readonly containsChanges: boolean
}

export function FileDetails({ item, containsChanges }: FileDetailsProps) {
  if (!item) {
    return (
      <p className="file-details muted" data-testid="file-details">
        Point at a row to see all of its details.
      </p>
    )
  }
  const entry = item.entry
  const fields = entry
    ? [
        typeText(entry),
        modeString(entry.type, entry.mode),
        `${entry.uid}:${entry.gid}`,
        ...(entry.type === 'dir' ? [] : [formatBytes(entry.size)]),
        formatMtime(entry.mtime),
        `layer ${item.layer + 1}`,
      ]
    : ['deleted (whiteout)', `deleted by layer ${item.layer + 1}`]
  return (
    <p className="file-details" data-testid="file-details" data-path={item.path}>
      <span className="file-details-path mono">/{item.path}</span>
      {fields.map((field, i) => (
        <span key={i} className="file-details-field">
          {field}
        </span>
      ))}
      {item.change ? <span className="file-details-field">{item.change}</span> : null}
      {containsChanges ? (
        <span className="file-details-field">holds paths this layer changed</span>
      ) : null}
    </p>
  )
}
