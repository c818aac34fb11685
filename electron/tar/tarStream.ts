// Stream plumbing for the tar parser: pull chunks from an uncompressed tar stream, push them
// through a TarScanner, honour its pauses (a sink that waits for its reader), stop early when
// asked, and cancel on an AbortSignal. Format knowledge lives in tarScanner.ts.

import type { Readable } from 'node:stream'
import { StrataError } from '../../shared/errors'
import type { EntryHandler } from './tarScanner'
import { TarScanner } from './tarScanner'

export interface ScanOptions {
  readonly signal?: AbortSignal
  /** Called after each chunk with the uncompressed bytes consumed and entries seen. */
  readonly onChunk?: (bytesOut: number, entries: number) => void
  /** Entry limit (default MAX_ENTRIES): a layer with more is refused as MALFORMED. */
  readonly maxEntries?: number
  /** Index budget (default MAX_INDEX_BYTES, see tarLimits.ts): beyond it, MALFORMED. */
  readonly maxIndexBytes?: number
}

export interface ScanResult {
  readonly bytes: number
  readonly entries: number
  /** True when the handler stopped the scan before the end of the archive. */
  readonly stoppedEarly: boolean
}

/**
 * Scans `tar` to its end (or until `control.stop()` is called from the handler) and resolves
 * with totals. Rejects with MALFORMED on a bad archive and CANCELLED on abort; the stream is
 * destroyed whenever the scan finishes early.
 */
export async function scanTar(
  tar: Readable,
  onEntry: (control: ScanControl) => EntryHandler,
  options: ScanOptions = {},
): Promise<ScanResult> {
  const stopper: { scanner?: TarScanner } = {}
  const control: ScanControl = { stop: () => stopper.scanner?.stop() }
  const scanner = new TarScanner(onEntry(control), options.maxEntries, options.maxIndexBytes)
  stopper.scanner = scanner
  const { signal } = options
  if (signal?.aborted === true) {
    tar.destroy()
    throw cancelled()
  }
  const abort = (): void => {
    tar.destroy(cancelled())
  }
  signal?.addEventListener('abort', abort, { once: true })
  try {
    await new Promise<void>((resolve, reject) => {
      let settled = false
      /** A sink's wait is pending: the current chunk is not all in yet. */
      let waiting = false
      let ended = false
      const settle = (error?: unknown): void => {
        if (settled) return
        settled = true
        tar.off('data', onData)
        // A flowing stream without a 'data' listener would read on (and throw away) its rest.
        tar.pause()
        if (error === undefined) resolve()
        else reject(error instanceof Error ? error : new Error('the tar stream failed'))
      }
      // Pushes `chunk` from `from` on. While a sink asks to wait, the stream stays paused and
      // the rest of this chunk goes in first; only then does the next chunk come.
      const consume = (chunk: Buffer, from: number): void => {
        try {
          const paused = scanner.push(chunk, from)
          if (paused) {
            const { at, wait } = paused
            tar.pause()
            wait.then(
              () => {
                if (settled) return
                consume(chunk, at)
                if (settled || waiting) return
                if (ended) settle()
                else tar.resume()
              },
              (error: unknown) => settle(error),
            )
            waiting = true
            return
          }
          waiting = false
          options.onChunk?.(scanner.position, scanner.entries)
          if (scanner.isStopped) settle()
        } catch (error) {
          settle(error)
        }
      }
      // 'data' events hand over each chunk as the decoder made it; an async iterator's read()
      // would join whatever is buffered into a new buffer first (a copy of every byte).
      const onData = (chunk: Buffer): void => {
        if (!settled) consume(chunk, 0)
      }
      tar.on('data', onData)
      // The stream can end while the last chunk waits for a sink; the scan ends after it.
      tar.once('end', () => {
        ended = true
        if (!waiting) settle()
      })
      // Kept after the scan settles: a late error of a stream being torn down is not a crash.
      tar.on('error', (error) => settle(error))
      tar.once('close', () => {
        if (!tar.readableEnded) settle(tar.errored ?? prematureClose())
      })
    })
    if (isAborted(signal)) throw cancelled()
    scanner.finish()
    return {
      bytes: scanner.position,
      entries: scanner.entries,
      stoppedEarly: scanner.isStopped,
    }
  } finally {
    signal?.removeEventListener('abort', abort)
    if (!tar.destroyed) tar.destroy()
  }
}

/** The stream closed before its end without saying why (what for-await reports as well). */
function prematureClose(): Error {
  return Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' })
}

export interface ScanControl {
  /** Ends the scan after the current chunk; the rest of the stream is not read. */
  stop(): void
}

function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true
}

export function cancelled(): StrataError {
  return new StrataError('CANCELLED', 'reading the layer was cancelled')
}
