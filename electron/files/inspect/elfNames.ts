// Names for ELF's numeric codes (the gABI's e_type and sh_type, and the common e_machine
// values); anything else is shown as its number.

const TYPES: Readonly<Record<number, string>> = {
  0: 'NONE',
  1: 'REL',
  2: 'EXEC',
  3: 'DYN',
  4: 'CORE',
}

const MACHINES: Readonly<Record<number, string>> = {
  2: 'SPARC',
  3: 'Intel 80386',
  8: 'MIPS',
  20: 'PowerPC',
  21: 'PowerPC64',
  22: 'IBM S/390',
  40: 'ARM',
  43: 'SPARC v9',
  50: 'IA-64',
  62: 'x86-64',
  183: 'AArch64',
  243: 'RISC-V',
  247: 'eBPF',
  258: 'LoongArch',
}

const SECTION_TYPES: Readonly<Record<number, string>> = {
  0: 'NULL',
  1: 'PROGBITS',
  2: 'SYMTAB',
  3: 'STRTAB',
  4: 'RELA',
  5: 'HASH',
  6: 'DYNAMIC',
  7: 'NOTE',
  8: 'NOBITS',
  9: 'REL',
  10: 'SHLIB',
  11: 'DYNSYM',
  14: 'INIT_ARRAY',
  15: 'FINI_ARRAY',
  16: 'PREINIT_ARRAY',
  17: 'GROUP',
  18: 'SYMTAB_SHNDX',
  19: 'RELR',
  0x6ffffff5: 'GNU_ATTRIBUTES',
  0x6ffffff6: 'GNU_HASH',
  0x6ffffffd: 'VERDEF',
  0x6ffffffe: 'VERNEED',
  0x6fffffff: 'VERSYM',
}

const hex = (n: number): string => `0x${n.toString(16)}`

export const typeName = (code: number): string => TYPES[code] ?? hex(code)
export const machineName = (code: number): string => MACHINES[code] ?? hex(code)
export const sectionTypeName = (code: number): string => SECTION_TYPES[code] ?? hex(code)
