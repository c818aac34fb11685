// English strings of the "common" namespace: the shared components (renderer/components) and
// words every view uses. Keys are grouped by the component that shows them.
import type { Strings } from '../catalogue'

export const common = {
  spinner: {
    loading: 'Loading',
  },
  copy: {
    label: 'Copy {{what}}',
    title: 'Copy {{what}}: {{text}}',
    copy: 'copy',
    copied: 'copied',
    failed: 'copy failed',
  },
  digest: {
    open: {
      manifest: 'Open this manifest',
      index: 'Open this index',
      config: 'Open this config in its image',
      layer: 'Open the files of this layer',
    },
    what: {
      manifest: 'manifest digest',
      index: 'index digest',
      config: 'config digest',
      layer: 'layer digest',
    },
  },
  tabs: {
    label: 'Views of this image',
    graph: 'Graph',
    files: 'Files',
    tags: 'Tags',
    history: 'History',
    sharing: 'Sharing',
    compare: 'Compare',
  },
  filter: {
    label: 'Filter {{noun}}',
    matching_one: '{{shown}} of {{loaded}} loaded {{noun}} matches',
    matching_other: '{{shown}} of {{loaded}} loaded {{noun}} match',
    loaded: '{{count}} {{noun}} loaded',
    loadedMore: '{{count}} {{noun}} loaded, more available',
  },
  loadMore: {
    failed: 'Loading the next page failed: {{reason}}',
    loading: 'Loading more…',
    retry: 'Retry',
    more: 'Load more',
  },
  progress: {
    of: '{{done}} of {{total}}',
    entries_one: '{{formatted}} entry',
    entries_other: '{{formatted}} entries',
    perSecond: '{{amount}}/s',
    left: '{{duration}} left',
    cancel: 'Cancel',
    cancelling: 'Cancelling…',
    phase: {
      indexLayer: 'indexing layer {{layer}}',
      download: 'Downloading /{{path}} …',
      resolveTags: 'resolving the tags of {{repository}}',
      readManifests: 'reading image manifests',
      export: 'Exporting {{ref}}',
      exportBlobs: 'Exporting {{ref}}: {{blobs}} of {{totalBlobs}} blobs',
      exportArchive: 'Exporting {{ref}}: writing the archive',
    },
  },
  call: {
    waiting: 'Waiting for {{operation}}',
  },
  rateLimit: {
    remainingOfLimit: '{{remaining}} of {{limit}} requests left',
    remaining: '{{remaining}} requests left',
    limit: 'limit {{limit}} requests',
    resets: 'resets in {{seconds}} s',
    label: 'rate limit:',
    headersPresent: 'headers present',
  },
  credentials: {
    form: 'Credentials for {{host}}',
    title: 'Sign in to {{host}}',
    mode: 'Sign in with',
    withPassword: 'with a password',
    withToken: 'with a token',
    username: 'Username',
    password: 'Password',
    token: 'Token',
    saving: 'Saving…',
    submit: 'Sign in and retry',
  },
} satisfies Strings
