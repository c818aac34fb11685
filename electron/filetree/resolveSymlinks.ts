// Path resolution inside an image: symlinks are followed through the image's merged
// filesystem only, never the host's. Absolute targets restart at the image root, ".." stops
// at the root, and more than 40 links in one lookup (Linux's limit) is reported as a loop.

import { StrataError } from '../../shared/errors'
import type { LayerEntry } from '../../shared/api/files'

export const MAX_SYMLINK_HOPS = 40

export type EntryLookup = (path: string) => LayerEntry | undefined

/**
 * The image path `path` names after following symlinks in every directory component, and in
 * the last component too when `followLast` is set. The result may not exist.
 */
export function resolveImagePath(lookup: EntryLookup, path: string, followLast = true): string {
  let pending = split(path)
  const resolved: string[] = []
  let hops = 0
  while (pending.length > 0) {
    const part = pending.shift() as string
    if (part === '..') {
      resolved.pop()
      continue
    }
    const candidate = resolved.length === 0 ? part : `${resolved.join('/')}/${part}`
    const entry = lookup(candidate)
    const isLast = pending.length === 0
    if (entry?.type === 'symlink' && (!isLast || followLast)) {
      hops++
      if (hops > MAX_SYMLINK_HOPS) {
        throw new StrataError(
          'BAD_INPUT',
          `symlink loop at /${candidate} (more than ${MAX_SYMLINK_HOPS} links followed)`,
          { subject: path },
        )
      }
      const target = entry.linkname ?? ''
      if (target.startsWith('/')) resolved.length = 0
      pending = [...split(target), ...pending]
      continue
    }
    if (entry && entry.type !== 'dir' && !isLast) {
      throw new StrataError('NOT_FOUND', `/${candidate} is not a directory (looking up /${path})`, {
        subject: path,
      })
    }
    resolved.push(part)
  }
  return resolved.join('/')
}

function split(path: string): string[] {
  return path.split('/').filter((part) => part !== '' && part !== '.')
}
