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
  const abort = (): void => {
    tar.destroy(cancelled())
  }
  if (signal?.aborted === true) throw cancelled()
  signal?.addEventListener('abort', abort, { once: true })
  try {
    for await (const chunk of tar) {
      const bytes = chunk as Buffer
      let paused = scanner.push(bytes)
      while (paused) {
        await paused.wait
        paused = scanner.push(bytes, paused.at)
      }
      options.onChunk?.(scanner.position, scanner.entries)
      if (scanner.isStopped) break
    }
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
