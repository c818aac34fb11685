// Turning a files:read chunk into text for the side-by-side view, or saying why not (binary,
// too large). Pure, so it is unit-tested.

/** The most of each file read and diffed; larger files are shown up to here, marked cut. */
export const MAX_TEXT_BYTES = 256 * 1024

export type FileText =
  | { readonly kind: 'text'; readonly text: string; readonly truncated: boolean }
  | { readonly kind: 'binary' }

export function base64Bytes(base64: string): Uint8Array {
  const raw = atob(base64)
  const bytes = new Uint8Array(raw.length)
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i)
  return bytes
}

/** UTF-8 text without NUL bytes counts as text; anything else is binary. */
export function decodeFileText(bytes: Uint8Array, truncated: boolean): FileText {
  if (bytes.includes(0)) return { kind: 'binary' }
  // A cut may fall inside a multi-byte character: drop up to 3 trailing bytes of it.
  let end = bytes.length
  if (truncated) {
    let back = 0
    while (back < 3 && end - back - 1 >= 0 && ((bytes[end - back - 1] ?? 0) & 0xc0) === 0x80) back++
    const lead = bytes[end - back - 1] ?? 0
    if (lead >= 0xc0) end = end - back - 1
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end))
    return { kind: 'text', text, truncated }
  } catch {
    return { kind: 'binary' }
  }
}
