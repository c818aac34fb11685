// Opening files of local image stores (OCI layouts, skopeo dirs, containers-storage) and files
// the user names (archives, credential and storage configs) so that no file can hang Strata
// (a FIFO blocks a libuv pool thread for good), flood its memory (/dev/zero reads forever, yet
// stat says 0 bytes) or lead it out of the store (a symbolic link anywhere along the path).
//
// The rules:
// - A store root may be reached through symbolic links (the user chose it); it is resolved
//   once per open with realpath. Nothing below it may be a symbolic link: every component is
//   lstat'ed, the file is opened with O_NOFOLLOW, and on Linux the kernel's own name for the
//   opened descriptor (/proc/self/fd/N) must be the path we meant, which closes the race of a
//   directory swapped for a link between the checks and the open. Elsewhere the directories
//   are lstat'ed again after the open and must be the same inodes.
// - Only regular files are opened: the type is checked before the open (so a device is never
//   opened at all), the open uses O_NONBLOCK (so a FIFO swapped in meanwhile cannot block it),
//   and fstat confirms it after.
// - Every read is capped: a whole-file read by the size its format allows, a stream by the
//   byte range the caller asks for.
// Errors are StrataErrors naming the file and the kind of problem, never quoting its bytes.

import { constants } from 'node:fs'
import type { Stats } from 'node:fs'
import { lstat, open, readlink, realpath, stat } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { isAbsolute, join, relative, resolve, sep } from 'node:path'
import { Readable } from 'node:stream'
import { StrataError } from '../../shared/errors'
import {
  changedWhileOpening,
  fsError,
  kindOf,
  notRegular,
  symlinkRefused,
  tooLarge,
} from './fileErrors'
import type { ReadCap } from './fileErrors'
import { READ_BUFFER_BYTES, takeReadBuffer } from './readBufferPool'

export { fsError, tooLarge }
export type { ReadCap }

/** How every file is opened: read-only, no final symlink, no blocking on a FIFO, no tty. */
export const SAFE_OPEN_FLAGS =
  constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK | constants.O_NOCTTY

/** A regular file open for reading, with what fstat said about it when it was opened. */
export interface OpenedFile {
  readonly handle: FileHandle
  /** The path as messages show it: the root as the caller gave it, then the path below it. */
  readonly path: string
  /** What the caller expected there, for messages about later reads. */
  readonly expected: string
  readonly size: number
  readonly mtimeMs: number
}

/**
 * The components of `file` below `root`. `file` is either relative to the root or an absolute
 * path inside it; anything climbing out, or naming the root itself, is a bug in the caller.
 */
function componentsBelow(root: string, file: string): string[] {
  const rel = isAbsolute(file) ? relative(resolve(root), file) : file
  const parts = rel.split(sep)
  if (rel === '' || isAbsolute(rel) || parts.some((p) => p === '' || p === '.' || p === '..')) {
    throw new StrataError('INTERNAL', `${file} is not a path inside ${root}`, { subject: file })
  }
  return parts
}

interface Walked {
  /** The real directory (root resolved) holding the file, and each directory on the way. */
  readonly realDir: string
  readonly directories: readonly { readonly path: string; readonly info: Stats }[]
}

/** lstat's every directory from the real root down through `dirParts`; none may be a link. */
async function walkDirectories(
  root: string,
  dirParts: readonly string[],
  shown: string,
  expected: string,
): Promise<Walked> {
  let realRoot: string
  try {
    realRoot = await realpath(root)
  } catch (error) {
    throw fsError(error, root, expected)
  }
  const directories: { path: string; info: Stats }[] = []
  let real = realRoot
  let visible = resolve(root)
  for (const part of dirParts) {
    real = join(real, part)
    visible = join(visible, part)
    let info: Stats
    try {
      info = await lstat(real)
    } catch (error) {
      throw fsError(error, shown, expected)
    }
    if (info.isSymbolicLink()) throw symlinkRefused(visible, `a directory on the way to ${shown}`)
    if (!info.isDirectory()) {
      throw new StrataError(
        'NOT_FOUND',
        `${shown} does not exist: ${visible} is ${info.isFile() ? 'a file' : kindOf(info)}, not a directory (expected ${expected})`,
        { subject: shown },
      )
    }
    directories.push({ path: real, info })
  }
  return { realDir: real, directories }
}

