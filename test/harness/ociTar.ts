// A minimal, deterministic ustar writer for building layer fixtures: regular files,
// directories, symlinks, hard links, whiteouts and opaque-directory markers. Names longer than
// ustar allows get a PAX `path` record. Fixed mtimes and owners keep the bytes (and so the
// digests) stable from run to run.

export type TarEntrySpec =
  | { type: 'file'; path: string; content: string | Uint8Array; mode?: number; mtime?: number }
  | { type: 'dir'; path: string; mode?: number; mtime?: number }
  | { type: 'symlink'; path: string; target: string; mtime?: number }
  | { type: 'hardlink'; path: string; target: string; mtime?: number }
  /** Deletes `path` from lower layers: written as `dir/.wh.name`. */
  | { type: 'whiteout'; path: string; mtime?: number }
  /** Hides everything lower layers put in directory `path`: written as `path/.wh..wh..opq`. */
  | { type: 'opaque'; path: string; mtime?: number }

/** 2024-01-01T00:00:00Z: the mtime every entry gets unless it says otherwise. */
export const FIXED_MTIME = 1_704_067_200

const BLOCK = 512
const encoder = new TextEncoder()

export function buildTar(entries: readonly TarEntrySpec[]): Uint8Array {
  const chunks: Uint8Array[] = []
  for (const entry of entries) {
    for (const chunk of entryChunks(entry)) chunks.push(chunk)
  }
  chunks.push(new Uint8Array(BLOCK * 2)) // end-of-archive marker
  return concat(chunks)
}

interface HeaderFields {
  name: string
  mode: number
  size: number
  mtime: number
  typeflag: string
  linkname: string
}

function entryChunks(entry: TarEntrySpec): Uint8Array[] {
  const path = cleanPath(entry.path)
  const mtime = entry.mtime ?? FIXED_MTIME
  switch (entry.type) {
    case 'file': {
      const body = typeof entry.content === 'string' ? encoder.encode(entry.content) : entry.content
      const mode = entry.mode ?? 0o644
      return [
        ...header({ name: path, mode, size: body.length, mtime, typeflag: '0', linkname: '' }),
        ...padded(body),
      ]
    }
    case 'dir':
      return header({
        name: `${path}/`,
        mode: entry.mode ?? 0o755,
        size: 0,
        mtime,
        typeflag: '5',
        linkname: '',
      })
    case 'symlink':
      return header({
        name: path,
        mode: 0o777,
        size: 0,
        mtime,
        typeflag: '2',
        linkname: entry.target,
      })
    case 'hardlink':
      return header({
        name: path,
        mode: 0o644,
        size: 0,
        mtime,
        typeflag: '1',
        linkname: cleanPath(entry.target),
      })
    case 'whiteout': {
      const slash = path.lastIndexOf('/')
      const name =
        slash < 0 ? `.wh.${path}` : `${path.slice(0, slash)}/.wh.${path.slice(slash + 1)}`
      return header({ name, mode: 0o644, size: 0, mtime, typeflag: '0', linkname: '' })
    }
    case 'opaque':
      return header({
        name: `${path}/.wh..wh..opq`,
        mode: 0o644,
        size: 0,
        mtime,
        typeflag: '0',
        linkname: '',
      })
  }
}

function cleanPath(path: string): string {
  const trimmed = path.replace(/^(\.\/|\/)+/, '').replace(/\/+$/, '')
  if (trimmed === '') throw new Error(`tar entry path "${path}" is empty`)
  return trimmed
}

/** One ustar header, preceded by a PAX header when the name or link does not fit. */
function header(fields: HeaderFields): Uint8Array[] {
  const split = splitName(fields.name)
  const needsPax = split === undefined || byteLength(fields.linkname) > 100
  const out: Uint8Array[] = []
  if (needsPax) {
    const records: string[] = []
    if (split === undefined) records.push(paxRecord('path', fields.name))
    if (byteLength(fields.linkname) > 100) records.push(paxRecord('linkpath', fields.linkname))
    const body = encoder.encode(records.join(''))
    const paxName = `PaxHeaders/${fields.name.slice(-80).replace(/^\/+/, '')}`
    out.push(
      ustarBlock(
        { ...fields, name: paxName, mode: 0o644, size: body.length, typeflag: 'x', linkname: '' },
        { prefix: '', name: paxName.slice(-100) },
      ),
      ...padded(body),
    )
  }
  const names = split ?? { prefix: '', name: fields.name.slice(-100) }
  out.push(ustarBlock({ ...fields, linkname: truncateBytes(fields.linkname, 100) }, names))
  return out
}

function ustarBlock(fields: HeaderFields, names: { prefix: string; name: string }): Uint8Array {
  const block = new Uint8Array(BLOCK)
  writeString(block, 0, 100, names.name)
  writeOctal(block, 100, 8, fields.mode)
  writeOctal(block, 108, 8, 0) // uid
  writeOctal(block, 116, 8, 0) // gid
  writeOctal(block, 124, 12, fields.size)
  writeOctal(block, 136, 12, fields.mtime)
  block.fill(0x20, 148, 156) // checksum field counts as spaces while summing
  writeString(block, 156, 1, fields.typeflag)
  writeString(block, 157, 100, fields.linkname)
  writeString(block, 257, 6, 'ustar\0')
  writeString(block, 263, 2, '00')
  writeString(block, 265, 32, 'root')
  writeString(block, 297, 32, 'root')
  writeOctal(block, 329, 8, 0)
  writeOctal(block, 337, 8, 0)
  writeString(block, 345, 155, names.prefix)
  let sum = 0
  for (const byte of block) sum += byte
  writeString(block, 148, 8, sum.toString(8).padStart(6, '0') + '\0 ')
  return block
}

/** ustar keeps up to 155 bytes of directory in `prefix` and 100 bytes of name. */
function splitName(name: string): { prefix: string; name: string } | undefined {
  if (byteLength(name) <= 100) return { prefix: '', name }
  for (let i = name.indexOf('/'); i >= 0; i = name.indexOf('/', i + 1)) {
    const prefix = name.slice(0, i)
    const rest = name.slice(i + 1)
    if (byteLength(prefix) <= 155 && byteLength(rest) <= 100 && rest !== '')
      return { prefix, name: rest }
  }
  return undefined
}

function paxRecord(key: string, value: string): string {
  const payload = ` ${key}=${value}\n`
  let length = byteLength(payload)
  // The length counts its own digits: grow until it is self-consistent.
  while (String(length).length + byteLength(payload) !== length)
    length = String(length).length + byteLength(payload)
  return `${length}${payload}`
}

function writeString(block: Uint8Array, offset: number, length: number, value: string): void {
  block.set(encoder.encode(value).subarray(0, length), offset)
}

function writeOctal(block: Uint8Array, offset: number, length: number, value: number): void {
  writeString(block, offset, length, value.toString(8).padStart(length - 1, '0') + '\0')
}

function padded(body: Uint8Array): Uint8Array[] {
  const remainder = body.length % BLOCK
  return remainder === 0 ? [body] : [body, new Uint8Array(BLOCK - remainder)]
}

function byteLength(value: string): number {
  return encoder.encode(value).length
}

function truncateBytes(value: string, max: number): string {
  return byteLength(value) <= max ? value : value.slice(0, max)
}

export function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0)
  const out = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.length
  }
  return out
}
