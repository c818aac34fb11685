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

/** The type column: "file", "dir", "symlink → greet", "hardlink → /usr/bin/a", "char device". */
export function typeText(entry: Pick<LayerEntry, 'type' | 'linkname'>): string {
  switch (entry.type) {
    case 'symlink':
      return `symlink → ${entry.linkname ?? '?'}`
    case 'hardlink':
      return `hardlink → /${entry.linkname ?? '?'}`
    case 'char':
      return 'char device'
    case 'block':
      return 'block device'
    default:
      return entry.type
  }
}

/** "2024-01-01 00:00:00 UTC" (the times in a layer are not the user's local time). */
export function formatMtime(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?'
  const date = new Date(Math.round(seconds * 1000))
  if (Number.isNaN(date.getTime())) return '?'
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`
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

/** The words for one count, by plural category ("1 line", "2 lines"); i18n takes this over later. */
export interface CountWords {
  readonly one: string
  readonly other: string
}

const englishPlurals = new Intl.PluralRules('en')

/** "1 line", "2 lines", "0 lines": the count and the word its plural category takes. */
export function countText(count: number, words: CountWords): string {
  const word = englishPlurals.select(count) === 'one' ? words.one : words.other
  return `${count.toLocaleString('en')} ${word}`
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
