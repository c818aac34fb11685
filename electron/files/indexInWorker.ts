// Runs indexLayer on a worker thread so a 1 GB layer never blocks the thread that serves the
// UI. The blob stream stays here (sources live on the main thread) and is fed to the worker
// chunk by chunk with a small in-flight window; progress and the index come back as messages.
// The thread is shared by every build running at once (indexWorkerHost.ts).

import type { Readable } from 'node:stream'
import { StrataError, toApiError } from '../../shared/errors'
import type { LayerEntry, LayerIndex } from '../../shared/api/files'
import type { IndexOptions } from './indexLayer'
import type { FromWorker, ToWorker } from './indexWorkerProtocol'
import { CHUNKS_IN_FLIGHT } from './indexWorkerProtocol'
import { post, workerHost } from './indexWorkerHost'
import { cancelled } from '../tar/tarStream'
import { returnReadBuffer } from '../util/readBufferPool'

/** Smaller chunks are copied: Node's buffer pool hands out slices under 4 KiB. */
const MIN_MOVED_BYTES = 8 * 1024

/**
 * The worker script. In development it is the TypeScript file; a bundled build points this at
 * the bundled worker file instead.
 */
export const DEFAULT_WORKER_URL = new URL('./indexWorker.ts', import.meta.url)

/**
 * The chunk's bytes in a buffer that can be transferred to the worker. A chunk that owns its
 * whole ArrayBuffer (what file streams read into) moves as it is: copying every chunk left
 * the whole blob behind as garbage on this thread, which the collector only catches up with
 * tens of MB later. A slice of a larger or pooled buffer is copied (its memory is shared).
 */
function movable(chunk: Buffer): Uint8Array<ArrayBuffer> {
  const whole =
    chunk.buffer instanceof ArrayBuffer &&
    chunk.byteOffset === 0 &&
    chunk.byteLength === chunk.buffer.byteLength &&
    chunk.byteLength >= MIN_MOVED_BYTES
  return whole ? new Uint8Array(chunk.buffer, 0, chunk.byteLength) : new Uint8Array(chunk)
}

/**
 * Starts the index worker now (if it is not running) and keeps it until `release` is called.
 * `ready` settles once its modules are loaded: a blob requested after that flows straight
 * into the indexer instead of piling up in socket buffers while the thread starts.
 */
export function warmIndexWorker(workerUrl: URL = DEFAULT_WORKER_URL): {
  readonly ready: Promise<void>
  readonly release: () => void
} {
  const host = workerHost(workerUrl)
  const { job } = host.open({ message: () => undefined, failed: () => undefined })
  return { ready: host.ready(), release: () => void host.close(job) }
}

/**
 * Keeps an index thread running from now on, so no build waits for one to start (the app
 * asks for this at launch; indexWorkerHost.ts). Settles once the thread is ready.
 */
export function keepIndexWorkerReady(workerUrl: URL = DEFAULT_WORKER_URL): Promise<void> {
  return workerHost(workerUrl).keepReady()
}

export interface WorkerIndexOptions extends IndexOptions {
  readonly workerUrl?: URL
}

export async function indexLayerInWorker(
  blob: Readable,
  digest: string,
  options: WorkerIndexOptions = {},
): Promise<LayerIndex> {
  if (options.signal?.aborted === true) {
    blob.destroy()
    throw cancelled()
  }
  const host = workerHost(options.workerUrl ?? DEFAULT_WORKER_URL)
  let inFlight = 0
  let wakeFeeder: (() => void) | undefined
  let finished = false
  let settle: { resolve: (index: LayerIndex) => void; reject: (error: Error) => void } | undefined
  const entries: LayerEntry[] = []
  const result = new Promise<LayerIndex>((resolve, reject) => (settle = { resolve, reject }))
  const { job, worker } = host.open({
    message: (message: FromWorker) => {
      if (message.type === 'ack') {
        inFlight--
        wakeFeeder?.()
      } else if (message.type === 'recycle') {
        returnReadBuffer(message.data.buffer)
      } else if (message.type === 'progress') {
        options.onProgress?.(message.progress)
      } else if (message.type === 'compression') {
        options.onCompression?.(message.compression)
      } else if (message.type === 'checkpoint') {
        options.onCheckpoint?.(message.checkpoint)
      } else if (message.type === 'entries') {
        for (const entry of message.entries) entries.push(entry)
        options.onEntries?.(message.entries)
      } else if (message.type === 'done') {
        settle?.resolve({ ...message.index, entries })
      } else if (message.type === 'error') {
        settle?.reject(
          new StrataError(message.error.code, message.error.message, message.error.detail),
        )
      }
    },
    failed: (error) => settle?.reject(error),
  })
  const send = (message: ToWorker, transfer?: ArrayBuffer[]): void =>
    post(worker, message, transfer)

  // The build ends here at once: the worker may be inside a chunk that takes a while (a
  // 1 MiB read of a gzip layer of tiny files is 100 MB of tar) and would otherwise finish the
  // whole index before it sees the cancel. What it still sends for this job is dropped.
  const onAbort = (): void => {
    send({ job, type: 'cancel' })
    settle?.reject(cancelled())
  }
  options.signal?.addEventListener('abort', onAbort, { once: true })
  send({
    job,
    type: 'start',
    digest,
    zstd: options.zstd ?? 'auto',
    checkpoints: options.onCheckpoint !== undefined,
  })

  // Chunks are taken with 'data' events: an async iterator's read() would join the buffered
  // ones into a copy, which then could not be moved to the worker without another.
  const feed = (): Promise<void> =>
    new Promise<void>((resolve) => {
      let over = false
      const stop = (last?: ToWorker): void => {
        if (over) return
        over = true
        blob.off('data', onData)
        blob.pause()
        if (last && !finished) send(last)
        resolve()
      }
      const onData = (chunk: Buffer): void => {
        if (finished) {
          stop()
          return
        }
        const data = movable(chunk)
        inFlight++
        send({ job, type: 'chunk', data }, [data.buffer])
        if (inFlight < CHUNKS_IN_FLIGHT) return
        blob.pause()
        wakeFeeder = (): void => {
          if (inFlight >= CHUNKS_IN_FLIGHT && !finished) return
          wakeFeeder = undefined
          if (finished) stop()
          else blob.resume()
        }
      }
      blob.on('data', onData)
      blob.once('end', () => stop({ job, type: 'end' }))
      blob.on('error', (error) => stop({ job, type: 'fail', error: toApiError(error) }))
      blob.once('close', () => stop())
    })
  const feeding = feed()
  try {
    return await result
  } finally {
    finished = true
    wakeFeeder?.()
    options.signal?.removeEventListener('abort', onAbort)
    blob.destroy()
    await feeding
    await host.close(job)
  }
}
