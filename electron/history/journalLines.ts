// One observation per line, as JSON with a fixed key order. Lines are read back strictly:
// anything that is not a complete, well-formed observation is rejected (a torn or corrupted
// line), never half-trusted.

import { isDigest } from '../../shared/digest'
import { OBSERVATION_SOURCES } from '../../shared/api/history'
import type { ObservationSource, TagObservation } from '../../shared/api/history'

/** The line for one observation, newline included. */
export function encodeObservation(observation: TagObservation): string {
  const { registry, repository, tag, digest, seenAt, source } = observation
  return `${JSON.stringify({ registry, repository, tag, digest, seenAt, source })}\n`
}

/** The observation a line holds, or undefined when the line is not a valid one. */
export function decodeObservation(line: string): TagObservation | undefined {
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch {
    return undefined
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
  const record = value as Record<string, unknown>
  const { registry, repository, tag, digest, seenAt, source } = record
  if (
    !isText(registry) ||
    !isText(repository) ||
    !isText(tag) ||
    !isText(digest) ||
    !isDigest(digest) ||
    !isText(seenAt) ||
    !isIsoInstant(seenAt) ||
    !isSource(source)
  ) {
    return undefined
  }
  return { registry, repository, tag, digest, seenAt, source }
}

/** Checks an observation a caller hands in, so nothing unreadable reaches the file. */
export function isValidObservation(observation: TagObservation): boolean {
  return decodeObservation(JSON.stringify(observation)) !== undefined
}

/** Milliseconds since the epoch of an ISO instant the journal wrote. */
export function instantMs(iso: string): number {
  return Date.parse(iso)
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 1024
}

function isIsoInstant(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/.test(value) && !isNaN(Date.parse(value))
}

function isSource(value: unknown): value is ObservationSource {
  return typeof value === 'string' && (OBSERVATION_SOURCES as readonly string[]).includes(value)
}
