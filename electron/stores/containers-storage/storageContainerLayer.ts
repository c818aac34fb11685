// A containers-storage container's writable layer, read from disk without mounting anything:
// - overlay: the layer's diff/ directory is the upper directory; a character device 0/0 is a
//   deletion (a whiteout), and ".wh." files are whiteouts already.
// - vfs: the layer's directory holds the whole filesystem, so its changes are what c/storage's
//   naive diff (what `podman diff` runs for vfs) finds comparing it with the image's top layer:
//   a path is changed when its mode, owner, device or (not for directories) size or mtime
//   differ; a directory with changes inside is changed too; a deleted directory is one change.
// Paths are read with lstat and files opened without following links (util/safeFile.ts).

import type { BigIntStats } from 'node:fs'
import { lstat, readdir, readlink } from 'node:fs/promises'
import { join } from 'node:path'
import { fileError } from '../../sources/blobFile'
import { fsError, openStoreFile, rangeStream } from '../../util/safeFile'
import type { LiveChange, LiveEntry } from '../containers/liveLayerTar'
import { WHITEOUT_PREFIX, whiteoutEntry } from '../containers/liveLayerTar'

/** How deep a layer's tree may go before Strata stops (a loop or a hostile tree). */
const MAX_DEPTH = 256

export interface LayerDirs {
  /** The graph root: nothing below it may be a symbolic link on the way to a layer. */
  readonly graphRoot: string
  /** The container layer's files (overlay diff/, vfs dir/ID). */
  readonly layerDir: string
  /** vfs: the image's top layer directory, to compare with; absent for overlay. */
  readonly parentDir?: string
}

/** `podman diff` for the container: its changes, sorted by path. */
export async function storageContainerChanges(dirs: LayerDirs): Promise<readonly LiveChange[]> {
  if (dirs.parentDir !== undefined) return naiveChanges(dirs.layerDir, dirs.parentDir)
  return upperChanges(dirs.layerDir)
}

/** The writable layer's entries, sorted by path (a directory before what it holds). */
export async function* storageLiveEntries(
  dirs: LayerDirs,
  signal?: AbortSignal,
): AsyncGenerator<LiveEntry> {
  if (dirs.parentDir !== undefined) {
    for (const change of await naiveChanges(dirs.layerDir, dirs.parentDir)) {
      signal?.throwIfAborted()
      const relative = change.path.slice(1)
      if (change.kind === 'deleted') yield whiteoutEntry(relative)
      else yield await entryAt(dirs, relative)
    }
    return
  }
  for (const relative of await walk(dirs.layerDir)) {
    signal?.throwIfAborted()
    const info = await lstatAt(dirs.layerDir, relative)
    if (isWhiteoutDevice(info)) yield whiteoutEntry(relative, Number(info.mtimeMs) / 1000)
    else yield await entryAt(dirs, relative, info)
  }
}

/**
 * Bytes of what the layer adds or changes, directories aside (a link counts its target's
 * length), a hard-linked inode once: c/storage's DiffSize, what podman ps --size shows.
 */
export async function storageLayerSize(dirs: LayerDirs): Promise<number> {
  const seen = new Set<bigint>()
  let total = 0
  const paths =
    dirs.parentDir !== undefined
      ? (await naiveChanges(dirs.layerDir, dirs.parentDir))
          .filter((c) => c.kind !== 'deleted')
          .map((c) => c.path.slice(1))
      : await walk(dirs.layerDir)
  for (const relative of paths) {
    const info = await lstatAt(dirs.layerDir, relative)
    if (info.isDirectory()) continue
    if (info.nlink > 1n) {
      if (seen.has(info.ino)) continue
      seen.add(info.ino)
    }
    total += Number(info.size)
  }
  return total
}

async function entryAt(dirs: LayerDirs, relative: string, known?: BigIntStats): Promise<LiveEntry> {
  const info = known ?? (await lstatAt(dirs.layerDir, relative))
  const base = {
    path: relative,
    mode: Number(info.mode) & 0o7777,
    uid: Number(info.uid),
    gid: Number(info.gid),
    size: 0,
    mtime: Math.floor(Number(info.mtimeMs) / 1000),
  }
  const full = join(dirs.layerDir, relative)
  if (info.isDirectory()) return { ...base, kind: 'dir' }
  if (info.isSymbolicLink()) {
    try {
      return { ...base, kind: 'symlink', linkname: await readlink(full) }
    } catch (error) {
      throw fileError(error, full, 'a link in a container layer')
    }
  }
  if (info.isFIFO()) return { ...base, kind: 'fifo' }
  if (info.isCharacterDevice() || info.isBlockDevice()) {
    const rdev = Number(info.rdev)
    // Linux dev_t: major in bits 8-19 (and 32+), minor in bits 0-7 and 20-31.
    const device = { major: (rdev >> 8) & 0xfff, minor: (rdev & 0xff) | ((rdev >> 12) & 0xfff00) }
    return { ...base, kind: info.isCharacterDevice() ? 'char' : 'block', device }
  }
  const size = Number(info.size)
  return {
    ...base,
    kind: 'file',
    size,
    open: async () => {
      const file = await openStoreFile(dirs.graphRoot, full, 'a file in a container layer')
      if (size === 0) {
        await file.handle.close()
        return (async function* (): AsyncGenerator<Uint8Array> {})()
      }
      const stream = rangeStream(file, { start: 0, end: Math.max(0, file.size - 1) })
      stream.on('error', () => undefined)
      return stream
    },
  }
}

