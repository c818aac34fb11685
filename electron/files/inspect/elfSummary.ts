// An ELF file summarised from its headers alone: class, byte order, type, machine, entry,
// interpreter (PT_INTERP), needed libraries, soname and runpath (the dynamic segment and its
// string table), GNU build ID (the NT_GNU_BUILD_ID note) and section sizes. Reads only the
// ranges the headers point at, each capped; a table that lies outside the file or past a cap
// is reported in `problems` and the rest is still shown.

import type { ElfPart, ElfProblem, ElfSection, ElfSummary } from '../../../shared/api/files'
import type { ReadAt } from './byteWindow'
import type { ElfHeader, ProgramHeader, SectionHeader } from './elfFormat'
import {
  decodeDynamic,
  decodeHeader,
  decodeProgramHeader,
  decodeSectionHeader,
  ElfFields,
  ElfFormatError,
  PN_XNUM,
  programHeaderSize,
  PT_DYNAMIC,
  PT_INTERP,
  PT_LOAD,
  PT_NOTE,
  sectionHeaderSize,
  SHN_XINDEX,
  SHT_NOBITS,
  SHT_NOTE,
  stringAt,
} from './elfFormat'
import { machineName, sectionTypeName, typeName } from './elfNames'

/** Caps on what one summary reads. */
const MAX_TABLE_BYTES = 1024 * 1024
const MAX_SECTIONS = 1024
const MAX_NOTE_BYTES = 64 * 1024
const MAX_NEEDED = 512

const DT_NULL = 0n
const DT_NEEDED = 1n
const DT_STRTAB = 5n
const DT_STRSZ = 10n
const DT_SONAME = 14n
const DT_RPATH = 15n
const DT_RUNPATH = 29n
const DT_FLAGS_1 = 0x6ffffffbn
const DF_1_PIE = 0x08000000n
const NT_GNU_BUILD_ID = 3

export { ElfFormatError } from './elfFormat'

/** The summary of the ELF file of `size` bytes that `readAt` reads. */
export async function summarizeElf(readAt: ReadAt, size: number): Promise<ElfSummary> {
  const header = decodeHeader(await readAt(0, 64))
  const problems: ElfProblem[] = []
  const read = async (offset: number, length: number, part: ElfPart): Promise<Uint8Array> => {
    if (length > MAX_TABLE_BYTES) {
      throw new ElfFormatError({ kind: 'elfPartTooLarge', part, limitBytes: MAX_TABLE_BYTES })
    }
    if (offset < 0 || offset + length > size) {
      throw new ElfFormatError({ kind: 'elfPartOutsideFile', part })
    }
    const bytes = await readAt(offset, length)
    if (bytes.length < length) throw new ElfFormatError({ kind: 'elfPartCutShort', part })
    return bytes
  }
  const attempt = async <T>(work: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await work()
    } catch (error) {
      if (!(error instanceof ElfFormatError)) throw error
      problems.push(error.problem)
      return undefined
    }
  }

  // Section 0 holds the real counts when they do not fit the header (extended numbering).
  const firstSection =
    header.shoff > 0 && header.shentsize >= sectionHeaderSize(header)
      ? await attempt(async () =>
          decodeSectionHeader(
            new ElfFields(await read(header.shoff, header.shentsize, 'sectionHeader0'), header),
            0,
            header,
          ),
        )
      : undefined
  const shnum = header.shnum === 0 && firstSection !== undefined ? firstSection.size : header.shnum
  const shstrndx = header.shstrndx === SHN_XINDEX ? (firstSection?.link ?? 0) : header.shstrndx
  const phnum = header.phnum === PN_XNUM ? (firstSection?.info ?? 0) : header.phnum

  const segments = (await attempt(() => readProgramHeaders(header, phnum, read))) ?? []
  const sectionHeaders = (await attempt(() => readSectionHeaders(header, shnum, read))) ?? []

  const interpSegment = segments.find((s) => s.type === PT_INTERP)
  const interpreter =
    interpSegment !== undefined
      ? await attempt(async () => {
          const bytes = await read(interpSegment.offset, interpSegment.filesz, 'interpreter')
          return stringAt(bytes, 0)
        })
      : undefined

  const dynamicInfo = await attempt(() => readDynamic(header, segments, sectionHeaders, read))
  const buildId = await attempt(() => readBuildId(segments, sectionHeaders, header, read))

  const { sections, truncated } = (await attempt(() =>
    namedSections(sectionHeaders, shstrndx, read),
  )) ?? {
    sections: [],
    truncated: false,
  }

  return {
    class: header.is64 ? 'ELF64' : 'ELF32',
    byteOrder: header.littleEndian ? 'little-endian' : 'big-endian',
    type: typeName(header.type),
    pie: dynamicInfo?.pie ?? false,
    machine: machineName(header.machine),
    machineCode: header.machine,
    osAbi: header.osAbi,
    entry: `0x${header.entry.toString(16)}`,
    ...(interpreter !== undefined ? { interpreter } : {}),
    needed: dynamicInfo?.needed ?? [],
    ...(dynamicInfo?.soname !== undefined ? { soname: dynamicInfo.soname } : {}),
    ...(dynamicInfo?.runpath !== undefined ? { runpath: dynamicInfo.runpath } : {}),
    ...(buildId !== undefined ? { buildId } : {}),
    sections,
    sectionsTruncated: truncated,
    problems,
  }
}

