// The errors of electron/util/safeFile.ts: each names the file and the kind of problem (a
// symbolic link, a FIFO, a device, too large), never anything read from it.

import type { Stats } from 'node:fs'
import { StrataError } from '../../shared/errors'
import { formatBytes } from '../../shared/format'

/** A whole-file read's cap, and how to name the kind of file in a TOO_LARGE message. */
export interface ReadCap {
  readonly maxBytes: number
  /** "an index.json", "a manifest", "a credential file": "larger than the 4 MiB <what> may be". */
  readonly what: string
  readonly signal?: AbortSignal
}

/** Turns a Node fs error into a StrataError that names the path and what we expected there. */
export function fsError(error: unknown, path: string, expected: string): StrataError {
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
      return symlinkRefused(path, expected)
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

export function symlinkRefused(path: string, expected: string): StrataError {
  return new StrataError(
    'BAD_INPUT',
    `${path} is a symbolic link; Strata does not follow symbolic links inside an image store (expected ${expected})`,
    { subject: path, cause: 'symbolic link' },
  )
}

/** What a non-regular file is, in words. */
export function kindOf(info: Stats): string {
  if (info.isFIFO()) return 'a FIFO (named pipe)'
  if (info.isCharacterDevice()) return 'a character device'
  if (info.isBlockDevice()) return 'a block device'
  if (info.isSocket()) return 'a socket'
  if (info.isSymbolicLink()) return 'a symbolic link'
  return 'not a regular file'
}

/** The refusal for anything but a regular file (directories keep their own wording). */
export function notRegular(path: string, info: Stats, expected: string): StrataError {
  if (info.isDirectory()) {
    return new StrataError('BAD_INPUT', `${path} is a directory; expected ${expected}`, {
      subject: path,
      cause: 'directory',
    })
  }
  if (info.isSymbolicLink()) return symlinkRefused(path, expected)
  const kind = kindOf(info)
  return new StrataError(
    'BAD_INPUT',
    `${path} is ${kind}, not a regular file; expected ${expected}`,
    {
      subject: path,
      cause: kind,
    },
  )
}

export function changedWhileOpening(path: string, expected: string): StrataError {
  return new StrataError(
    'BAD_INPUT',
    `${path} changed while Strata opened it (a file or directory was replaced, perhaps by a symbolic link); refused (expected ${expected})`,
    { subject: path },
  )
}

export function tooLarge(path: string, cap: ReadCap, size?: number): StrataError {
  const actual = size !== undefined ? ` (it is ${formatBytes(size)})` : ''
  return new StrataError(
    'TOO_LARGE',
    `${path} is larger than the ${formatBytes(cap.maxBytes)} ${cap.what} may be${actual}; refused`,
    { subject: path },
  )
}
