// The distribution-spec error body: {"errors":[{"code":"MANIFEST_UNKNOWN","message":"…",
// "detail":…}]}. Registries are untrusted, so the text is length-bounded and every field is
// checked before use.

export interface RegistryErrorItem {
  readonly code: string
  readonly message: string
  /** `detail` as compact JSON, when present (it may be any JSON value). */
  readonly detail?: string
}

const MAX_FIELD = 1000
const MAX_ITEMS = 20

/** The errors in a response body, or [] when the body is not an error envelope. */
export function parseErrorEnvelope(body: string | Uint8Array | undefined): RegistryErrorItem[] {
  if (body === undefined) return []
  const text = typeof body === 'string' ? body : new TextDecoder().decode(body)
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return []
  }
  if (!isRecord(parsed) || !Array.isArray(parsed.errors)) return []
  const out: RegistryErrorItem[] = []
  for (const item of parsed.errors.slice(0, MAX_ITEMS) as unknown[]) {
    if (!isRecord(item) || typeof item.code !== 'string') continue
    const message = typeof item.message === 'string' ? item.message : ''
    const detail = item.detail === undefined ? undefined : compactJson(item.detail)
    out.push({
      code: clip(item.code),
      message: clip(message),
      ...(detail !== undefined ? { detail } : {}),
    })
  }
  return out
}

/** "MANIFEST_UNKNOWN: manifest unknown; NAME_UNKNOWN: …" for messages and logs. */
export function describeRegistryErrors(items: readonly RegistryErrorItem[]): string {
  return items.map((e) => (e.message ? `${e.code}: ${e.message}` : e.code)).join('; ')
}

function compactJson(value: unknown): string | undefined {
  try {
    return clip(JSON.stringify(value))
  } catch {
    return undefined
  }
}

function clip(text: string): string {
  return text.length > MAX_FIELD ? `${text.slice(0, MAX_FIELD)}…` : text
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