type RangeRead = (offset: number, length: number, part: ElfPart) => Promise<Uint8Array>

async function readProgramHeaders(
  header: ElfHeader,
  count: number,
  read: RangeRead,
): Promise<ProgramHeader[]> {
  if (count === 0 || header.phoff === 0) return []
  if (header.phentsize < programHeaderSize(header)) {
    throw new ElfFormatError({
      kind: 'elfEntriesTooSmall',
      table: 'programHeaders',
      entryBytes: header.phentsize,
    })
  }
  const bytes = await read(header.phoff, count * header.phentsize, 'programHeaders')
  const fields = new ElfFields(bytes, header)
  return Array.from({ length: count }, (_, i) =>
    decodeProgramHeader(fields, i * header.phentsize, header),
  )
}

async function readSectionHeaders(
  header: ElfHeader,
  count: number,
  read: RangeRead,
): Promise<SectionHeader[]> {
  if (count === 0 || header.shoff === 0) return []
  if (header.shentsize < sectionHeaderSize(header)) {
    throw new ElfFormatError({
      kind: 'elfEntriesTooSmall',
      table: 'sectionHeaders',
      entryBytes: header.shentsize,
    })
  }
  const listed = Math.min(count, MAX_SECTIONS + 1)
  const bytes = await read(header.shoff, listed * header.shentsize, 'sectionHeaders')
  const fields = new ElfFields(bytes, header)
  return Array.from({ length: listed }, (_, i) =>
    decodeSectionHeader(fields, i * header.shentsize, header),
  )
}

async function namedSections(
  headers: readonly SectionHeader[],
  shstrndx: number,
  read: RangeRead,
): Promise<{ sections: ElfSection[]; truncated: boolean }> {
  const table = headers[shstrndx]
  const names =
    table !== undefined && table.type !== SHT_NOBITS && shstrndx !== 0
      ? await read(table.offset, table.size, 'sectionNames')
      : new Uint8Array()
  const listed = headers.slice(0, MAX_SECTIONS)
  return {
    sections: listed.map((h) => ({
      name: stringAt(names, h.nameOffset) ?? '',
      type: sectionTypeName(h.type),
      size: h.size,
    })),
    truncated: headers.length > MAX_SECTIONS,
  }
}

interface DynamicInfo {
  readonly needed: string[]
  readonly soname?: string
  readonly runpath?: string
  readonly pie: boolean
}

