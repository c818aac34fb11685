// Expanding a GNU sparse entry back into the file it stands for: the stored data segments put
// at their offsets, zeros in the holes, zeros up to the real size. For pax 1.0 the map is a
// decimal text at the start of the data ("count\n" then "offset\nsize\n" pairs, padded to
// 512 bytes). Holes are written in small slices with backpressure, so a 64 GiB hole costs
// no memory.

import { StrataError } from '../../shared/errors'
import type { SparseSegment } from './tarHeader'
import type { EntrySink, SparseLayout } from './tarScanner'

export interface ByteWriter {
  write(chunk: Buffer): void | Promise<void>
  end(): void
  fail(error: Error): void
  /** True once nobody reads any more (the reader went away): stop producing zeros. */
  gone?(): boolean
}

const ZEROS = Buffer.alloc(64 * 1024)
const MAX_MAP_TEXT = 1024 * 1024

export function sparseSink(layout: SparseLayout, realSize: number, out: ByteWriter): EntrySink {
  let segments: readonly SparseSegment[] | undefined =
    layout.kind === 'map' ? layout.segments : undefined
  let mapText = ''
  let mapBytes = 0
  let skipPadding = 0
  let segment = 0
  let segmentLeft = segments?.[0]?.size ?? 0
  let written = 0
  let chain: Promise<void> = Promise.resolve()
  let failed = false

  const zerosUntil = async (target: number): Promise<void> => {
    if (target < written || target > realSize) {
      throw new StrataError('MALFORMED', 'sparse map of a layer entry is out of order or too big')
    }
    while (written < target) {
      if (out.gone?.() === true) return
      const n = Math.min(ZEROS.length, target - written)
      written += n
      await out.write(ZEROS.subarray(0, n))
    }
  }

  const parseMap = (chunk: Buffer): Buffer => {
    let at = 0
    while (at < chunk.length && segments === undefined) {
      const byte = chunk[at++] ?? 0
      mapBytes++
      mapText += String.fromCharCode(byte)
      if (mapText.length > MAX_MAP_TEXT) {
        throw new StrataError('MALFORMED', 'sparse map of a layer entry is too long')
      }
      if (byte !== 0x0a) continue
      const numbers = mapText.trim().split('\n').map(Number)
      const count = numbers[0] ?? 0
      if (numbers.length === 1 + 2 * count) {
        const parsed: SparseSegment[] = []
        for (let i = 0; i < count; i++) {
          parsed.push({ offset: numbers[1 + 2 * i] ?? 0, size: numbers[2 + 2 * i] ?? 0 })
        }
        segments = parsed
        segmentLeft = parsed[0]?.size ?? 0
        skipPadding = (512 - (mapBytes % 512)) % 512
      }
    }
    return chunk.subarray(at)
  }

  const process = async (input: Buffer): Promise<void> => {
    let chunk = segments === undefined ? parseMap(input) : input
    if (skipPadding > 0) {
      const n = Math.min(skipPadding, chunk.length)
      skipPadding -= n
      chunk = chunk.subarray(n)
    }
    while (chunk.length > 0 && segments !== undefined) {
      while (segmentLeft === 0 && segment < segments.length) {
        segment++
        segmentLeft = segments[segment]?.size ?? 0
      }
      const current = segments[segment]
      if (!current) return // bytes past the last segment: padding
      await zerosUntil(current.offset + (current.size - segmentLeft))
      const n = Math.min(segmentLeft, chunk.length)
      segmentLeft -= n
      written += n
      if (written > realSize) {
        throw new StrataError('MALFORMED', 'sparse data of a layer entry exceeds its real size')
      }
      await out.write(chunk.subarray(0, n))
      chunk = chunk.subarray(n)
    }
  }

  const guard = (work: () => Promise<void>): Promise<void> => {
    chain = chain.then(async () => {
      if (failed) return
      try {
        await work()
      } catch (error) {
        failed = true
        out.fail(error instanceof Error ? error : new Error(String(error)))
      }
    })
    return chain
  }

  return {
    data: (chunk) => guard(() => process(chunk)),
    end: () => {
      void guard(async () => {
        await zerosUntil(realSize)
        out.end()
      })
    },
  }
}
