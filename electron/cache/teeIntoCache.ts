// One download, two readers: a blob's bytes are written to the blob cache while they flow on
// to whoever reads the returned stream (the layer indexer), so nothing waits for the whole
// blob to land on disk first. Each chunk is on disk before it is passed on (the indexer may
// move the chunk's memory to its worker thread). At the end the bytes are hashed: the file is
// moved into place before the stream ends, or, on a mismatch, removed and the stream fails
// with DIGEST_MISMATCH. A stream destroyed early (cancel, a failed read) removes its temp file
// before it reports 'close', so no partial blob is ever left in the cache.

import { createHash } from 'node:crypto'
import type { FileHandle } from 'node:fs/promises'
import { open, rm } from 'node:fs/promises'
import type { Readable, TransformCallback } from 'node:stream'
import { Transform } from 'node:stream'
import { parseDigest } from '../../shared/digest'
import { StrataError } from '../../shared/errors'
import { holdStreamErrors } from '../util/holdStreamErrors'
import type { BlobCache } from './blobCache'

/** `source` as it is also written into `cache` under `digest` (see the header comment). */
export function teeIntoCache(cache: BlobCache, digest: string, source: Readable): Readable {
  holdStreamErrors(source)
  const { algorithm } = parseDigest(digest)
  const hash = createHash(algorithm)
  let size = 0
  let temp: string | undefined
  let file: FileHandle | undefined
  /** Past the cache's limit: the bytes still flow on, but are no longer written. */
  let overLimit = false
  let adopted = false

  const discard = async (): Promise<void> => {
    const [handle, path] = [file, temp]
    file = undefined
    temp = undefined
    await handle?.close().catch(() => undefined)
    if (path !== undefined) await rm(path, { force: true })
  }

  const tee = new Transform({
    highWaterMark: 256 * 1024,
    transform(chunk: Buffer, _encoding, callback: TransformCallback): void {
      hash.update(chunk)
      size += chunk.length
      const write = async (): Promise<void> => {
        if (overLimit) return
        if (size > cache.limitBytes) {
          overLimit = true
          await discard()
          return
        }
        if (!file) {
          temp = await cache.tempFor(digest)
          file = await open(temp, 'wx', 0o600)
          // Destroyed while the file was being made: discard() found nothing to remove yet.
          if (tee.destroyed) {
            await discard()
            return
          }
        }
        await file.write(chunk)
      }
      write().then(
        () => callback(null, chunk),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      )
    },
    flush(callback: TransformCallback): void {
      const finish = async (): Promise<void> => {
        const actual = `${algorithm}:${hash.digest('hex')}`
        if (actual !== digest) {
          await discard()
          throw new StrataError(
            'DIGEST_MISMATCH',
            `blob ${digest} hashes to ${actual}; not cached`,
            { expectedDigest: digest, actualDigest: actual },
          )
        }
        if (overLimit || !file || temp === undefined) return
        const path = temp
        await file.close()
        file = undefined
        temp = undefined
        adopted = true
        await cache.adopt(digest, path, size)
      }
      finish().then(
        () => callback(),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      )
    },
    destroy(error: Error | null, callback: (error?: Error | null) => void): void {
      source.destroy()
      if (adopted) {
        callback(error)
        return
      }
      discard().then(
        () => callback(error),
        () => callback(error),
      )
    },
  })
  source.on('error', (error) => tee.destroy(error))
  source.pipe(tee)
  return holdStreamErrors(tee)
}
