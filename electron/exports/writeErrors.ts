// Filesystem failures while writing an export, as errors a user can act on: each names the
// path and carries the errno as its cause (ENOSPC, EACCES, EROFS, ...), so the renderer can
// say "the disk is full" or "this folder cannot be written" in the user's language.

import { StrataError } from '../../shared/errors'

function errnoOf(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  return typeof code === 'string' ? code : undefined
}

/**
 * `folder` is the folder the export writes into, `destination` the layout or archive asked
 * for: permissions are the folder's, a full disk is the destination's.
 */
export function exportWriteError(error: unknown, destination: string, folder: string): unknown {
  if (error instanceof StrataError) return error
  const cause = errnoOf(error)
  switch (cause) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new StrataError(
        'UNAVAILABLE',
        `no space left on the disk that holds ${destination}; nothing was left behind there. Free some space or choose another disk`,
        { subject: destination, cause },
      )
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new StrataError(
        'FORBIDDEN',
        `${folder} cannot be written (${cause}); choose a folder you may write to`,
        { subject: folder, cause },
      )
    case 'ENOENT':
    case 'ENOTDIR':
      return new StrataError(
        'NOT_FOUND',
        `${folder} is not an existing folder; create it first or choose another one`,
        { subject: folder, cause },
      )
    default:
      return error
  }
}
