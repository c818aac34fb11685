// The tags table's columns: one place for the header text and what each column means, so the
// header row, every tag row and every grouped row line up (tags.css sets the widths). The words
// are catalogue keys of the "tags" namespace.
import { MEDIA_TYPES } from '../../../shared/oci/mediaTypes'

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

/** The Kind cell's words for what tags point at; other media types keep their shared label. */
export const KIND_LABELS: ReadonlyMap<
  string,
  | 'kindLabel.ociIndex'
  | 'kindLabel.dockerManifestList'
  | 'kindLabel.ociManifest'
  | 'kindLabel.dockerManifest'
> = new Map([
  [MEDIA_TYPES.ociIndex, 'kindLabel.ociIndex'],
  [MEDIA_TYPES.dockerManifestList, 'kindLabel.dockerManifestList'],
  [MEDIA_TYPES.ociManifest, 'kindLabel.ociManifest'],
  [MEDIA_TYPES.dockerManifest, 'kindLabel.dockerManifest'],
] as const)

/** The "≡" marker: a symbol, the same in every language. */
export const SHARED_MARKER = '≡'
