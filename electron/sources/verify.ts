// The one digest and size check every source uses, whatever carries the bytes (an HTTP body, a
// file, a tar member, a layer rebuilt from tar-split). A stream hashes while it flows and errors
// with SIZE_MISMATCH (as soon as too many bytes arrive, or too few at the end) or
// DIGEST_MISMATCH (at the end), so a consumer never sees a clean end of an unverified blob.
// A size of UNKNOWN_SIZE (-1) means only the digest is known: the digest is still checked, and
// the caller's cap bounds the read. A registry that sends too slowly fails with TIMEOUT
// (bodyDeadlines.ts); an error before the consumer listens is held on the stream
// (holdStreamErrors.ts).

import { createHash } from 'node:crypto'
import type { Readable } from 'node:stream'
import { Transform } from 'node:stream'
import type { TransformCallback } from 'node:stream'
import { parseDigest } from '../../shared/digest'
import { StrataError } from '../../shared/errors'
import { formatBytes } from '../../shared/format'
import { holdStreamErrors } from '../util/holdStreamErrors'
import type { BodyDeadlines } from '../util/bodyDeadlines'
import { DEFAULT_BODY_DEADLINES, watchBlobRate } from '../util/bodyDeadlines'
import { transportError } from '../util/transportError'
import { UNKNOWN_SIZE } from './imageSource'

/** What the bytes must be: a digest, and a size in bytes or UNKNOWN_SIZE. */
export interface ExpectedBlob {
  readonly digest: string
  readonly size: number
}

/**
 * Where the bytes come from, for messages a user can act on: a registry host, or a local
 * thing named by its path or label ("x.tar (member blobs/sha256/…)").
 */
export type BlobOrigin =
  { readonly host: string; readonly repository?: string } | { readonly local: string }

export interface StreamContext {
  readonly host: string
  readonly signal?: AbortSignal
  /** Minimum delivery rate (default DEFAULT_BODY_DEADLINES). */
  readonly deadlines?: BodyDeadlines
}

/**
 * A pass-through that hashes and counts: the verifier itself. Callers pipe their source into
 * it and decide how source errors are worded (verifiedStream, verifyingStream, blobFile).
 */
export function digestCheck(expected: ExpectedBlob, origin: BlobOrigin): Transform {
  const { algorithm } = parseDigest(expected.digest)
  const hash = createHash(algorithm)
  const sizeKnown = expected.size !== UNKNOWN_SIZE
  let seen = 0
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
      seen += chunk.length
      if (sizeKnown && seen > expected.size) {
        callback(sizeMismatch(expected, origin, seen, true))
        return
      }
      hash.update(chunk)
      callback(null, chunk)
    },
    flush(callback: TransformCallback): void {
      if (sizeKnown && seen !== expected.size) {
        callback(sizeMismatch(expected, origin, seen, false))
        return
      }
      const actual = `${algorithm}:${hash.digest('hex')}`
      callback(actual === expected.digest ? null : digestMismatch(expected.digest, origin, actual))
    },
  })
}

/** Checks bytes already in memory (a manifest, a config, embedded `data`) the same way. */
export function verifyBytes(bytes: Uint8Array, expected: ExpectedBlob, origin: BlobOrigin): void {
  if (expected.size !== UNKNOWN_SIZE && bytes.byteLength !== expected.size) {
    throw sizeMismatch(expected, origin, bytes.byteLength, false)
  }
  const { algorithm } = parseDigest(expected.digest)
  const actual = `${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}`
  if (actual !== expected.digest) throw digestMismatch(expected.digest, origin, actual)
}

/** Bytes a descriptor carries in its `data` field (image-spec 1.1), verified; else undefined. */
export function embeddedBytes(
  descriptor: ExpectedBlob & { readonly data?: string },
  maxBytes: number,
): Uint8Array | undefined {
  if (descriptor.data === undefined || descriptor.size > maxBytes) return undefined
  const embedded = new Uint8Array(Buffer.from(descriptor.data, 'base64'))
  verifyBytes(embedded, descriptor, {
    local: `the data embedded in the descriptor of ${descriptor.digest}`,
  })
  return embedded
}

/** The cap on a blob read whole, checked before any byte is read when the size is known. */
export function checkWholeReadCap(
  size: number,
  maxBytes: number,
  subject: string,
  according = '',
): void {
  if (size === UNKNOWN_SIZE || size <= maxBytes) return
  throw new StrataError(
    'TOO_LARGE',
    `${subject} is ${formatBytes(size)}${according}; Strata reads such blobs whole only up to ${formatBytes(maxBytes)}`,
    { subject },
  )
}

/** A local `source` piped through digestCheck; a source error reaches the reader as is. */
export function verifiedStream(source: Readable, expected: ExpectedBlob, label: string): Readable {
  const check = digestCheck(expected, { local: label })
  source.on('error', (error) => check.destroy(error))
  check.on('close', () => source.destroy())
  source.pipe(check)
  return holdStreamErrors(check)
}

/** A registry body piped through digestCheck, with transport errors and delivery deadlines. */
export function verifyingStream(
  source: Readable,
  expected: ExpectedBlob,
  context: StreamContext,
): Readable {
  const check = digestCheck(expected, { host: context.host })
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
        callback(registrySizeMismatch(subject, length, `more than ${length}`))
        return
      }
      callback(null, chunk)
    },
    flush(callback: TransformCallback): void {
      callback(seen === length ? null : registrySizeMismatch(subject, length, String(seen)))
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

/** SIZE_MISMATCH worded for the origin; `early` = more bytes came than the size allows. */
export function sizeMismatch(
  expected: ExpectedBlob,
  origin: BlobOrigin,
  seen: number,
  early = false,
): StrataError {
  if ('host' in origin) {
    const actual = early ? `more than ${expected.size}` : String(seen)
    return registrySizeMismatch(`blob ${expected.digest}`, expected.size, actual)
  }
  return new StrataError(
    'SIZE_MISMATCH',
    `${origin.local} is ${seen} bytes but its descriptor says ${expected.size}; the file is truncated or replaced`,
    { subject: origin.local, expectedDigest: expected.digest },
  )
}

function registrySizeMismatch(subject: string, expected: number, actual: string): StrataError {
  return new StrataError(
    'SIZE_MISMATCH',
    `${subject} should be ${expected} bytes but the registry sent ${actual}; refused`,
    { subject },
  )
}

function digestMismatch(expectedDigest: string, origin: BlobOrigin, actual: string): StrataError {
  if ('host' in origin) {
    return new StrataError(
      'DIGEST_MISMATCH',
      `blob ${expectedDigest} from ${origin.host} hashes to ${actual}; refused`,
      {
        host: origin.host,
        expectedDigest,
        actualDigest: actual,
        ...(origin.repository !== undefined ? { subject: origin.repository } : {}),
      },
    )
  }
  return new StrataError(
    'DIGEST_MISMATCH',
    `${origin.local} hashes to ${actual}, not ${expectedDigest}; the file is corrupted or replaced, refused`,
    { subject: origin.local, expectedDigest, actualDigest: actual },
  )
}
