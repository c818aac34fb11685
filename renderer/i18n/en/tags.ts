// English strings of the "tags" namespace. Keys are grouped by the component that shows them.
import type { Strings } from '../catalogue'

export const tags = {
  view: {
    title: 'Tags',
    allRepositories: 'All repositories on {{registry}}',
    listing: 'Listing tags of {{repository}}…',
    emptyTitle: '{{repository}} has no tags',
    emptyBody: 'Images can still be opened by digest (name@sha256:…).',
    noun: 'tags',
    singular: 'tag',
    sort: 'Sort',
    groupByDigest: 'group by digest',
    groupedLegend:
      'Tags that point at the same digest are one image. Tags are grouped as they resolve while scrolling past.',
    listLabel: 'Tags of {{repository}}',
    noMatch: 'No loaded tag matches “{{filter}}”.',
  },
  sortOrder: {
    natural: 'name (2 before 10)',
    naturalDesc: 'name, reversed',
    dateDesc: 'date, newest first',
    dateAsc: 'date, oldest first',
    sizeDesc: 'size, largest first',
    sizeAsc: 'size, smallest first',
    registry: 'as the registry lists them',
  },
  progress: {
    sorted: 'Sorted by what {{done}} of {{total}} tags resolve to',
    reading: 'Reading dates and sizes: {{done}} of {{total}} tags (at most six at a time)',
    failed: ' · {{failed}} could not be read (listed last)',
    unresolvedLast: '. Tags not resolved yet are listed last.',
  },
  columns: {
    name: 'Tag',
    nameTitle: 'The tag name; click the row to open its graph',
    digest: 'Digest',
    digestTitle: 'The manifest or index the tag points at; opens that object',
    kind: 'Kind',
    kindTitle: 'What the tag points at',
    created: 'Image created',
    createdTitle:
      'When the image was built: the created time in its config (else its created annotation), as a UTC date; hover a date for the time',
    size: 'Size',
    sizeTitle: 'Manifest, config and layers; for an index, every image in it',
    platforms: 'Platforms',
    platformsTitle: 'The platforms the image runs on',
    sharedTitle: 'Same image as other tags (they point at the same digest)',
    actions: 'Actions',
    actionsTitle: 'History of the tag; compare with what it pointed at before',
  },
  kindLabel: {
    ociIndex: 'OCI index',
    dockerManifestList: 'Docker manifest list',
    ociManifest: 'OCI image manifest',
    dockerManifest: 'Docker image manifest',
  },
  legend: {
    shared: '≡ marks tags that point at the same image (the same digest); one colour per image.',
  },
  row: {
    open: 'Open the graph of {{tag}}',
    resolving: 'resolving…',
    sameImage: 'Same image as {{others}}',
    sameDigest: 'same digest as {{others}}',
    retry: 'Retry',
    created: 'Image created {{when}} (from its config)',
    noCreated: 'The image has no created time',
  },
  group: {
    open: '{{names}} → {{digest}}\nOpen the image by digest',
  },
  actions: {
    history: 'History',
    historyTitle: 'How {{tag}} moved over time',
    previous: 'vs previous',
    previousTitle: 'Compare {{tag}} with {{ref}}: {{reason}}',
    noPrevious:
      'No earlier image known yet: record history, or let the other tags resolve (sort by date)',
    movedReason: '{{tag}} pointed here until {{until}} (tag history)',
    olderReason: '{{tag}} is the next-older image (created {{created}})',
  },
} satisfies Strings
