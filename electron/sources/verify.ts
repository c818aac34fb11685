// Streams that check bytes as they pass: a blob stream hashes while it flows and errors with
// SIZE_MISMATCH (as soon as too many bytes arrive, or too few at the end) or DIGEST_MISMATCH
// (at the end). A consumer therefore never sees a clean end of an unverified blob. A registry
// that sends too slowly fails it with TIMEOUT (bodyDeadlines.ts), and an error before the
// consumer listens is held on the stream rather than thrown (holdStreamErrors.ts).

import { createHash } from 'node:crypto'
import type { Readable } from 'node:stream'
import { Transform } from 'node:stream'
import type { TransformCallback } from 'node:stream'
import { parseDigest } from '../../shared/digest'
import { StrataError } from '../../shared/errors'
import { holdStreamErrors } from '../util/holdStreamErrors'
import type { BodyDeadlines } from '../util/bodyDeadlines'
import { DEFAULT_BODY_DEADLINES, watchBlobRate } from '../util/bodyDeadlines'
import { transportError } from '../util/transportError'

export interface StreamContext {
  readonly host: string
  readonly signal?: AbortSignal
  /** Minimum delivery rate (default DEFAULT_BODY_DEADLINES). */
  readonly deadlines?: BodyDeadlines
}

/** `source` piped through a hash check against digest and size. */
export function verifyingStream(
  source: Readable,
  expected: { readonly digest: string; readonly size: number },
  context: StreamContext,
): Readable {
  const { algorithm } = parseDigest(expected.digest)
  const hash = createHash(algorithm)
  let seen = 0
  const check = new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
      seen += chunk.length
      if (seen > expected.size) {
        callback(sizeMismatch(expected.digest, expected.size, `more than ${expected.size}`))
        return
      }
      hash.update(chunk)
      callback(null, chunk)
    },
    flush(callback: TransformCallback): void {
      if (seen !== expected.size) {
        callback(sizeMismatch(expected.digest, expected.size, String(seen)))
        return
      }
      const actualDigest = `${algorithm}:${hash.digest('hex')}`
      if (actualDigest !== expected.digest) {
        callback(
          new StrataError(
            'DIGEST_MISMATCH',
            `blob ${expected.digest} from ${context.host} hashes to ${actualDigest}; refused`,
            { host: context.host, expectedDigest: expected.digest, actualDigest },
          ),
        )
        return
      }
      callback()
    },
  })
  return connect(source, check, context, `blob ${expected.digest}`)
}

/** `source` checked to deliver exactly `length` bytes (a ranged read cannot be hashed). */
export function lengthCheckingStream(
  source: Readable,
  length: number,
  subject: string,
  context: StreamContext,
): Readable {
  let seen = 0
  const check = new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
      seen += chunk.length
      if (seen > length) {
        callback(sizeMismatch(subject, length, `more than ${length}`))
        return
      }
      callback(null, chunk)
    },
    flush(callback: TransformCallback): void {
      callback(seen === length ? null : sizeMismatch(subject, length, String(seen)))
    },
  })
  return connect(source, check, context, subject)
}

/**
 * Pipes source into check; source errors become StrataErrors, destroying check frees source.
 * `what` names the bytes in a slow-delivery TIMEOUT.
 */
function connect(
  source: Readable,
  check: Transform,
  context: StreamContext,
  what: string,
): Readable {
  holdStreamErrors(check)
  source.on('error', (error) => {
    check.destroy(transportError(error, context.host, context.signal))
  })
  check.on('close', () => {
    if (!source.destroyed) source.destroy()
  })
  source.pipe(check)
  watchBlobRate(source, check, context.deadlines ?? DEFAULT_BODY_DEADLINES, {
    host: context.host,
    what,
  })
  return check
}

function sizeMismatch(subject: string, expected: number, actual: string): StrataError {
  return new StrataError(
    'SIZE_MISMATCH',
    `${subject} should be ${expected} bytes but the registry sent ${actual}; refused`,
    { subject },
  )
}
