// Worker-thread side of layer indexing: for each job, rebuilds the blob stream from the chunks
// the main thread posts, runs indexLayer on it, and posts progress and the finished index
// back. Several jobs may run at once; they share this thread (and its heap).

import { parentPort } from 'node:worker_threads'
import { Readable } from 'node:stream'
import { StrataError, toApiError } from '../../shared/errors'
import { indexLayer } from './indexLayer'
import type { FromWorker, ToWorker } from './indexWorkerProtocol'

const port = parentPort
if (!port) throw new StrataError('INTERNAL', 'indexWorker.ts runs only as a worker thread')

const post = (message: FromWorker): void => port.postMessage(message)
post({ job: 0, type: 'ready' })

interface Job {
  readonly blob: Readable
  readonly abort: AbortController
  /** Hands a chunk to the blob stream, acknowledging it now or once the parser wants more. */
  readonly push: (data: Uint8Array) => void
}

const jobs = new Map<number, Job>()

/**
 * Moves a consumed chunk's memory back to the main thread, whose file reader reads into it
 * again. Only a chunk that owns its whole buffer, as the main thread moved it here: a slice
 * would take memory something else may still use.
 */
function recycle(job: number, chunk: Buffer): void {
  const memory = chunk.buffer
  if (!(memory instanceof ArrayBuffer)) return
  if (chunk.byteOffset !== 0 || chunk.byteLength !== memory.byteLength) return
  port?.postMessage({ job, type: 'recycle', data: new Uint8Array(memory) } satisfies FromWorker, [
    memory,
  ])
}

function startJob(message: Extract<ToWorker, { type: 'start' }>): void {
  const { job } = message
  let owed = 0
  const blob = new Readable({
    highWaterMark: 2 * 1024 * 1024,
    read(): void {
      // The parser wants more: acknowledge the chunks held back while the buffer was full.
      for (; owed > 0; owed--) post({ job, type: 'ack' })
    },
  })
  const abort = new AbortController()
  const push = (data: Uint8Array): void => {
    if (blob.push(Buffer.from(data.buffer, data.byteOffset, data.length)))
      post({ job, type: 'ack' })
    else owed++
  }
  jobs.set(job, { blob, abort, push })
  indexLayer(blob, message.digest, {
    signal: abort.signal,
    zstd: message.zstd,
    onInputConsumed: (chunk) => recycle(job, chunk),
    onProgress: (progress) => post({ job, type: 'progress', progress }),
    onEntries: (entries) => post({ job, type: 'entries', entries }),
    onCompression: (compression) => post({ job, type: 'compression', compression }),
    ...(message.checkpoints
      ? { onCheckpoint: (checkpoint) => post({ job, type: 'checkpoint', checkpoint }) }
      : {}),
  })
    .then(
      // The entries went out in batches already; cloning them all again would double the
      // index in memory for a moment.
      (index) => post({ job, type: 'done', index: { ...index, entries: [] } }),
      (error: unknown) => post({ job, type: 'error', error: toApiError(error) }),
    )
    .finally(() => jobs.delete(job))
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'start') {
    startJob(message)
    return
  }
  const job = jobs.get(message.job)
  if (!job) return // finished already; late chunks are dropped
  switch (message.type) {
    case 'chunk':
      job.push(message.data)
      break
    case 'end':
      job.blob.push(null)
      break
    case 'fail':
      job.blob.destroy(
        new StrataError(message.error.code, message.error.message, message.error.detail),
      )
      break
    case 'cancel':
      job.abort.abort()
      break
  }
})
