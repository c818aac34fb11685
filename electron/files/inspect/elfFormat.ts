// ELF's fixed layouts (the System V gABI): where each field of the file header, a program
// header, a section header and a dynamic entry sits, for 32- and 64-bit files in either byte
// order. Pure decoding of bytes already read; elfSummary.ts decides what to read.

import type { ElfField, ElfProblem } from '../../../shared/api/files'
import { englishInspectProblem } from '../../../shared/inspectProblemText'

/** What cannot be read of an ELF file, as data (the message is its English, for logs). */
export class ElfFormatError extends Error {
  constructor(readonly problem: ElfProblem) {
    super(englishInspectProblem(problem))
    this.name = 'ElfFormatError'
  }
}

export interface ElfLayout {
  readonly is64: boolean
  readonly littleEndian: boolean
}

export interface ElfHeader extends ElfLayout {
  readonly osAbi: number
  readonly type: number
  readonly machine: number
  readonly entry: bigint
  readonly phoff: number
  readonly shoff: number
  readonly phentsize: number
  readonly phnum: number
  readonly shentsize: number
  readonly shnum: number
  readonly shstrndx: number
}

export interface ProgramHeader {
  readonly type: number
  readonly offset: number
  readonly vaddr: bigint
  readonly filesz: number
  readonly align: number
}

export interface SectionHeader {
  readonly nameOffset: number
  readonly type: number
  readonly offset: number
  readonly size: number
  readonly link: number
  readonly info: number
}

export const PT_LOAD = 1
export const PT_DYNAMIC = 2
export const PT_INTERP = 3
export const PT_NOTE = 4
export const SHT_NOTE = 7
export const SHT_NOBITS = 8
export const SHN_XINDEX = 0xffff
export const PN_XNUM = 0xffff

/** A reader of one ELF's integers in its byte order. */
export class ElfFields {
  private readonly view: DataView
  constructor(
    bytes: Uint8Array,
    private readonly layout: ElfLayout,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  }
  get length(): number {
    return this.view.byteLength
  }
  u16(at: number): number {
    return this.view.getUint16(at, this.layout.littleEndian)
  }
  u32(at: number): number {
    return this.view.getUint32(at, this.layout.littleEndian)
  }
  u64(at: number): bigint {
    return this.view.getBigUint64(at, this.layout.littleEndian)
  }
  i64(at: number): bigint {
    return this.view.getBigInt64(at, this.layout.littleEndian)
  }
  /** An address-sized field (u32 or u64) as a bigint. */
  word(at: number): bigint {
    return this.layout.is64 ? this.u64(at) : BigInt(this.u32(at))
  }
  /** An offset or size that must fit a safe integer. */
  offset(at: number, field: ElfField): number {
    const value = this.word(at)
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new ElfFormatError({ kind: 'elfFieldOutOfRange', field })
    }
    return Number(value)
  }
}

export const ELF_MAGIC = [0x7f, 0x45, 0x4c, 0x46]

export function isElf(bytes: Uint8Array): boolean {
  return ELF_MAGIC.every((b, i) => bytes[i] === b)
}

/** The file header (52 or 64 bytes). */
export function decodeHeader(bytes: Uint8Array): ElfHeader {
  if (!isElf(bytes)) throw new ElfFormatError({ kind: 'elfNoMagic' })
  const elfClass = bytes[4]
  const data = bytes[5]
  if (elfClass !== 1 && elfClass !== 2) {
    throw new ElfFormatError({ kind: 'elfUnknownClass', value: elfClass ?? 0 })
  }
  if (data !== 1 && data !== 2) {
    throw new ElfFormatError({ kind: 'elfUnknownEncoding', value: data ?? 0 })
  }
  const layout: ElfLayout = { is64: elfClass === 2, littleEndian: data === 1 }
  const size = layout.is64 ? 64 : 52
  if (bytes.length < size) throw new ElfFormatError({ kind: 'elfHeaderCutShort' })
  const f = new ElfFields(bytes, layout)
  const at = layout.is64
    ? { phoff: 32, shoff: 40, phentsize: 54, phnum: 56, shentsize: 58, shnum: 60, shstrndx: 62 }
    : { phoff: 28, shoff: 32, phentsize: 42, phnum: 44, shentsize: 46, shnum: 48, shstrndx: 50 }
  return {
    ...layout,
    osAbi: bytes[7] ?? 0,
    type: f.u16(16),
    machine: f.u16(18),
    entry: f.word(24),
    phoff: f.offset(at.phoff, 'programHeaderOffset'),
    shoff: f.offset(at.shoff, 'sectionHeaderOffset'),
    phentsize: f.u16(at.phentsize),
    phnum: f.u16(at.phnum),
    shentsize: f.u16(at.shentsize),
    shnum: f.u16(at.shnum),
    shstrndx: f.u16(at.shstrndx),
  }
}

export function programHeaderSize(layout: ElfLayout): number {
  return layout.is64 ? 56 : 32
}

export function decodeProgramHeader(f: ElfFields, at: number, layout: ElfLayout): ProgramHeader {
  return layout.is64
    ? {
        type: f.u32(at),
        offset: f.offset(at + 8, 'segmentOffset'),
        vaddr: f.u64(at + 16),
        filesz: f.offset(at + 32, 'segmentSize'),
        align: f.offset(at + 48, 'segmentAlignment'),
      }
    : {
        type: f.u32(at),
        offset: f.u32(at + 4),
        vaddr: BigInt(f.u32(at + 8)),
        filesz: f.u32(at + 16),
        align: f.u32(at + 28),
      }
}

export function sectionHeaderSize(layout: ElfLayout): number {
  return layout.is64 ? 64 : 40
}

export function decodeSectionHeader(f: ElfFields, at: number, layout: ElfLayout): SectionHeader {
  return layout.is64
    ? {
        nameOffset: f.u32(at),
        type: f.u32(at + 4),
        offset: f.offset(at + 24, 'sectionOffset'),
        size: f.offset(at + 32, 'sectionSize'),
        link: f.u32(at + 40),
        info: f.u32(at + 44),
      }
    : {
        nameOffset: f.u32(at),
        type: f.u32(at + 4),
        offset: f.u32(at + 16),
        size: f.u32(at + 20),
        link: f.u32(at + 24),
        info: f.u32(at + 28),
      }
}

/** One dynamic entry: tag and value (16 or 8 bytes). */
export function decodeDynamic(
  f: ElfFields,
  at: number,
  layout: ElfLayout,
): { tag: bigint; value: bigint } {
  return layout.is64
    ? { tag: f.i64(at), value: f.u64(at + 8) }
    : { tag: BigInt(f.u32(at) | 0), value: BigInt(f.u32(at + 4)) }
}

/** The NUL-terminated string at `offset` of a string table, or undefined past its end. */
export function stringAt(table: Uint8Array, offset: number, maxLength = 4096): string | undefined {
  if (offset < 0 || offset >= table.length) return undefined
  let end = offset
  while (end < table.length && end - offset < maxLength && table[end] !== 0) end++
  return Buffer.from(table.subarray(offset, end)).toString('utf8')
}
