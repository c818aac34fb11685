// A push parser for tar: feed it chunks of the uncompressed stream, it reports each entry
// (with pax, GNU long-name and sparse headers folded in) and either skips the entry's data
// as it flows past or hands it to a sink. It never holds more than one header block and one
// capped metadata record, so memory stays flat whatever the layer size. No stream plumbing
// here (see tarStream.ts); header bytes are parsed by tarHeader.ts.

import { StrataError } from '../../shared/errors'
import type { EntryWarning, LayerEntry } from '../../shared/api/files'
import { entryTypeOf, normalizeEntryPath } from './tarNames'
import type { DecodedName } from './tarNames'
import { INDEX_ENTRY_BYTES, jsonBytes, MAX_ENTRIES, MAX_INDEX_BYTES, paxTime } from './tarLimits'
import type { RawHeader, SparseSegment } from './tarHeader'
import {
  BLOCK,
  isZeroBlock,
  parseHeader,
  sparseExtensionContinues,
  sparseSegments,
} from './tarHeader'
import type { MetaType } from './tarRecords'
import { isMetaType, TarRecords } from './tarRecords'

export { MAX_ENTRIES, MAX_META_BYTES } from './tarLimits'

const MAX_SPARSE_SEGMENTS = 1_000_000

/** Receives one entry's data; a returned promise pauses the parser until it settles. */
export interface EntrySink {
  data(chunk: Buffer): void | Promise<void>
  end(): void
}

/**
 * Where a sparse entry's map is: already parsed (GNU type S, pax 0.1), or at the start of its
 * data (pax 1.0). Absent for formats Strata cannot expand (pax 0.0).
 */
export type SparseLayout =
  | { readonly kind: 'map'; readonly segments: readonly SparseSegment[] }
  | { readonly kind: 'in-data' }

/** Called for each entry; return a sink to receive its data, or undefined to skip it. */
export type EntryHandler = (entry: LayerEntry, sparse?: SparseLayout) => EntrySink | undefined

/** The parser paused at `at` in the chunk it was given until `wait` settles. */
export interface Paused {
  readonly at: number
  readonly wait: Promise<void>
}

type State = 'header' | 'meta' | 'sparse-ext' | 'data' | 'padding' | 'done'

export class TarScanner {
  private state: State = 'header'
  private readonly block = Buffer.alloc(BLOCK)
  private blockFill = 0
  private offset = 0
  private remaining = 0
  private zeroBlocks = 0
  private count = 0
  private meta: Buffer[] = []
  private metaKind: MetaType = 'x'
  private metaStart = 0
  /** pax and GNU long-name records, folded as every tar reader in Strata folds them. */
  private readonly records = new TarRecords()
  private entryStart = -1
  private pendingHeader: RawHeader | undefined
  private sparseMap: SparseSegment[] = []
  private sink: EntrySink | undefined
  private current = ''
  private storedSize = 0
  private stopped = false
  private indexBytes = 0

  constructor(
    private readonly onEntry: EntryHandler,
    private readonly maxEntries = MAX_ENTRIES,
    private readonly maxIndexBytes = MAX_INDEX_BYTES,
  ) {}

  /** Bytes consumed so far (the offset in the uncompressed stream). */
  get position(): number {
    return this.offset
  }

  get entries(): number {
    return this.count
  }

  /** Stop parsing: later chunks are ignored (the reader found what it wanted). */
  stop(): void {
    this.stopped = true
  }

  get isStopped(): boolean {
    return this.stopped
  }

  /** Consumes `chunk` from `from`; returns a pause when a sink needs the parser to wait. */
  push(chunk: Buffer, from = 0): Paused | undefined {
    let at = from
    while (at < chunk.length && !this.stopped) {
      switch (this.state) {
        case 'header':
        case 'sparse-ext':
          at = this.fillBlock(chunk, at)
          break
        case 'meta':
          at = this.fillMeta(chunk, at)
          break
        case 'data': {
          const take = Math.min(this.remaining, chunk.length - at)
          const piece = chunk.subarray(at, at + take)
          at += take
          this.offset += take
          this.remaining -= take
          const wait = take > 0 ? this.sink?.data(piece) : undefined
          if (this.remaining === 0) this.finishData()
          if (wait) return { at, wait }
          break
        }
        case 'padding': {
          const take = Math.min(this.remaining, chunk.length - at)
          at += take
          this.offset += take
          this.remaining -= take
          if (this.remaining === 0) this.state = 'header'
          break
        }
        case 'done':
          this.offset += chunk.length - at
          return undefined
      }
    }
    return undefined
  }

