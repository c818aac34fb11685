// eStargz framing (containerd/stargz-snapshotter docs/estargz.md): the blob is a series of
// gzip members; every regular file's content starts a new member; the last tar entry is the
// TOC, `stargz.index.json`, in a member of its own; and the blob ends with a 51-byte footer,
// an empty gzip member whose Extra field holds the TOC's offset as 16 hex digits + "STARGZ".
// Pure functions over bytes; fetching them is files/tocIndex.ts's job.

import { createHash } from 'node:crypto'
import zlib from 'node:zlib'
import type { LayerToc } from './layerToc'
import { MAX_TOC_BYTES, parseTocJson, TocError, validateToc } from './layerToc'

export const ESTARGZ_FOOTER_SIZE = 51
export const ESTARGZ_TOC_NAME = 'stargz.index.json'

const BLOCK = 512

/** The TOC's offset from the footer (the blob's last 51 bytes); TocError if it is not one. */
export function parseEstargzFooter(footer: Uint8Array, blobSize: number): number {
  const f = footer
  if (f.length !== ESTARGZ_FOOTER_SIZE) throw new TocError('the eStargz footer is not 51 bytes')
  const u16 = (at: number): number => (f[at] ?? 0) | ((f[at + 1] ?? 0) << 8)
  const isGzipWithExtra = f[0] === 0x1f && f[1] === 0x8b && f[2] === 8 && ((f[3] ?? 0) & 4) !== 0
  if (!isGzipWithExtra || u16(10) !== 26 || f[12] !== 0x53 || f[13] !== 0x47 || u16(14) !== 22) {
    throw new TocError('the layer does not end with an eStargz footer')
  }
  const field = Buffer.from(f.subarray(16, 38)).toString('latin1')
  const match = /^([0-9a-f]{16})STARGZ$/.exec(field)
  if (!match?.[1]) throw new TocError('the eStargz footer has no TOC offset')
  const offset = Number.parseInt(match[1], 16)
  if (!Number.isSafeInteger(offset) || offset >= blobSize - ESTARGZ_FOOTER_SIZE) {
    throw new TocError('the eStargz footer points past the end of the layer')
  }
  return offset
}

export interface EstargzTocResult {
  readonly toc: LayerToc
  /** "sha256:…" of the TOC JSON, what the toc.digest annotation names. */
  readonly digest: string
}

/**
 * The TOC from the bytes between its offset and the footer: gunzip (capped), one ustar
 * header named stargz.index.json, its JSON, validated.
 */
export function decodeEstargzToc(member: Uint8Array): EstargzTocResult {
  if (member.length > MAX_TOC_BYTES) throw new TocError('the eStargz TOC is over the size cap')
  let tar: Buffer
  try {
    tar = zlib.gunzipSync(member, { maxOutputLength: MAX_TOC_BYTES + 4 * BLOCK })
  } catch (error) {
    const code = (error as { code?: unknown }).code
    throw new TocError(
      code === 'ERR_BUFFER_TOO_LARGE'
        ? 'the eStargz TOC is over the size cap'
        : 'the eStargz TOC is not valid gzip',
    )
  }
  if (tar.length < BLOCK) throw new TocError('the eStargz TOC entry is cut short')
  const header = tar.subarray(0, BLOCK)
  const name = cString(header.subarray(0, 100))
  if (name !== ESTARGZ_TOC_NAME)
    throw new TocError(`the entry at the TOC offset is not ${ESTARGZ_TOC_NAME}`)
  const size = octal(header.subarray(124, 136))
  if (size === undefined || BLOCK + size > tar.length) {
    throw new TocError('the eStargz TOC entry has a bad size')
  }
  const json = tar.subarray(BLOCK, BLOCK + size)
  const digest = `sha256:${createHash('sha256').update(json).digest('hex')}`
  return { toc: validateToc(parseTocJson(json), 'estargz'), digest }
}

function cString(bytes: Uint8Array): string {
  const end = bytes.indexOf(0)
  return Buffer.from(end < 0 ? bytes : bytes.subarray(0, end)).toString('utf8')
}

function octal(bytes: Uint8Array): number | undefined {
  const text = cString(bytes).trim()
  if (!/^[0-7]{1,12}$/.test(text)) return undefined
  return Number.parseInt(text, 8)
}
