// Finding entries in a merged filesystem by name or glob. A pattern with a slash matches whole
// image paths ("usr/lib/**/*.so"), one without matches base names ("*.conf"); a pattern with
// no glob characters is a case-insensitive substring of the name. Results are capped so a
// search over 200,000 entries answers with a page, never the whole tree.

import type { MergedNode } from './mergedView'
import type { MergedView } from './mergedView'
import { baseName } from './entryPath'

export interface SearchResult {
  readonly matches: readonly MergedNode[]
  /** True when more entries matched than `limit`. */
  readonly truncated: boolean
}

export function searchTree(view: MergedView, pattern: string, limit = 1000): SearchResult {
  const test = matcher(pattern.trim().replace(/^\/+/, ''))
  const matches: MergedNode[] = []
  let truncated = false
  for (const node of view.all()) {
    if (!test(node.entry.path)) continue
    if (matches.length >= limit) {
      truncated = true
      break
    }
    matches.push(node)
  }
  matches.sort((a, b) => (a.entry.path < b.entry.path ? -1 : a.entry.path > b.entry.path ? 1 : 0))
  return { matches, truncated }
}

/** A predicate on image paths for `pattern`. */
export function matcher(pattern: string): (path: string) => boolean {
  if (!/[*?[]/.test(pattern)) {
    const needle = pattern.toLowerCase()
    return (path) => baseName(path).toLowerCase().includes(needle)
  }
  const regex = new RegExp(`^${globToRegex(pattern)}$`)
  if (pattern.includes('/')) return (path) => regex.test(path)
  return (path) => regex.test(baseName(path))
}

/** `**` any depth, `*` within one component, `?` one character, `[abc]` a class. */
function globToRegex(glob: string): string {
  let out = ''
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] ?? ''
    if (c === '*' && glob[i + 1] === '*') {
      const slashAfter = glob[i + 2] === '/'
      out += slashAfter ? '(?:.*/)?' : '.*'
      i += slashAfter ? 2 : 1
    } else if (c === '*') {
      out += '[^/]*'
    } else if (c === '?') {
      out += '[^/]'
    } else if (c === '[') {
      const close = glob.indexOf(']', i + 1)
      if (close < 0) {
        out += '\\['
        continue
      }
      const body = glob.slice(i + 1, close).replace(/\\/g, '\\\\')
      out += body.startsWith('!') ? `[^${body.slice(1)}]` : `[${body}]`
      i = close
    } else {
      out += c.replace(/[.+^${}()|\\\]]/g, '\\$&')
    }
  }
  return out
}
