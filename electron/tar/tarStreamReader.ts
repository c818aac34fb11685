// Reads a tar archive that arrives as a stream (the Docker daemon's image export): yields each
// member's header and a body to read once. Bodies are never held whole: a member the caller
// does not read is skipped as it streams past.

import type { TarMemberHeader } from './tarMemberHeader'
import {
  countMember,
  malformed,
  memberOf,
  paddedSize,
  parseHeaderBlock,
  TAR_BLOCK,
} from './tarMemberHeader'
import { TarRecords } from './tarRecords'

export interface StreamedMember {
  readonly header: TarMemberHeader
  /** The member's bytes; valid only until the next member is requested. */
  readonly body: AsyncIterable<Buffer>
}

/** Buffers just enough of an async byte source to hand out exact lengths. */
class ByteReader {
  private chunks: Buffer[] = []
  private buffered = 0
  private readonly iterator: AsyncIterator<Uint8Array>
  private ended = false
  position = 0

  constructor(source: AsyncIterable<Uint8Array>) {
    this.iterator = source[Symbol.asyncIterator]()
  }

  /** Makes at least `n` bytes available; false if the source ends first. */
  async fill(n: number): Promise<boolean> {
    while (this.buffered < n && !this.ended) {
      const next = await this.iterator.next()
      if (next.done === true) this.ended = true
      else if (next.value.length > 0) {
        const chunk = Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength)
        this.chunks.push(chunk)
        this.buffered += chunk.length
      }
    }
    return this.buffered >= n
  }

  /** Up to `max` bytes already buffered (fills once if nothing is). */
  async some(max: number): Promise<Buffer | undefined> {
    if (this.buffered === 0 && !(await this.fill(1))) return undefined
    const first = this.chunks[0] as Buffer
    const piece = first.length <= max ? first : first.subarray(0, max)
    if (piece.length === first.length) this.chunks.shift()
    else this.chunks[0] = first.subarray(max)
    this.buffered -= piece.length
    this.position += piece.length
    return piece
  }

  async exactly(n: number, where: string): Promise<Buffer> {
    if (!(await this.fill(n))) {
      throw malformed(where, `the stream ended ${n - this.buffered} bytes early; it is truncated`)
    }
    const parts: Buffer[] = []
    for (let need = n; need > 0;) {
      const piece = (await this.some(need)) as Buffer
      parts.push(piece)
      need -= piece.length
    }
    return parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts)
  }

  async skip(n: number, where: string): Promise<void> {
    for (let left = n; left > 0;) {
      const piece = await this.some(left)
      if (piece === undefined)
        throw malformed(where, 'the stream ended inside a member; it is truncated')
      left -= piece.length
    }
  }

  async return(): Promise<void> {
    await this.iterator.return?.()
  }
}

export async function* readTarStream(
  source: AsyncIterable<Uint8Array>,
  where: string,
): AsyncGenerator<StreamedMember> {
  const reader = new ByteReader(source)
  const records = new TarRecords(where)
  let count = 0
  try {
    for (;;) {
      const offset = reader.position
      const at = `${where} at byte ${offset}`
      if (!(await reader.fill(TAR_BLOCK))) {
        throw malformed(
          where,
          'the stream ended without the end-of-archive marker; it is truncated',
        )
      }
      const raw = parseHeaderBlock(await reader.exactly(TAR_BLOCK, at), at, offset)
      if (raw.kind === 'end') return
      if (raw.kind === 'meta') {
        records.admit(raw.meta, raw.size, offset)
        const body = await reader.exactly(raw.size, at)
        await reader.skip(paddedSize(raw.size) - raw.size, at)
        records.fold(raw.meta, body, offset)
        continue
      }
      countMember(++count, at)
      const header = memberOf(raw.fields, records, offset, at)
      let left = header.size
      const body = async function* (): AsyncGenerator<Buffer> {
        while (left > 0) {
          const piece = await reader.some(left)
          if (piece === undefined) throw malformed(at, `member ${header.name} is truncated`)
          left -= piece.length
          yield piece
        }
      }
      yield { header, body: body() }
      await reader.skip(left + paddedSize(header.size) - header.size, at)
    }
  } finally {
    await reader.return()
  }
}
