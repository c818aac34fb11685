// One file's bytes by ranged reads: the spans of the blob that hold the entry's data are
// fetched with one range request, each span verified against the hash recorded while the
// layer was indexed before any of it is inflated, then inflated from the checkpoint before
// the entry (gzip) or passed through (uncompressed), cut to the entry's bytes and streamed
// out with backpressure. A source that answers with the whole blob gets today's full read; a
// file that runs past the end of a gzip member, or whose inflating from the checkpoint fails,
// is finished by a sequential read of the layer from where the ranged read stopped.

import { createHash } from 'node:crypto'
import { PassThrough } from 'node:stream'
import type { Readable } from 'node:stream'
import { StrataError } from '../../shared/errors'
import type { LayerEntry } from '../../shared/api/files'
import type { ByteRange, RangedBlob } from '../sources/rangedBlob'
import { openDecompressed } from '../compression/decompress'
import { CheckpointInflater } from '../compression/gzipResume'
import type { SpanTable } from '../compression/gzipSpansFile'
import type { OpenedLayerFile } from './readLayerFile'
import { openLayerFile } from './readLayerFile'
import { drainedOrClosed } from '../util/drained'
import { holdStreamErrors } from '../util/holdStreamErrors'

export interface RangedFileRequest {
  readonly digest: string
  /** A regular, non-sparse entry of the layer. */
  readonly entry: LayerEntry
  readonly spans: SpanTable
  openRange(range: ByteRange, signal?: AbortSignal): Promise<RangedBlob>
  /** The whole verified blob, for the fallbacks. */
  openWhole(signal?: AbortSignal): Promise<Readable>
  readonly signal?: AbortSignal
}

/** Which spans hold uncompressed bytes [start, end), and the blob bytes they cover. */
export interface SpanPlan {
  readonly first: number
  readonly last: number
  readonly range: ByteRange
}

const spanStart = (t: SpanTable, s: number): number =>
  s === 0 ? 0 : (t.points[s - 1]?.compressedOffset ?? 0)
const spanOutputStart = (t: SpanTable, s: number): number =>
  s === 0 ? 0 : (t.points[s - 1]?.uncompressedOffset ?? 0)
const spanEnd = (t: SpanTable, s: number): number =>
  s < t.points.length ? (t.points[s]?.compressedOffset ?? 0) : t.compressedSize - 1

export function planSpans(table: SpanTable, start: number, end: number): SpanPlan {
  const spans = table.points.length + 1
  let first = 0
  while (first + 1 < spans && spanOutputStart(table, first + 1) <= start) first++
  let last = first
  while (last + 1 < spans && spanOutputStart(table, last + 1) < end) last++
  return { first, last, range: { start: spanStart(table, first), end: spanEnd(table, last) } }
}

/**
 * The entry's bytes by ranged reads, or undefined when this layer's checkpoints cannot serve
 * it (then the caller streams the layer). Rejects with DIGEST_MISMATCH if the first span
 * fetched does not verify; later spans that fail end the stream with that error.
 */
export async function openRangedLayerFile(
  request: RangedFileRequest,
): Promise<OpenedLayerFile | undefined> {
  const { entry, spans: table, digest, signal } = request
  const start = entry.dataOffset
  const end = entry.dataOffset + entry.storedSize
  if (end > table.uncompressedSize) return undefined
  // Handed to a caller that may not listen yet (or any more) when the layer fails.
  const out = holdStreamErrors(new PassThrough({ highWaterMark: 256 * 1024 }))
  if (entry.storedSize === 0) {
    out.end()
    return { entry, stream: out }
  }
  const plan = planSpans(table, start, end)
  let inflater: CheckpointInflater | undefined
  if (table.compression === 'gzip') {
    const checkpoint = plan.first === 0 ? undefined : await table.checkpoint(plan.first - 1)
    if (plan.first > 0 && !checkpoint) return undefined // damaged window: full read
    inflater = CheckpointInflater.start(checkpoint)
    if (!inflater) return undefined
  }
  const answer = await request.openRange(plan.range, signal)
  if (answer.kind === 'whole') {
    inflater?.close()
    return openLayerFile(answer.stream, digest, entry, signal ? { signal } : {})
  }
  const spans = verifiedSpans(answer.stream, table, plan, digest)
  let firstSpan: IteratorResult<Buffer>
  try {
    firstSpan = await spans.next() // a corrupt first span fails the open itself
  } catch (error) {
    inflater?.close()
    answer.stream.destroy()
    throw error
  }
  // A reader that stops early (one page of a file shown) also stops the fetch.
  out.on('close', () => answer.stream.destroy())
  const writer = new RangeWriter(out, start, end, spanOutputStart(table, plan.first))
  const pump = async (): Promise<void> => {
    try {
      let span = firstSpan
      for (let s = plan.first; span.done !== true; s++) {
        const bytes = s === plan.first ? span.value : span.value.subarray(1) // shared edge byte
        if (!inflater) {
          await writer.write(bytes)
        } else {
          const room = (): number => writer.remaining
          await writer.writeAll(inflater.push(bytes, room))
          if (s === plan.last) await writer.writeAll(inflater.end(room))
        }
        if (writer.done || out.destroyed) break
        if (inflater?.finished === true) break // the gzip member ended before the file did
        span = await spans.next()
      }
      if (!writer.done && !out.destroyed) {
        await finishFromWhole(request, writer)
      }
      out.end()
    } catch (error) {
      if (writer.done)
        out.end() // bits after the file's last byte may not decode: not our concern
      else if (out.destroyed) return
      else if (!resumeFailed(error, signal)) out.destroy(asError(error))
      else {
        // Inflating from the checkpoint failed: the rest comes from a sequential read of the
        // verified layer (the same bytes, slower), never an error for the reader.
        try {
          await finishFromWhole(request, writer)
          out.end()
        } catch (fallbackError) {
          out.destroy(asError(fallbackError))
        }
      }
    } finally {
      inflater?.close()
      answer.stream.destroy()
    }
  }
  void pump()
  return { entry, stream: out }
}

