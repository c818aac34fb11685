// English strings of the "compare" namespace. Keys are grouped by the component that shows them.
import type { Strings } from '../catalogue'

export const compare = {
  view: {
    title: 'Compare',
    pickTitle: 'Pick two images',
    pickBody:
      'Any two references from any sources: two tags of a repository, a registry image and a local archive, two digests from the tag history.',
    readingImages: 'Reading both images…',
    readingLayers: 'Reading the layers of both images…',
    identical: 'These are the same image (same manifest digest).',
    files: 'Files',
    filesHint:
      'Reads every layer of both images (cached by digest) and compares the merged filesystems.',
    compareFiles: 'Compare files',
  },
  side: {
    left: 'Left',
    right: 'Right',
    manifest: 'manifest',
    config: 'config',
  },
  inputs: {
    left: 'Left',
    right: 'Right',
    leftPlaceholder: 'host/repo:tag, oci:/path:tag, docker-archive:/file.tar…',
    rightPlaceholder: 'the other image',
    swap: 'Swap sides',
    compare: 'Compare',
    semantic: 'Semantic',
    semanticTitle:
      'Ignore what does not change meaning: file modification times, layer compression (layers matched by their files), creation times. Reads every layer.',
  },
  /** Warnings of a comparison, by kind (shared/api/compare.ts CompareWarning). */
  warning: {
    diffIdCount:
      '{{ref}}: the config lists {{diffIds, number}} diff IDs for {{layers, number}} layers; layers are matched by digest only',
    contentUnread: '{{path}}: could not read its contents to compare them',
    filesCapped:
      'The filesystems differ in {{total, number}} paths; the first {{listed, number}} (by path) are listed.',
  },
  semantic: {
    equivalent:
      'Equivalent: the same files, settings and build steps, apart from modification times, compression and creation times.',
    notEquivalent:
      'Not equivalent: the differences below change what the image holds or how it runs (modification times, compression and creation times are ignored).',
  },
  config: {
    title: 'Config',
    setting: 'Setting',
    left: 'Left',
    right: 'Right',
    allSame: 'Entrypoint, cmd, user, working dir and stop signal are the same.',
    notSet: '(not set)',
    none: '(none)',
    moreSame_one: '{{count, number}} more is the same on both sides',
    moreSame_other: '{{count, number}} more are the same on both sides',
    history: 'Build history',
    emptyLayer: 'empty',
  },
  /** Config settings by name (the row headers of the config diff). */
  setting: {
    platform: 'platform',
    created: 'created',
    entrypoint: 'entrypoint',
    cmd: 'cmd',
    user: 'user',
    workdir: 'working dir',
    stopSignal: 'stop signal',
    env: 'env',
    envs: 'env',
    label: 'label',
    labels: 'labels',
    exposedPorts: 'exposed ports',
    volumes: 'volumes',
  },
  layers: {
    title: 'Layers',
    summary: 'Shared: {{layers}} ({{shared}}) · only left: {{left}} · only right: {{right}}',
    count_one: '{{count, number}} layer',
    count_other: '{{count, number}} layers',
    position: '#',
    left: 'Left',
    right: 'Right',
    how: 'How',
    sameLayer: 'same layer',
    sameContent: 'same content, other compression',
    sameFiles: 'same files, other times or compression',
    alsoRight: 'also on the right, at another place',
    alsoLeft: 'also on the left, at another place',
    onlyLeft: 'only left',
    onlyRight: 'only right',
    diffId: 'diff ID {{diffId}}',
  },
  files: {
    show: 'Show',
    all: 'all ({{count, number}})',
    added: 'added ({{count, number}})',
    removed: 'removed ({{count, number}})',
    changed: 'changed ({{count, number}})',
    filter: 'Filter by path',
    identical: 'The merged filesystems are identical.',
    status: 'Status',
    path: 'Path',
    left: 'Left',
    right: 'Right',
    delta: 'Δ',
    showing: 'Showing {{shown, number}} of {{count, number}}; narrow the filter to see the rest.',
  },
  /** The status badge of a file in the diff. */
  status: {
    added: 'added',
    removed: 'removed',
    changed: 'changed',
  },
  /** What a changed path is, when it is not a regular file. */
  kind: {
    file: 'file',
    dir: 'dir',
    symlink: 'symlink',
    other: 'other',
  },
  sideBySide: {
    close: 'Close',
    reading: 'Reading {{path}} on both sides…',
    binary: 'Binary file: only its size and content differ; no line view.',
    differ_one: '{{count, number}} line differs.',
    differ_other: '{{count, number}} lines differ.',
    tooMany: 'Too many differences to align line by line; shown as is.',
    truncated: ' Only the first {{size}} of each side are shown.',
    table: 'Both versions side by side',
  },
} satisfies Strings
