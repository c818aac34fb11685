// Query keys in one place so invalidation (api events, credential changes) hits the right data.
export const queryKeys = {
  appInfo: ['app', 'info'] as const,
  registries: ['registries'] as const,
  repositories: (registry: string) => ['registry', 'repositories', registry] as const,
  tags: (repository: string) => ['registry', 'tags', repository] as const,
  summary: (ref: string) => ['image', 'summary', ref] as const,
  graph: (ref: string) => ['image', 'graph', ref] as const,
  object: (ref: string, digest: string) => ['image', 'object', ref, digest] as const,
  /** Everything that came from a registry: refetched after credentials change. */
  registryData: ['registry'] as const,
  imageData: ['image'] as const,
}
