// The tags table's columns: one place for the header text and what each column means, so the
// header row, every tag row and every grouped row line up (tags.css sets the widths). The words
// are catalogue keys of the "tags" namespace.

export const TAG_COLUMNS = {
  name: { label: 'columns.name', title: 'columns.nameTitle' },
  digest: { label: 'columns.digest', title: 'columns.digestTitle' },
  kind: { label: 'columns.kind', title: 'columns.kindTitle' },
  created: { label: 'columns.created', title: 'columns.createdTitle' },
  size: { label: 'columns.size', title: 'columns.sizeTitle' },
  platforms: { label: 'columns.platforms', title: 'columns.platformsTitle' },
  shared: { label: undefined, title: 'columns.sharedTitle' },
  actions: { label: 'columns.actions', title: 'columns.actionsTitle' },
} as const

export type TagColumn = keyof typeof TAG_COLUMNS

/** The "≡" marker: a symbol, the same in every language. */
export const SHARED_MARKER = '≡'
