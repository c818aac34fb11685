// The records that precede a tar entry, folded the same way for every reader: pax extended
// headers (local "x" for the next entry, global "g" for every later one), GNU long names ("L")
// and long link targets ("K"). The layer scanner (tarScanner.ts) and the archive readers
// (tarMemberHeader.ts) both keep one TarRecords per archive. Caps come from tarLimits.ts.
// Names come out RAW (decoded, not normalized): the ".." policy is the caller's (tarNames.ts).

import { StrataError } from '../../shared/errors'
import { decodeName } from './tarNames'
import type { DecodedName } from './tarNames'
import { gnuLongName, parsePaxRecords } from './tarHeader'
import { checkPathLength, MAX_META_BYTES, paxNumber } from './tarLimits'

export type MetaType = 'x' | 'g' | 'L' | 'K'

export function isMetaType(typeflag: string): typeflag is MetaType {
  return typeflag === 'x' || typeflag === 'g' || typeflag === 'L' || typeflag === 'K'
}

export class TarRecords {
  private local = new Map<string, string>()
  private readonly global = new Map<string, string>()
  private longName: Uint8Array | undefined
  private longLink: Uint8Array | undefined
  /** Metadata bytes since the last entry, and global pax bytes in the whole archive. */
  private sinceEntry = 0
  private globalBytes = 0

  /** `label` (an archive path) prefixes messages; layers are named by the caller. */
  constructor(private readonly label?: string) {}

  /** Checks a record's size against the caps before its body is read. */
  admit(type: MetaType, size: number, offset: number): void {
    if (size > MAX_META_BYTES) {
      throw this.malformed(`tar metadata header at byte ${offset} is ${size} bytes (limit 1 MiB)`)
    }
    // Many records in a row (or many global ones) would add up without this.
    if (type === 'g') this.globalBytes += size
    else this.sinceEntry += size
    if (this.sinceEntry > MAX_META_BYTES || this.globalBytes > MAX_META_BYTES) {
      throw this.malformed(
        `tar metadata before byte ${offset} adds up to more than 1 MiB (limit 1 MiB)`,
      )
    }
  }

  /** Folds a record's body (read whole, at most MAX_META_BYTES) into what the next entry sees. */
  fold(type: MetaType, body: Uint8Array, offset: number): void {
    if (type === 'L') this.longName = Uint8Array.from(gnuLongName(body))
    else if (type === 'K') this.longLink = Uint8Array.from(gnuLongName(body))
    else {
      let records: Map<string, string>
      try {
        records = parsePaxRecords(body, offset)
      } catch (error) {
        if (this.label === undefined || !(error instanceof StrataError)) throw error
        throw this.malformed(error.message)
      }
      const into = type === 'g' ? this.global : this.local
      for (const [key, value] of records) into.set(key, value)
    }
  }

  /** A pax value for the next entry: its own records first, then the global ones. */
  pax(key: string): string | undefined {
    return this.local.get(key) ?? this.global.get(key)
  }

  /** The entry's raw name: pax GNU.sparse.name or path, else the GNU long name, else the header's. */
  name(headerName: Uint8Array, headerOffset: number): DecodedName {
    const paxName = this.pax('GNU.sparse.name') ?? this.pax('path')
    const name =
      paxName === undefined
        ? decodeName(this.longName ?? headerName)
        : { text: paxName, invalidUtf8: false }
    this.checkLength('path', name.text, headerOffset)
    return name
  }

  /** The raw link target: pax linkpath, else the GNU long link, else the header's. */
  link(headerLink: Uint8Array, headerOffset: number): DecodedName {
    const paxLink = this.pax('linkpath')
    const link =
      paxLink === undefined
        ? decodeName(this.longLink ?? headerLink)
        : { text: paxLink, invalidUtf8: false }
    this.checkLength('link target', link.text, headerOffset)
    return link
  }

  /** Bytes stored after the header: pax size when given, else the header's size field. */
  storedSize(headerSize: number): number {
    return this.wrap(() => paxNumber(this.pax('size'))) ?? headerSize
  }

  /** A pax number (uid, gid, sparse sizes) under the same caps; undefined when absent. */
  number(key: string): number | undefined {
    return this.wrap(() => paxNumber(this.pax(key)))
  }

  /** The entry is built: local records and long names apply to it alone. */
  entryDone(): void {
    this.local = new Map()
    this.longName = undefined
    this.longLink = undefined
    this.sinceEntry = 0
  }

  private checkLength(what: string, text: string, offset: number): void {
    this.wrap(() => checkPathLength(what, text, offset))
  }

  private wrap<T>(run: () => T): T {
    try {
      return run()
    } catch (error) {
      if (this.label === undefined || !(error instanceof StrataError)) throw error
      throw this.malformed(error.message)
    }
  }

  private malformed(message: string): StrataError {
    if (this.label === undefined) return new StrataError('MALFORMED', message)
    return new StrataError('MALFORMED', `${this.label}: ${message}`, { subject: this.label })
  }
}
