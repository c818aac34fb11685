// The tags table's column headers, in the same grid as the rows (tags.css).
import { useTranslation } from 'react-i18next'
import { SHARED_MARKER, TAG_COLUMNS, type TagColumn } from './tagColumns'

const CLASS: Readonly<Record<TagColumn, string>> = {
  name: 'tag-name-head',
  digest: 'tag-digest',
  kind: 'tag-kind',
  created: 'tag-created',
  size: 'tag-size',
  platforms: 'tag-platforms',
  shared: 'tag-shared',
  actions: 'tag-actions-cell',
}

export function TagsHeader() {
  const { t } = useTranslation('tags')
  return (
    <div className="tag-columns tags-header" data-testid="tags-header" role="presentation">
      {(Object.keys(TAG_COLUMNS) as TagColumn[]).map((column) => {
        const { label, title } = TAG_COLUMNS[column]
        return (
          <span
            key={column}
            className={`tag-cell ${CLASS[column]}`}
            title={t(title)}
            data-column={column}
          >
            {label === undefined ? SHARED_MARKER : t(label)}
          </span>
        )
      })}
    </div>
  )
}
