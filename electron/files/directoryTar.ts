// A directory of the merged filesystem as a tar stream, written as it is read: headers come
// from the layer indexes, file bytes from one pass over each layer that holds some (see
// directoryTarPlan.ts for the order), and every write waits for the reader, so a directory of
// any size flows through a small buffer. Destroying the stream stops the layer reads.

import { PassThrough } from 'node:stream'
import type { Readable } from 'node:stream'
import { StrataError } from '../../shared/errors'
import type { LayerIndex } from '../../shared/api/files'
import type { DirectoryTarPlan } from './directoryTarPlan'
import { readLayerEntries } from './readLayerEntries'
import { TAR_END, encodeTarHeader, padding } from '../tar/tarEncode'
import { cancelled } from '../tar/tarStream'
import { drainedOrClosed } from '../util/drained'
import { holdStreamErrors } from '../util/holdStreamErrors'

/** Opens layer `layer` (0 = bottom) as the blob stream its source serves. */
export type LayerBlobOpener = (layer: number, signal: AbortSignal) => Promise<Readable>

export interface DirectoryTarOptions {
  readonly signal?: AbortSignal
  /** Archive bytes handed to the reader so far. */
  readonly onBytes?: (written: number) => void
}

const BUFFER_BYTES = 256 * 1024

export function streamDirectoryTar(
  plan: DirectoryTarPlan,
  indexes: readonly LayerIndex[],
  openBlob: LayerBlobOpener,
  options: DirectoryTarOptions = {},
): Readable {
  // Handed to a caller that may not listen yet (or any more) when the layer fails.
  const out = holdStreamErrors(new PassThrough({ highWaterMark: BUFFER_BYTES }))
  const closed = new AbortController()
  out.on('close', () => closed.abort())
  const signal = options.signal ? AbortSignal.any([options.signal, closed.signal]) : closed.signal
  // A cancel must end the stream even while it waits for a reader that does not read.
  signal.addEventListener('abort', () => out.destroy(cancelled()), { once: true })
  let written = 0

  const push = async (chunk: Buffer): Promise<void> => {
    if (signal.aborted || out.destroyed) throw cancelled()
    if (chunk.length === 0) return
    written += chunk.length
    options.onBytes?.(written)
    if (out.write(chunk)) return
    await drainedOrClosed(out)
  }

  const produce = async (): Promise<void> => {
    for (const planned of plan.headersOnly) await push(encodeTarHeader(planned.header))
    const layers = [...plan.filesByLayer.keys()].sort((a, b) => a - b)
    for (const layer of layers) {
      const files = plan.filesByLayer.get(layer) ?? []
      const index = indexes[layer]
      if (!index) throw new StrataError('INTERNAL', `no index for layer ${layer + 1}`)
      const byOffset = new Map(files.map((file) => [file.source.headerOffset, file]))
      const blob = await openBlob(layer, signal)
      await readLayerEntries(
        blob,
        index.digest,
        files.map((file) => file.source),
        (entry) => {
          const file = byOffset.get(entry.headerOffset)
          if (!file) throw new StrataError('INTERNAL', `unplanned entry /${entry.path}`)
          const size = file.header.size
          let count = 0
          const wrongSize = (): StrataError =>
            new StrataError(
              'MALFORMED',
              `/${entry.path} in layer ${layer + 1} does not hold the ${size} bytes its index records`,
              { subject: entry.path },
            )
          return {
            begin: () => push(encodeTarHeader(file.header)),
            write: async (chunk) => {
              count += chunk.length
              if (count > size) throw wrongSize()
              await push(chunk)
            },
            end: async () => {
              if (count !== size) throw wrongSize()
              await push(padding(size))
            },
          }
        },
        { signal },
      )
    }
    for (const link of plan.links) await push(encodeTarHeader(link.header))
    await push(TAR_END)
  }

  produce().then(
    () => out.end(),
    (error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))),
  )
  return out
}
