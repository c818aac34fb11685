// A tag history bundled with an OCI layout (shared/samples.ts TAG_HISTORY_FILE, written by the
// sample builder): when the History view asks for a layout's timeline, what the file records
// is merged into the journal, so a tag that moved shows offline. The file is untrusted: every
// field is checked, and an invalid file is refused whole with a message naming it (never
// quoting it). Importing again stores nothing new (the journal drops exact repeats).

import { join } from 'node:path'
import { isDigest } from '../../shared/digest'
import { StrataError } from '../../shared/errors'
import type { TagObservation } from '../../shared/api/history'
import { TAG_HISTORY_FILE } from '../../shared/samples'
import { readUserFile } from '../util/safeFile'
import { isRecord } from '../util/isRecord'

/** A teaching history is a few dozen lines; 1 MiB leaves room and bounds the read. */
const MAX_FILE_BYTES = 1024 * 1024
const MAX_OBSERVATIONS = 10_000
const TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/

export interface BundledObservation {
  readonly tag: string
  readonly digest: string
  readonly seenAt: string
}

/** The observations the layout's bundled history holds; [] when it has none. */
export async function readBundledTagHistory(layoutRoot: string): Promise<BundledObservation[]> {
  const path = join(layoutRoot, TAG_HISTORY_FILE)
  let bytes: Uint8Array
  try {
    bytes = await readUserFile(path, 'a bundled tag history (JSON)', {
      maxBytes: MAX_FILE_BYTES,
      what: 'a bundled tag history',
    })
  } catch (error) {
    if (error instanceof StrataError && error.code === 'NOT_FOUND') return []
    throw error
  }
  let value: unknown
  try {
    value = JSON.parse(new TextDecoder().decode(bytes))
  } catch {
    throw invalid(path, 'it is not valid JSON')
  }
  return parseBundledTagHistory(value, path)
}

/** Checks a parsed history file; throws MALFORMED naming `path` and the first fault. */
export function parseBundledTagHistory(value: unknown, path: string): BundledObservation[] {
  if (!isRecord(value) || value.format !== 'strata-tag-history') {
    throw invalid(path, 'its "format" is not "strata-tag-history"')
  }
  if (value.version !== 1) throw invalid(path, 'its "version" is not 1')
  const list = value.observations
  if (!Array.isArray(list)) throw invalid(path, '"observations" is not a list')
  if (list.length > MAX_OBSERVATIONS) {
    throw invalid(path, `it lists more than ${MAX_OBSERVATIONS} observations`)
  }
  return list.map((item: unknown, i) => {
    if (!isRecord(item)) throw invalid(path, `observation ${i + 1} is not an object`)
    const { tag, digest, seenAt } = item
    if (typeof tag !== 'string' || !TAG.test(tag)) {
      throw invalid(path, `observation ${i + 1} has no valid tag`)
    }
    if (typeof digest !== 'string' || !isDigest(digest)) {
      throw invalid(path, `observation ${i + 1} has no valid digest`)
    }
    if (typeof seenAt !== 'string' || !INSTANT.test(seenAt) || isNaN(Date.parse(seenAt))) {
      throw invalid(path, `observation ${i + 1} has no valid "seenAt" (an ISO 8601 UTC instant)`)
    }
    return { tag, digest, seenAt }
  })
}

/**
 * Merges the layout's bundled history into the journal under (registry, layout path), oldest
 * first so the journal's dedupe keeps each move. Returns how many lines were stored.
 */
export async function importBundledTagHistory(
  journal: { append(observations: readonly TagObservation[]): Promise<{ stored: number }> },
  registry: string,
  layoutRoot: string,
): Promise<number> {
  const bundled = await readBundledTagHistory(layoutRoot)
  if (bundled.length === 0) return 0
  const observations: TagObservation[] = [...bundled]
    .sort((a, b) => Date.parse(a.seenAt) - Date.parse(b.seenAt))
    .map((o) => ({ registry, repository: layoutRoot, ...o, source: 'list' }))
  return (await journal.append(observations)).stored
}

function invalid(path: string, why: string): StrataError {
  return new StrataError('MALFORMED', `${path} is not a valid bundled tag history: ${why}.`, {
    subject: path,
  })
}
