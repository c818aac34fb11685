// How one filesystem entry is printed in the tree and the viewer: ls-style mode strings, type
// words, times and path pieces. Pure, so it is unit-tested.
import type { LayerEntry, LayerEntryType } from '../../../shared/api/files'

const TYPE_CHAR: Readonly<Record<LayerEntryType, string>> = {
  file: '-',
  dir: 'd',
  symlink: 'l',
  // ls shows a hard link as the regular file it is.
  hardlink: '-',
  char: 'c',
  block: 'b',
  fifo: 'p',
}

/** "drwxr-xr-x", "-rwsr-xr-x", "drwxrwxrwt": the type letter and the 12 permission bits. */
export function modeString(type: LayerEntryType, mode: number): string {
  const triplet = (shift: number, special: boolean, on: string, off: string): string => {
    const bits = (mode >> shift) & 7
    const r = bits & 4 ? 'r' : '-'
    const w = bits & 2 ? 'w' : '-'
    const x = bits & 1
    const last = special ? (x ? on : off) : x ? 'x' : '-'
    return r + w + last
  }
  return (
    TYPE_CHAR[type] +
    triplet(6, (mode & 0o4000) !== 0, 's', 'S') +
    triplet(3, (mode & 0o2000) !== 0, 's', 'S') +
    triplet(0, (mode & 0o1000) !== 0, 't', 'T')
  )
}

/** The words of the type column, from the catalogue (files:type), so the column follows the language. */
export type TypeWords = Readonly<Record<LayerEntryType, string>>

/** The type column: "file", "dir", "symlink → greet", "hardlink → /usr/bin/a", "char device". */
export function typeText(entry: Pick<LayerEntry, 'type' | 'linkname'>, words: TypeWords): string {
  switch (entry.type) {
    case 'symlink':
      return `${words.symlink} → ${entry.linkname ?? '?'}`
    case 'hardlink':
      return `${words.hardlink} → /${entry.linkname ?? '?'}`
    default:
      return words[entry.type]
  }
}

/** A layer entry's modified time (seconds since the epoch) as an ISO instant; undefined for nonsense. */
export function mtimeIso(seconds: number): string | undefined {
  if (!Number.isFinite(seconds)) return undefined
  const date = new Date(Math.round(seconds * 1000))
  if (Number.isNaN(date.getTime())) return undefined
  return date.toISOString()
}

/** "etc/os-release" from "/etc/os-release/", "" for the root. */
export function imagePath(path: string | undefined): string {
  return (path ?? '').replace(/^\/+|\/+$/g, '')
}

/** The URL / display form: "/etc/os-release", "/" for the root. */
export function displayPath(path: string): string {
  return `/${imagePath(path)}`
}

export function baseName(path: string): string {
  const clean = imagePath(path)
  return clean.slice(clean.lastIndexOf('/') + 1)
}

export function parentPath(path: string): string {
  const clean = imagePath(path)
  const slash = clean.lastIndexOf('/')
  return slash < 0 ? '' : clean.slice(0, slash)
}

/** Every directory above `path`, outermost first: "a/b/c" → ["a", "a/b"]. */
export function ancestorsOf(path: string): readonly string[] {
  const parts = imagePath(path).split('/')
  const out: string[] = []
  for (let i = 1; i < parts.length; i++) out.push(parts.slice(0, i).join('/'))
  return out
}

/**
 * Every directory that holds a changed path below it (dive marks them): the ancestors of each
 * changed path, not the path itself. "a/b/c" changed → "a" and "a/b"; a change at the top level
 * marks nothing (the root is not a row).
 */
export function directoriesWithChanges(changedPaths: Iterable<string>): Set<string> {
  const dirs = new Set<string>()
  for (const path of changedPaths) {
    const clean = imagePath(path)
    // Walk up from the parent; stop at the first directory already marked (its own parents are).
    for (let at = parentPath(clean); at !== '' && !dirs.has(at); at = parentPath(at)) {
      dirs.add(at)
    }
  }
  return dirs
}
