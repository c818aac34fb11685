// A tar-split for a zstd:chunked layer, written by the harness from the format's definition
// (vbatts/tar-split storage entries as containers/storage stores them: JSON lines, type 2 a
// segment of raw tar bytes in base64, type 1 a file's name and size), zstd-compressed in a
// skippable frame appended to the blob, and the `tarsplit-position` annotation naming it.
// Debian's skopeo 1.9.3 writes zstd:chunked layers without one.

import type { TocLayerBlob } from './chunkedLayers'
import { zstd } from './layerTars'

const SKIPPABLE_MAGIC = 0x184d2a50

/** The tar's storage entries: headers and padding as segments, regular files by size. */
export function tarSplitLines(tar: Buffer): string[] {
  const lines: string[] = []
  const segment = (from: number, to: number): void => {
    if (to > from)
      lines.push(JSON.stringify({ type: 2, payload: tar.subarray(from, to).toString('base64') }))
  }
  let position = 0
  let segmentStart = 0
  while (position + 512 <= tar.length) {
    const header = tar.subarray(position, position + 512)
    if (header.every((b) => b === 0)) break
    const size = parseInt(
      header.subarray(124, 136).toString('latin1').replace(/\0.*$/, '').trim() || '0',
      8,
    )
    const type = String.fromCharCode(header[156] ?? 0)
    const dataStart = position + 512
    if (type === '0' || type === '\0' || type === '7') {
      segment(segmentStart, dataStart)
      const name = header.subarray(0, 100).toString('utf8').replace(/\0.*$/, '')
      lines.push(JSON.stringify({ type: 1, name, size }))
      segmentStart = dataStart + size // its padding opens the next segment
    }
    position = dataStart + Math.ceil(size / 512) * 512
  }
  segment(segmentStart, tar.length)
  return lines
}

/** The layer with its tar-split appended and announced. */
export function withTarSplit(layer: TocLayerBlob, tar: Buffer): TocLayerBlob {
  const text = Buffer.from(`${tarSplitLines(tar).join('\n')}\n`)
  const compressed = zstd(text)
  const frame = Buffer.alloc(8)
  frame.writeUInt32LE(SKIPPABLE_MAGIC, 0)
  frame.writeUInt32LE(compressed.length, 4)
  const offset = layer.blob.length + frame.length
  return {
    ...layer,
    blob: Buffer.concat([layer.blob, frame, compressed]),
    annotations: {
      ...layer.annotations,
      'io.github.containers.zstd-chunked.tarsplit-position': `${offset}:${compressed.length}:${text.length}`,
    },
  }
}
