// Distribution API paths and auth scopes. Repository names, tags and digests go into URL
// paths, so each is checked against its grammar first: nothing a user or a document supplies
// can turn into "../" or a query string.

import { parseDigest } from '../../shared/digest'
import { StrataError } from '../../shared/errors'

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/
const TAG = /^\w[\w.-]{0,127}$/
const MAX_NAME_LENGTH = 255

export const CATALOG_PATH = '/v2/_catalog'
export const CATALOG_SCOPE = 'registry:catalog:*'

/** Returns the repository when it is a valid distribution name, else throws BAD_INPUT. */
export function checkRepository(repository: string): string {
  const components = repository.split('/')
  if (
    repository.length === 0 ||
    repository.length > MAX_NAME_LENGTH ||
    !components.every((c) => PATH_COMPONENT.test(c))
  ) {
    throw new StrataError(
      'BAD_INPUT',
      `"${repository}" is not a repository name: use lowercase letters and digits, separated by '/', '.', '_' or '-'`,
      { subject: repository },
    )
  }
  return repository
}

/** A tag or a digest, checked. */
export function checkReference(reference: string): string {
  if (isDigestReference(reference)) {
    parseDigest(reference)
    return reference
  }
  if (!TAG.test(reference)) {
    throw new StrataError(
      'BAD_INPUT',
      `"${reference}" is neither a tag (letters, digits, '_', '.', '-', up to 128) nor a digest`,
      { subject: reference },
    )
  }
  return reference
}

export function isDigestReference(reference: string): boolean {
  return reference.includes(':')
}

export function manifestPath(repository: string, reference: string): string {
  return `/v2/${checkRepository(repository)}/manifests/${checkReference(reference)}`
}

export function blobPath(repository: string, digest: string): string {
  parseDigest(digest)
  return `/v2/${checkRepository(repository)}/blobs/${digest}`
}

export function tagsPath(repository: string): string {
  return `/v2/${checkRepository(repository)}/tags/list`
}

export function pullScope(repository: string): string {
  return `repository:${checkRepository(repository)}:pull`
}
