// Size and emptying of a cache directory as a whole (the layer index cache keeps no manifest,
// so its size is what the files on disk add up to).

import { mkdir, readdir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'

/** Bytes of every regular file under `dir`; 0 when it does not exist. */
export async function directoryBytes(dir: string): Promise<number> {
  let names: string[]
  try {
    names = await readdir(dir, { recursive: true })
  } catch {
    return 0
  }
  let total = 0
  for (const name of names) {
    const info = await stat(join(dir, name)).catch(() => undefined)
    if (info?.isFile()) total += info.size
  }
  return total
}

/** Removes everything in `dir` and leaves it empty. */
export async function emptyDirectory(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true })
  await mkdir(dir, { recursive: true })
}