const asError = (error: unknown): Error =>
  error instanceof Error ? error : new Error(String(error))

/**
 * True for a failure of inflating itself (zlib's data errors), which a sequential read can
 * make good; false for what it cannot (a verified span that did not match, a cancelled read).
 */
function resumeFailed(error: unknown, signal: AbortSignal | undefined): boolean {
  if (signal?.aborted === true || error instanceof StrataError) return false
  return !(error instanceof Error && error.name === 'AbortError')
}

/** The fetched bytes cut into spans, each checked against its recorded SHA-256. */
async function* verifiedSpans(
  stream: Readable,
  table: SpanTable,
  plan: SpanPlan,
  digest: string,
): AsyncGenerator<Buffer> {
  let s = plan.first
  let pending: Buffer[] = []
  let pendingLength = 0
  let position = plan.range.start
  const spanBytes = (): number => spanEnd(table, s) - spanStart(table, s) + 1
  const check = (bytes: Buffer): Buffer => {
    const expected = table.spanHashes[s]
    const actual = createHash('sha256').update(bytes).digest()
    if (!expected || !actual.equals(expected)) {
      throw new StrataError(
        'DIGEST_MISMATCH',
        `layer ${digest}: bytes ${spanStart(table, s)}–${spanEnd(table, s)} fetched for a file read do not match the hashes recorded when the layer was indexed; refused`,
        { subject: digest, expectedDigest: digest },
      )
    }
    return bytes
  }
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    pending.push(chunk)
    pendingLength += chunk.length
    position += chunk.length
    while (s <= plan.last && pendingLength >= spanBytes()) {
      const joined = Buffer.concat(pending, pendingLength)
      const size = spanBytes()
      const span = check(joined.subarray(0, size))
      // The span's last byte is also the next span's first.
      const rest = joined.subarray(size - 1)
      s++
      pending = s <= plan.last ? [rest] : []
      pendingLength = s <= plan.last ? rest.length : 0
      yield span
    }
  }
  if (s <= plan.last || position !== plan.range.end + 1) {
    throw new StrataError(
      'MALFORMED',
      `layer ${digest}: the range ${plan.range.start}–${plan.range.end} ended after ${position - plan.range.start} bytes`,
      { subject: digest },
    )
  }
}

/** Writes the slice [start, end) of an uncompressed stream that begins at `position`. */
class RangeWriter {
  constructor(
    private readonly out: PassThrough,
    private readonly start: number,
    private readonly end: number,
    public position: number,
  ) {}

  get done(): boolean {
    return this.position >= this.end
  }

  /** Uncompressed bytes still wanted from the current position. */
  get remaining(): number {
    return Math.max(0, this.end - this.position)
  }

  async writeAll(chunks: Iterable<Buffer>): Promise<void> {
    for (const chunk of chunks) {
      await this.write(chunk)
      if (this.done || this.out.destroyed) return
    }
  }

  async write(chunk: Buffer): Promise<void> {
    const from = Math.max(0, this.start - this.position)
    const to = Math.min(chunk.length, this.end - this.position)
    this.position += chunk.length
    if (to <= from || this.out.destroyed) return
    if (this.out.write(chunk.subarray(from, to))) return
    await drainedOrClosed(this.out)
  }
}

/** The rest of the file from a full read of the layer (a gzip member ended mid-file). */
async function finishFromWhole(request: RangedFileRequest, writer: RangeWriter): Promise<void> {
  const blob = await request.openWhole(request.signal)
  const layer = await openDecompressed(blob, request.digest)
  const resumeAt = writer.position
  writer.position = 0
  try {
    for await (const chunk of layer.stream as AsyncIterable<Buffer>) {
      if (writer.position + chunk.length <= resumeAt) {
        writer.position += chunk.length
        continue
      }
      const skip = Math.max(0, resumeAt - writer.position)
      writer.position += skip
      await writer.write(chunk.subarray(skip))
      if (writer.done) break
    }
  } finally {
    layer.stream.destroy()
  }
  if (!writer.done) {
    throw new StrataError(
      'MALFORMED',
      `layer ${request.digest} ends inside /${request.entry.path}`,
      {
        subject: request.digest,
      },
    )
  }
}
