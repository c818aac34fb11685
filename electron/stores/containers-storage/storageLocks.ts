// Is podman (or buildah, skopeo) writing to a containers-storage right now? c/storage takes
// POSIX record locks on its *.lock files; the kernel lists them in /proc/locks. Reading that
// list takes no lock of our own, so Strata can never block podman; it only waits a moment for
// a writer to finish, and otherwise says who holds the store.

import { readFile, stat } from 'node:fs/promises'
import { setTimeout as sleep } from 'node:timers/promises'
import { StrataError } from '../../../shared/errors'

export interface LockHolder {
  readonly path: string
  readonly pid: number
}

interface FileIdentity {
  readonly path: string
  readonly device: string
  readonly inode: string
}

/** Linux dev_t → "MAJOR:MINOR" in the hex /proc/locks prints. */
function deviceKey(dev: bigint): string {
  const major = ((dev >> 8n) & 0xfffn) | ((dev >> 32n) & ~0xfffn)
  const minor = (dev & 0xffn) | ((dev >> 12n) & ~0xffn)
  return `${major.toString(16).padStart(2, '0')}:${minor.toString(16).padStart(2, '0')}`
}

async function identify(paths: readonly string[]): Promise<FileIdentity[]> {
  const found: FileIdentity[] = []
  for (const path of paths) {
    try {
      const info = await stat(path, { bigint: true })
      found.push({ path, device: deviceKey(info.dev), inode: info.ino.toString() })
    } catch {
      // no such lock file: nobody can hold it
    }
  }
  return found
}

/** Processes holding a write lock on any of `paths` now (empty where /proc/locks is absent). */
export async function writeLockHolders(paths: readonly string[]): Promise<readonly LockHolder[]> {
  const files = await identify(paths)
  if (files.length === 0) return []
  let table: string
  try {
    table = await readFile('/proc/locks', 'utf8')
  } catch {
    return []
  }
  const holders: LockHolder[] = []
  for (const line of table.split('\n')) {
    // "1: POSIX  ADVISORY  WRITE 1234 fd:00:5678 0 EOF"; waiters are marked with "->".
    const fields = line.trim().split(/\s+/)
    if (fields[1] === '->' || fields.length < 6) continue
    const [, , , access, pid, where] = fields
    if (access !== 'WRITE' || where === undefined) continue
    const parts = where.split(':')
    const inode = parts[2]
    const device = `${parts[0] ?? ''}:${parts[1] ?? ''}`
    const file = files.find((f) => f.inode === inode && f.device === device)
    if (file !== undefined) holders.push({ path: file.path, pid: Number(pid) })
  }
  return holders
}

/**
 * Waits up to `waitMs` for writers to let go of the lock files; throws UNAVAILABLE naming the
 * store, the lock and the process if one still holds it.
 */
export async function waitForWriters(
  store: string,
  lockFiles: readonly string[],
  waitMs: number,
  signal?: AbortSignal,
): Promise<void> {
  const deadline = Date.now() + waitMs
  for (;;) {
    const holders = await writeLockHolders(lockFiles)
    const holder = holders[0]
    if (holder === undefined) return
    if (Date.now() >= deadline) {
      throw new StrataError(
        'UNAVAILABLE',
        `the containers storage at ${store} is locked: process ${holder.pid} holds a write lock on ${holder.path} (podman, buildah or skopeo is changing it); try again when it has finished`,
        { subject: holder.path, cause: `locked by pid ${holder.pid}` },
      )
    }
    await sleep(100, undefined, signal ? { signal } : {})
  }
}
