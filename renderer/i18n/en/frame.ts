// English strings of the "frame" namespace: the top bar, the sidebar, the status bar, the view
// switch. Keys are grouped by the component that shows them.
import type { Strings } from '../catalogue'

export const frame = {
  app: {
    skip: 'Skip to content',
    showSources: 'Show sources',
    hideSources: 'Hide sources',
    title: '{{subject}} — Strata',
  },
  sidebar: {
    label: 'Sources',
    title: 'Sources',
    openSample: 'Open the bundled sample ({{ref}})',
    loading: 'Loading…',
    sampleName: 'Sample image',
    sampleHint: 'bundled, works offline',
    registries: 'Registries',
  },
  registries: {
    loading: 'Loading registries',
    empty: 'No registries yet. Add one below.',
    label: 'Registries',
    browse: 'Browse repositories on {{host}}',
    http: 'http',
    signedIn: 'signed in',
    signedInAs: 'signed in as {{user}}',
    remove: 'Remove {{host}}',
  },
  addRegistry: {
    title: 'Add registry',
    address: 'Registry address',
    placeholder: 'registry.example.com or 127.0.0.1:5000',
    loopback: 'Loopback address: plain http is used automatically.',
    insecure: 'allow plain http (insecure)',
    credentials: 'Credentials (optional)',
    username: 'Username',
    password: 'Password',
    orToken: 'or token',
    adding: 'Adding…',
    submit: 'Add registry',
  },
  open: {
    label: 'Image reference or source',
    placeholder:
      'alpine:3.20 · ghcr.io/owner/repo@sha256:… · oci:/path:tag · /path/to/image.tar   (press / )',
    opening: 'Opening…',
    open: 'Open',
    empty: 'Type an image reference, for example alpine:3.20 or oci:/path/to/layout:tag.',
    cannotParse: 'Strata cannot read this reference: {{reason}}',
    cannotParseExamples:
      'Strata cannot read this reference. Write it in lowercase, without spaces, like alpine:3.20, ghcr.io/owner/repo@sha256:… or oci:/path/to/layout:tag.',
  },
  status: {
    label: 'Status',
    web: 'web mode',
    desktop: 'desktop',
    moreWaiting_one: '{{count}} more waiting',
    moreWaiting_other: '{{count}} more waiting',
  },
  theme: {
    toDark: 'Switch to dark',
    toLight: 'Switch to light',
    toDarkLabel: 'Switch to dark theme',
    toLightLabel: 'Switch to light theme',
    lightOn: 'The light theme is on; click to switch to the dark theme',
    darkOn: 'The dark theme is on; click to switch to the light theme',
  },
  language: {
    label: 'Language',
    en: 'English',
    es: 'Spanish',
    showIn: 'Show Strata in {{language}}',
  },
  present: {
    start: 'Present',
    stop: 'Leave presentation',
    startTitle: 'Presentation mode: large type, high contrast, no sidebar (key P)',
    stopTitle: 'Back to the normal layout (key P)',
  },
  views: {
    noRepository: 'No repository chosen',
    noRepositoryBody: 'Open an image, then choose “Tags” to list the tags of its repository.',
    noRegistry: 'No registry chosen',
    noRegistryBody: 'Pick a registry in the sidebar, or add one.',
    unknown: 'Unknown view “{{view}}”',
    unknownBody: 'This link names a view Strata does not have (yet).',
    showGraph: 'Show the image graph instead',
    starting: 'Starting…',
  },
} satisfies Strings
