// Reading content-addressed files verified against their descriptor: the piece every local
// store shares (OCI layout, unpacked archives, dir:). Only the file access is here; the digest
// and size checks are verify.ts's. Errors name the file and what was expected, so a user can
// go and look.

import { dirname, join } from 'node:path'
import { addAbortSignal } from 'node:stream'
import type { Readable } from 'node:stream'
import { parseDigest } from '../../shared/digest'
import { StrataError } from '../../shared/errors'
import { formatBytes } from '../../shared/format'
import type { Descriptor } from '../../shared/oci/types'
import { UNKNOWN_SIZE } from './imageSource'
import { fsError, openStoreFile, pooledRangeStream, rangeStream, readUpTo } from '../util/safeFile'
import type { OpenedFile } from '../util/safeFile'
import { holdStreamErrors } from '../util/holdStreamErrors'
import { checkWholeReadCap, digestCheck, sizeMismatch, verifyBytes } from './verify'

/** Configs and artifact payloads read whole; anything bigger must be streamed. */
export const MAX_SMALL_BLOB_BYTES = 16 * 1024 * 1024

export interface OpenFileOptions {
  readonly signal?: AbortSignal
  /**
   * The store directory the file lies in (an OCI layout, a skopeo dir, a containers-storage
   * graph root): nothing between it and the file may be a symbolic link.
   */
  readonly root?: string
}

export interface ReadFileOptions extends OpenFileOptions {
  readonly maxBytes: number
}

/** `ROOT/blobs/ALG/HEX`. The digest is parsed first, so it can never climb out of ROOT. */
export function blobFilePath(root: string, digest: string): string {
  const { algorithm, encoded } = parseDigest(digest)
  return join(root, 'blobs', algorithm, encoded)
}

/** Turns a Node fs error into a StrataError that names the path and what we expected there. */
export const fileError = fsError

/**
 * Opens a blob file: a regular file, with no symbolic link anywhere below `root` (the store's
 * directory). Without a root only the file itself is checked: its directory is the caller's.
 */
async function openFile(path: string, expected: string, root?: string): Promise<OpenedFile> {
  return openStoreFile(root ?? dirname(path), path, expected)
}

/** Size checks that need no bytes: declared size against the cap and the file on disk. */
function checkSize(file: OpenedFile, descriptor: Descriptor, maxBytes: number): void {
  const path = file.path
  checkWholeReadCap(descriptor.size, maxBytes, path, ' according to its descriptor')
  // openStoreFile has already refused anything but a regular file.
  if (descriptor.size === UNKNOWN_SIZE) checkWholeReadCap(file.size, maxBytes, path)
  else if (file.size !== descriptor.size) {
    throw sizeMismatch(descriptor, { local: path }, file.size)
  }
}

/** Reads a whole file, refusing it unless its size and digest match the descriptor. */
export async function readVerifiedFile(
  path: string,
  descriptor: Descriptor,
  options: ReadFileOptions,
): Promise<Uint8Array> {
  const file = await openFile(path, `blob ${descriptor.digest}`, options.root)
  try {
    checkSize(file, descriptor, options.maxBytes)
    // Never more than the descriptor allows (plus one byte, to notice a file that grew).
    const cap = descriptor.size !== UNKNOWN_SIZE ? descriptor.size : options.maxBytes
    const bytes = await readUpTo(file, cap, options.signal)
    if (bytes.byteLength > cap) {
      throw descriptor.size !== UNKNOWN_SIZE
        ? sizeMismatch(descriptor, { local: file.path }, bytes.byteLength, true)
        : new StrataError(
            'TOO_LARGE',
            `${file.path} grew past ${formatBytes(cap)} while Strata read it; refused`,
            { subject: file.path },
          )
    }
    verifyBytes(bytes, descriptor, { local: file.path })
    return bytes
  } finally {
    await file.handle.close()
  }
}

/** Opens a file as a verifying stream. Opening errors (missing, forbidden) throw right here. */
export async function openVerifiedFile(
  path: string,
  descriptor: Descriptor,
  options: OpenFileOptions = {},
): Promise<Readable> {
  const expected = `blob ${descriptor.digest}`
  const file = await openFile(path, expected, options.root)
  try {
    checkSize(file, descriptor, Number.MAX_SAFE_INTEGER)
  } catch (error) {
    await file.handle.close()
    throw error
  }
  // Reads at most one byte past the declared size: enough for digestCheck to refuse a file
  // that grew, never an endless read.
  const end = descriptor.size !== UNKNOWN_SIZE ? descriptor.size : Number.MAX_SAFE_INTEGER
  const source = pooledRangeStream(file, { start: 0, end })
  const verifier = digestCheck(descriptor, { local: file.path })
  // Plain pipe rather than pipeline(): a read error reaches the reader as a StrataError naming
  // the file, and the file closes when the reader stops early.
  source.on('error', (error) => verifier.destroy(fileError(error, file.path, expected)))
  verifier.on('close', () => source.destroy())
  source.pipe(verifier)
  if (options.signal) addAbortSignal(options.signal, verifier)
  return holdStreamErrors(verifier)
}

/**
 * Bytes [start, end] (inclusive) of a blob file, unverified: a slice cannot be checked
 * against the blob's digest, so callers verify it against hashes of their own.
 */
export async function openFileRange(
  path: string,
  descriptor: Descriptor,
  range: { readonly start: number; readonly end: number },
  options: OpenFileOptions = {},
): Promise<Readable> {
  const expected = `blob ${descriptor.digest}`
  const file = await openFile(path, expected, options.root)
  try {
    checkSize(file, descriptor, Number.MAX_SAFE_INTEGER)
    if (!Number.isSafeInteger(range.start) || range.start < 0 || range.end < range.start) {
      throw new StrataError('BAD_INPUT', `byte range ${range.start}-${range.end} is not valid`)
    }
    if (range.end >= file.size) {
      throw new StrataError(
        'BAD_INPUT',
        `byte range ${range.start}-${range.end} is outside ${file.path} (${file.size} bytes)`,
        { subject: file.path },
      )
    }
  } catch (error) {
    await file.handle.close()
    throw error
  }
  const stream = rangeStream(file, range)
  if (options.signal) addAbortSignal(options.signal, stream)
  return holdStreamErrors(stream)
}
