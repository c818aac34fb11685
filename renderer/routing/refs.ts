// Moving between views: which repository an image belongs to (for its tags), the image a tag
// names, the registry a reference talks to (for credential prompts).
import { formatSourceRef, parseSourceRef, type SourceRef } from '../../shared/sourceRef'

function tryParse(ref: string): SourceRef | undefined {
  try {
    return parseSourceRef(ref)
  } catch {
    return undefined
  }
}

/**
 * The repository whose tags the tags view lists for this reference: "host/name" for registry
 * images, "oci:/path" for an OCI layout (its ref.name annotations are its tags); undefined for
 * other local sources.
 */
export function repositoryOfSource(ref: string): string | undefined {
  const source = tryParse(ref)
  if (source?.transport === 'docker') {
    return `${source.image.registry}/${source.image.repository}`
  }
  if (source?.transport === 'oci') return formatSourceRef({ transport: 'oci', path: source.path })
  return undefined
}

/** True for the "oci:/path" repositories of OCI layouts (no registry behind them). */
export function isLayoutRepository(repository: string): boolean {
  return tryParse(repository)?.transport === 'oci'
}

/** The image reference for one digest of a repository listed by the tags or history view. */
export function refForDigest(repository: string, digest: string): string {
  return isLayoutRepository(repository) ? `${repository}:${digest}` : `${repository}@${digest}`
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
