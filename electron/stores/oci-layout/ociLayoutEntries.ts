// index.json entries one at a time. A layout whose index.json lists one bad entry (a media
// type that is not one, a digest or size missing, a type that names no image) still holds
// good images: skopeo and umoci open those. So index.json is first read strictly; when only
// some entries fail, those are set aside as broken (reported, refused when asked for by name)
// and the rest of the layout opens as usual.

import { isDigest } from '../../../shared/digest'
import type { ImageWarning } from '../../../shared/api'
import { StrataError } from '../../../shared/errors'
import type { ErrorCode } from '../../../shared/errors'
import { isManifestMediaType, MEDIA_TYPES } from '../../../shared/oci/mediaTypes'
import { parseManifestBytes } from '../../../shared/oci/parseManifest'
import type { ParsedManifest } from '../../../shared/oci/types'
import { validateIndex } from '../../../shared/oci/validate'

const REF_NAME = 'org.opencontainers.image.ref.name'
const CONTAINERD_NAME = 'io.containerd.image.name'
/** Types that say nothing about the document; such an entry may still name a manifest. */
const GENERIC_TYPES = new Set(['application/json', 'application/octet-stream'])

export interface BrokenLayoutEntry {
  /** Position in index.json's manifests, counting from 0. */
  readonly position: number
  readonly digest?: string
  /** Its ref.name and containerd image name, when index.json gives them as strings. */
  readonly names: readonly string[]
  readonly code: ErrorCode
  /** What is wrong with it, in one clause ("mediaType is not a media type ..."). */
  readonly problem: string
}

export interface LayoutIndexRead {
  /** The index with the entries that can be read; broken entries with a bad shape left out. */
  readonly parsed: ParsedManifest
  readonly broken: readonly BrokenLayoutEntry[]
}

/**
 * Parses index.json bytes. Throws the strict parse's error when the document is wrong beyond
 * its entries (not JSON, no manifests array, a bad top-level field).
 */
export function parseLayoutIndexBytes(bytes: Uint8Array): LayoutIndexRead {
  let read: Salvaged
  try {
    read = { parsed: parseManifestBytes(bytes, MEDIA_TYPES.ociIndex), broken: [], positions: [] }
  } catch (error) {
    if (!(error instanceof StrataError) || error.code !== 'MALFORMED') throw error
    read = salvage(bytes, error)
  }
  const { parsed, positions } = read
  const broken = [...read.broken]
  if (parsed.kind === 'index') {
    parsed.document.manifests.forEach((entry, at) => {
      if (isImageEntryType(entry.mediaType)) return
      broken.push({
        position: positions[at] ?? at,
        digest: entry.digest,
        names: namesOf(entry),
        code: 'UNSUPPORTED_MEDIA_TYPE',
        problem: `its media type "${entry.mediaType}" is not an image manifest or index`,
      })
    })
  }
  broken.sort((a, b) => a.position - b.position)
  return { parsed, broken }
}

interface Salvaged {
  readonly parsed: ParsedManifest
  readonly broken: readonly BrokenLayoutEntry[]
  /** Where each kept entry stood in index.json; empty when every entry was kept. */
  readonly positions: readonly number[]
}

/** Whether an entry's media type can name an image (a manifest, an index, or says nothing). */
export function isImageEntryType(mediaType: string): boolean {
  return isManifestMediaType(mediaType) || GENERIC_TYPES.has(mediaType)
}

/** The broken entry `reference` (a ref name or a digest) names, if any. */
export function findBrokenEntry(
  broken: readonly BrokenLayoutEntry[],
  reference: string | undefined,
): BrokenLayoutEntry | undefined {
  if (reference === undefined || reference === '') return undefined
  return broken.find((entry) => entry.digest === reference || entry.names.includes(reference))
}

/** How messages name an entry: its position, then its names and digest when known. */
export function describeEntry(entry: BrokenLayoutEntry): string {
  const known = [...entry.names.map((name) => `"${name}"`), entry.digest].filter(
    (part): part is string => part !== undefined,
  )
  return `entry ${entry.position}${known.length > 0 ? ` (${known.join(', ')})` : ''}`
}

/** The error opening a broken entry raises; `where` names index.json. */
export function brokenEntryError(entry: BrokenLayoutEntry, where: string): StrataError {
  return new StrataError(
    entry.code,
    `${where} ${describeEntry(entry)} cannot be opened: ${entry.problem}; the layout's other images open`,
    { subject: entry.digest ?? entry.names[0] ?? where },
  )
}

/** One warning line per broken entry, for the graph and summary warnings. */
export function brokenEntryWarnings(
  broken: readonly BrokenLayoutEntry[],
  where: string,
): readonly ImageWarning[] {
  return broken.map((entry) => ({
    kind: 'brokenLayoutEntry',
    where,
    position: entry.position,
    names: entry.names,
    ...(entry.digest !== undefined ? { digest: entry.digest } : {}),
    error: { code: entry.code, message: entry.problem },
  }))
}

/** Keeps the entries that validate; throws `strictError` if the rest still does not. */
function salvage(bytes: Uint8Array, strictError: StrataError): Salvaged {
  let doc: unknown
  try {
    doc = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    throw strictError
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw strictError
  const record = doc as Record<string, unknown>
  const entries = record.manifests
  if (!Array.isArray(entries)) throw strictError
  const good: unknown[] = []
  const positions: number[] = []
  const broken: BrokenLayoutEntry[] = []
  entries.forEach((entry: unknown, position) => {
    const problem = entryProblem(entry)
    if (problem === undefined) {
      good.push(entry)
      positions.push(position)
    } else broken.push({ position, ...identify(entry), code: 'MALFORMED', problem })
  })
  if (broken.length === 0) throw strictError
  let parsed: ParsedManifest
  try {
    const rest = new TextEncoder().encode(JSON.stringify({ ...record, manifests: good }))
    parsed = parseManifestBytes(rest, MEDIA_TYPES.ociIndex)
  } catch {
    throw strictError
  }
  return { parsed, broken, positions }
}

/** Why one entry fails the descriptor schema, with paths relative to the entry. */
function entryProblem(entry: unknown): string | undefined {
  try {
    validateIndex({ schemaVersion: 2, manifests: [entry] })
    return undefined
  } catch (error) {
    if (!(error instanceof StrataError)) throw error
    return error.message
      .replace(/^image index is invalid: /, '')
      .replace(/\/manifests\/0(\/|\b)/g, (_match, slash: string) => (slash === '/' ? '' : 'it'))
      .replace(/(^|; )\//g, '$1')
  }
}

function identify(entry: unknown): { digest?: string; names: readonly string[] } {
  if (typeof entry !== 'object' || entry === null) return { names: [] }
  const { digest, annotations } = entry as Record<string, unknown>
  const names =
    typeof annotations === 'object' && annotations !== null
      ? [REF_NAME, CONTAINERD_NAME]
          .map((key) => (annotations as Record<string, unknown>)[key])
          .filter((name): name is string => typeof name === 'string')
      : []
  return typeof digest === 'string' && isDigest(digest) ? { digest, names } : { names }
}

function namesOf(entry: { readonly annotations?: Readonly<Record<string, string>> }): string[] {
  return [entry.annotations?.[REF_NAME], entry.annotations?.[CONTAINERD_NAME]].filter(
    (name): name is string => name !== undefined,
  )
}
