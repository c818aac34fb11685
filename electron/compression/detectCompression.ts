// What a layer blob really is, judged by its first bytes and never by its media type:
// registries and tools mislabel layers often enough (a "+gzip" type on a plain tar, zstd
// behind a docker gzip type) that trusting the label breaks real images.

import { StrataError } from '../../shared/errors'
import type { LayerCompressionFound } from '../../shared/api/files'
import { BLOCK, checksumMatches, hasUstarMagic, isZeroBlock } from '../tar/tarHeader'

/** Bytes needed to decide: one tar header block. */
export const DETECT_BYTES = BLOCK

/** gzip 1f 8b, zstd 28 b5 2f fd, else a tar (ustar magic or a valid header checksum). */
export function detectCompression(head: Uint8Array, digest: string): LayerCompressionFound {
  const magic = compressionMagic(head)
  if (magic !== undefined) return magic
  if (head.length === 0) return 'none' // an empty stream is an empty tar
  if (head.length >= BLOCK) {
    const block = head.subarray(0, BLOCK)
    if (isZeroBlock(block) || hasUstarMagic(block) || checksumMatches(block)) return 'none'
  }
  throw new StrataError('MALFORMED', `layer ${digest} is not a tar, gzip or zstd stream`, {
    subject: digest,
  })
}

/** gzip or zstd by magic number; undefined for anything else (plain tar included). */
export function compressionMagic(head: Uint8Array): 'gzip' | 'zstd' | undefined {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip'
  if (
    head.length >= 4 &&
    head[0] === 0x28 &&
    head[1] === 0xb5 &&
    head[2] === 0x2f &&
    head[3] === 0xfd
  ) {
    return 'zstd'
  }
  return undefined
}
