// English strings of the "history" namespace. Keys are grouped by the component that shows them.
import type { Strings } from '../catalogue'

export const history = {
  view: {
    noRepositoryTitle: 'No repository chosen',
    noRepositoryBody: 'Open an image from a registry, then choose “History”.',
    title: 'Tag history',
    reading: 'Reading the journal for {{repository}}…',
    emptyTitle: 'Nothing recorded for this repository yet',
    emptyBody:
      'Strata keeps a local journal of which digest each tag pointed at, and when. It fills whenever tags are listed or resolved (opening the Tags view, opening an image by tag), when you press “Record now”, and on an interval while the repository is watched. Moves appear once a tag is seen at a second digest.',
    inJournal_one:
      '{{count}} tag in the journal. Bars of one colour are one image. Click a bar to open its graph; shift-click two bars to compare them.',
    inJournal_other:
      '{{count}} tags in the journal. Bars of one colour are one image. Click a bar to open its graph; shift-click two bars to compare them.',
    picked: 'Picked',
    pickAnother: ': shift-click another.',
    clear: 'Clear',
  },
  controls: {
    every5: 'every 5 minutes',
    every15: 'every 15 minutes',
    everyHour: 'every hour',
    every6: 'every 6 hours',
    everyDay: 'every day',
    recordTitle:
      'List every tag now, resolve each to its digest and add what changed to the journal',
    record: 'Record now',
    interval: 'Watch interval',
    watch: 'Watch',
    unwatch: 'Unwatch',
    watching: 'Re-checked every {{minutes}} min while Strata runs',
    exportJson: 'Export JSON',
    exportCsv: 'Export CSV',
    recording: 'Listing and resolving the tags of {{repository}}…',
    recorded_one: 'Recorded {{count}} tag: ',
    recorded_other: 'Recorded {{count}} tags: ',
    unchanged: 'nothing changed since the last look.',
    appended_one: '{{count}} new observation.',
    appended_other: '{{count}} new observations.',
  },
  timeline: {
    label_one: 'Timeline of {{count}} tag',
    label_other: 'Timeline of {{count}} tags',
    clock: 'UTC, 24-hour',
    segment: '{{tag}} at {{digest}}, {{from}} to {{to}}',
    moved: '{{tag}} moved {{from}} → {{to}} {{when}}',
    observations_one: '{{count}} observation',
    observations_other: '{{count}} observations',
    hint: 'Click: open its graph · Shift-click: pick to compare',
  },
  moves: {
    title: 'Moves ({{count}})',
    none: 'No tag has been seen at two different digests yet.',
    movedTo: 'moved to',
    lastSeenOld: 'last seen at the old digest {{when}}',
    between: 'between {{from}} and {{to}}',
    compare: 'Compare',
  },
  asOf: {
    title: 'Tag as of a date',
    tag: 'Tag',
    at: 'as of',
    placeholder: '2026-11-01 or 2026-11-01T12:00:00Z',
    lookUp: 'Look up',
    reading: 'Reading the journal…',
    answer: 'as of {{at}}:',
    observed: 'observed',
    lastKnown: 'last known',
    seenFromTo: 'seen at this digest from {{from}} to {{to}}',
    lastSeen: 'last seen at this digest {{when}}; it may have moved since',
    unknownBefore:
      'Strata first saw {{tag}} after {{at}}: the journal knows nothing of it earlier.',
    neverSeen: 'Strata has never seen {{tag}} here: press “Record now” to start its history.',
  },
  quay: {
    merged:
      'Quay’s server-side tag history is merged in (it reaches back before Strata first looked).',
    notMerged:
      'Quay’s server-side tag history could not be merged. The timeline shows Strata’s own observations only.',
    notMergedBecause:
      'Quay’s server-side tag history could not be merged: {{problem}}. The timeline shows Strata’s own observations only.',
    problem: {
      timeout_one: 'it did not answer within {{count}} second',
      timeout_other: 'it did not answer within {{count}} seconds',
    },
  },
} satisfies Strings
