// The repositories the watcher re-checks, kept in the data directory so watches survive a
// restart. A small JSON file replaced atomically (temp file, fsync, rename); a missing or
// damaged file means "nothing watched" rather than a failed start.

import { open, readFile, rename } from 'node:fs/promises'
import { join } from 'node:path'
import type { WatchedRepository } from '../../shared/api'

export const WATCH_FILE = 'tag-watches.json'

export function watchFilePath(dataDir: string): string {
  return join(dataDir, WATCH_FILE)
}

/** What the file lists, each entry checked; unreadable entries are dropped. */
export async function loadWatchList(dataDir: string): Promise<WatchedRepository[]> {
  let parsed: unknown
  try {
    parsed = JSON.parse(await readFile(watchFilePath(dataDir), 'utf8'))
  } catch {
    return []
  }
  const list = (parsed as { watches?: unknown } | null)?.watches
  if (!Array.isArray(list)) return []
  const out: WatchedRepository[] = []
  for (const item of list as unknown[]) {
    if (typeof item !== 'object' || item === null) continue
    const { registry, repository, intervalMinutes } = item as Record<string, unknown>
    if (typeof registry !== 'string' || registry === '') continue
    if (typeof repository !== 'string' || repository === '') continue
    if (typeof intervalMinutes !== 'number' || !(intervalMinutes > 0)) continue
    out.push({ registry, repository, intervalMinutes })
  }
  return out
}

export async function saveWatchList(
  dataDir: string,
  watches: readonly WatchedRepository[],
): Promise<void> {
  const path = watchFilePath(dataDir)
  const temporary = `${path}.tmp`
  const handle = await open(temporary, 'w', 0o600)
  try {
    await handle.writeFile(`${JSON.stringify({ version: 1, watches }, null, 2)}\n`, 'utf8')
    await handle.sync()
  } finally {
    await handle.close()
  }
  await rename(temporary, path)
}
