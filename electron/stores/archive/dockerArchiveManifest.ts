// The manifest.json `docker save` writes at the top of its tar: one entry per image, naming
// its config file, its tags and its layer tars in order. Parsing it, and choosing the entry a
// docker-archive reference names (NAME:TAG, or @N for the Nth entry counting from 0).

import { StrataError } from '../../../shared/errors'
import { formatReference, parseReference } from '../../../shared/reference'
import type { ArchiveMembers } from './archiveMembers'
import { memberLabel } from './archiveMembers'

export const DOCKER_MANIFEST_FILE = 'manifest.json'
const MAX_DOCKER_MANIFEST_BYTES = 4 * 1024 * 1024

export interface DockerArchiveEntry {
  /** Position in manifest.json: what "@N" names. */
  readonly index: number
  /** Member holding the image config ("<hex>.json", or "blobs/sha256/<hex>" since Docker 25). */
  readonly config: string
  readonly repoTags: readonly string[]
  /** Members holding the layer tars, bottom layer first. */
  readonly layers: readonly string[]
}

/** Reads and checks manifest.json; BAD_INPUT if the tar has none (it is not a docker save). */
export async function readDockerArchiveEntries(
  members: ArchiveMembers,
  signal?: AbortSignal,
): Promise<readonly DockerArchiveEntry[]> {
  const member = members.find(DOCKER_MANIFEST_FILE)
  if (member === undefined) {
    const hint =
      members.find('oci-layout') !== undefined
        ? '; it holds an OCI layout, open it as oci-archive:'
        : ''
    throw new StrataError(
      'BAD_INPUT',
      `${members.location} is not a docker-archive: it has no manifest.json (expected a tar written by "docker save" or "skopeo copy ... docker-archive:")${hint}`,
      { subject: members.location },
    )
  }
  const label = memberLabel(members, DOCKER_MANIFEST_FILE)
  if (member.size > MAX_DOCKER_MANIFEST_BYTES) {
    throw new StrataError('TOO_LARGE', `${label} is ${member.size} bytes; too large`, {
      subject: label,
    })
  }
  const bytes = await members.read(member, MAX_DOCKER_MANIFEST_BYTES, signal)
  let value: unknown
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    throw new StrataError('MALFORMED', `${label} is not valid JSON`, { subject: label })
  }
  if (!Array.isArray(value)) {
    throw new StrataError('MALFORMED', `${label} must be a JSON array of images`, {
      subject: label,
    })
  }
  return value.map((item: unknown, index) => parseEntry(item, index, label))
}

function parseEntry(item: unknown, index: number, label: string): DockerArchiveEntry {
  const bad = (what: string): StrataError =>
    new StrataError('MALFORMED', `${label}: image ${index} ${what}`, { subject: label })
  if (typeof item !== 'object' || item === null) throw bad('is not an object')
  const { Config, RepoTags, Layers } = item as Record<string, unknown>
  if (typeof Config !== 'string' || Config === '') throw bad('has no "Config" file name')
  if (!isStringArray(Layers)) throw bad('has no "Layers" list of file names')
  if (RepoTags !== undefined && RepoTags !== null && !isStringArray(RepoTags)) {
    throw bad('has a "RepoTags" that is not a list of names')
  }
  return { index, config: Config, repoTags: RepoTags ?? [], layers: Layers }
}

function isStringArray(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string')
}

/** How an entry is named in messages and references: its first tag, or "@N". */
export function entryName(entry: DockerArchiveEntry): string {
  return entry.repoTags[0] ?? `@${entry.index}`
}

/** The entry `reference` names; without one, the archive's only image. */
export function chooseDockerArchiveEntry(
  entries: readonly DockerArchiveEntry[],
  reference: string | undefined,
  location: string,
): DockerArchiveEntry {
  const listing = (): string => entries.map(entryName).join(', ')
  if (entries.length === 0) {
    throw new StrataError('NOT_FOUND', `${location} holds no images (its manifest.json is empty)`, {
      subject: location,
    })
  }
  if (reference === undefined || reference === '') {
    const only = entries.length === 1 ? entries[0] : undefined
    if (only !== undefined) return only
    throw new StrataError(
      'BAD_INPUT',
      `${location} holds ${entries.length} images (${listing()}); say which, as docker-archive:${location}:NAME:TAG or :@N`,
      { subject: location },
    )
  }
  const byIndex = /^@(\d+)$/.exec(reference)
  if (byIndex) {
    const entry = entries[Number(byIndex[1])]
    if (entry !== undefined) return entry
    throw new StrataError(
      'NOT_FOUND',
      `${location} has no image ${reference}: it holds ${entries.length} (@0 to @${entries.length - 1})`,
      { subject: reference },
    )
  }
  const wanted = parseReference(reference)
  if (wanted.digest !== undefined) {
    throw new StrataError(
      'BAD_INPUT',
      `docker-archive images are named NAME:TAG or @N, not by digest ("${reference}")`,
      { subject: reference },
    )
  }
  const key = formatReference(wanted)
  const match = entries.find((entry) => entry.repoTags.some((tag) => normalizedTag(tag) === key))
  if (match !== undefined) return match
  throw new StrataError(
    'NOT_FOUND',
    `no image "${reference}" in ${location}; it holds ${listing()}`,
    { subject: reference },
  )
}

function normalizedTag(tag: string): string | undefined {
  try {
    return formatReference(parseReference(tag))
  } catch {
    return undefined
  }
}
