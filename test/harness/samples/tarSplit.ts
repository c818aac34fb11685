// Writes a layer's tar-split the way containers-storage keeps it (ID.tar-split.gz): JSON lines
// of raw segments (headers, padding, the end-of-archive blocks, base64) and file entries
// (name, size, CRC-64/ISO of the content) whose bytes live in the layer's diff directory.
// Only tars made by ../ociTar.ts are read here: ustar headers, optional PAX records.

import { deterministicGzip } from '../ociBuilder'

const BLOCK = 512
const decoder = new TextDecoder()

interface SplitLine {
  readonly type: 1 | 2
  readonly name?: string
  readonly size?: number
  readonly payload: string | null
  readonly position: number
}

/** The gzipped tar-split of `tar`. */
export function tarSplitOf(tar: Uint8Array): Uint8Array {
  const lines: SplitLine[] = []
  let raw: Uint8Array[] = []
  const flushRaw = (): void => {
    if (raw.length === 0) return
    lines.push({ type: 2, payload: Buffer.concat(raw).toString('base64'), position: lines.length })
    raw = []
  }
  let offset = 0
  let paxPath: string | undefined
  while (offset + BLOCK <= tar.length) {
    const header = tar.subarray(offset, offset + BLOCK)
    if (header.every((byte) => byte === 0)) break
    const size = parseInt(field(header, 124, 12) || '0', 8)
    const type = field(header, 156, 1)
    const body = Math.ceil(size / BLOCK) * BLOCK
    if (type === 'x') {
      // A PAX header and its records are raw bytes; its path names the next entry.
      const records = decoder.decode(tar.subarray(offset + BLOCK, offset + BLOCK + size))
      paxPath = /\d+ path=([^\n]*)\n/.exec(records)?.[1]
      raw.push(tar.subarray(offset, offset + BLOCK + body))
      offset += BLOCK + body
      continue
    }
    const prefix = field(header, 345, 155)
    const name =
      paxPath ?? (prefix !== '' ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100))
    paxPath = undefined
    raw.push(header)
    flushRaw()
    const content = tar.subarray(offset + BLOCK, offset + BLOCK + size)
    lines.push({
      type: 1,
      name,
      ...(size > 0 ? { size } : {}),
      payload: size > 0 ? crc64Iso(content) : null,
      position: lines.length,
    })
    if (body > size) raw.push(tar.subarray(offset + BLOCK + size, offset + BLOCK + body))
    offset += BLOCK + body
  }
  raw.push(tar.subarray(offset))
  flushRaw()
  const text = lines.map((line) => JSON.stringify(line)).join('\n') + '\n'
  return deterministicGzip(new TextEncoder().encode(text))
}

function field(header: Uint8Array, at: number, length: number): string {
  const bytes = header.subarray(at, at + length)
  const end = bytes.indexOf(0)
  return decoder.decode(end < 0 ? bytes : bytes.subarray(0, end)).trim()
}

/** CRC-64 with the ISO polynomial (Go's crc64.ISO), big-endian, base64: tar-split's checksum. */
function crc64Iso(bytes: Uint8Array): string {
  let crc = 0xffffffffffffffffn
  for (const byte of bytes) {
    crc = (CRC_TABLE[Number((crc ^ BigInt(byte)) & 0xffn)] as bigint) ^ (crc >> 8n)
  }
  crc ^= 0xffffffffffffffffn
  const out = Buffer.alloc(8)
  out.writeBigUInt64BE(crc)
  return out.toString('base64')
}

const CRC_TABLE: readonly bigint[] = Array.from({ length: 256 }, (_, n) => {
  let crc = BigInt(n)
  for (let k = 0; k < 8; k++) crc = crc & 1n ? (crc >> 1n) ^ 0xd800000000000000n : crc >> 1n
  return crc
})
