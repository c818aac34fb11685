// Several files' bytes out of one layer in a single pass: the layer is streamed once, each
// wanted entry (matched by header offset, as recorded in the layer's index) is handed to its
// writer in archive order, and reading stops after the last one. Writers are called strictly
// one after another (a sparse file's trailing zeros included), and their promises pause the
// layer read, so memory stays bounded whatever the file sizes.

import type { Readable } from 'node:stream'
import { StrataError } from '../../shared/errors'
import type { LayerEntry } from '../../shared/api/files'
import type { ZstdDecoder } from '../compression/decompress'
import { openDecompressed } from '../compression/decompress'
import type { ByteWriter } from '../tar/sparseSink'
import { sparseSink } from '../tar/sparseSink'
import type { EntrySink } from '../tar/tarScanner'
import { scanTar } from '../tar/tarStream'

/** Receives one entry's bytes: begin, then every chunk, then end (each awaited in turn). */
export interface EntryDataWriter {
  begin(): Promise<void>
  write(chunk: Buffer): Promise<void>
  end(): Promise<void>
}

export interface ReadEntriesOptions {
  readonly signal?: AbortSignal
  readonly zstd?: ZstdDecoder
}

export async function readLayerEntries(
  blob: Readable,
  digest: string,
  wanted: readonly LayerEntry[],
  writerFor: (entry: LayerEntry) => EntryDataWriter,
  options: ReadEntriesOptions = {},
): Promise<void> {
  const byOffset = new Map(wanted.map((entry) => [entry.headerOffset, entry]))
  // A layer listed from its table of contents has no tar offsets (negative header offsets,
  // tocIndex.ts): its files are found by path instead.
  const byPath = new Map(wanted.filter((e) => e.headerOffset < 0).map((e) => [e.path, e]))
  if (byOffset.size === 0) {
    blob.destroy()
    return
  }
  const layer = await openDecompressed(blob, digest, { zstd: options.zstd ?? 'auto' })
  let tail: Promise<void> = Promise.resolve()
  // A holder, so the checks after the awaits see what callbacks set meanwhile.
  const state: { failure?: Error } = {}
  const throwIfFailed = (): void => {
    if (state.failure) throw state.failure
  }
  // Chains writer calls so they run in order; every link is marked handled, and the final
  // `await tail` (or the scanner awaiting a chunk's promise) reports the first failure.
  const enqueue = (work: () => Promise<void>): Promise<void> => {
    tail = tail.then(work)
    tail.catch(() => undefined)
    return tail
  }
  let remaining = byOffset.size
  // One per entry handed over, settled when its writer has ended (a sparse file ends only
  // after its trailing zeros, which may be after the scan is over).
  const ended: Promise<void>[] = []
  await scanTar(
    layer.stream,
    (control) =>
      (entry, sparse): EntrySink | undefined => {
        const found =
          byOffset.get(entry.headerOffset) ??
          (entry.type === 'file' ? byPath.get(entry.path) : undefined)
        if (state.failure !== undefined || !found) return undefined
        byOffset.delete(found.headerOffset)
        byPath.delete(found.path)
        remaining--
        if (entry.type !== 'file') {
          state.failure = new StrataError('MALFORMED', `/${entry.path} is no longer a regular file`)
          control.stop()
          return undefined
        }
        // The writer gets the entry it asked for (the same one, unless found by path).
        const writer = writerFor(found)
        void enqueue(() => writer.begin())
        let settle: { resolve(): void; reject(error: Error): void } | undefined
        const entryEnded = new Promise<void>((resolve, reject) => (settle = { resolve, reject }))
        entryEnded.catch(() => undefined)
        ended.push(entryEnded)
        const out: ByteWriter = {
          write: (chunk) => enqueue(() => writer.write(chunk)),
          end: () => {
            enqueue(() => writer.end()).then(
              () => settle?.resolve(),
              (error: unknown) => settle?.reject(asError(error)),
            )
            // Everything wanted has been handed over: the rest of the layer need not be read.
            if (remaining === 0) control.stop()
          },
          fail: (error) => {
            state.failure = error
            settle?.reject(error)
            control.stop()
          },
        }
        if (entry.sparse === true) {
          if (sparse === undefined) {
            state.failure = new StrataError(
              'UNAVAILABLE',
              `"/${entry.path}" is a sparse file in the old pax 0.0 layout; reading it is not supported`,
              { subject: entry.path },
            )
            control.stop()
            return undefined
          }
          return sparseSink(sparse, entry.size, out)
        }
        return { data: (chunk) => out.write(chunk), end: () => out.end() }
      },
    options.signal ? { signal: options.signal } : {},
  )
  throwIfFailed()
  await Promise.all(ended)
  await tail
  throwIfFailed()
  if (byOffset.size > 0) {
    const missing = [...byOffset.values()][0]
    throw new StrataError(
      'MALFORMED',
      `layer ${digest} ended before /${missing?.path ?? '?'}: the layer changed since it was indexed`,
      { subject: missing?.path },
    )
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error))
}
