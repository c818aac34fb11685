// Tar members as the image-archive readers see them: header blocks (parsed by
// tarHeader.ts) turned into named members with pax / GNU overrides applied, member names
// normalized, and links followed. Shared by the in-place file index and the stream reader.

import { StrataError } from '../../shared/errors'
import {
  BLOCK,
  checksumMatches,
  gnuLongName,
  headerLinkname,
  headerName,
  headerSize,
  headerTypeflag,
  isZeroBlock,
  splitPaxRecords,
} from './tarHeader'

export const TAR_BLOCK = BLOCK

export type TarMemberType = 'file' | 'directory' | 'symlink' | 'hardlink' | 'other'

/** One archive member after pax and GNU overrides have been applied. */
export interface TarMemberHeader {
  /** Normalized: no leading "./" or "/", no trailing "/", never climbing with "..". */
  readonly name: string
  readonly type: TarMemberType
  readonly size: number
  readonly linkname: string
}

/** A header block as written, before pax / GNU records are applied. */
export type RawHeader =
  | { readonly kind: 'end' }
  | {
      readonly kind: 'meta'
      readonly meta: 'pax' | 'pax-global' | 'gnu-name' | 'gnu-link'
      readonly size: number
    }
  | { readonly kind: 'member'; readonly header: TarMemberHeader; readonly rawName: string }

const decoder = new TextDecoder('utf-8')

/** pax and GNU long-name records are a few hundred bytes; anything bigger is not a real one. */
export const MAX_META_BYTES = 1024 * 1024

export function malformed(where: string, message: string): StrataError {
  return new StrataError('MALFORMED', `${where}: ${message}`, { subject: where })
}

/**
 * Parses one 512-byte header block (fields read by tarHeader.ts) into what an archive
 * member needs. `where` names the archive and the offset for errors; the caller applies
 * pending pax / GNU values with applyMetaRecord() and applyOverrides().
 */
export function parseHeaderBlock(block: Uint8Array, where: string): RawHeader {
  if (isZeroBlock(block)) return { kind: 'end' }
  if (!checksumMatches(block)) {
    throw malformed(
      where,
      'not a tar header (checksum does not match); is this really a tar archive?',
    )
  }
  const size = headerSize(block)
  if (size === undefined) {
    const base256 = ((block[124] ?? 0) & 0x80) !== 0
    throw malformed(
      where,
      base256 ? 'the size field is too large' : 'the size field is not an octal number',
    )
  }
  const typeflag = headerTypeflag(block)
  switch (typeflag) {
    case 'x':
      return { kind: 'meta', meta: 'pax', size }
    case 'g':
      return { kind: 'meta', meta: 'pax-global', size }
    case 'L':
      return { kind: 'meta', meta: 'gnu-name', size }
    case 'K':
      return { kind: 'meta', meta: 'gnu-link', size }
  }
  const rawName = decoder.decode(headerName(block))
  const header: TarMemberHeader = {
    name: rawName,
    type: memberType(typeflag, rawName),
    size,
    linkname: decoder.decode(headerLinkname(block)),
  }
  return { kind: 'member', header, rawName }
}

function memberType(typeflag: string, name: string): TarMemberType {
  switch (typeflag) {
    case '0':
    case '7':
      // Pre-POSIX archives mark directories only by the trailing slash.
      return name.endsWith('/') ? 'directory' : 'file'
    case '1':
      return 'hardlink'
    case '2':
      return 'symlink'
    case '5':
      return 'directory'
    default:
      return 'other'
  }
}

export interface PendingOverrides {
  path?: string
  linkpath?: string
  size?: number
}

/** Folds a pax or GNU long-name record body into the overrides for the next member. */
export function applyMetaRecord(
  meta: 'pax' | 'pax-global' | 'gnu-name' | 'gnu-link',
  body: Uint8Array,
  where: string,
  into: PendingOverrides,
): void {
  if (meta === 'gnu-name') into.path = decoder.decode(gnuLongName(body))
  else if (meta === 'gnu-link') into.linkpath = decoder.decode(gnuLongName(body))
  else if (meta === 'pax') applyPaxRecords(body, where, into)
}

/** Takes path, linkpath and size from pax records; other keys are ignored. */
function applyPaxRecords(body: Uint8Array, where: string, into: PendingOverrides): void {
  const records = splitPaxRecords(body)
  if (records === undefined) throw malformed(where, 'a pax extended header record is malformed')
  const path = records.get('path')
  const linkpath = records.get('linkpath')
  const size = records.get('size')
  if (path !== undefined) into.path = path
  if (linkpath !== undefined) into.linkpath = linkpath
  if (size !== undefined) {
    const value = Number(size)
    if (!Number.isSafeInteger(value) || value < 0)
      throw malformed(where, `pax size "${size}" is invalid`)
    into.size = value
  }
}

/** The member with pending overrides applied and its name normalized. */
export function applyOverrides(
  header: TarMemberHeader,
  overrides: PendingOverrides,
  where: string,
): TarMemberHeader {
  const name = overrides.path ?? header.name
  const linkname = overrides.linkpath ?? header.linkname
  return {
    name: normalizeMemberName(name, where),
    type: header.type === 'file' && name.endsWith('/') ? 'directory' : header.type,
    size: overrides.size ?? header.size,
    linkname,
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
