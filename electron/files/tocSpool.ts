// Files of a TOC-listed layer too large to hold in memory (over TOC_READ_MAX_BYTES): the
// file's compressed bytes come with one range request, are decoded and written to a scratch
// file in the cache while they are hashed, and only when the hash equals the TOC's digest is
// the file streamed out, from that scratch file. Memory holds stream buffers only. The last
// few verified files are kept, so the next pages of a big file (a viewer reads a page at a
// time) are read from disk instead of fetched again.

import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import type { Readable } from 'node:stream'
import { StrataError } from '../../shared/errors'
import { openDecompressed } from '../compression/decompress'
import { sweepTempFiles, tempPathIn } from '../cache/atomicFile'
import type { ByteRange, RangedBlob } from '../sources/rangedBlob'
import { drainedOrClosed } from '../util/drained'

/** Verified files kept for the next reads. */
const KEPT_FILES = 4

export interface SpoolRequest {
  /** Names the file for the keep-list: layer digest and the entry's TOC position. */
  readonly key: string
  readonly layerDigest: string
  readonly range: ByteRange
  readonly size: number
  /** "sha256:…" the decoded file must hash to. */
  readonly digest: string
  openRange(range: ByteRange, signal?: AbortSignal): Promise<RangedBlob>
  readonly signal?: AbortSignal
}

export type SpoolOutcome =
  | { readonly kind: 'verified'; readonly stream: Readable }
  /** The decoded bytes hash to something else: nothing of them goes out. */
  | { readonly kind: 'mismatch'; readonly actualDigest: string }
  /** The source sent the whole blob instead of the range. */
  | { readonly kind: 'refused' }

interface Spooled {
  readonly path: string
  /** Readers now streaming the file; an evicted file is removed when the last one ends. */
  readers: number
  evicted: boolean
}

type Written =
  { readonly kind: 'written'; readonly path: string } | Exclude<SpoolOutcome, { kind: 'verified' }>

export class TocSpool {
  private readonly kept = new Map<string, Spooled>()
  private readonly writing = new Map<string, Promise<Written>>()
  private swept = false

  constructor(private readonly dir: string) {}

  /** The verified file, or why not. MALFORMED when the range does not decode to `size` bytes. */
  async open(request: SpoolRequest): Promise<SpoolOutcome> {
    const known = this.kept.get(request.key)
    if (known) {
      this.kept.delete(request.key)
      this.kept.set(request.key, known)
      return { kind: 'verified', stream: this.readFrom(known) }
    }
    let written = this.writing.get(request.key)
    if (!written) {
      written = this.write(request).finally(() => this.writing.delete(request.key))
      this.writing.set(request.key, written)
    }
    const outcome = await written
    if (outcome.kind !== 'written') return outcome
    let spooled = this.kept.get(request.key)
    if (!spooled) {
      spooled = { path: outcome.path, readers: 0, evicted: false }
      this.keep(request.key, spooled)
    }
    return { kind: 'verified', stream: this.readFrom(spooled) }
  }

  private keep(key: string, spooled: Spooled): void {
    this.kept.set(key, spooled)
    while (this.kept.size > KEPT_FILES) {
      const [oldestKey, oldest] = this.kept.entries().next().value ?? []
      if (oldestKey === undefined || oldest === undefined) break
      this.kept.delete(oldestKey)
      oldest.evicted = true
      if (oldest.readers === 0) void rm(oldest.path, { force: true })
    }
  }

  private readFrom(spooled: Spooled): Readable {
    spooled.readers++
    const stream = createReadStream(spooled.path)
    stream.once('close', () => {
      spooled.readers--
      if (spooled.evicted && spooled.readers === 0) void rm(spooled.path, { force: true })
    })
    return stream
  }

  private async write(request: SpoolRequest): Promise<Written> {
    const { range, size, signal } = request
    await mkdir(this.dir, { recursive: true })
    if (!this.swept) {
      this.swept = true
      await sweepTempFiles(this.dir) // files a crashed Strata left behind
    }
    const answer = await request.openRange(range, signal)
    if (answer.kind === 'whole') {
      answer.stream.destroy()
      return { kind: 'refused' }
    }
    const path = tempPathIn(this.dir)
    const out = createWriteStream(path, { mode: 0o600 })
    const hash = createHash('sha256')
    let filled = 0
    try {
      const layer = await openDecompressed(answer.stream, request.layerDigest)
      try {
        if (layer.compression === 'none') {
          throw new StrataError('MALFORMED', 'the range is not gzip or zstd', {
            subject: request.layerDigest,
          })
        }
        for await (const chunk of layer.stream as AsyncIterable<Buffer>) {
          const take = chunk.subarray(0, Math.min(chunk.length, size - filled))
          hash.update(take)
          filled += take.length
          if (!out.write(take)) await drainedOrClosed(out)
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
          subject: request.layerDigest,
        })
      }
      await new Promise<void>((resolve, reject) => {
        out.once('error', reject)
        out.end(resolve)
      })
    } catch (error) {
      out.destroy()
      await rm(path, { force: true })
      throw error
    } finally {
      answer.stream.destroy()
    }
    const actualDigest = `sha256:${hash.digest('hex')}`
    if (actualDigest !== request.digest) {
      await rm(path, { force: true })
      return { kind: 'mismatch', actualDigest }
    }
    return { kind: 'written', path }
  }
}
