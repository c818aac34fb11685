// Reading fields of untrusted JSON already parsed as unknown: a string, a number, a record, a
// list, or undefined when the field is missing or of another kind. Parse failures carry the
// reason in words (the parser's message, without quoting the document).

import { isRecord } from '../util/isRecord'

export { isRecord }

export type Parsed =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: string }

const decoder = new TextDecoder('utf-8', { fatal: true })

/** Bytes → text, or the reason they are not UTF-8 text. */
export function utf8(bytes: Uint8Array): { readonly text: string } | { readonly reason: string } {
  try {
    return { text: decoder.decode(bytes) }
  } catch {
    return { reason: 'the bytes are not UTF-8 text' }
  }
}

export function parseJson(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return { ok: false, reason: `not valid JSON (${message.slice(0, 120)})` }
  }
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