const isWhiteoutDevice = (info: BigIntStats): boolean =>
  info.isCharacterDevice() && info.rdev === 0n

async function lstatAt(root: string, relative: string): Promise<BigIntStats> {
  const full = join(root, relative)
  try {
    return await lstat(full, { bigint: true })
  } catch (error) {
    throw fsError(error, full, 'a path in a container layer')
  }
}

async function names(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort()
  } catch (error) {
    throw fsError(error, dir, 'a directory in a container layer')
  }
}

/** Every path below `root`, relative, sorted (a directory before its contents). */
async function walk(root: string): Promise<string[]> {
  const out: string[] = []
  const visit = async (relative: string, depth: number): Promise<void> => {
    if (depth > MAX_DEPTH) return
    for (const name of await names(join(root, relative))) {
      const path = relative === '' ? name : `${relative}/${name}`
      out.push(path)
      const info = await lstatAt(root, path)
      if (info.isDirectory()) await visit(path, depth + 1)
    }
  }
  await visit('', 0)
  return out.sort()
}

/** overlay's upper directory as podman diff reports it (deletions by whiteout). */
async function upperChanges(layerDir: string): Promise<readonly LiveChange[]> {
  const changes: LiveChange[] = []
  for (const relative of await walk(layerDir)) {
    const info = await lstatAt(layerDir, relative)
    const name = relative.slice(relative.lastIndexOf('/') + 1)
    if (isWhiteoutDevice(info)) changes.push({ path: `/${relative}`, kind: 'deleted' })
    else if (name.startsWith(WHITEOUT_PREFIX)) {
      if (name !== `${WHITEOUT_PREFIX}${WHITEOUT_PREFIX}.opq`) {
        const dir = relative.slice(0, relative.length - name.length)
        changes.push({ path: `/${dir}${name.slice(WHITEOUT_PREFIX.length)}`, kind: 'deleted' })
      }
    } else changes.push({ path: `/${relative}`, kind: 'changed' })
  }
  return changes.sort((a, b) => (a.path < b.path ? -1 : 1))
}

/** c/storage's naive diff of two full trees (see the top of this file). */
async function naiveChanges(newRoot: string, oldRoot: string): Promise<readonly LiveChange[]> {
  const changes: LiveChange[] = []
  const visit = async (
    relative: string,
    oldIsDir: boolean,
    depth: number,
    marked: boolean,
  ): Promise<void> => {
    if (depth > MAX_DEPTH) return
    const sizeAtEntry = changes.length
    const newNames = await names(join(newRoot, relative))
    const oldNames = new Set(oldIsDir ? await names(join(oldRoot, relative)) : [])
    for (const name of newNames) {
      const path = relative === '' ? name : `${relative}/${name}`
      const now = await lstatAt(newRoot, path)
      const before = oldNames.has(name) ? await lstatAt(oldRoot, path) : undefined
      oldNames.delete(name)
      let childMarked = false
      if (before === undefined) {
        changes.push({ path: `/${path}`, kind: 'added' })
        childMarked = true
      } else if (statDifferent(before, now)) {
        changes.push({ path: `/${path}`, kind: 'changed' })
        childMarked = true
      }
      if (now.isDirectory()) {
        const oldDir = before !== undefined && before.isDirectory()
        await visit(path, oldDir, depth + 1, childMarked)
      }
    }
    for (const gone of oldNames) {
      changes.push({ path: `/${relative === '' ? gone : `${relative}/${gone}`}`, kind: 'deleted' })
    }
    if (changes.length > sizeAtEntry && !marked && relative !== '') {
      changes.splice(sizeAtEntry, 0, { path: `/${relative}`, kind: 'changed' })
    }
  }
  await visit('', true, 0, false)
  return changes.sort((a, b) => (a.path < b.path ? -1 : 1))
}

function statDifferent(before: BigIntStats, now: BigIntStats): boolean {
  if (before.mode !== now.mode || before.uid !== now.uid || before.gid !== now.gid) return true
  if (before.rdev !== now.rdev) return true
  if (now.isDirectory()) return false
  return !sameTime(before.mtimeNs, now.mtimeNs) || before.size !== now.size
}

/** Equal, or equal seconds when either side has no nanoseconds (a tar's whole seconds). */
function sameTime(a: bigint, b: bigint): boolean {
  const second = 1_000_000_000n
  if (a === b) return true
  return a / second === b / second && (a % second === 0n || b % second === 0n)
}
