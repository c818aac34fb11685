// Turning the name bytes a tar header carries into a safe image path. Layers are untrusted:
// absolute names and ".." components are folded into the image root (never above it) and
// the entry is flagged so the UI can say the layer was written oddly.

import type { EntryWarning } from '../../shared/api/files'

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

export interface DecodedName {
  readonly text: string
  readonly invalidUtf8: boolean
}

/** Name bytes as text: UTF-8, or Latin-1 (flagged) when the bytes are not valid UTF-8. */
export function decodeName(bytes: Uint8Array): DecodedName {
  let ascii = true
  for (let i = 0; i < bytes.length; i++) {
    if ((bytes[i] ?? 0) >= 0x80) {
      ascii = false
      break
    }
  }
  if (ascii) return { text: Buffer.from(bytes).toString('latin1'), invalidUtf8: false }
  try {
    return { text: strictUtf8.decode(bytes), invalidUtf8: false }
  } catch {
    return { text: Buffer.from(bytes).toString('latin1'), invalidUtf8: true }
  }
}

export interface SafePath {
  readonly path: string
  readonly warnings: readonly EntryWarning[]
}

/** "./usr//bin/../lib/" → "usr/lib"; "/etc" → "etc" (flagged); "../../x" → "x" (flagged). */
export function normalizeEntryPath(name: string): SafePath {
  const warnings: EntryWarning[] = []
  if (name.startsWith('/')) warnings.push('absolute-path')
  const parts: string[] = []
  let dotDot = false
  for (const part of name.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') {
      dotDot = true
      parts.pop()
      continue
    }
    parts.push(part)
  }
  if (dotDot) warnings.push('dot-dot')
  return { path: parts.join('/'), warnings }
}

/** Parent directory of an image path ("" for top-level names and for the root). */
export function parentOf(path: string): string {
  const slash = path.lastIndexOf('/')
  return slash < 0 ? '' : path.slice(0, slash)
}

/** Last component of an image path. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

export function joinPath(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`
}