/** Where the kernel says an open descriptor is, when it can tell (Linux /proc). */
async function kernelPathOf(handle: FileHandle): Promise<string | undefined> {
  if (process.platform !== 'linux') return undefined
  try {
    return await readlink(`/proc/self/fd/${handle.fd}`)
  } catch {
    return undefined
  }
}

/** After the open: the descriptor must be the file the checked path names, no link between. */
async function confirmLocation(
  handle: FileHandle,
  walked: Walked,
  realPath: string,
): Promise<boolean> {
  const kernelPath = await kernelPathOf(handle)
  if (kernelPath !== undefined) return kernelPath === realPath
  for (const directory of walked.directories) {
    const again = await lstat(directory.path).catch(() => undefined)
    if (again?.dev !== directory.info.dev || again.ino !== directory.info.ino) return false
    if (!again.isDirectory()) return false
  }
  return true
}

/** Opens `path` with SAFE_OPEN_FLAGS and checks with fstat that it is `before`'s regular file. */
async function openChecked(
  path: string,
  shown: string,
  before: Stats,
  expected: string,
): Promise<FileHandle> {
  let handle: FileHandle
  try {
    handle = await open(path, SAFE_OPEN_FLAGS)
  } catch (error) {
    throw fsError(error, shown, expected)
  }
  try {
    const info = await handle.stat()
    if (!info.isFile()) throw notRegular(shown, info, expected)
    if (info.dev !== before.dev || info.ino !== before.ino) {
      throw changedWhileOpening(shown, expected)
    }
    return handle
  } catch (error) {
    await handle.close()
    throw fsError(error, shown, expected)
  }
}

async function opened(handle: FileHandle, shown: string, expected: string): Promise<OpenedFile> {
  const info = await handle.stat()
  return { handle, path: shown, expected, size: info.size, mtimeMs: info.mtimeMs }
}

/**
 * Opens `file` (relative to `root`, or an absolute path inside it) for reading: a regular
 * file, with no symbolic link at or below `root`. `root` itself may be reached through links.
 */
export async function openStoreFile(
  root: string,
  file: string,
  expected: string,
): Promise<OpenedFile> {
  const parts = componentsBelow(root, file)
  const shown = join(resolve(root), ...parts)
  const walked = await walkDirectories(root, parts.slice(0, -1), shown, expected)
  const realPath = join(walked.realDir, parts[parts.length - 1] ?? '')
  let before: Stats
  try {
    before = await lstat(realPath)
  } catch (error) {
    throw fsError(error, shown, expected)
  }
  if (!before.isFile()) throw notRegular(shown, before, expected)
  const handle = await openChecked(realPath, shown, before, expected)
  try {
    if (!(await confirmLocation(handle, walked, realPath))) {
      throw changedWhileOpening(shown, expected)
    }
    return await opened(handle, shown, expected)
  } catch (error) {
    await handle.close()
    throw fsError(error, shown, expected)
  }
}

/**
 * Opens a file the user named (an archive, a config file): it may be reached through symbolic
 * links, but must be a regular file, so a FIFO or a device is refused without blocking.
 */
export async function openUserFile(path: string, expected: string): Promise<OpenedFile> {
  let before: Stats
  try {
    before = await stat(path)
  } catch (error) {
    throw fsError(error, path, expected)
  }
  if (!before.isFile()) throw notRegular(path, before, expected)
  let real: string
  try {
    // O_NOFOLLOW on the resolved path: a link swapped in after the stat is refused.
    real = await realpath(path)
  } catch (error) {
    throw fsError(error, path, expected)
  }
  const handle = await openChecked(real, path, before, expected)
  try {
    return await opened(handle, path, expected)
  } catch (error) {
    await handle.close()
    throw fsError(error, path, expected)
  }
}

