// English strings of the "registry" namespace. Keys are grouped by the component that shows them.
import type { Strings } from '../catalogue'

export const registry = {
  repositories: {
    title: 'Repositories',
    listing: 'Listing repositories on {{registry}}…',
    none: '{{registry}} lists no repositories',
    noneHint: 'The registry may hide its catalog. Open an image by name with the box above.',
    noun: 'repositories',
    singular: 'repository',
    list: 'Repositories on {{registry}}',
    openTags: 'Tags of {{repository}}',
    noMatch: 'No loaded repository matches “{{filter}}”.',
  },
  tagCount: {
    none: 'no tags',
    tags_one: '{{number}} tag',
    tags_other: '{{number}} tags',
    more: '{{number}}+ tags',
    unknown: 'tags: ?',
  },
  hub: {
    button: 'Search Docker Hub',
    title: 'Docker Hub: “{{query}}”',
    searching: 'Searching Docker Hub…',
    none: 'No repository on Docker Hub matches.',
    official: 'Official',
    officialTitle: 'Docker Official Image',
    stars: '★ {{stars}}',
    pulls: '{{pulls}} pulls',
    total: '{{shown}} of {{total}} shown',
    capped: 'The first {{shown}} are listed: add words to the search to narrow it.',
    skipped_one: '{{count}} result left out: not in the expected shape.',
    skipped_other: '{{count}} results left out: not in the expected shape.',
    close: 'Close Docker Hub results',
    openTitle: 'Open {{reference}}',
  },
} satisfies Strings
