// What a manifest's config blob shows in the graph. The config is read whatever its media
// type says: old Docker Hub images type it application/octet-stream, and it is still the
// image config (history included). JSON is pretty-printed; text of a JSON type that does not
// parse is shown as received; other bytes are not shown.

import { describeMediaType } from '../../shared/oci/mediaTypes'
import type { HistoryEntry } from '../../shared/oci/types'

export interface ConfigReading {
  readonly document?: string
  readonly history?: readonly HistoryEntry[]
  /** The type did not say "image config" but the JSON is one (os, architecture, rootfs). */
  readonly recognizedImageConfig: boolean
}

/** A config of a type that is not JSON is read only up to this size (artifact payloads). */
export const MAX_UNTYPED_CONFIG_BYTES = 1024 * 1024

export function isJsonConfigType(mediaType: string): boolean {
  return describeMediaType(mediaType).kind === 'config' || /\+json$/.test(mediaType)
}

export function readConfigBlob(bytes: Uint8Array, mediaType: string): ConfigReading {
  const text = decodeUtf8(bytes)
  const value = text !== undefined ? parseJson(text) : undefined
  if (value === undefined) {
    // A JSON-typed config that is not JSON is shown as text (the summary reports it MALFORMED).
    return isJsonConfigType(mediaType) && text !== undefined
      ? { document: text, recognizedImageConfig: false }
      : { recognizedImageConfig: false }
  }
  const history = historyOf(value.parsed)
  return {
    document: JSON.stringify(value.parsed, null, 2),
    ...(history !== undefined ? { history } : {}),
    recognizedImageConfig:
      describeMediaType(mediaType).kind !== 'config' && looksLikeImageConfig(value.parsed),
  }
}

export function looksLikeImageConfig(value: unknown): boolean {
  if (!isRecord(value)) return false
  return (
    typeof value.os === 'string' && typeof value.architecture === 'string' && isRecord(value.rootfs)
  )
}

function historyOf(value: unknown): readonly HistoryEntry[] | undefined {
  if (!isRecord(value) || !Array.isArray(value.history)) return undefined
  return (value.history as readonly unknown[]).filter(
    (entry): entry is HistoryEntry => entry !== null && typeof entry === 'object',
  )
}

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return undefined
  }
}

function parseJson(text: string): { readonly parsed: unknown } | undefined {
  try {
    return { parsed: JSON.parse(text) as unknown }
  } catch {
    return undefined
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
