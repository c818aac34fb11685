// Pure encoding of tar headers for the archives Strata writes (a directory downloaded as a
// tar): one ustar header per entry, preceded by a pax extended header when a field does not
// fit ustar (names over 100 bytes that cannot be split, non-ASCII names and link targets,
// sizes from 8 GiB, large ids, fractional or out-of-range times). Stream plumbing lives in
// directoryTar.ts.

export const TAR_BLOCK = 512
/** Two zero blocks end an archive. */
export const TAR_END = Buffer.alloc(TAR_BLOCK * 2)

export type TarEntryKind = 'file' | 'dir' | 'symlink' | 'hardlink' | 'char' | 'block' | 'fifo'

export interface TarHeaderFields {
  /** Relative archive name without a trailing slash (directories get one added). */
  readonly name: string
  readonly kind: TarEntryKind
  readonly mode: number
  readonly uid: number
  readonly gid: number
  /** Data bytes that follow; 0 for everything but regular files. */
  readonly size: number
  /** Seconds since the epoch (fractions allowed). */
  readonly mtime: number
  /** Symlink target, or the archive name a hardlink points at. */
  readonly linkname?: string
  /** Character and block devices. */
  readonly device?: { readonly major: number; readonly minor: number }
}

const TYPEFLAG: Readonly<Record<TarEntryKind, string>> = {
  file: '0',
  hardlink: '1',
  symlink: '2',
  char: '3',
  block: '4',
  dir: '5',
  fifo: '6',
}

const MAX_OCTAL_11 = 0o77777777777 // size and mtime fields: 11 octal digits
const MAX_OCTAL_7 = 0o7777777 // uid and gid fields: 7 octal digits

/** The header block(s) of one entry: an optional pax header with its records, then ustar. */
export function encodeTarHeader(fields: TarHeaderFields): Buffer {
  const name = fields.kind === 'dir' ? `${fields.name}/` : fields.name
  const pax: [string, string][] = []
  const split = ustarName(name)
  if (!split) pax.push(['path', name])
  const linkname = fields.linkname ?? ''
  if (!fitsAscii(linkname, 100)) pax.push(['linkpath', linkname])
  if (fields.size > MAX_OCTAL_11) pax.push(['size', String(fields.size)])
  if (fields.uid > MAX_OCTAL_7) pax.push(['uid', String(fields.uid)])
  if (fields.gid > MAX_OCTAL_7) pax.push(['gid', String(fields.gid)])
  const wholeMtime = Number.isInteger(fields.mtime) && fields.mtime >= 0
  if (!wholeMtime || fields.mtime > MAX_OCTAL_11) pax.push(['mtime', String(fields.mtime)])
  const mtime = Math.min(MAX_OCTAL_11, Math.max(0, Math.floor(fields.mtime)))

  const ustar = headerBlock({
    name: split?.name ?? asciiFallback(name, 100),
    prefix: split?.prefix ?? '',
    mode: fields.mode & 0o7777,
    uid: fields.uid > MAX_OCTAL_7 ? 0 : fields.uid,
    gid: fields.gid > MAX_OCTAL_7 ? 0 : fields.gid,
    size: fields.size > MAX_OCTAL_11 ? 0 : fields.size,
    mtime,
    typeflag: TYPEFLAG[fields.kind],
    linkname: fitsAscii(linkname, 100) ? linkname : asciiFallback(linkname, 100),
    ...(fields.device ? { device: fields.device } : {}),
  })
  if (pax.length === 0) return ustar
  const records = Buffer.concat(pax.map(([key, value]) => paxRecord(key, value)))
  const paxHeader = headerBlock({
    name: asciiFallback(`PaxHeaders/${lastComponent(name)}`, 100),
    prefix: '',
    mode: 0o644,
    uid: 0,
    gid: 0,
    size: records.length,
    mtime,
    typeflag: 'x',
    linkname: '',
  })
  return Buffer.concat([paxHeader, records, padding(records.length), ustar])
}

/** Zero bytes that bring `size` bytes of data up to a whole block. */
export function padding(size: number): Buffer {
  return Buffer.alloc((TAR_BLOCK - (size % TAR_BLOCK)) % TAR_BLOCK)
}

/** Bytes an entry occupies in the archive: header(s), data and padding. */
export function encodedEntrySize(fields: TarHeaderFields): number {
  return encodeTarHeader(fields).length + fields.size + padding(fields.size).length
}

/** "%d key=value\n" where the leading length counts the whole record, itself included. */
export function paxRecord(key: string, value: string): Buffer {
  const body = ` ${key}=${value}\n`
  const bodyLength = Buffer.byteLength(body)
  let length = bodyLength + 1
  while (String(length).length + bodyLength !== length) length = String(length).length + bodyLength
  return Buffer.from(`${length}${body}`, 'utf8')
}

interface RawHeader {
  readonly name: string
  readonly prefix: string
  readonly mode: number
  readonly uid: number
  readonly gid: number
  readonly size: number
  readonly mtime: number
  readonly typeflag: string
  readonly linkname: string
  readonly device?: { readonly major: number; readonly minor: number }
}

function headerBlock(h: RawHeader): Buffer {
  const block = Buffer.alloc(TAR_BLOCK)
  block.write(h.name, 0, 100, 'latin1')
  block.write(octal(h.mode, 8), 100, 8, 'latin1')
  block.write(octal(h.uid, 8), 108, 8, 'latin1')
  block.write(octal(h.gid, 8), 116, 8, 'latin1')
  block.write(octal(h.size, 12), 124, 12, 'latin1')
  block.write(octal(h.mtime, 12), 136, 12, 'latin1')
  block.fill(0x20, 148, 156) // checksum counted as spaces
  block.write(h.typeflag, 156, 1, 'latin1')
  block.write(h.linkname, 157, 100, 'latin1')
  block.write('ustar\u000000', 257, 8, 'latin1')
  if (h.device) {
    block.write(octal(h.device.major, 8), 329, 8, 'latin1')
    block.write(octal(h.device.minor, 8), 337, 8, 'latin1')
  }
  block.write(h.prefix, 345, 155, 'latin1')
  let sum = 0
  for (const byte of block) sum += byte
  block.write(`${sum.toString(8).padStart(6, '0')}\u0000 `, 148, 8, 'latin1')
  return block
}

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\u0000`
}

function isPlainAscii(text: string): boolean {
  return /^[\x20-\x7e]*$/.test(text)
}

function fitsAscii(text: string, max: number): boolean {
  return isPlainAscii(text) && text.length <= max
}

/** The ustar name/prefix split of an ASCII name, or undefined when it needs a pax path. */
function ustarName(name: string): { name: string; prefix: string } | undefined {
  if (!isPlainAscii(name)) return undefined
  if (name.length <= 100) return { name, prefix: '' }
  // The prefix ends at a slash; the name after it keeps any trailing slash of a directory.
  for (let slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
    const prefix = name.slice(0, slash)
    const rest = name.slice(slash + 1)
    if (prefix.length <= 155 && rest.length <= 100 && rest !== '' && rest !== '/') {
      return { name: rest, prefix }
    }
    if (prefix.length > 155) break
  }
  return undefined
}

/** What readers without pax support see: printable ASCII, cut to the field. */
function asciiFallback(text: string, max: number): string {
  return text.replace(/[^\x20-\x7e]/g, '_').slice(0, max)
}

function lastComponent(name: string): string {
  const trimmed = name.replace(/\/+$/, '')
  return trimmed.slice(trimmed.lastIndexOf('/') + 1)
}
