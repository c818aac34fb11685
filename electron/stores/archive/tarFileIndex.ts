// A tar file read in place: one pass over the headers records where each member's bytes are,
// and members are then read by offset. Nothing is ever extracted to disk.

import { createHash } from 'node:crypto'
import { stat } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { addAbortSignal, PassThrough, Readable } from 'node:stream'
import { StrataError } from '../../../shared/errors'
import { compressionMagic } from '../../compression/detectCompression'
import { holdStreamErrors } from '../../util/holdStreamErrors'
import { openUserFile, rangeStream } from '../../util/safeFile'
import type { ArchiveMember, ArchiveMembers } from './archiveMembers'
import { fileError } from '../../sources/blobFile'
import type { TarMemberHeader } from '../../tar/tarMemberHeader'
import {
  countMember,
  followLinks,
  malformed,
  memberOf,
  paddedSize,
  parseHeaderBlock,
  TAR_BLOCK,
} from '../../tar/tarMemberHeader'
import { TarRecords } from '../../tar/tarRecords'

interface IndexedMember extends TarMemberHeader {
  /** Offset of the member's first data byte in the file. */
  readonly offset: number
}

/** Indexes the tar at `path`; throws NOT_FOUND / FORBIDDEN / MALFORMED naming the path. */
export async function indexTarFile(
  path: string,
  expected: string,
  signal?: AbortSignal,
): Promise<TarFileIndex> {
  // A regular file only (a directory, FIFO or device is refused without blocking); the user's
  // path itself may go through symbolic links.
  const file = await openUserFile(path, expected)
  try {
    const members = await scanHeaders(file.handle, path, file.size, signal)
    return new TarFileIndex(path, members, `${file.size}:${file.mtimeMs}`)
  } catch (error) {
    throw fileError(error, path, expected)
  } finally {
    await file.handle.close()
  }
}

async function scanHeaders(
  handle: FileHandle,
  path: string,
  fileSize: number,
  signal: AbortSignal | undefined,
): Promise<Map<string, IndexedMember>> {
  const members = new Map<string, IndexedMember>()
  const block = new Uint8Array(TAR_BLOCK)
  const records = new TarRecords(path)
  let offset = 0
  for (;;) {
    signal?.throwIfAborted()
    const where = `${path} at byte ${offset}`
    if (offset + TAR_BLOCK > fileSize) {
      if (offset === 0) throw malformed(path, 'the file is empty; expected a tar archive')
      throw malformed(
        path,
        `the archive is truncated: it ends at byte ${fileSize} without the end-of-archive marker`,
      )
    }
    await readExactly(handle, block, offset)
    if (offset === 0) refuseCompressed(block, path)
    const raw = parseHeaderBlock(block, where, offset)
    if (raw.kind === 'end') return members
    const dataOffset = offset + TAR_BLOCK
    let size: number
    if (raw.kind === 'meta') {
      size = raw.size
      records.admit(raw.meta, size, offset)
      truncatedAt(dataOffset, size, fileSize, 'an extended header', path)
      const body = new Uint8Array(size)
      await readExactly(handle, body, dataOffset)
      records.fold(raw.meta, body, offset)
    } else {
      countMember(members.size + 1, where)
      const header = memberOf(raw.fields, records, offset, where)
      size = header.size
      truncatedAt(dataOffset, size, fileSize, `member ${header.name}`, path)
      if (header.name !== '') members.set(header.name, { ...header, offset: dataOffset })
    }
    offset = dataOffset + paddedSize(size)
  }
}

function truncatedAt(
  dataOffset: number,
  size: number,
  fileSize: number,
  what: string,
  path: string,
): void {
  if (dataOffset + size <= fileSize) return
  throw malformed(
    path,
    `the archive is truncated: ${what} needs ${size} bytes at byte ${dataOffset}, but the file ends at ${fileSize}`,
  )
}

function refuseCompressed(block: Uint8Array, path: string): void {
  const magic = compressionMagic(block)
  if (magic === undefined) return
  const tool = magic === 'gzip' ? 'gunzip -k' : 'unzstd'
  throw new StrataError(
    'UNSUPPORTED_MEDIA_TYPE',
    `${path} is ${magic}-compressed; Strata reads tar archives in place, so decompress it first (${tool} ${path}) and open the .tar`,
    { subject: path },
  )
}

