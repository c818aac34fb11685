// The details line under the tree: every field of the row under the pointer or keyboard focus
// (or of the open file) written out whole, so a long symlink target or a modified time that
// its column cuts short can always be read.
import { useTranslation } from 'react-i18next'
import type { FileListItem } from '../../../shared/api'
import { useFormat } from '../../i18n/useFormat'
import { ChangeBadge } from './ChangeBadge'
import { modeString } from './fileFormat'
import { useFileWords } from './useFileWords'

interface FileDetailsProps {
  readonly item: FileListItem | undefined
  readonly containsChanges: boolean
}

export function FileDetails({ item, containsChanges }: FileDetailsProps) {
  const { t } = useTranslation('files')
  const words = useFileWords()
  const format = useFormat()
  if (!item) {
    return (
      <p className="file-details muted" data-testid="file-details">
        {t('details.pointAt')}
      </p>
    )
  }
  const entry = item.entry
  const fields = entry
    ? [
        words.type(entry),
        modeString(entry.type, entry.mode),
        `${entry.uid}:${entry.gid}`,
        ...(entry.type === 'dir' ? [] : [format.size(entry.size)]),
        words.mtime(entry.mtime),
        t('details.layer', { n: item.layer + 1 }),
      ]
    : [t('tree.deletedWhiteout'), t('tree.deletedBy', { n: item.layer + 1 })]
  return (
    <p className="file-details" data-testid="file-details" data-path={item.path}>
      <span className="file-details-path mono">/{item.path}</span>
      {fields.map((field, i) => (
        <span key={i} className="file-details-field">
          {field}
        </span>
      ))}
      {item.change ? (
        <span className="file-details-field">
          <ChangeBadge kind={item.change} />
        </span>
      ) : null}
      {containsChanges ? (
        <span className="file-details-field">{t('details.holdsChanges')}</span>
      ) : null}
    </p>
  )
}
