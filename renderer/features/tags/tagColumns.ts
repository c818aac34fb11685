// The tags table's columns: one place for the header text and what each column means, so the
// header row, every tag row and every grouped row line up (tags.css sets the widths).

export const TAG_COLUMNS = {
  name: { label: 'Tag', title: 'The tag name; click the row to open its graph' },
  digest: { label: 'Digest', title: 'The manifest or index the tag points at; opens that object' },
  kind: { label: 'Kind', title: 'What the tag points at' },
  created: {
    label: 'Image created',
    title:
      'When the image was built: the created time in its config (else its created annotation), as a UTC date; hover a date for the time',
  },
  size: { label: 'Size', title: 'Manifest, config and layers; for an index, every image in it' },
  platforms: { label: 'Platforms', title: 'The platforms the image runs on' },
  shared: { label: '≡', title: 'Same image as other tags (they point at the same digest)' },
  actions: {
    label: 'Actions',
    title: 'History of the tag; compare with what it pointed at before',
  },
} as const

export type TagColumn = keyof typeof TAG_COLUMNS

/** The legend under the header, for the "≡" marker. */
export const SHARED_MARKER_LEGEND =
  '≡ marks tags that point at the same image (the same digest); one colour per image.'

/** Hover text of a created date. */
export function createdTitle(created: string | undefined, formatted: string | undefined): string {
  return created !== undefined && formatted !== undefined
    ? `Image created ${formatted} (from its config)`
    : 'The image has no created time'
}
