// Worker-thread side of layer indexing: rebuilds the blob stream from the chunks the main
// thread posts, runs indexLayer on it, and posts progress and the finished index back.

import { parentPort } from 'node:worker_threads'
import { Readable } from 'node:stream'
import { StrataError, toApiError } from '../../shared/errors'
import { indexLayer } from './indexLayer'
import type { FromWorker, ToWorker } from './indexWorkerProtocol'

const port = parentPort
if (!port) throw new Error('indexWorker.ts runs only as a worker thread')

const post = (message: FromWorker): void => port.postMessage(message)
const abort = new AbortController()
let owed = 0
const blob = new Readable({
  highWaterMark: 256 * 1024,
  read(): void {
    // The parser wants more: acknowledge the chunks held back while the buffer was full.
    for (; owed > 0; owed--) post({ type: 'ack' })
  },
})

port.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'start':
      indexLayer(blob, message.digest, {
        signal: abort.signal,
        zstd: message.zstd,
        onProgress: (progress) => post({ type: 'progress', progress }),
        onCompression: (compression) => post({ type: 'compression', compression }),
        ...(message.checkpoints
          ? { onCheckpoint: (checkpoint) => post({ type: 'checkpoint', checkpoint }) }
          : {}),
      }).then(
        (index) => post({ type: 'done', index }),
        (error: unknown) => post({ type: 'error', error: toApiError(error) }),
      )
      break
    case 'chunk':
      if (blob.push(Buffer.from(message.data.buffer, message.data.byteOffset, message.data.length)))
        post({ type: 'ack' })
      else owed++
      break
    case 'end':
      blob.push(null)
      break
    case 'fail':
      blob.destroy(new StrataError(message.error.code, message.error.message, message.error.detail))
      break
    case 'cancel':
      abort.abort()
      break
  }
})
