// The files feature's api shapes for `files:inspect`: a file's structure summarised (ELF
// headers, X.509 certificates and keys in PEM or DER) and why a file that looks like one of
// those formats cannot be decoded, as codes the renderer words. Re-exported by files.ts.

/** A file's structure summarised by `files:inspect` (never its secret or raw contents). */
export type FileInspection =
  | { readonly kind: 'elf'; readonly elf: ElfSummary }
  | { readonly kind: 'certificates'; readonly pem: PemSummary }
  /** Neither an ELF file nor PEM/DER certificates or keys. */
  | { readonly kind: 'none' }
  /** It looks like one of those formats but cannot be decoded: why, without its bytes. */
  | {
      readonly kind: 'malformed'
      readonly format: 'elf' | 'pem'
      readonly problems: readonly InspectProblem[]
    }

/** A part of an ELF file a summary reads, named in its problems. */
export type ElfPart =
  | 'sectionHeader0'
  | 'programHeaders'
  | 'sectionHeaders'
  | 'interpreter'
  | 'sectionNames'
  | 'dynamicSection'
  | 'dynamicStrings'
  | 'note'

/** A header field holding an offset or size, named when it is out of range. */
export type ElfField =
  | 'programHeaderOffset'
  | 'sectionHeaderOffset'
  | 'segmentOffset'
  | 'segmentSize'
  | 'segmentAlignment'
  | 'sectionOffset'
  | 'sectionSize'

/**
 * What could not be read of an ELF file, as data the renderer words (shared/inspectProblemText.ts
 * has the English).
 */
export type ElfProblem =
  | { readonly kind: 'elfNoMagic' }
  | { readonly kind: 'elfUnknownClass'; readonly value: number }
  | { readonly kind: 'elfUnknownEncoding'; readonly value: number }
  | { readonly kind: 'elfHeaderCutShort' }
  | { readonly kind: 'elfFieldOutOfRange'; readonly field: ElfField }
  | { readonly kind: 'elfPartTooLarge'; readonly part: ElfPart; readonly limitBytes: number }
  | { readonly kind: 'elfPartOutsideFile'; readonly part: ElfPart }
  | { readonly kind: 'elfPartCutShort'; readonly part: ElfPart }
  | {
      readonly kind: 'elfEntriesTooSmall'
      readonly table: 'programHeaders' | 'sectionHeaders'
      readonly entryBytes: number
    }
  | { readonly kind: 'elfNoDynamicStrings' }

/** A PEM block that does not decode: its number (from 1), its label, and the decoder's code. */
export interface PemProblem {
  readonly kind: 'pemBlockUndecodable'
  readonly block: number
  readonly label: string
  /** The X.509 decoder's error code ("ERR_OSSL_…"), when it gave one. */
  readonly cause?: string
}

export type InspectProblem = ElfProblem | PemProblem

export interface ElfSummary {
  readonly class: 'ELF32' | 'ELF64'
  readonly byteOrder: 'little-endian' | 'big-endian'
  /** e_type: REL, EXEC, DYN, CORE or "0x…" for others. */
  readonly type: string
  /** A DYN file marked position-independent executable (DF_1_PIE). */
  readonly pie: boolean
  /** e_machine's usual name ("x86-64", "AArch64") or "0x…" for others. */
  readonly machine: string
  readonly machineCode: number
  readonly osAbi: number
  /** Entry point address, "0x…". */
  readonly entry: string
  /** PT_INTERP, the dynamic loader it asks for. */
  readonly interpreter?: string
  /** DT_NEEDED, in file order. */
  readonly needed: readonly string[]
  readonly soname?: string
  /** DT_RUNPATH, or DT_RPATH when there is no RUNPATH. */
  readonly runpath?: string
  /** GNU build ID (.note.gnu.build-id), lowercase hex. */
  readonly buildId?: string
  readonly sections: readonly ElfSection[]
  /** More sections than listed. */
  readonly sectionsTruncated: boolean
  /** What could not be read (a table out of the file's bounds, …); the rest is shown. */
  readonly problems: readonly ElfProblem[]
}

export interface ElfSection {
  readonly name: string
  /** SHT_* without the prefix ("PROGBITS") or "0x…". */
  readonly type: string
  readonly size: number
}

export interface PemSummary {
  readonly certificates: readonly X509Summary[]
  /** Private keys found: their kind only ("private key — not shown"). */
  readonly privateKeys: readonly { readonly label: string }[]
  /** Blocks that could not be decoded, with the reason. */
  readonly problems: readonly PemProblem[]
  /** More certificates than listed. */
  readonly truncated: boolean
}

export interface X509Summary {
  readonly subject: string
  readonly issuer: string
  /** ISO 8601. */
  readonly validFrom: string
  readonly validTo: string
  readonly serialNumber: string
  /** subjectAltName entries ("DNS:example.com", "IP Address:1.2.3.4"). */
  readonly subjectAltNames: readonly string[]
  /** "AB:CD:…", as openssl prints it. */
  readonly fingerprintSha256: string
  readonly isCa: boolean
  readonly selfSigned: boolean
}