  /** The input ended: throws MALFORMED when it ended inside an entry. */
  finish(): void {
    if (this.stopped || this.state === 'done') return
    if (this.state === 'header' && this.blockFill === 0 && this.entryStart < 0) return
    const inside = this.current ? ` inside entry "${this.current}"` : ''
    throw new StrataError(
      'MALFORMED',
      `tar stream ends early at byte ${this.offset}${inside}: the layer is truncated`,
    )
  }

  private fillBlock(chunk: Buffer, at: number): number {
    const take = Math.min(BLOCK - this.blockFill, chunk.length - at)
    let block: Buffer
    if (this.blockFill === 0 && take === BLOCK) {
      block = chunk.subarray(at, at + BLOCK)
    } else {
      chunk.copy(this.block, this.blockFill, at, at + take)
      this.blockFill += take
      if (this.blockFill < BLOCK) {
        this.offset += take
        return at + take
      }
      block = this.block
    }
    this.blockFill = 0
    const blockOffset = this.offset - (BLOCK - take)
    this.offset += take
    if (this.state === 'sparse-ext') this.onSparseExtension(block)
    else this.onHeaderBlock(block, blockOffset)
    return at + take
  }

  private onHeaderBlock(block: Buffer, blockOffset: number): void {
    if (isZeroBlock(block)) {
      this.zeroBlocks++
      if (this.zeroBlocks >= 2) this.state = 'done'
      return
    }
    this.zeroBlocks = 0
    const header = parseHeader(block, blockOffset)
    if (this.entryStart < 0) this.entryStart = blockOffset
    const t = header.typeflag
    if (isMetaType(t)) {
      this.records.admit(t, header.size, blockOffset)
      this.metaKind = t
      this.metaStart = blockOffset
      this.meta = []
      this.remaining = header.size
      this.state = 'meta'
      if (header.size === 0) this.finishMeta()
      return
    }
    if (t === 'S') this.sparseMap = [...(header.sparseMap ?? [])]
    if (t === 'S' && header.sparseExtended) {
      // Kept across blocks: its name must not stay a view of a block that is overwritten.
      this.pendingHeader = {
        ...header,
        name: Uint8Array.from(header.name),
        linkname: Uint8Array.from(header.linkname),
      }
      this.state = 'sparse-ext'
      return
    }
    this.startEntry(header)
  }

  private onSparseExtension(block: Buffer): void {
    this.sparseMap.push(...sparseSegments(block, 0, 21, this.offset - BLOCK))
    if (this.sparseMap.length > MAX_SPARSE_SEGMENTS) {
      throw new StrataError('MALFORMED', `sparse map at byte ${this.offset} is absurdly long`)
    }
    if (sparseExtensionContinues(block)) return
    const header = this.pendingHeader
    this.pendingHeader = undefined
    this.state = 'header'
    if (header) this.startEntry(header)
  }

  private fillMeta(chunk: Buffer, at: number): number {
    const take = Math.min(this.remaining, chunk.length - at)
    this.meta.push(Buffer.from(chunk.subarray(at, at + take)))
    this.offset += take
    this.remaining -= take
    if (this.remaining === 0) this.finishMeta()
    return at + take
  }

  private finishMeta(): void {
    const data = Buffer.concat(this.meta)
    this.meta = []
    this.records.fold(this.metaKind, data, this.metaStart)
    this.toPadding(data.length)
  }

