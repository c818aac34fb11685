// The tags table's column headers, in the same grid as the rows (tags.css).
import { TAG_COLUMNS, type TagColumn } from './tagColumns'

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
  return (
    <div className="tag-columns tags-header" data-testid="tags-header" role="presentation">
      {(Object.keys(TAG_COLUMNS) as TagColumn[]).map((column) => (
        <span
          key={column}
          className={`tag-cell ${CLASS[column]}`}
          title={TAG_COLUMNS[column].title}
          data-column={column}
        >
          {TAG_COLUMNS[column].label}
        </span>
      ))}
    </div>
  )
}
