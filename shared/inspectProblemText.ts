// What files:inspect could not read of a file, in English: for logs and tests that read text.
// The renderer words problems from its catalogues instead
// (renderer/features/files/inspect/inspectProblemText.ts).
import type { ElfField, ElfPart, InspectProblem } from './api/files'

const PARTS: Readonly<Record<ElfPart, string>> = {
  sectionHeader0: 'section header 0',
  programHeaders: 'the program header table',
  sectionHeaders: 'the section header table',
  interpreter: 'the interpreter',
  sectionNames: 'the section name table',
  dynamicSection: 'the dynamic section',
  dynamicStrings: 'the dynamic string table',
  note: 'a note',
}

const FIELDS: Readonly<Record<ElfField, string>> = {
  programHeaderOffset: 'the program header offset',
  sectionHeaderOffset: 'the section header offset',
  segmentOffset: 'a segment offset',
  segmentSize: 'a segment size',
  segmentAlignment: 'a segment alignment',
  sectionOffset: 'a section offset',
  sectionSize: 'a section size',
}

export function englishInspectProblem(problem: InspectProblem): string {
  switch (problem.kind) {
    case 'elfNoMagic':
      return 'the ELF magic number is missing'
    case 'elfUnknownClass':
      return `unknown ELF class ${problem.value}`
    case 'elfUnknownEncoding':
      return `unknown ELF data encoding ${problem.value}`
    case 'elfHeaderCutShort':
      return 'the file header is cut short'
    case 'elfFieldOutOfRange':
      return `${FIELDS[problem.field]} is out of range`
    case 'elfPartTooLarge':
      return `${PARTS[problem.part]} is larger than ${problem.limitBytes / (1024 * 1024)} MiB`
    case 'elfPartOutsideFile':
      return `${PARTS[problem.part]} lies outside the file`
    case 'elfPartCutShort':
      return `${PARTS[problem.part]} is cut short`
    case 'elfEntriesTooSmall':
      return `${problem.table === 'programHeaders' ? 'program' : 'section'} headers of ${problem.entryBytes} bytes are too small`
    case 'elfNoDynamicStrings':
      return 'the dynamic string table could not be located'
    case 'pemBlockUndecodable':
      return `block ${problem.block} (${problem.label}) does not decode${problem.cause !== undefined ? `: ${problem.cause}` : ''}`
  }
}
