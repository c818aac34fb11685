// Reading fields of untrusted JSON already parsed as unknown: a string, a number, a record, a
// list, or undefined when the field is missing or of another kind. Parse failures carry a
// coded reason (never the parser's English, which quotes the document).

import type { DecodedBytes, RawReason } from '../../shared/api/attestations'
import { isRecord } from '../util/isRecord'

export { isRecord }

export type Parsed = { readonly ok: true; readonly value: unknown } | { readonly ok: false }

const decoder = new TextDecoder('utf-8', { fatal: true })

/** Bytes → text, or undefined when they are not UTF-8 text. */
export function utf8(bytes: Uint8Array): string | undefined {
  try {
    return decoder.decode(bytes)
  } catch {
    return undefined
  }
}

export function parseJson(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return { ok: false }
  }
}

/** UTF-8 JSON bytes → the parsed value, or the coded reason they are not (naming `bytes`). */
export function readJson(
  data: Uint8Array,
  bytes: DecodedBytes,
):
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly reason: RawReason } {
  const text = utf8(data)
  if (text === undefined) return { ok: false, reason: { kind: 'notText', bytes } }
  const parsed = parseJson(text)
  if (parsed.ok) return parsed
  return { ok: false, reason: { kind: 'notJson', bytes } }
}

export function str(record: unknown, field: string): string | undefined {
  if (!isRecord(record)) return undefined
  const value = record[field]
  return typeof value === 'string' ? value : undefined
}

export function num(record: unknown, field: string): number | undefined {
  if (!isRecord(record)) return undefined
  const value = record[field]
  if (typeof value === 'number' && Number.isFinite(value)) return value
  if (typeof value === 'string' && /^\d{1,15}$/.test(value)) return Number(value)
  return undefined
}

export function rec(record: unknown, field: string): Record<string, unknown> | undefined {
  if (!isRecord(record)) return undefined
  const value = record[field]
  return isRecord(value) ? value : undefined
}

export function list(record: unknown, field: string): readonly unknown[] {
  if (!isRecord(record)) return []
  const value = record[field]
  return Array.isArray(value) ? value : []
}

/** A short one-line rendering of any JSON value, for parameter tables. */
export function shortText(value: unknown, max = 300): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value))
  return text.length > max ? `${text.slice(0, max)}…` : text
}

/** The digest map of an in-toto subject or SLSA material: {"sha256": "…"} → list. */
export function digestSet(value: unknown): { algorithm: string; value: string }[] {
  if (!isRecord(value)) return []
  return Object.entries(value)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .map(([algorithm, v]) => ({ algorithm, value: v }))
}
