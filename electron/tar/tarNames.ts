// Names as tar headers carry them, and the two ways Strata makes them safe. Folding (pax,
// GNU long names: tarRecords.ts) hands out the RAW name; each reader then applies its own
// policy for absolute names and "..":
//  - a layer is unpacked onto a root filesystem, so normalizeEntryPath() folds "/" and ".."
//    into that root (never above it) and flags the entry, which is still listed;
//  - an image archive member is a file the archive format names (manifest.json, blobs/…): no
//    writer needs "..", so tarMemberHeader.normalizeMemberName() refuses it as MALFORMED.

import type { EntryWarning, LayerEntryType } from '../../shared/api/files'

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

/** Layer policy: "./usr//bin/../lib/" → "usr/lib"; "/etc" → "etc" and "../../x" → "x" (flagged). */
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

const TYPES: Readonly<Record<string, LayerEntryType>> = {
  '1': 'hardlink',
  '2': 'symlink',
  '3': 'char',
  '4': 'block',
  '5': 'dir',
  D: 'dir',
  '6': 'fifo',
}

/**
 * What an entry is, from its type flag and raw (folded) name. Unknown flags are regular files,
 * as POSIX asks; a regular file whose name ends in "/" is a directory (pre-POSIX archives mark
 * directories only that way).
 */
export function entryTypeOf(typeflag: string, rawName: string): LayerEntryType {
  const type = TYPES[typeflag] ?? 'file'
  return type === 'file' && typeflag !== 'S' && rawName.endsWith('/') ? 'dir' : type
}
