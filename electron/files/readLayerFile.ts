// One file's bytes out of a layer blob: stream the layer, skip everything before the entry,
// hand the entry's data to the caller as a stream with backpressure (a 1 GiB file flows
// through a small buffer), and stop reading the layer as soon as the entry ends.

import { PassThrough } from 'node:stream'
import type { Readable } from 'node:stream'
import { StrataError } from '../../shared/errors'
import type { LayerEntry } from '../../shared/api/files'
import type { ZstdDecoder } from '../compression/decompress'
import { openDecompressed } from '../compression/decompress'
import type { EntrySink } from '../tar/tarScanner'
import { scanTar } from '../tar/tarStream'
import { sparseSink } from '../tar/sparseSink'
import { drainedOrClosed } from '../util/drained'
import { holdStreamErrors } from '../util/holdStreamErrors'

export interface LayerFileOptions {
  readonly signal?: AbortSignal
  readonly zstd?: ZstdDecoder
}

export interface OpenedLayerFile {
  readonly entry: LayerEntry
  /** The file's bytes; errors if the layer turns out corrupt before the file ends. */
  readonly stream: Readable
}

/**
 * Opens the entry of `blob` that `want` names: an entry from the layer's index (matched by
 * header offset, so the right one of duplicate names is read) or a path (its first regular
 * file entry). NOT_FOUND if the layer ends without it.
 */
export async function openLayerFile(
  blob: Readable,
  digest: string,
  want: LayerEntry | string,
  options: LayerFileOptions = {},
): Promise<OpenedLayerFile> {
  const layer = await openDecompressed(blob, digest, { zstd: options.zstd ?? 'auto' })
  const wantedPath = typeof want === 'string' ? want : want.path
  // Handed to a caller that may not listen yet (or any more) when the layer fails.
  const out = holdStreamErrors(new PassThrough({ highWaterMark: 256 * 1024 }))
  const abortOnClose = new AbortController()
  out.on('close', () => abortOnClose.abort())
  const signal = options.signal
    ? AbortSignal.any([options.signal, abortOnClose.signal])
    : abortOnClose.signal

  return new Promise<OpenedLayerFile>((resolve, reject) => {
    let found = false
    const matches = (entry: LayerEntry): boolean =>
      typeof want === 'string'
        ? entry.path === want && entry.type === 'file'
        : entry.headerOffset === want.headerOffset
    const scan = scanTar(
      layer.stream,
      (control) => (entry, sparse) => {
        if (found || !matches(entry)) return undefined
        found = true
        if (entry.type !== 'file') {
          control.stop()
          reject(notRegular(entry))
          return undefined
        }
        if (entry.sparse === true && sparse === undefined) {
          control.stop()
          reject(
            new StrataError(
              'UNAVAILABLE',
              `"/${entry.path}" is a sparse file in the old pax 0.0 layout; reading it is not supported`,
              { subject: entry.path },
            ),
          )
          return undefined
        }
        resolve({ entry, stream: out })
        const plain = sinkInto(out, () => control.stop())
        if (entry.sparse !== true || sparse === undefined) return plain
        return sparseSink(sparse, entry.size, {
          write: (chunk) => plain.data(chunk),
          end: () => plain.end(),
          gone: () => out.destroyed,
          fail: (error) => {
            control.stop()
            out.destroy(error)
          },
        })
      },
      { signal },
    )
    scan.then(
      () => {
        if (!found) {
          reject(
            new StrataError('NOT_FOUND', `"/${wantedPath}" is not in layer ${digest}`, {
              subject: wantedPath,
            }),
          )
        }
      },
      (error: unknown) => {
        if (!found) reject(error instanceof Error ? error : new Error(String(error)))
        else if (!out.writableEnded)
          out.destroy(error instanceof Error ? error : new Error(String(error)))
      },
    )
  })
}

/** A sink that writes into `out`, waits while it is full, and ends it with the entry. */
function sinkInto(out: PassThrough, onEnd: () => void): EntrySink {
  return {
    data(chunk: Buffer): void | Promise<void> {
      if (out.destroyed) return undefined
      if (out.write(chunk)) return undefined
      return drainedOrClosed(out)
    },
    end(): void {
      out.end()
      onEnd()
    },
  }
}

function notRegular(entry: LayerEntry): StrataError {
  return new StrataError(
    'BAD_INPUT',
    `"/${entry.path}" is a ${entry.type}, not a regular file: it has no content to show`,
    { subject: entry.path },
  )
}
