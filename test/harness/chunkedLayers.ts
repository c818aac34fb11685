// Layers with a table of contents, for the TOC tests and the bench.
// - zstd:chunked: written by a real tool, Debian's skopeo 1.9.3
//   (`skopeo copy --dest-compress-format zstd:chunked`), from an OCI layout holding the tar.
// - eStargz: no Debian tool writes it (ctr-remote and nerdctl are not packaged), so
//   `estargzFromTar` writes it here from the format's definition (containerd/stargz-snapshotter
//   docs/estargz.md): a gzip member per regular file's content (one per chunk), the TOC entry
//   `stargz.index.json` last in a member of its own, and the 51-byte footer.

import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { run, singleLayerImage, sha256, tempDir } from './layerTars'

export interface TocLayerBlob {
  readonly blob: Buffer
  readonly mediaType: string
  readonly annotations: Readonly<Record<string, string>>
}

const BLOCK = 512

interface TarPiece {
  /** Header blocks (GNU long-name / long-link records included). */
  readonly header: Buffer
  /** Content plus padding to a whole block. */
  readonly payload: Buffer
  readonly name: string
  readonly linkName: string
  readonly typeflag: string
  readonly size: number
  readonly mode: number
  readonly uid: number
  readonly gid: number
  readonly mtime: number
  readonly devMajor: number
  readonly devMinor: number
}

const field = (block: Buffer, at: number, length: number): string => {
  const bytes = block.subarray(at, at + length)
  const end = bytes.indexOf(0)
  return bytes.subarray(0, end < 0 ? length : end).toString('utf8')
}
const octal = (block: Buffer, at: number, length: number): number => {
  const text = field(block, at, length).trim()
  return text === '' ? 0 : Number.parseInt(text, 8)
}
const padded = (size: number): number => Math.ceil(size / BLOCK) * BLOCK

/** A GNU-format tar (GNU long names allowed, no pax) cut into its entries. */
export function tarPieces(tar: Buffer): TarPiece[] {
  const pieces: TarPiece[] = []
  let at = 0
  let start = 0
  let longName: string | undefined
  let longLink: string | undefined
  while (at + BLOCK <= tar.length) {
    const block = tar.subarray(at, at + BLOCK)
    if (block.every((b) => b === 0)) break
    const typeflag = String.fromCharCode(block[156] ?? 0x30)
    const size = octal(block, 124, 12)
    const body = tar.subarray(at + BLOCK, at + BLOCK + size)
    if (typeflag === 'L' || typeflag === 'K') {
      const text = body.toString('utf8').replace(/\0+$/, '')
      if (typeflag === 'L') longName = text
      else longLink = text
      at += BLOCK + padded(size)
      continue
    }
    if (typeflag === 'x' || typeflag === 'g')
      throw new Error('tarPieces: write the tar with --format=gnu')
    const prefix = field(block, 345, 155)
    const name = longName ?? (prefix ? `${prefix}/${field(block, 0, 100)}` : field(block, 0, 100))
    const stored = typeflag === '0' || typeflag === '\0' || typeflag === '7' ? size : 0
    pieces.push({
      header: tar.subarray(start, at + BLOCK),
      payload: tar.subarray(at + BLOCK, at + BLOCK + padded(stored)),
      name,
      linkName: longLink ?? field(block, 157, 100),
      typeflag,
      size: stored,
      mode: octal(block, 100, 8),
      uid: octal(block, 108, 8),
      gid: octal(block, 116, 8),
      mtime: octal(block, 136, 12),
      devMajor: octal(block, 329, 8),
      devMinor: octal(block, 337, 8),
    })
    at += BLOCK + padded(stored)
    start = at
    longName = undefined
    longLink = undefined
  }
  return pieces
}

const TOC_TYPES: Readonly<Record<string, string>> = {
  '0': 'reg',
  '\0': 'reg',
  '7': 'reg',
  '1': 'hardlink',
  '2': 'symlink',
  '3': 'char',
  '4': 'block',
  '5': 'dir',
  '6': 'fifo',
}

