// Overlay whiteouts as the OCI image spec writes them into layer tars: `.wh.NAME` deletes NAME
// from the layers below, `.wh..wh..opq` in a directory hides everything below it in that
// directory. Other `.wh..wh.*` names are AUFS bookkeeping and carry no change.

import type { LayerEntry } from '../../shared/api/files'
import { baseName, joinPath, parentOf } from './entryPath'

const PREFIX = '.wh.'
const OPAQUE = '.wh..wh..opq'
const META_PREFIX = '.wh..wh.'

export type EntryRole =
  | { readonly role: 'entry' }
  | { readonly role: 'whiteout'; readonly target: string }
  | { readonly role: 'opaque'; readonly dir: string }
  | { readonly role: 'ignored' }

export function classifyEntry(entry: LayerEntry): EntryRole {
  const name = baseName(entry.path)
  if (!name.startsWith(PREFIX)) return { role: 'entry' }
  const dir = parentOf(entry.path)
  if (name === OPAQUE) return { role: 'opaque', dir }
  if (name.startsWith(META_PREFIX)) return { role: 'ignored' }
  const target = name.slice(PREFIX.length)
  if (target === '' || target === '.' || target === '..') return { role: 'ignored' }
  return { role: 'whiteout', target: joinPath(dir, target) }
}
