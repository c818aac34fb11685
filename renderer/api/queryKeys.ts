// Query keys in one place so invalidation (api events, credential changes) hits the right data.
export const queryKeys = {
  appInfo: ['app', 'info'] as const,
  registries: ['registries'] as const,
  repositories: (registry: string) => ['registry', 'repositories', registry] as const,
  tags: (repository: string) => ['registry', 'tags', repository] as const,
  summary: (ref: string) => ['image', 'summary', ref] as const,
  graph: (ref: string) => ['image', 'graph', ref] as const,
  object: (ref: string, digest: string) => ['image', 'object', ref, digest] as const,
  /** Everything the files view read from one image (listings, reads, indexes, efficiency). */
  files: (ref: string) => ['image', 'files', ref] as const,
  layerIndex: (ref: string, layer: string) => ['image', 'files', ref, 'index', layer] as const,
  fileList: (ref: string, layer: string, dir: string, sort: string, change: string) =>
    ['image', 'files', ref, 'list', layer, dir, sort, change] as const,
  fileStat: (ref: string, layer: string, path: string) =>
    ['image', 'files', ref, 'stat', layer, path] as const,
  fileSearch: (ref: string, layer: string, pattern: string) =>
    ['image', 'files', ref, 'search', layer, pattern] as const,
  fileRead: (ref: string, layer: string, path: string, offset: number, length: number) =>
    ['image', 'files', ref, 'read', layer, path, offset, length] as const,
  efficiency: (ref: string) => ['image', 'files', ref, 'efficiency'] as const,
  cacheInfo: ['cache', 'info'] as const,
  /** Everything that came from a registry: refetched after credentials change. */
  registryData: ['registry'] as const,
  imageData: ['image'] as const,
  historyTimeline: (repository: string) => ['history', 'timeline', repository] as const,
  historyWatching: ['history', 'watching'] as const,
  /** Everything the tag-history journal answers: refetched after recording or watching. */
  historyData: ['history'] as const,
  referrers: (ref: string, digest: string, artifactType: string) =>
    ['image', 'referrers', ref, digest, artifactType] as const,
  sharing: (refs: readonly string[]) => ['sharing', ...refs] as const,
  compare: (left: string, right: string, files: boolean) =>
    ['compare', left, right, files] as const,
  compareFileRead: (ref: string, path: string) => ['compare', 'file', ref, path] as const,
}
