// Reading content-addressed files verified against their descriptor: the piece every local
// store shares (OCI layout, unpacked archives, dir:). Errors name the file and what was
// expected, so a user can go and look.

import { createHash } from 'node:crypto'
import type { Hash } from 'node:crypto'
import { constants } from 'node:fs'
import { open } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import { addAbortSignal, Transform } from 'node:stream'
import type { Readable, TransformCallback } from 'node:stream'
import { parseDigest } from '../../shared/digest'
import { StrataError } from '../../shared/errors'
import { formatBytes } from '../../shared/format'
import type { Descriptor } from '../../shared/oci/types'
import { UNKNOWN_SIZE } from '../sources/imageSource'

/** Configs and artifact payloads read whole; anything bigger must be streamed. */
export const MAX_SMALL_BLOB_BYTES = 16 * 1024 * 1024

export interface ReadFileOptions {
  readonly maxBytes: number
  readonly signal?: AbortSignal
}

/** `ROOT/blobs/ALG/HEX`. The digest is parsed first, so it can never climb out of ROOT. */
export function blobFilePath(root: string, digest: string): string {
  const { algorithm, encoded } = parseDigest(digest)
  return join(root, 'blobs', algorithm, encoded)
}

/** Turns a Node fs error into a StrataError that names the path and what we expected there. */
export function fileError(error: unknown, path: string, expected: string): StrataError {
  if (error instanceof StrataError) return error
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  const cause = code ?? (error instanceof Error ? error.message : String(error))
  const detail = { subject: path, cause }
  switch (code) {
    case 'ENOENT':
      return new StrataError('NOT_FOUND', `${path} does not exist (expected ${expected})`, detail)
    case 'ENOTDIR':
      return new StrataError(
        'NOT_FOUND',
        `${path} does not exist: a parent of it is a file (expected ${expected})`,
        detail,
      )
    case 'EACCES':
    case 'EPERM':
      return new StrataError('FORBIDDEN', `permission denied reading ${path} (${expected})`, detail)
    case 'EISDIR':
      return new StrataError('BAD_INPUT', `${path} is a directory, expected ${expected}`, detail)
    case 'ELOOP':
      return new StrataError(
        'BAD_INPUT',
        `${path} is a symbolic link; Strata reads blobs only from regular files (expected ${expected})`,
        detail,
      )
    case 'ABORT_ERR':
      return new StrataError('CANCELLED', `reading ${path} was cancelled`, detail)
    default:
      return new StrataError(
        'INTERNAL',
        `cannot read ${path} (${cause}); expected ${expected}`,
        detail,
      )
  }
}

async function openFile(path: string, expected: string): Promise<FileHandle> {
  try {
    // A blob file that is a symlink could point anywhere on this machine: refuse it (ELOOP).
    return await open(path, constants.O_RDONLY | constants.O_NOFOLLOW)
  } catch (error) {
    throw fileError(error, path, expected)
  }
}

/** Size checks that need no bytes: declared size against the cap and the file on disk. */
async function checkSize(
  handle: FileHandle,
  path: string,
  descriptor: Descriptor,
  maxBytes: number,
): Promise<void> {
  const sizeKnown = descriptor.size !== UNKNOWN_SIZE
  if (sizeKnown && descriptor.size > maxBytes) {
    throw new StrataError(
      'TOO_LARGE',
      `${path} is ${formatBytes(descriptor.size)} according to its descriptor; Strata reads such blobs whole only up to ${formatBytes(maxBytes)}`,
      { subject: path },
    )
  }
  const stat = await handle.stat()
  if (!stat.isFile()) {
    throw new StrataError(
      'BAD_INPUT',
      `${path} is not a regular file (expected blob ${descriptor.digest})`,
      {
        subject: path,
      },
    )
  }
  if (!sizeKnown && stat.size > maxBytes) {
    throw new StrataError(
      'TOO_LARGE',
      `${path} is ${formatBytes(stat.size)}; Strata reads such blobs whole only up to ${formatBytes(maxBytes)}`,
      { subject: path },
    )
  }
  if (sizeKnown && stat.size !== descriptor.size) throw sizeMismatch(path, descriptor, stat.size)
}

function sizeMismatch(path: string, descriptor: Descriptor, actual: number): StrataError {
  return new StrataError(
    'SIZE_MISMATCH',
    `${path} is ${actual} bytes but its descriptor says ${descriptor.size}; the file is truncated or replaced`,
    { subject: path, expectedDigest: descriptor.digest },
  )
}

function digestMismatch(path: string, expectedDigest: string, actualDigest: string): StrataError {
  return new StrataError(
    'DIGEST_MISMATCH',
    `${path} hashes to ${actualDigest}, not ${expectedDigest}; the file is corrupted or replaced, refused`,
    { subject: path, expectedDigest, actualDigest },
  )
}

function hasherFor(digest: string): Hash {
  return createHash(parseDigest(digest).algorithm)
}

