// Writing files so a reader never sees half of one: write a temp file beside the target,
// flush it, rename it into place. A crash leaves only a temp file, which readers ignore and
// the next open sweeps away.

import { randomBytes } from 'node:crypto'
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'

export const TEMP_PREFIX = '.tmp-'

/** A fresh temp path in `dir` that no other writer uses. */
export function tempPathIn(dir: string): string {
  return join(dir, `${TEMP_PREFIX}${process.pid}-${randomBytes(6).toString('hex')}`)
}

export interface AtomicWriteOptions {
  /**
   * Flush the file to the disk before renaming it into place (default). A cache whose reader
   * treats a damaged file as a miss can skip it: after a power cut it is rebuilt, and the
   * flush (several ms) is not waited for on every write.
   */
  readonly durable?: boolean
}

export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const dir = dirname(path)
  await mkdir(dir, { recursive: true })
  const temp = tempPathIn(dir)
  try {
    const handle = await open(temp, 'w', 0o600)
    try {
      await handle.writeFile(data)
      if (options.durable !== false) await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temp, path)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
}

/**
 * Removes temp files a crashed writer left in `dir` (not recursive): only those of processes
 * that are gone. A live writer's temp file (this process's, or another Strata's on the same
 * data directory) is about to be renamed into place and must not be taken from under it.
 */
export async function sweepTempFiles(dir: string): Promise<void> {
  let names: string[]
  try {
    names = await readdir(dir)
  } catch {
    return
  }
  await Promise.all(
    names
      .filter((n) => n.startsWith(TEMP_PREFIX) && !writerAlive(n))
      .map((n) => rm(join(dir, n), { force: true })),
  )
}

/** Whether the process named in a temp file's name (".tmp-<pid>-<hex>") still runs. */
function writerAlive(name: string): boolean {
  const pid = Number(name.slice(TEMP_PREFIX.length).split('-')[0])
  if (!Number.isSafeInteger(pid) || pid <= 0) return false
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists but belongs to someone else; ESRCH: it is gone.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
