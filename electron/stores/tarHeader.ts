// Pure parsing of tar headers (POSIX ustar, pax extended headers, GNU long names), kept apart
// from file and stream plumbing so both readers share it. Nothing here touches the disk.

import { StrataError } from '../../shared/errors'

export const TAR_BLOCK = 512

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

/** Whether the first bytes are gzip or zstd, for a "decompress it first" hint. */
export function compressionMagic(bytes: Uint8Array): 'gzip' | 'zstd' | undefined {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return 'gzip'
  if (bytes[0] === 0x28 && bytes[1] === 0xb5 && bytes[2] === 0x2f && bytes[3] === 0xfd)
    return 'zstd'
  return undefined
}

export function malformed(where: string, message: string): StrataError {
  return new StrataError('MALFORMED', `${where}: ${message}`, { subject: where })
}

/**
 * Parses one 512-byte header block. `where` names the archive and the offset for errors; the
 * caller applies pending pax / GNU values with applyOverrides().
 */
export function parseHeaderBlock(block: Uint8Array, where: string): RawHeader {
  if (block.every((byte) => byte === 0)) return { kind: 'end' }
  checkChecksum(block, where)
  const size = parseNumber(block.subarray(124, 136), where, 'size')
  const typeflag = String.fromCharCode(block[156] ?? 0)
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
  // ustar ("ustar\0") splits long names into prefix + name; GNU ("ustar  ") uses that field
  // for other things, so the prefix is read only for the POSIX magic.
  const posix = readString(block, 257, 6) === 'ustar'
  const prefix = posix && block[262] === 0 ? readString(block, 345, 155) : ''
  const base = readString(block, 0, 100)
  const rawName = prefix === '' ? base : `${prefix}/${base}`
  const header: TarMemberHeader = {
    name: rawName,
    type: memberType(typeflag, rawName),
    size,
    linkname: readString(block, 157, 100),
  }
  return { kind: 'member', header, rawName }
}

function memberType(typeflag: string, name: string): TarMemberType {
  switch (typeflag) {
    case '0':
    case '\0':
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

/** Reads pax records ("LEN key=value\n") into overrides; unknown keys are ignored. */
export function parsePaxRecords(body: Uint8Array, where: string, into: PendingOverrides): void {
  let offset = 0
  while (offset < body.length) {
    if (body[offset] === 0) break // some writers pad the record block with NULs
    const space = body.indexOf(0x20, offset)
    const length = Number(decoder.decode(body.subarray(offset, space)))
    if (space < 0 || !Number.isInteger(length) || length <= 0 || offset + length > body.length) {
      throw malformed(where, 'a pax extended header record is malformed')
    }
    const record = decoder.decode(body.subarray(space + 1, offset + length - 1))
    const equals = record.indexOf('=')
    const key = record.slice(0, equals)
    const value = record.slice(equals + 1)
    if (key === 'path') into.path = value
    else if (key === 'linkpath') into.linkpath = value
    else if (key === 'size') {
      const size = Number(value)
      if (!Number.isSafeInteger(size) || size < 0)
        throw malformed(where, `pax size "${value}" is invalid`)
      into.size = size
    }
    offset += length
  }
}

/** A GNU long name / long link body: the name, NUL-terminated. */
export function parseGnuName(body: Uint8Array): string {
  const end = body.indexOf(0)
  return decoder.decode(end < 0 ? body : body.subarray(0, end))
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

function checkChecksum(block: Uint8Array, where: string): void {
  const stored = parseOctal(block.subarray(148, 156))
  let unsigned = 0
  let signed = 0
  for (let i = 0; i < TAR_BLOCK; i++) {
    const byte = i >= 148 && i < 156 ? 0x20 : (block[i] ?? 0)
    unsigned += byte
    signed += byte > 127 ? byte - 256 : byte
  }
  if (stored === undefined || (stored !== unsigned && stored !== signed)) {
    throw malformed(
      where,
      'not a tar header (checksum does not match); is this really a tar archive?',
    )
  }
}

function parseNumber(field: Uint8Array, where: string, what: string): number {
  // GNU base-256: high bit of the first byte set, big-endian value in the rest.
  if (((field[0] ?? 0) & 0x80) !== 0) {
    let value = (field[0] ?? 0) & 0x7f
    for (let i = 1; i < field.length; i++) value = value * 256 + (field[i] ?? 0)
    if (!Number.isSafeInteger(value)) throw malformed(where, `the ${what} field is too large`)
    return value
  }
  const value = parseOctal(field)
  if (value === undefined) throw malformed(where, `the ${what} field is not an octal number`)
  return value
}

function parseOctal(field: Uint8Array): number | undefined {
  const text = decoder.decode(field).replace(/\0.*$/s, '').trim()
  if (text === '') return 0
  if (!/^[0-7]+$/.test(text)) return undefined
  return parseInt(text, 8)
}

function readString(block: Uint8Array, offset: number, length: number): string {
  const field = block.subarray(offset, offset + length)
  const end = field.indexOf(0)
  return decoder.decode(end < 0 ? field : field.subarray(0, end))
}
