// What files:inspect answers for one file: an ELF summary, the certificates and keys of PEM text
// or a DER certificate, or nothing to summarise. Only bounded ranges are read (the ELF headers
// and tables they point at; at most 4 MiB of text for PEM).

import type { FileInspection } from '../../../shared/api/files'
import type { ReadAt } from './byteWindow'
import { ElfFormatError, isElf } from './elfFormat'
import { summarizeElf } from './elfSummary'
import { looksLikeDerCertificate, looksLikePem, summarizeDer, summarizePem } from './pemSummary'

const MAX_PEM_BYTES = 4 * 1024 * 1024
const MAX_DER_BYTES = 64 * 1024
const SNIFF_BYTES = 64 * 1024

export async function inspectFile(readAt: ReadAt, size: number): Promise<FileInspection> {
  const head = await readAt(0, Math.min(size, SNIFF_BYTES))
  if (isElf(head)) {
    try {
      return { kind: 'elf', elf: await summarizeElf(readAt, size) }
    } catch (error) {
      if (!(error instanceof ElfFormatError)) throw error
      return { kind: 'malformed', format: 'elf', problems: [error.problem] }
    }
  }
  const headText = Buffer.from(head).toString('latin1')
  if (looksLikePem(headText)) {
    const bytes = size <= head.length ? head : await readAt(0, Math.min(size, MAX_PEM_BYTES))
    const pem = summarizePem(Buffer.from(bytes).toString('latin1'))
    const found = pem.certificates.length + pem.privateKeys.length
    if (found === 0 && pem.problems.length > 0) {
      return { kind: 'malformed', format: 'pem', problems: pem.problems }
    }
    if (found === 0) return { kind: 'none' }
    return {
      kind: 'certificates',
      pem: { ...pem, truncated: pem.truncated || size > bytes.length },
    }
  }
  if (size <= MAX_DER_BYTES && looksLikeDerCertificate(head)) {
    try {
      return { kind: 'certificates', pem: summarizeDer(head) }
    } catch {
      return { kind: 'none' } // many binary formats start like DER; only a certificate counts
    }
  }
  return { kind: 'none' }
}
