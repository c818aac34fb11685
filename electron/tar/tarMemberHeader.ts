// Tar members as the image-archive readers see them: header blocks decoded by tarHeader.ts
// (the same decode as layers), pax / GNU records folded by tarRecords.ts (the same folding as
// layers: global pax honoured, the caps of tarLimits.ts), then the archive's own name policy:
// a member name is normalized and one with ".." is refused. Links are followed here too.

import { StrataError } from '../../shared/errors'
import type { RawHeader as HeaderFields } from './tarHeader'
import { BLOCK, checksumMatches, isZeroBlock, parseHeader } from './tarHeader'
import { MAX_ENTRIES } from './tarLimits'
import { entryTypeOf } from './tarNames'
import type { MetaType, TarRecords } from './tarRecords'
import { isMetaType } from './tarRecords'

export const TAR_BLOCK = BLOCK

export type TarMemberType = 'file' | 'directory' | 'symlink' | 'hardlink' | 'other'

/** One archive member after pax and GNU overrides have been applied. */
export interface TarMemberHeader {
  /** Normalized: no leading "./" or "/", no trailing "/", never climbing with "..". */
  readonly name: string
  readonly type: TarMemberType
  /** Bytes stored after the header (pax size when given). */
  readonly size: number
  readonly linkname: string
}

/** A header block as written, before pax / GNU records are applied. */
export type RawHeader =
  | { readonly kind: 'end' }
  | { readonly kind: 'meta'; readonly meta: MetaType; readonly size: number }
  | { readonly kind: 'member'; readonly fields: HeaderFields }

export function malformed(where: string, message: string): StrataError {
  return new StrataError('MALFORMED', `${where}: ${message}`, { subject: where })
}

/**
 * Decodes one 512-byte header block. `where` names the archive and the offset for errors;
 * the caller folds meta records into its TarRecords and builds members with memberOf().
 */
export function parseHeaderBlock(block: Uint8Array, where: string, offset: number): RawHeader {
  if (isZeroBlock(block)) return { kind: 'end' }
  if (!checksumMatches(block)) {
    throw malformed(
      where,
      'not a tar header (checksum does not match); is this really a tar archive?',
    )
  }
  let fields: HeaderFields
  try {
    fields = parseHeader(block, offset)
  } catch (error) {
    throw error instanceof StrataError ? malformed(where, error.message) : error
  }
  if (isMetaType(fields.typeflag)) return { kind: 'meta', meta: fields.typeflag, size: fields.size }
  return { kind: 'member', fields }
}

/** The member a header describes, with the folded records applied; ends the records' entry. */
export function memberOf(
  fields: HeaderFields,
  records: TarRecords,
  offset: number,
  where: string,
): TarMemberHeader {
  const name = records.name(fields.name, offset).text
  const type = entryTypeOf(fields.typeflag, name)
  const member: TarMemberHeader = {
    // Archive policy for "..": refused (tarNames.ts explains why it differs from layers).
    name: normalizeMemberName(name, where),
    type:
      fields.typeflag === 'S'
        ? 'other' // GNU sparse: the stored bytes are not the file's content
        : type === 'dir'
          ? 'directory'
          : type === 'file' || type === 'symlink' || type === 'hardlink'
            ? type
            : 'other',
    size: records.storedSize(fields.size),
    linkname: records.link(fields.linkname, offset).text,
  }
  records.entryDone()
  return member
}

/** Refuses the member after MAX_ENTRIES, as the layer scanner does. */
export function countMember(count: number, where: string): void {
  if (count > MAX_ENTRIES) {
    throw malformed(
      where,
      `the archive has more than ${MAX_ENTRIES.toLocaleString('en')} members; Strata stops reading there`,
    )
  }
}

/**
 * "./a//b/" → "a/b". A member name with ".." is refused: no image archive needs one, and it is
 * the classic tar traversal attack.
 */
export function normalizeMemberName(name: string, where: string): string {
  return joinInside(name, where, false)
}

/**
 * Target of a symlink member, as a member name. Relative targets start from the link's
 * directory and may use ".." ("abc/layer.tar -> ../abc.tar") but never climb out of the archive.
 */
export function symlinkTarget(linkName: string, target: string, where: string): string {
  const slash = linkName.lastIndexOf('/')
  const base = target.startsWith('/') || slash < 0 ? '' : linkName.slice(0, slash + 1)
  return joinInside(base + target, where, true)
}

function joinInside(name: string, where: string, allowDotDot: boolean): string {
  const parts: string[] = []
  for (const part of name.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') {
      if (!allowDotDot || parts.length === 0) {
        throw malformed(where, `member "${name}" climbs out of the archive with ".."; refused`)
      }
      parts.pop()
      continue
    }
    parts.push(part)
  }
  return parts.join('/')
}

const MAX_LINK_HOPS = 16

/**
 * The regular-file member `name` leads to, following symlinks (relative to the link) and hard
 * links (archive paths); undefined when it leads nowhere, out of the archive, or round in circles.
 */
export function followLinks<T extends TarMemberHeader>(
  lookup: (name: string) => T | undefined,
  name: string,
  where: string,
): T | undefined {
  try {
    let current = normalizeMemberName(name, where)
    for (let hop = 0; hop <= MAX_LINK_HOPS; hop++) {
      const entry = lookup(current)
      if (entry === undefined) return undefined
      if (entry.type === 'file') return entry
      if (entry.type === 'symlink') current = symlinkTarget(entry.name, entry.linkname, where)
      else if (entry.type === 'hardlink') current = normalizeMemberName(entry.linkname, where)
      else return undefined
    }
  } catch {
    // a link that climbs out of the archive leads nowhere
  }
  return undefined
}

/** Data blocks a member of `size` bytes occupies, padding included. */
export function paddedSize(size: number): number {
  return Math.ceil(size / TAR_BLOCK) * TAR_BLOCK
}