/** A ustar header for one regular file (the TOC entry). */
function ustarHeader(name: string, size: number): Buffer {
  const h = Buffer.alloc(BLOCK)
  h.write(name, 0, 100, 'utf8')
  h.write('0000644\0', 100, 'latin1')
  h.write('0000000\0', 108, 'latin1')
  h.write('0000000\0', 116, 'latin1')
  h.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 'latin1')
  h.write('00000000000\0', 136, 'latin1')
  h.write('        ', 148, 'latin1')
  h.write('0', 156, 'latin1')
  h.write('ustar\0', 257, 'latin1')
  h.write('00', 263, 'latin1')
  let sum = 0
  for (const b of h) sum += b
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1')
  return h
}

/** The 51-byte eStargz footer: an empty gzip member whose Extra field names the TOC offset. */
export function estargzFooter(tocOffset: number): Buffer {
  const footer = Buffer.alloc(51)
  Buffer.from([0x1f, 0x8b, 8, 4, 0, 0, 0, 0, 0, 0xff]).copy(footer, 0)
  footer.writeUInt16LE(26, 10)
  footer.write('SG', 12, 'latin1')
  footer.writeUInt16LE(22, 14)
  footer.write(`${tocOffset.toString(16).padStart(16, '0')}STARGZ`, 16, 'latin1')
  Buffer.from([1, 0, 0, 0xff, 0xff]).copy(footer, 38) // stored, final, empty deflate block
  return footer // CRC32 and ISIZE of nothing: zero
}

export interface EstargzOptions {
  /** Content bytes per chunk (a file larger than this gets `chunk` entries). */
  readonly chunkSize?: number
  /** Rewrite the TOC before it is written (bad-input tests). */
  readonly editToc?: (entries: Record<string, unknown>[]) => void
}

/** An eStargz blob holding the entries of a GNU-format tar, with its descriptor annotations. */
export function estargzFromTar(tar: Buffer, options: EstargzOptions = {}): TocLayerBlob {
  const chunkSize = options.chunkSize ?? 4 * 1024 * 1024
  const members: Buffer[] = []
  let length = 0
  let pending: Buffer[] = []
  const flush = (): void => {
    if (pending.length === 0) return
    const member = gzipSync(Buffer.concat(pending))
    members.push(member)
    length += member.length
    pending = []
  }
  const entries: Record<string, unknown>[] = []
  let uncompressed = 0
  for (const piece of tarPieces(tar)) {
    pending.push(piece.header)
    uncompressed += piece.header.length + piece.payload.length
    const type = TOC_TYPES[piece.typeflag] ?? 'reg'
    const entry: Record<string, unknown> = {
      name: piece.name,
      type,
      mode: piece.mode,
      uid: piece.uid,
      gid: piece.gid,
      modtime: new Date(piece.mtime * 1000).toISOString().replace('.000Z', 'Z'),
      ...(piece.linkName ? { linkName: piece.linkName } : {}),
      ...(type === 'char' || type === 'block'
        ? { devMajor: piece.devMajor, devMinor: piece.devMinor }
        : {}),
    }
    entries.push(entry)
    if (type !== 'reg' || piece.size === 0) {
      if (type === 'reg') entry['size'] = 0
      pending.push(piece.payload)
      continue
    }
    const content = piece.payload.subarray(0, piece.size)
    entry['size'] = piece.size
    entry['digest'] = sha256(content)
    for (let offset = 0; offset < piece.size; offset += chunkSize) {
      flush()
      const chunk = content.subarray(offset, offset + chunkSize)
      const last = offset + chunkSize >= piece.size
      const target = offset === 0 ? entry : { name: piece.name, type: 'chunk' }
      if (offset !== 0) entries.push(target)
      target['offset'] = length
      target['chunkOffset'] = offset
      target['chunkSize'] = last ? 0 : chunk.length
      target['chunkDigest'] = sha256(chunk)
      pending.push(last ? piece.payload.subarray(offset) : chunk)
    }
  }
  flush()
  options.editToc?.(entries)
  const json = Buffer.from(JSON.stringify({ version: 1, entries }))
  const tocOffset = length
  const tocTar = Buffer.concat([
    ustarHeader('stargz.index.json', json.length),
    json,
    Buffer.alloc(padded(json.length) - json.length),
    Buffer.alloc(2 * BLOCK),
  ])
  uncompressed += tocTar.length
  members.push(gzipSync(tocTar), estargzFooter(tocOffset))
  return {
    blob: Buffer.concat(members),
    mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
    annotations: {
      'containerd.io/snapshot/stargz/toc.digest': sha256(json),
      'io.containers.estargz.uncompressed-size': String(uncompressed),
    },
  }
}

