// The Docker daemon's image export (`docker save`) seen as an archive. One pass over the
// stream at open hashes every member and keeps the small ones (manifest.json, configs); a
// layer is read later by exporting again and streaming just that member through. Nothing is
// written to disk and no layer is held in memory.

import { createHash } from 'node:crypto'
import { Readable } from 'node:stream'
import { StrataError } from '../../../shared/errors'
import type { ArchiveMember, ArchiveMembers } from '../archive/archiveMembers'
import type { DockerDaemonClient } from './dockerDaemonClient'
import type { TarMemberHeader } from '../../tar/tarMemberHeader'
import { followLinks } from '../../tar/tarMemberHeader'
import { readTarStream } from '../../tar/tarStreamReader'

/** Members up to this size are kept from the first pass: documents, never real layers. */
const KEEP_BYTES = 1024 * 1024
const KEEP_TOTAL_BYTES = 64 * 1024 * 1024
const HEAD_BYTES = 8

interface ScannedMember extends TarMemberHeader {
  readonly digest?: string
  readonly head?: Uint8Array
  readonly bytes?: Uint8Array
}

export class DaemonExportMembers implements ArchiveMembers {
  private constructor(
    readonly location: string,
    private readonly client: DockerDaemonClient,
    private readonly image: string,
    private readonly members: ReadonlyMap<string, ScannedMember>,
  ) {}

  /** Exports `image` once, hashing every member on the way past. */
  static async scan(
    client: DockerDaemonClient,
    image: string,
    signal?: AbortSignal,
  ): Promise<DaemonExportMembers> {
    const location = `the export of ${image} from the Docker daemon at ${client.socketPath}`
    const stream = await client.exportImage(image, signal)
    const members = new Map<string, ScannedMember>()
    let kept = 0
    try {
      for await (const { header, body } of readTarStream(stream, location)) {
        if (header.type !== 'file') {
          members.set(header.name, header)
          continue
        }
        const hash = createHash('sha256')
        const keep = header.size <= KEEP_BYTES && kept + header.size <= KEEP_TOTAL_BYTES
        const parts: Buffer[] = []
        let head: Buffer | undefined
        for await (const chunk of body) {
          hash.update(chunk)
          if (keep) parts.push(chunk)
          if (head === undefined || head.length < HEAD_BYTES) {
            head = Buffer.concat([head ?? Buffer.alloc(0), chunk]).subarray(0, HEAD_BYTES)
          }
        }
        if (keep) kept += header.size
        members.set(header.name, {
          ...header,
          digest: `sha256:${hash.digest('hex')}`,
          head: new Uint8Array(head ?? Buffer.alloc(0)),
          ...(keep ? { bytes: new Uint8Array(Buffer.concat(parts)) } : {}),
        })
      }
    } finally {
      stream.destroy()
    }
    return new DaemonExportMembers(location, client, image, members)
  }

  find(name: string): ArchiveMember | undefined {
    const member = followLinks((n) => this.members.get(n), name, this.location)
    return member === undefined ? undefined : { name: member.name, size: member.size }
  }

  names(): readonly string[] {
    return [...this.members.values()].filter((m) => m.type === 'file').map((m) => m.name)
  }

  async read(member: ArchiveMember, maxBytes: number, signal?: AbortSignal): Promise<Uint8Array> {
    const scanned = this.scanned(member)
    if (scanned.bytes !== undefined) return scanned.bytes
    if (scanned.size > maxBytes) {
      throw new StrataError('TOO_LARGE', `member ${member.name} of ${this.location} is too large`)
    }
    const parts: Buffer[] = []
    for await (const chunk of await this.open(member, signal)) parts.push(chunk as Buffer)
    return new Uint8Array(Buffer.concat(parts))
  }

  /** Exports the image again and streams only this member; the export stops after it. */
  open(member: ArchiveMember, signal?: AbortSignal): Promise<Readable> {
    const scanned = this.scanned(member)
    if (scanned.bytes !== undefined)
      return Promise.resolve(Readable.from([Buffer.from(scanned.bytes)]))
    return Promise.resolve(Readable.from(this.memberChunks(member.name, signal)))
  }

  digestOf(member: ArchiveMember): Promise<string> {
    const digest = this.scanned(member).digest
    if (digest === undefined) throw new StrataError('INTERNAL', `${member.name} was not hashed`)
    return Promise.resolve(digest)
  }

  head(member: ArchiveMember, length: number): Promise<Uint8Array> {
    const head = this.scanned(member).head ?? new Uint8Array()
    if (length > head.length && head.length < member.size) {
      throw new StrataError(
        'INTERNAL',
        `only ${head.length} leading bytes of ${member.name} were kept`,
      )
    }
    return Promise.resolve(head.subarray(0, length))
  }

  private async *memberChunks(name: string, signal?: AbortSignal): AsyncGenerator<Buffer> {
    const stream = await this.client.exportImage(this.image, signal)
    try {
      for await (const { header, body } of readTarStream(stream, this.location)) {
        if (header.name !== name) continue
        for await (const chunk of body) {
          signal?.throwIfAborted()
          yield chunk
        }
        return
      }
      throw new StrataError(
        'NOT_FOUND',
        `${this.location} no longer has member ${name}: the image changed since it was opened; reopen it`,
        { subject: name },
      )
    } finally {
      stream.destroy()
    }
  }

  private scanned(member: ArchiveMember): ScannedMember {
    const scanned = this.members.get(member.name)
    if (scanned === undefined || scanned.type !== 'file') {
      throw new StrataError('INTERNAL', `no member ${member.name} in ${this.location}`)
    }
    return scanned
  }
}