/** The dynamic segment (or the .dynamic section) and the strings it names. */
async function readDynamic(
  header: ElfHeader,
  segments: readonly ProgramHeader[],
  sections: readonly SectionHeader[],
  read: RangeRead,
): Promise<DynamicInfo | undefined> {
  const DYNAMIC_SECTION = 6
  const segment = segments.find((s) => s.type === PT_DYNAMIC)
  const section = sections.find((s) => s.type === DYNAMIC_SECTION)
  const where = segment ?? (section ? { offset: section.offset, filesz: section.size } : undefined)
  if (where === undefined || where.filesz === 0) return undefined
  const entrySize = header.is64 ? 16 : 8
  const bytes = await read(where.offset, where.filesz, 'dynamicSection')
  const fields = new ElfFields(bytes, header)
  const entries: { tag: bigint; value: bigint }[] = []
  for (let at = 0; at + entrySize <= bytes.length; at += entrySize) {
    const entry = decodeDynamic(fields, at, header)
    if (entry.tag === DT_NULL) break
    entries.push(entry)
  }
  const valueOf = (tag: bigint): bigint | undefined => entries.find((e) => e.tag === tag)?.value
  const flags1 = valueOf(DT_FLAGS_1) ?? 0n
  const pie = (flags1 & DF_1_PIE) !== 0n

  // The string table: DT_STRTAB is an address, mapped to a file offset through PT_LOAD; a file
  // without segments uses the section the .dynamic section links to. Only the part up to the
  // last string named here is read (Go binaries carry megabytes of dynamic strings).
  const named = entries.filter((e) => [DT_NEEDED, DT_SONAME, DT_RPATH, DT_RUNPATH].includes(e.tag))
  const reach = named.reduce((most, e) => (e.value > most ? e.value : most), 0n) + 4096n
  const strtab = valueOf(DT_STRTAB)
  const strsz = valueOf(DT_STRSZ)
  let strings: Uint8Array | undefined
  const mapped = strtab !== undefined ? fileOffsetOf(strtab, segments) : undefined
  const linked = section !== undefined ? sections[section.link] : undefined
  if (named.length === 0) {
    strings = new Uint8Array()
  } else if (mapped !== undefined && strsz !== undefined) {
    const length = Number(strsz < reach ? strsz : reach)
    strings = await read(mapped, length, 'dynamicStrings')
  } else if (linked !== undefined) {
    const length = Math.min(linked.size, Number(reach))
    strings = await read(linked.offset, length, 'dynamicStrings')
  }
  if (strings === undefined) {
    throw new ElfFormatError({ kind: 'elfNoDynamicStrings' })
  }
  const table = strings
  const text = (value: bigint): string => stringAt(table, Number(value)) ?? ''
  const needed = entries
    .filter((e) => e.tag === DT_NEEDED)
    .slice(0, MAX_NEEDED)
    .map((e) => text(e.value))
  const soname = valueOf(DT_SONAME)
  const runpath = valueOf(DT_RUNPATH) ?? valueOf(DT_RPATH)
  return {
    needed,
    ...(soname !== undefined ? { soname: text(soname) } : {}),
    ...(runpath !== undefined ? { runpath: text(runpath) } : {}),
    pie,
  }
}

function fileOffsetOf(address: bigint, segments: readonly ProgramHeader[]): number | undefined {
  for (const s of segments) {
    if (s.type !== PT_LOAD) continue
    if (address >= s.vaddr && address < s.vaddr + BigInt(s.filesz)) {
      return s.offset + Number(address - s.vaddr)
    }
  }
  return undefined
}

/** The GNU build ID from note sections (or PT_NOTE segments when there are no sections). */
async function readBuildId(
  segments: readonly ProgramHeader[],
  sections: readonly SectionHeader[],
  header: ElfHeader,
  read: RangeRead,
): Promise<string | undefined> {
  const places =
    sections.length > 0
      ? sections
          .filter((s) => s.type === SHT_NOTE)
          .map((s) => ({ offset: s.offset, size: s.size, align: 4 }))
      : segments
          .filter((s) => s.type === PT_NOTE)
          .map((s) => ({ offset: s.offset, size: s.filesz, align: s.align === 8 ? 8 : 4 }))
  for (const place of places) {
    if (place.size > MAX_NOTE_BYTES) continue
    const bytes = await read(place.offset, place.size, 'note')
    const found = findBuildId(bytes, header, place.align)
    if (found !== undefined) return found
  }
  return undefined
}

function findBuildId(bytes: Uint8Array, header: ElfHeader, align: number): string | undefined {
  const fields = new ElfFields(bytes, header)
  const pad = (n: number): number => Math.ceil(n / align) * align
  let at = 0
  while (at + 12 <= bytes.length) {
    const nameSize = fields.u32(at)
    const descSize = fields.u32(at + 4)
    const type = fields.u32(at + 8)
    const nameStart = at + 12
    const descStart = nameStart + pad(nameSize)
    if (descStart + descSize > bytes.length) return undefined
    const name = Buffer.from(bytes.subarray(nameStart, nameStart + nameSize)).toString('latin1')
    if (type === NT_GNU_BUILD_ID && name === 'GNU\0') {
      return Buffer.from(bytes.subarray(descStart, descStart + descSize)).toString('hex')
    }
    at = descStart + pad(descSize)
  }
  return undefined
}
