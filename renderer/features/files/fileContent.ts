// What a file's first bytes say it is: an image (by magic bytes, never by name), text, or
// binary (NUL bytes or invalid UTF-8). Pure, so it is unit-tested.

export type ImageMime = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp' | 'image/svg+xml'

export type ContentKind =
  | { readonly kind: 'image'; readonly mime: ImageMime }
  | { readonly kind: 'text' }
  | { readonly kind: 'binary' }

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  if (bytes.length < at + magic.length) return false
  return magic.every((b, i) => bytes[at + i] === b)
}

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0))

export function sniffImage(bytes: Uint8Array): ImageMime | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif'
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp'
  if (looksLikeSvg(bytes)) return 'image/svg+xml'
  return undefined
}

/** An XML prolog, comments or a doctype may come first; the root element must be <svg. */
function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 1024))
  const text = head.replace(/^\uFEFF/, '').trimStart()
  if (!text.startsWith('<')) return false
  const withoutPreamble = text.replace(
    /^(?:<\?xml[^>]*\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>|\s+)*/i,
    '',
  )
  return /^<svg[\s>]/i.test(withoutPreamble)
}

/**
 * True when the bytes are not text: a NUL byte, or bytes that are not UTF-8. When the chunk
 * does not reach the end of the file, a multi-byte character cut off at its end is allowed.
 */
export function looksBinary(bytes: Uint8Array, complete: boolean): boolean {
  if (bytes.includes(0)) return true
  const body = complete ? bytes : bytes.subarray(0, bytes.length - cutCharacterLength(bytes))
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(body)
    return false
  } catch {
    return true
  }
}

/** How many bytes at the end start a UTF-8 character that continues past the chunk (0–3). */
function cutCharacterLength(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back] ?? 0
    if ((byte & 0xc0) === 0x80) continue // continuation byte: keep looking for the lead
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1
    return need > back ? back : 0
  }
  return 0
}

export function classifyContent(bytes: Uint8Array, complete: boolean): ContentKind {
  const mime = sniffImage(bytes)
  if (mime) return { kind: 'image', mime }
  return looksBinary(bytes, complete) ? { kind: 'binary' } : { kind: 'text' }
}

export interface HexLine {
  readonly offset: string
  readonly hex: string
  readonly ascii: string
}

/** One line per 16 bytes, as `xxd -g1` prints them; `base` is the file offset of bytes[0]. */
export function hexLine(bytes: Uint8Array, lineIndex: number, base = 0): HexLine {
  const start = lineIndex * 16
  const slice = bytes.subarray(start, start + 16)
  const cells: string[] = []
  let text = ''
  for (let i = 0; i < 16; i++) {
    const byte = slice[i]
    cells.push(byte === undefined ? '  ' : byte.toString(16).padStart(2, '0'))
    if (byte !== undefined) text += byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '.'
  }
  return {
    offset: (base + start).toString(16).padStart(8, '0'),
    hex: `${cells.slice(0, 8).join(' ')}  ${cells.slice(8).join(' ')}`,
    ascii: text,
  }
}

export function hexLineCount(byteCount: number): number {
  return Math.ceil(byteCount / 16)
}

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const total = parts.reduce((n, p) => n + p.length, 0)
  const out = new Uint8Array(total)
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}

/** The lines of decoded text: "\r\n" and "\n" both end a line; no empty line after the last. */
export function textLines(text: string): string[] {
  const lines = text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line))
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop()
  return lines
}

/** Offsets of the pages covering the first `count` pages of a file of `size` bytes. */
export function pageOffsets(size: number, pageBytes: number, count: number): number[] {
  const pages = Math.max(1, Math.ceil(size / pageBytes))
  return Array.from({ length: Math.min(count, pages) }, (_, i) => i * pageBytes)
}
