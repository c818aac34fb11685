// Small writing helpers shared by the sample builders: a tree of files written in sorted
// order, tars of such trees (fixed mtimes and owners, so the bytes never change from run to
// run), and the fixed instants every sample uses.

import { mkdir, symlink, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { buildTar } from '../ociTar'
import type { TarEntrySpec } from '../ociTar'

/** A file's bytes, or a symbolic link's target. */
export type TreeEntry = Uint8Array | { readonly symlink: string } | { readonly dir: true }

/** Relative path → content. Written sorted, so two runs create files in the same order. */
export type Tree = Map<string, TreeEntry>

const encoder = new TextEncoder()
export const text = (value: string): Uint8Array => encoder.encode(value)
/** JSON as c/storage and skopeo write it: compact, keys in the order given. */
export const json = (value: unknown): Uint8Array => encoder.encode(JSON.stringify(value))

export async function writeTree(root: string, tree: Tree): Promise<void> {
  for (const path of [...tree.keys()].sort()) {
    const entry = tree.get(path)
    const at = join(root, path)
    if (entry === undefined) continue
    if (entry instanceof Uint8Array) {
      await mkdir(dirname(at), { recursive: true })
      await writeFile(at, entry)
    } else if ('symlink' in entry) {
      await mkdir(dirname(at), { recursive: true })
      await symlink(entry.symlink, at)
    } else {
      await mkdir(at, { recursive: true })
    }
  }
}

/** A tar of a tree (files and links only; parent directories are implied), sorted by path. */
export function tarOfTree(tree: Tree): Uint8Array {
  const entries: TarEntrySpec[] = []
  for (const path of [...tree.keys()].sort()) {
    const entry = tree.get(path)
    if (entry === undefined) continue
    if (entry instanceof Uint8Array) entries.push({ type: 'file', path, content: entry })
    else if ('symlink' in entry) entries.push({ type: 'symlink', path, target: entry.symlink })
    else entries.push({ type: 'dir', path })
  }
  return buildTar(entries)
}

/** Seconds since the epoch of an ISO instant (tar mtimes). */
export const epochSeconds = (iso: string): number => Date.parse(iso) / 1000

/** Gives every entry the mtime of `iso` unless it has its own. */
export function datedEntries(entries: readonly TarEntrySpec[], iso: string): TarEntrySpec[] {
  const mtime = epochSeconds(iso)
  return entries.map((entry) => ({ mtime, ...entry }))
}
