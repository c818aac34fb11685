// What a tar of one directory of the merged filesystem holds, decided before any byte is read:
// every entry under the directory with its archive name, in a writing order that tar can
// extract. Entries without data (directories, symlinks, fifos) come first in path order;
// regular files follow grouped by the layer that holds their bytes, in archive order, so each
// layer is read once; hardlinks come last, pointing at the first archive name that carried
// their data. A hardlink whose target lies outside the directory carries the data itself.

import type { LayerEntry, LayerIndex } from '../../shared/api/files'
import { baseName } from '../filetree/entryPath'
import { locateImageFile } from './imageFiles'
import type { MergedView } from '../filetree/mergedView'
import type { TarHeaderFields } from '../tar/tarEncode'
import { TAR_END, encodedEntrySize } from '../tar/tarEncode'

/** An entry written from its header alone. */
export interface PlannedEntry {
  readonly header: TarHeaderFields
}

/** A regular file whose bytes are read from `layer` (the tar entry `source`). */
export interface PlannedFile extends PlannedEntry {
  readonly layer: number
  readonly source: LayerEntry
}

export interface DirectoryTarPlan {
  /** Directories, symlinks and fifos, parents before children. */
  readonly headersOnly: readonly PlannedEntry[]
  /** Regular files by the layer holding their bytes, each list in archive order. */
  readonly filesByLayer: ReadonlyMap<number, readonly PlannedFile[]>
  /** Hardlinks to files written earlier in this archive. */
  readonly links: readonly PlannedEntry[]
  /** Bytes of file data the archive carries. */
  readonly dataBytes: number
  /** The archive's exact length. */
  readonly archiveBytes: number
  /** Image paths left out, with why (a hardlink to a missing or non-file target). */
  readonly skipped: readonly { readonly path: string; readonly reason: string }[]
}

/**
 * Plans a tar of directory `root` ("" for the image root) of `view`. Archive names are the
 * directory's own name followed by the path below it ("etc/os-release" for root "etc");
 * for the image root, the paths themselves. Image paths are already normalized (no "..",
 * no leading slash), so no name can point outside the extraction directory.
 */
export function planDirectoryTar(
  view: MergedView,
  layers: readonly LayerIndex[],
  root: string,
): DirectoryTarPlan {
  const headersOnly: PlannedEntry[] = []
  const files: PlannedFile[] = []
  const linkCandidates: { path: string; header: TarHeaderFields; key: string }[] = []
  const firstNameOfData = new Map<string, string>()
  const skipped: { path: string; reason: string }[] = []
  const archiveName = (path: string): string =>
    root === '' ? path : `${baseName(root)}${path.slice(root.length)}`

  if (root !== '') {
    const top = view.get(root)
    if (top) headersOnly.push({ header: headerOf(top.entry, baseName(root), 'dir', 0) })
  }
  const stack: string[] = [root]
  while (stack.length > 0) {
    const dir = stack.pop() as string
    const children = view.list(dir)
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i]
      if (child?.entry.type === 'dir') stack.push(child.entry.path)
    }
    for (const node of children) {
      const { entry } = node
      const name = archiveName(entry.path)
      switch (entry.type) {
        case 'dir':
        case 'symlink':
        case 'fifo':
        case 'char':
        case 'block':
          headersOnly.push({ header: headerOf(entry, name, entry.type, 0) })
          break
        case 'file':
        case 'hardlink': {
          let target: ReturnType<typeof locateImageFile>
          try {
            target = locateImageFile(view, layers, entry.path)
          } catch (error) {
            skipped.push({ path: entry.path, reason: String(error) })
            break
          }
          if (target.entry.type !== 'file') {
            skipped.push({ path: entry.path, reason: `links to a ${target.entry.type}` })
            break
          }
          const key = `${target.layer}:${target.entry.headerOffset}`
          const header = headerOf(entry, name, 'file', target.entry.size)
          if (firstNameOfData.has(key)) {
            linkCandidates.push({ path: entry.path, header, key })
          } else {
            firstNameOfData.set(key, name)
            files.push({ header, layer: target.layer, source: target.entry })
          }
          break
        }
      }
    }
  }
  const links: PlannedEntry[] = linkCandidates.map(({ header, key }) => ({
    header: { ...header, kind: 'hardlink', size: 0, linkname: firstNameOfData.get(key) ?? '' },
  }))
  const filesByLayer = new Map<number, PlannedFile[]>()
  for (const file of files) {
    const list = filesByLayer.get(file.layer) ?? []
    list.push(file)
    filesByLayer.set(file.layer, list)
  }
  for (const list of filesByLayer.values()) {
    list.sort((a, b) => a.source.headerOffset - b.source.headerOffset)
  }
  let archiveBytes = TAR_END.length
  let dataBytes = 0
  for (const planned of [...headersOnly, ...files, ...links]) {
    archiveBytes += encodedEntrySize(planned.header)
    dataBytes += planned.header.size
  }
  return { headersOnly, filesByLayer, links, dataBytes, archiveBytes, skipped }
}

function headerOf(
  entry: LayerEntry,
  name: string,
  kind: TarHeaderFields['kind'],
  size: number,
): TarHeaderFields {
  return {
    name,
    kind,
    mode: entry.mode,
    uid: entry.uid,
    gid: entry.gid,
    size,
    mtime: entry.mtime,
    ...(kind === 'symlink' ? { linkname: entry.linkname ?? '' } : {}),
    ...((kind === 'char' || kind === 'block') && entry.device ? { device: entry.device } : {}),
  }
}
