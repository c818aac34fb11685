// Pure parsing of one 512-byte tar header block and of pax extended records: no streams, no
// state. Covers ustar (with its 155-byte prefix), the GNU header (its own magic, sparse map
// and real size fields), octal and base-256 numbers, and header checksums.

import { StrataError } from '../../shared/errors'

export const BLOCK = 512

/** Sizes over this are refused whatever the header says: no layer file is that large. */
export const MAX_ENTRY_SIZE = 64 * 1024 ** 3

export interface RawHeader {
  /** Name bytes as found (ustar prefix joined); decoded by the caller. */
  readonly name: Uint8Array
  readonly linkname: Uint8Array
  readonly mode: number
  readonly uid: number
  readonly gid: number
  readonly size: number
  readonly mtime: number
  /** The type flag character; "\0" already mapped to "0". */
  readonly typeflag: string
  readonly gnu: boolean
  /** Character (3) and block (4) devices: devmajor / devminor. */
  readonly devMajor?: number
  readonly devMinor?: number
  /** GNU sparse (type S): the real file size and whether extension blocks follow. */
  readonly realSize?: number
  readonly sparseExtended?: boolean
  /** GNU sparse (type S): the data segments listed in the header itself. */
  readonly sparseMap?: readonly SparseSegment[]
}

/** One stored run of a sparse file: `size` bytes that belong at `offset`. */
export interface SparseSegment {
  readonly offset: number
  readonly size: number
}

/** True when every byte of the block is zero (end-of-archive marker). */
export function isZeroBlock(block: Uint8Array): boolean {
  for (let i = 0; i < BLOCK; i++) if (block[i] !== 0) return false
  return true
}

/** Whether the block's checksum field matches its bytes (unsigned or historic signed sum). */
export function checksumMatches(block: Uint8Array): boolean {
  const stored = parseOctal(block, 148, 8)
  if (stored === undefined) return false
  let unsigned = 0
  let signed = 0
  for (let i = 0; i < BLOCK; i++) {
    const byte = i >= 148 && i < 156 ? 0x20 : (block[i] ?? 0)
    unsigned += byte
    signed += byte > 127 ? byte - 256 : byte
  }
  return stored === unsigned || stored === signed
}

/** Parses a header block; throws MALFORMED naming `offset` when it is not a valid header. */
export function parseHeader(block: Uint8Array, offset: number): RawHeader {
  if (!checksumMatches(block)) {
    throw new StrataError(
      'MALFORMED',
      `tar header checksum is wrong at byte ${offset}: the layer is corrupt or not a tar`,
    )
  }
  const gnu = isGnuHeader(block)
  const typeflag = headerTypeflag(block)
  const size = numberField(block, 124, 12, 'size', offset)
  if (size > MAX_ENTRY_SIZE) {
    throw new StrataError(
      'MALFORMED',
      `tar entry at byte ${offset} claims ${size} bytes (over the 64 GiB limit): the header is corrupt`,
    )
  }
  const header: RawHeader = {
    name: headerName(block),
    linkname: headerLinkname(block),
    mode: numberField(block, 100, 8, 'mode', offset),
    uid: numberField(block, 108, 8, 'uid', offset),
    gid: numberField(block, 116, 8, 'gid', offset),
    size,
    mtime: numberField(block, 136, 12, 'mtime', offset),
    typeflag,
    gnu,
    ...(typeflag === '3' || typeflag === '4'
      ? {
          devMajor: numberField(block, 329, 8, 'devmajor', offset),
          devMinor: numberField(block, 337, 8, 'devminor', offset),
        }
      : {}),
  }
  if (gnu && typeflag === 'S') {
    return {
      ...header,
      realSize: numberField(block, 483, 12, 'realsize', offset),
      sparseExtended: block[482] === 1,
      sparseMap: sparseSegments(block, 386, 4, offset),
    }
  }
  return header
}

/** GNU headers ("ustar  \0") reuse the ustar prefix field for sparse data and times. */
export function isGnuHeader(block: Uint8Array): boolean {
  return matches(block, 257, 'ustar  \0')
}

/** "ustar" at the magic field: POSIX ustar and GNU headers both have it, v7 ones do not. */
export function hasUstarMagic(block: Uint8Array): boolean {
  return matches(block, 257, 'ustar')
}

/** The member name bytes; a POSIX ustar header may split a long one into prefix + name. */
export function headerName(block: Uint8Array): Uint8Array {
  const name = cString(block, 0, 100)
  if (isGnuHeader(block) || !hasUstarMagic(block) || block[345] === 0) return name
  const prefix = cString(block, 345, 155)
  const joined = new Uint8Array(prefix.length + 1 + name.length)
  joined.set(prefix, 0)
  joined[prefix.length] = 0x2f
  joined.set(name, prefix.length + 1)
  return joined
}