/** The tar as a zstd:chunked layer, written by skopeo from an OCI layout. */
export function zstdChunkedFromTar(tar: Buffer): TocLayerBlob {
  const dir = tempDir('strata-zstd-chunked-')
  const src = path.join(dir, 'src')
  mkdirSync(path.join(src, 'blobs', 'sha256'), { recursive: true })
  const layer = gzipSync(tar)
  const { config, manifest } = singleLayerImage(
    tar,
    layer,
    'application/vnd.oci.image.layer.v1.tar+gzip',
  )
  for (const bytes of [layer, config, manifest]) {
    writeFileSync(path.join(src, 'blobs', 'sha256', sha256(bytes).slice(7)), bytes)
  }
  writeFileSync(path.join(src, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}')
  writeFileSync(
    path.join(src, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      manifests: [
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          digest: sha256(manifest),
          size: manifest.length,
          annotations: { 'org.opencontainers.image.ref.name': 't' },
        },
      ],
    }),
  )
  const dst = path.join(dir, 'dst')
  run('skopeo', ['copy', '--dest-compress-format', 'zstd:chunked', `oci:${src}:t`, `oci:${dst}:t`])
  const blobPath = (digest: string): string => path.join(dst, 'blobs', 'sha256', digest.slice(7))
  const index = JSON.parse(readFileSync(path.join(dst, 'index.json'), 'utf8')) as {
    manifests: { digest: string }[]
  }
  const written = JSON.parse(readFileSync(blobPath(index.manifests[0]?.digest ?? ''), 'utf8')) as {
    layers: { mediaType: string; digest: string; annotations?: Record<string, string> }[]
  }
  const descriptor = written.layers[0]
  if (!descriptor?.annotations) throw new Error('skopeo wrote no zstd:chunked annotations')
  return {
    blob: readFileSync(blobPath(descriptor.digest)),
    mediaType: descriptor.mediaType,
    annotations: descriptor.annotations,
  }
}

/** manifest + config for one TOC layer (with its annotations). */
export function tocLayerImage(layer: TocLayerBlob): {
  readonly config: Buffer
  readonly manifest: Buffer
} {
  const { config } = singleLayerImage(uncompressedOf(layer), layer.blob, layer.mediaType)
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: sha256(config),
        size: config.length,
      },
      layers: [
        {
          mediaType: layer.mediaType,
          digest: sha256(layer.blob),
          size: layer.blob.length,
          annotations: layer.annotations,
        },
      ],
    }),
  )
  return { config, manifest }
}

/** What the layer decompresses to (its diff ID's bytes), by gunzip or the zstd CLI. */
export function uncompressedOf(layer: TocLayerBlob): Buffer {
  if (layer.mediaType.endsWith('+gzip')) return gunzipSync(layer.blob)
  return execFileSync('zstd', ['-dc'], { input: layer.blob, maxBuffer: 1024 * 1024 * 1024 })
}

/** SHA-256 hex, for tests that compare content. */
export const hexOf = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')
