// What a layer blob really is, judged by its first bytes and never by its media type:
// registries and tools mislabel layers often enough (a "+gzip" type on a plain tar, zstd
// behind a docker gzip type) that trusting the label breaks real images.

import { StrataError } from '../../shared/errors'
import type { LayerCompressionFound } from '../../shared/api/files'

/** A tar block's size. */
const BLOCK = 512

/** Bytes needed to decide: one tar header block. */
export const DETECT_BYTES = BLOCK

/** gzip 1f 8b, zstd 28 b5 2f fd, else a tar (ustar magic or a valid header checksum). */
export function detectCompression(head: Uint8Array, digest: string): LayerCompressionFound {
  const magic = compressionMagic(head)
  if (magic !== undefined) return magic
  if (head.length === 0) return 'none' // an empty stream is an empty tar
  if (head.length >= BLOCK) {
    const block = head.subarray(0, BLOCK)
    if (looksLikeTarBlock(block)) return 'none'
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

// Recognising a plain tar is part of saying what kind of bytes these are, so it lives here
// rather than in tar/ (a peer rank): a sniff only, tar/tarHeader still decodes and checks
// every header the scanner reads.

/** An end-of-archive zero block, a ustar header, or any header whose checksum adds up. */
function looksLikeTarBlock(block: Uint8Array): boolean {
  if (block.every((byte) => byte === 0)) return true
  const ustar = [0x75, 0x73, 0x74, 0x61, 0x72] // "ustar" at offset 257
  if (ustar.every((byte, i) => block[257 + i] === byte)) return true
  const stored = storedChecksum(block)
  if (stored === undefined) return false
  let unsigned = 0
  let signed = 0
  for (let i = 0; i < BLOCK; i++) {
    // The checksum field counts as eight spaces; historic writers summed signed bytes.
    const byte = i >= 148 && i < 156 ? 0x20 : (block[i] ?? 0)
    unsigned += byte
    signed += byte > 127 ? byte - 256 : byte
  }
  return stored === unsigned || stored === signed
}

/** The octal checksum field (offset 148, 8 bytes): leading spaces, ended by NUL or space. */
function storedChecksum(block: Uint8Array): number | undefined {
  let i = 148
  while (i < 156 && block[i] === 0x20) i++
  let value = 0
  for (; i < 156; i++) {
    const c = block[i] ?? 0
    if (c === 0 || c === 0x20) break
    if (c < 0x30 || c > 0x37) return undefined
    value = value * 8 + (c - 0x30)
  }
  return value
}