export function headerLinkname(block: Uint8Array): Uint8Array {
  return cString(block, 157, 100)
}

/** The type flag character, with the pre-POSIX "\0" mapped to "0" (regular file). */
export function headerTypeflag(block: Uint8Array): string {
  const raw = String.fromCharCode(block[156] ?? 0)
  return raw === '\0' ? '0' : raw
}

/** The size field (octal or base-256); undefined when it is neither or not a safe integer. */
export function headerSize(block: Uint8Array): number | undefined {
  return tarNumber(block, 124, 12)
}

/** A GNU long name / long link record body: the name bytes before the terminating NUL. */
export function gnuLongName(body: Uint8Array): Uint8Array {
  const end = body.indexOf(0)
  return end < 0 ? body : body.subarray(0, end)
}

/** Whether a GNU sparse extension block says another one follows. */
export function sparseExtensionContinues(block: Uint8Array): boolean {
  return block[504] === 1
}

/** The (offset, size) pairs of a GNU sparse map: 4 in the header, 21 per extension block. */
export function sparseSegments(
  block: Uint8Array,
  start: number,
  count: number,
  offset: number,
): SparseSegment[] {
  const segments: SparseSegment[] = []
  for (let i = 0; i < count; i++) {
    const at = start + i * 24
    if (block[at] === 0) break
    segments.push({
      offset: numberField(block, at, 12, 'sparse offset', offset),
      size: numberField(block, at + 12, 12, 'sparse size', offset),
    })
  }
  return segments
}

/** Pax "LEN key=value\n" records; throws MALFORMED on a record that does not parse. */
export function parsePaxRecords(data: Uint8Array, offset: number): Map<string, string> {
  const records = splitPaxRecords(data)
  if (records === undefined) {
    throw new StrataError('MALFORMED', `pax header at byte ${offset} has a malformed record`)
  }
  return records
}

/** Pax records by key (a later record wins); undefined when a record does not parse. */
export function splitPaxRecords(data: Uint8Array): Map<string, string> | undefined {
  const records = new Map<string, string>()
  const decoder = new TextDecoder()
  let at = 0
  while (at < data.length) {
    if (data[at] === 0) break // some writers pad the record block with NULs
    let space = at
    while (space < data.length && data[space] !== 0x20) space++
    const length = Number(decoder.decode(data.subarray(at, space)))
    if (!Number.isInteger(length) || length <= space - at || at + length > data.length) {
      return undefined
    }
    const record = decoder.decode(data.subarray(space + 1, at + length - 1))
    const equals = record.indexOf('=')
    if (equals > 0) records.set(record.slice(0, equals), record.slice(equals + 1))
    at += length
  }
  return records
}

function numberField(
  block: Uint8Array,
  start: number,
  length: number,
  field: string,
  offset: number,
): number {
  const value = tarNumber(block, start, length)
  if (value === undefined) {
    throw new StrataError('MALFORMED', `tar header at byte ${offset} has an invalid ${field} field`)
  }
  return value
}

/** A numeric field: octal, or GNU base-256; undefined when invalid, negative or unsafe. */
export function tarNumber(block: Uint8Array, start: number, length: number): number | undefined {
  const first = block[start] ?? 0
  const value = first & 0x80 ? parseBase256(block, start, length) : parseOctal(block, start, length)
  return value !== undefined && Number.isSafeInteger(value) ? value : undefined
}

/** Octal digits, leading spaces allowed, ended by NUL or space; undefined when not octal. */
function parseOctal(block: Uint8Array, start: number, length: number): number | undefined {
  let i = start
  const end = start + length
  while (i < end && block[i] === 0x20) i++
  let value = 0
  let digits = 0
  for (; i < end; i++) {
    const c = block[i] ?? 0
    if (c === 0 || c === 0x20) break
    if (c < 0x30 || c > 0x37) return undefined
    value = value * 8 + (c - 0x30)
    digits++
  }
  return digits === 0 ? 0 : value
}

/** GNU base-256: high bit set on the first byte, big-endian two's complement after it. */
function parseBase256(block: Uint8Array, start: number, length: number): number | undefined {
  const negative = ((block[start] ?? 0) & 0x40) !== 0
  if (negative) return undefined // negative sizes, ids and times are refused
  let value = (block[start] ?? 0) & 0x3f
  for (let i = start + 1; i < start + length; i++) value = value * 256 + (block[i] ?? 0)
  return value
}

function cString(block: Uint8Array, start: number, length: number): Uint8Array {
  let end = start
  while (end < start + length && block[end] !== 0) end++
  return block.subarray(start, end)
}

function matches(block: Uint8Array, start: number, text: string): boolean {
  for (let i = 0; i < text.length; i++) if (block[start + i] !== text.charCodeAt(i)) return false
  return true
}