async function readExactly(handle: FileHandle, into: Uint8Array, position: number): Promise<void> {
  let done = 0
  while (done < into.length) {
    const { bytesRead } = await handle.read(into, done, into.length - done, position + done)
    if (bytesRead === 0) throw new StrataError('MALFORMED', 'the file ended while reading it')
    done += bytesRead
  }
}

export class TarFileIndex implements ArchiveMembers {
  private readonly digests = new Map<string, Promise<string>>()

  constructor(
    readonly location: string,
    private readonly members: ReadonlyMap<string, IndexedMember>,
    /** Size and mtime when indexed: a rewritten archive is indexed again. */
    private readonly stamp: string,
  ) {}

  /** This index if the file is unchanged since it was made, else a fresh one. */
  async refreshed(expected: string, signal?: AbortSignal): Promise<TarFileIndex> {
    try {
      const info = await stat(this.location)
      if (`${info.size}:${info.mtimeMs}` === this.stamp) return this
    } catch {
      // gone or unreadable: indexing again reports it properly
    }
    return indexTarFile(this.location, expected, signal)
  }

  find(name: string): ArchiveMember | undefined {
    const member = this.resolve(name)
    return member === undefined ? undefined : { name: member.name, size: member.size }
  }

  names(): readonly string[] {
    return [...this.members.values()].filter((m) => m.type === 'file').map((m) => m.name)
  }

  async read(member: ArchiveMember, maxBytes: number, signal?: AbortSignal): Promise<Uint8Array> {
    const indexed = this.indexed(member)
    if (indexed.size > maxBytes)
      throw malformed(this.location, `member ${member.name} is too large to read whole`)
    signal?.throwIfAborted()
    const { handle } = await openUserFile(this.location, 'the archive opened earlier')
    try {
      const bytes = new Uint8Array(indexed.size)
      await readExactly(handle, bytes, indexed.offset)
      return bytes
    } catch (error) {
      throw error instanceof StrataError && error.code === 'MALFORMED'
        ? malformed(this.location, `the archive shrank since it was opened; reopen it`)
        : fileError(error, this.location, `member ${member.name}`)
    } finally {
      await handle.close()
    }
  }

  async open(member: ArchiveMember, signal?: AbortSignal): Promise<Readable> {
    const indexed = this.indexed(member)
    if (indexed.size === 0) return Readable.from([])
    // Opened again as a regular file only: a FIFO swapped in for the archive cannot block it.
    const file = await openUserFile(this.location, 'the archive opened earlier')
    const stream = rangeStream(file, {
      start: indexed.offset,
      end: indexed.offset + indexed.size - 1,
    })
    // The reader sees StrataErrors naming the archive, and the file closes when it stops early.
    const out = new PassThrough()
    stream.on('error', (error) =>
      out.destroy(fileError(error, this.location, `member ${member.name}`)),
    )
    out.on('close', () => stream.destroy())
    stream.pipe(out)
    if (signal) addAbortSignal(signal, out)
    return holdStreamErrors(out)
  }

  digestOf(member: ArchiveMember, signal?: AbortSignal): Promise<string> {
    let digest = this.digests.get(member.name)
    if (digest === undefined) {
      digest = this.hash(member, signal)
      this.digests.set(member.name, digest)
      digest.catch(() => this.digests.delete(member.name))
    }
    return digest
  }

  async head(member: ArchiveMember, length: number): Promise<Uint8Array> {
    return this.read({ name: member.name, size: Math.min(length, member.size) }, length)
  }

  private async hash(member: ArchiveMember, signal?: AbortSignal): Promise<string> {
    const hash = createHash('sha256')
    for await (const chunk of await this.open(member, signal)) hash.update(chunk as Buffer)
    return `sha256:${hash.digest('hex')}`
  }

  /** The indexed entry for a member this index handed out (or a shortened view of one). */
  private indexed(member: ArchiveMember): IndexedMember {
    const entry = this.members.get(member.name)
    if (entry === undefined)
      throw new StrataError('INTERNAL', `no member ${member.name} in ${this.location}`)
    return { ...entry, size: Math.min(entry.size, member.size) }
  }

  private resolve(name: string): IndexedMember | undefined {
    return followLinks((n) => this.members.get(n), name, this.location)
  }
}
