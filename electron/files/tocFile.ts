// One file of a layer listed from its table of contents: one range request for the file's
// compressed bytes (its gzip members or zstd frames), decoded, cut to the file's size and
// checked against the TOC's SHA-256 before any byte goes out. A file whose bytes disagree
// with the TOC (wrong offsets, wrong digest, bytes that do not decode) is read instead from
// the whole layer, verified against the layer digest as it streams, and the layer is marked
// with a warning naming the file. Files over 16 MiB (or whose range is) are decoded to a
// scratch file while hashed instead of held (tocSpool.ts). Files the TOC cannot serve alone
// (no digest, holes) take that full read without a mark.

import { createHash } from 'node:crypto'
import { Readable } from 'node:stream'
import { StrataError } from '../../shared/errors'
import type { LayerEntry } from '../../shared/api/files'
import { openDecompressed } from '../compression/decompress'
import type { LayerRef } from './layerIndexService'
import type { OpenedLayerFile } from './readLayerFile'
import { openLayerFile } from './readLayerFile'
import type { TocFileSpan, TocLayer } from './tocIndex'
import { fetchRange, RangesRefused } from './tocIndex'
import type { SpoolOutcome, TocSpool } from './tocSpool'

/** Files up to this size are fetched by range and held while their digest is checked. */
export const TOC_READ_MAX_BYTES = 16 * 1024 * 1024
/** Larger files are decoded to a scratch file while hashed (tocSpool.ts), up to this size. */
const TOC_SPOOL_MAX_BYTES = 4 * 1024 * 1024 * 1024
/** Compressed bytes one ranged read held in memory may fetch (larger ones are spooled). */
const MAX_RANGE_BYTES = TOC_READ_MAX_BYTES + 1024 * 1024

/**
 * The entry's bytes. `toc` is the layer's TOC when still remembered; without it (or for a
 * file it cannot serve) the file comes from a full read of the layer, found by path.
 */
export async function openTocLayerFile(
  toc: TocLayer | undefined,
  ref: LayerRef,
  entry: LayerEntry,
  signal?: AbortSignal,
  spool?: TocSpool,
): Promise<OpenedLayerFile> {
  const file = toc?.files.get(entry.headerOffset)
  const openRange = ref.openRange?.bind(ref)
  if (entry.size === 0 && entry.type === 'file') {
    return { entry, stream: Readable.from([]) }
  }
  const rangeable =
    toc !== undefined &&
    file !== undefined &&
    openRange !== undefined &&
    file.rangeable &&
    file.digest !== undefined
  if (!rangeable) return fullRead(ref, entry, signal)
  // A file that disagreed with the TOC once is read in full from then on (and marked once).
  if (toc.warnings.some((w) => w.kind !== 'tocIgnored' && w.path === entry.path)) {
    return fullRead(ref, entry, signal)
  }
  if (file.size > TOC_READ_MAX_BYTES || file.range.end - file.range.start + 1 > MAX_RANGE_BYTES) {
    if (spool === undefined || file.size > TOC_SPOOL_MAX_BYTES) return fullRead(ref, entry, signal)
    return spooledRead(toc, ref, entry, { ...file, digest: file.digest }, spool, signal)
  }
  let content: Buffer
  try {
    const compressed = await fetchRange({ openRange }, file.range, signal)
    content = await decodeFile(compressed, file.size, ref.digest)
  } catch (error) {
    if (signal?.aborted === true) throw error
    if (error instanceof RangesRefused) return fullRead(ref, entry, signal)
    if (error instanceof StrataError && error.code !== 'MALFORMED') throw error
    toc.warnings.push({
      kind: 'fileRangeUnreadable',
      path: entry.path,
      start: file.range.start,
      end: file.range.end,
    })
    return fullRead(ref, entry, signal)
  }
  const actual = `sha256:${createHash('sha256').update(content).digest('hex')}`
  if (actual !== file.digest) {
    toc.warnings.push({
      kind: 'fileDigestMismatch',
      path: entry.path,
      expectedDigest: file.digest,
      actualDigest: actual,
    })
    return fullRead(ref, entry, signal)
  }
  return { entry, stream: Readable.from([content]) }
}

/** A large file decoded to a scratch file while hashed, streamed out once it verifies. */
async function spooledRead(
  toc: TocLayer,
  ref: LayerRef,
  entry: LayerEntry,
  file: TocFileSpan & { readonly digest: string },
  spool: TocSpool,
  signal: AbortSignal | undefined,
): Promise<OpenedLayerFile> {
  const openRange = ref.openRange?.bind(ref)
  if (!openRange) return fullRead(ref, entry, signal)
  let outcome: SpoolOutcome
  try {
    outcome = await spool.open({
      key: `${ref.digest}:${entry.headerOffset}`,
      layerDigest: ref.digest,
      range: file.range,
      size: file.size,
      digest: file.digest,
      openRange,
      ...(signal ? { signal } : {}),
    })
  } catch (error) {
    if (signal?.aborted === true) throw error
    if (error instanceof StrataError && error.code !== 'MALFORMED') throw error
    toc.warnings.push({
      kind: 'fileRangeUnreadable',
      path: entry.path,
      start: file.range.start,
      end: file.range.end,
    })
    return fullRead(ref, entry, signal)
  }
  if (outcome.kind === 'refused') return fullRead(ref, entry, signal)
  if (outcome.kind === 'mismatch') {
    toc.warnings.push({
      kind: 'fileDigestMismatch',
      path: entry.path,
      expectedDigest: file.digest,
      actualDigest: outcome.actualDigest,
    })
    return fullRead(ref, entry, signal)
  }
  return { entry, stream: outcome.stream }
}

/** The first `size` bytes the compressed range decodes to; MALFORMED when it holds fewer. */
async function decodeFile(compressed: Buffer, size: number, digest: string): Promise<Buffer> {
  const layer = await openDecompressed(Readable.from([compressed]), digest)
  if (layer.compression === 'none') {
    throw new StrataError('MALFORMED', 'the range is not gzip or zstd', { subject: digest })
  }
  const out = Buffer.alloc(size)
  let filled = 0
  try {
    for await (const chunk of layer.stream as AsyncIterable<Buffer>) {
      const take = Math.min(chunk.length, size - filled)
      chunk.copy(out, filled, 0, take)
      filled += take
      if (filled === size) break
    }
  } catch (error) {
    // A range cut after the file's last frame may end inside the next one: not our concern.
    if (filled < size) throw error
  } finally {
    layer.stream.destroy()
  }
  if (filled < size) {
    throw new StrataError('MALFORMED', `the range decodes to ${filled} of ${size} bytes`, {
      subject: digest,
    })
  }
  return out
}

/** The file from a streaming read of the whole (digest-verified) layer, by path. */
async function fullRead(
  ref: LayerRef,
  entry: LayerEntry,
  signal: AbortSignal | undefined,
): Promise<OpenedLayerFile> {
  const blob = await ref.open(signal)
  return openLayerFile(blob, ref.digest, entry.path, signal ? { signal } : {})
}