/** Checks that `dir` (inside `root`) is a directory reached with no symbolic link below root. */
export async function checkStoreDirectory(
  root: string,
  dir: string,
  expected: string,
): Promise<void> {
  const parts = componentsBelow(root, dir)
  const shown = join(resolve(root), ...parts)
  await walkDirectories(root, parts, shown, expected)
}

/**
 * Up to `limit + 1` bytes from the start of the file (never more), so a caller can tell
 * "exactly limit" from "more than limit" without reading a file that keeps on growing.
 */
export async function readUpTo(
  file: OpenedFile,
  limit: number,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  let total = 0
  // The first read asks for what fstat said (plus one, to see the end); later ones are bounded.
  let want = Math.min(file.size + 1, limit + 1)
  for (;;) {
    signal?.throwIfAborted()
    const buffer = Buffer.allocUnsafe(Math.max(1, want))
    let bytesRead: number
    try {
      ;({ bytesRead } = await file.handle.read(buffer, 0, buffer.length, total))
    } catch (error) {
      throw fsError(error, file.path, file.expected)
    }
    if (bytesRead === 0) break
    chunks.push(buffer.subarray(0, bytesRead))
    total += bytesRead
    if (total > limit) break
    want = Math.min(1024 * 1024, limit + 1 - total)
  }
  return new Uint8Array(Buffer.concat(chunks, total))
}

/** Reads an opened file whole, refusing it once it passes `cap.maxBytes`. */
export async function readCapped(file: OpenedFile, cap: ReadCap): Promise<Uint8Array> {
  if (file.size > cap.maxBytes) throw tooLarge(file.path, cap, file.size)
  const bytes = await readUpTo(file, cap.maxBytes, cap.signal)
  if (bytes.byteLength > cap.maxBytes) throw tooLarge(file.path, cap)
  return bytes
}

/** openStoreFile + readCapped, closing the file either way. */
export async function readStoreFile(
  root: string,
  file: string,
  expected: string,
  cap: ReadCap,
): Promise<Uint8Array> {
  const handle = await openStoreFile(root, file, expected)
  try {
    return await readCapped(handle, cap)
  } finally {
    await handle.handle.close()
  }
}

/** openUserFile + readCapped, closing the file either way. */
export async function readUserFile(
  path: string,
  expected: string,
  cap: ReadCap,
): Promise<Uint8Array> {
  const handle = await openUserFile(path, expected)
  try {
    return await readCapped(handle, cap)
  } finally {
    await handle.handle.close()
  }
}

/**
 * Bytes [start, end] (inclusive) of an opened file as a stream that owns the handle: it never
 * reads past `end` whatever the file holds, and closes the file when it ends or is destroyed.
 * Read errors are fs errors; map them with fsError(error, file.path, file.expected).
 */
export function rangeStream(
  file: OpenedFile,
  range: { readonly start: number; readonly end: number },
): Readable {
  return file.handle.createReadStream({
    start: range.start,
    end: range.end,
    highWaterMark: READ_BUFFER_BYTES,
  })
}

/**
 * rangeStream, reading into buffers of readBufferPool.ts: a reader that gives a chunk's memory
 * back (the layer index) has it read into again instead of new memory. Each full read is a
 * chunk that owns its whole buffer, so it can be moved to a worker thread as it is.
 */
export function pooledRangeStream(
  file: OpenedFile,
  range: { readonly start: number; readonly end: number },
): Readable {
  let position = range.start
  return new Readable({
    highWaterMark: READ_BUFFER_BYTES,
    read(): void {
      const want = Math.min(READ_BUFFER_BYTES, range.end - position + 1)
      if (want <= 0) {
        this.push(null)
        return
      }
      const buffer = takeReadBuffer()
      file.handle.read(buffer, 0, want, position).then(
        ({ bytesRead }) => {
          if (this.destroyed) return
          if (bytesRead === 0) {
            this.push(null)
            return
          }
          position += bytesRead
          this.push(bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead))
        },
        (error: unknown) => this.destroy(error instanceof Error ? error : new Error(String(error))),
      )
    },
    destroy(error, callback): void {
      file.handle.close().then(
        () => callback(error),
        (closeError: unknown) => callback(error ?? (closeError as Error)),
      )
    },
  })
}
