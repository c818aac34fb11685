// Moving between views: which repository an image belongs to (for its tags), the image a tag
// names, the registry a reference talks to (for credential prompts).
import { parseSourceRef, type SourceRef } from '../../shared/sourceRef'

function tryParse(ref: string): SourceRef | undefined {
  try {
    return parseSourceRef(ref)
  } catch {
    return undefined
  }
}

/**
 * The repository whose tags the tags view lists for this reference ("host/name"), for registry
 * images; undefined for local sources (registry:listTags takes registry repositories only).
 */
export function repositoryOfSource(ref: string): string | undefined {
  const source = tryParse(ref)
  return source?.transport === 'docker'
    ? `${source.image.registry}/${source.image.repository}`
    : undefined
}

/** The image reference for one tag of a repository listed by the tags view. */
export function refForTag(repository: string, tag: string): string {
  return `${repository}:${tag}`
}

/** Registry host a reference talks to, when it is a registry reference. */
export function registryOfSource(ref: string): string | undefined {
  const source = tryParse(ref)
  return source?.transport === 'docker' ? source.image.registry : undefined
}