/** Checks bytes already in memory (index.json, embedded `data`) against a descriptor. */
export function verifyBytesAt(bytes: Uint8Array, descriptor: Descriptor, path: string): void {
  if (descriptor.size !== UNKNOWN_SIZE && bytes.byteLength !== descriptor.size) {
    throw sizeMismatch(path, descriptor, bytes.byteLength)
  }
  const { algorithm } = parseDigest(descriptor.digest)
  const actual = `${algorithm}:${hasherFor(descriptor.digest).update(bytes).digest('hex')}`
  if (actual !== descriptor.digest) throw digestMismatch(path, descriptor.digest, actual)
}

/** Bytes a descriptor carries in its `data` field (image-spec 1.1), verified; else undefined. */
export function embeddedBytes(descriptor: Descriptor, maxBytes: number): Uint8Array | undefined {
  if (descriptor.data === undefined || descriptor.size > maxBytes) return undefined
  const embedded = new Uint8Array(Buffer.from(descriptor.data, 'base64'))
  verifyBytesAt(embedded, descriptor, `the data embedded in the descriptor of ${descriptor.digest}`)
  return embedded
}

/** Reads a whole file, refusing it unless its size and digest match the descriptor. */
export async function readVerifiedFile(
  path: string,
  descriptor: Descriptor,
  options: ReadFileOptions,
): Promise<Uint8Array> {
  const expected = `blob ${descriptor.digest}`
  const handle = await openFile(path, expected)
  try {
    await checkSize(handle, path, descriptor, options.maxBytes)
    let bytes: Uint8Array
    try {
      bytes = new Uint8Array(
        await handle.readFile(options.signal ? { signal: options.signal } : {}),
      )
    } catch (error) {
      throw fileError(error, path, expected)
    }
    verifyBytesAt(bytes, descriptor, path)
    return bytes
  } finally {
    await handle.close()
  }
}

/**
 * A stream of the file's bytes that hashes as it goes. It errors with SIZE_MISMATCH as soon as
 * more bytes than declared arrive, and with DIGEST_MISMATCH at the end if the hash is wrong,
 * so a consumer never sees a clean end on bad content.
 */
export class VerifyingStream extends Transform {
  private readonly hash: Hash
  private received = 0

  constructor(
    private readonly descriptor: Descriptor,
    private readonly path: string,
  ) {
    super()
    this.hash = hasherFor(descriptor.digest)
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.received += chunk.length
    if (this.descriptor.size !== UNKNOWN_SIZE && this.received > this.descriptor.size) {
      callback(sizeMismatch(this.path, this.descriptor, this.received))
      return
    }
    this.hash.update(chunk)
    callback(null, chunk)
  }

  override _flush(callback: TransformCallback): void {
    if (this.descriptor.size !== UNKNOWN_SIZE && this.received !== this.descriptor.size) {
      callback(sizeMismatch(this.path, this.descriptor, this.received))
      return
    }
    const { algorithm } = parseDigest(this.descriptor.digest)
    const actual = `${algorithm}:${this.hash.digest('hex')}`
    callback(
      actual === this.descriptor.digest
        ? null
        : digestMismatch(this.path, this.descriptor.digest, actual),
    )
  }
}

/** Opens a file as a verifying stream. Opening errors (missing, forbidden) throw right here. */
export async function openVerifiedFile(
  path: string,
  descriptor: Descriptor,
  options: { readonly signal?: AbortSignal } = {},
): Promise<Readable> {
  const expected = `blob ${descriptor.digest}`
  const handle = await openFile(path, expected)
  try {
    await checkSize(handle, path, descriptor, Number.MAX_SAFE_INTEGER)
  } catch (error) {
    await handle.close()
    throw error
  }
  const source = handle.createReadStream({ highWaterMark: 256 * 1024 })
  const verifier = new VerifyingStream(descriptor, path)
  // Plain pipe rather than pipeline(): a read error reaches the reader as a StrataError naming
  // the file, and the file closes when the reader stops early.
  source.on('error', (error) => verifier.destroy(fileError(error, path, expected)))
  verifier.on('close', () => source.destroy())
  source.pipe(verifier)
  if (options.signal) addAbortSignal(options.signal, verifier)
  return verifier
}

/**
 * Bytes [start, end] (inclusive) of a blob file, unverified: a slice cannot be checked
 * against the blob's digest, so callers verify it against hashes of their own.
 */
export async function openFileRange(
  path: string,
  descriptor: Descriptor,
  range: { readonly start: number; readonly end: number },
  options: { readonly signal?: AbortSignal } = {},
): Promise<Readable> {
  const expected = `blob ${descriptor.digest}`
  const handle = await openFile(path, expected)
  try {
    await checkSize(handle, path, descriptor, Number.MAX_SAFE_INTEGER)
    const size = (await handle.stat()).size
    if (!Number.isSafeInteger(range.start) || range.start < 0 || range.end < range.start) {
      throw new StrataError('BAD_INPUT', `byte range ${range.start}-${range.end} is not valid`)
    }
    if (range.end >= size) {
      throw new StrataError(
        'BAD_INPUT',
        `byte range ${range.start}-${range.end} is outside ${path} (${size} bytes)`,
        { subject: path },
      )
    }
  } catch (error) {
    await handle.close()
    throw error
  }
  const stream = handle.createReadStream({
    start: range.start,
    end: range.end,
    highWaterMark: 256 * 1024,
  })
  if (options.signal) addAbortSignal(options.signal, stream)
  return stream
}