  private startEntry(header: RawHeader): void {
    this.count++
    if (this.count > this.maxEntries) {
      throw new StrataError(
        'MALFORMED',
        `layer has more than ${this.maxEntries.toLocaleString('en')} entries; Strata stops reading there`,
      )
    }
    const entry = this.buildEntry(header)
    this.indexBytes += INDEX_ENTRY_BYTES + jsonBytes(entry.path) + jsonBytes(entry.linkname)
    if (this.indexBytes > this.maxIndexBytes) {
      throw new StrataError(
        'MALFORMED',
        `the layer's index passes ${(this.maxIndexBytes / 1024 / 1024).toFixed(0)} MiB at entry ` +
          `${this.count.toLocaleString('en')} (limit: ${INDEX_ENTRY_BYTES} bytes per entry plus ` +
          `its path and link target); Strata stops reading there`,
      )
    }
    const layout = entry.sparse === true ? this.sparseLayout(header) : undefined
    this.sparseMap = []
    this.current = entry.path
    this.records.entryDone()
    this.entryStart = -1
    this.remaining = entry.storedSize
    this.storedSize = entry.storedSize
    this.state = 'data'
    this.sink = this.onEntry(entry, layout)
    if (this.remaining === 0) this.finishData()
  }

  private buildEntry(header: RawHeader): LayerEntry {
    const records = this.records
    const warnings: EntryWarning[] = []
    const headerOffset = this.entryStart < 0 ? this.offset - BLOCK : this.entryStart
    const rawName = this.decoded(records.name(header.name, headerOffset), warnings)
    // Layer policy for "..": folded into the root and flagged (tarNames.ts).
    const safe = normalizeEntryPath(rawName)
    warnings.push(...safe.warnings)
    const type = entryTypeOf(header.typeflag, rawName)
    // Data follows every type but links, devices, directories and fifos (GNU 'D' has a listing).
    const hasData = !'123456'.includes(header.typeflag)
    const storedSize = hasData ? records.storedSize(header.size) : 0
    const sparseSize = records.number('GNU.sparse.realsize') ?? records.number('GNU.sparse.size')
    const sparse = header.typeflag === 'S' || sparseSize !== undefined
    const size = sparse ? (sparseSize ?? header.realSize ?? storedSize) : storedSize
    let linkname: string | undefined
    if (type === 'symlink' || type === 'hardlink') {
      const rawLink = this.decoded(records.link(header.linkname, headerOffset), warnings)
      if (type === 'hardlink') {
        const target = normalizeEntryPath(rawLink)
        if (target.warnings.length > 0) warnings.push('link-escapes')
        linkname = target.path
      } else {
        linkname = rawLink
      }
    }
    return {
      path: safe.path,
      type,
      mode: header.mode & 0o7777,
      uid: records.number('uid') ?? header.uid,
      gid: records.number('gid') ?? header.gid,
      size,
      mtime: paxTime(records.pax('mtime')) ?? header.mtime,
      ...(linkname === undefined ? {} : { linkname }),
      headerOffset,
      dataOffset: this.offset,
      storedSize,
      ...(sparse ? { sparse: true } : {}),
      ...(header.devMajor !== undefined && header.devMinor !== undefined
        ? { device: { major: header.devMajor, minor: header.devMinor } }
        : {}),
      ...(warnings.length > 0 ? { warnings: [...new Set(warnings)] } : {}),
    }
  }

  private sparseLayout(header: RawHeader): SparseLayout | undefined {
    if (header.typeflag === 'S') return { kind: 'map', segments: this.sparseMap }
    const pax = (key: string): string | undefined => this.records.pax(key)
    if (pax('GNU.sparse.major') === '1') return { kind: 'in-data' }
    const map = pax('GNU.sparse.map')
    if (map === undefined) return undefined
    const numbers = map.split(',').map(Number)
    const segments: SparseSegment[] = []
    for (let i = 0; i + 1 < numbers.length; i += 2) {
      segments.push({ offset: numbers[i] ?? 0, size: numbers[i + 1] ?? 0 })
    }
    return { kind: 'map', segments }
  }

  private decoded(name: DecodedName, warnings: EntryWarning[]): string {
    if (name.invalidUtf8) warnings.push('invalid-utf8')
    return name.text
  }

  private finishData(): void {
    this.sink?.end()
    this.sink = undefined
    this.current = ''
    this.toPadding(this.storedSize)
  }

  private toPadding(length: number): void {
    const pad = (BLOCK - (length % BLOCK)) % BLOCK
    this.remaining = pad
    this.state = pad === 0 ? 'header' : 'padding'
  }
}
