// What stands for a file's contents when two images are compared: the hex SHA-256 of its bytes.
// - A layer read as a tar: its entries are hashed by tar header offset, one pass per layer
//   (contentHashes.ts).
// - A layer listed from its table of contents (eStargz, zstd:chunked): its entries have no tar
//   offsets, but the TOC gives each regular file's SHA-256, so no byte of the layer is read.
//   A file the TOC gives no digest for (or a TOC that cannot be read again) is hashed from a
//   full read of the layer, found by path; the source verifies that read against the layer
//   digest. The TOC's digest is what the layer's maker wrote: the Files view checks it against
//   the bytes whenever it reads a file by range.
// A layer shared by both sides is read once.

import type { LayerEntry } from '../../shared/api/files'
import { StrataError } from '../../shared/errors'
import type { TocLayer } from '../files/tocIndex'
import type { ContentHashes, LayerHashRequest } from './contentHashes'
import { contentKey, hashLayerEntries } from './contentHashes'
import type { FileDiffSide } from './fileDiff'

/** One file whose contents are wanted: its side, its layer (0 = bottom) and its entry. */
export interface WantedContent {
  readonly side: FileDiffSide
  readonly layer: number
  readonly entry: LayerEntry
}

const SHA256 = /^sha256:([0-9a-f]{64})$/

/** `contentKey(layer digest, header offset)` → hex SHA-256, for every file it could tell. */
export async function contentIdentities(
  wanted: readonly WantedContent[],
  signal?: AbortSignal,
): Promise<ContentHashes> {
  const out = new Map<string, string>()
  const requests: LayerHashRequest[] = []
  for (const group of byLayer(wanted).values()) {
    const { side, layer, digest } = group
    const open = async (s?: AbortSignal) => {
      const descriptor = side.descriptors[layer]
      if (descriptor === undefined) {
        throw new StrataError('INTERNAL', `layer ${layer + 1} has no descriptor`)
      }
      return side.openBlob(descriptor, s)
    }
    if (!group.fromToc) {
      requests.push({
        digest,
        headerOffsets: new Set(group.entries.map((e) => e.headerOffset)),
        open,
      })
      continue
    }
    const toc = await readToc(side, layer, signal)
    const paths = new Map<string, number>()
    for (const entry of group.entries) {
      const hex = tocDigest(toc, entry)
      if (hex !== undefined) out.set(contentKey(digest, entry.headerOffset), hex)
      else paths.set(entry.path, entry.headerOffset)
    }
    if (paths.size > 0) requests.push({ digest, headerOffsets: new Set(), paths, open })
  }
  const hashed = await hashLayerEntries(requests, signal !== undefined ? { signal } : {})
  for (const [key, hex] of hashed) out.set(key, hex)
  return out
}

interface LayerGroup {
  readonly side: FileDiffSide
  readonly layer: number
  readonly digest: string
  readonly fromToc: boolean
  readonly entries: LayerEntry[]
}

/** Wanted files by layer blob (and by how it was listed), the first side to name it opening it. */
function byLayer(wanted: readonly WantedContent[]): Map<string, LayerGroup> {
  const groups = new Map<string, LayerGroup>()
  for (const { side, layer, entry } of wanted) {
    const index = side.layers.indexes[layer]
    const digest = index?.digest ?? side.descriptors[layer]?.digest ?? ''
    const fromToc = index?.toc?.listedFromToc === true
    const key = `${digest}${fromToc ? '#toc' : ''}`
    let group = groups.get(key)
    if (group === undefined) {
      group = { side, layer, digest, fromToc, entries: [] }
      groups.set(key, group)
    }
    group.entries.push(entry)
  }
  return groups
}

/** The layer's TOC read again (a few KB by range); undefined when it cannot be: full read. */
async function readToc(
  side: FileDiffSide,
  layer: number,
  signal: AbortSignal | undefined,
): Promise<TocLayer | undefined> {
  if (side.readToc === undefined) return undefined
  try {
    return await side.readToc(layer, signal)
  } catch (error) {
    if (signal?.aborted === true) throw error
    if (error instanceof StrataError && error.code === 'CANCELLED') throw error
    return undefined
  }
}

/** The TOC's SHA-256 (hex) for this entry, when the TOC read now lists the same file there. */
function tocDigest(toc: TocLayer | undefined, entry: LayerEntry): string | undefined {
  if (toc === undefined) return undefined
  const entries = toc.index.entries
  const listed = entries[entries.length + entry.headerOffset]
  if (listed?.path !== entry.path || listed.size !== entry.size || listed.type !== 'file') {
    return undefined
  }
  return SHA256.exec(toc.files.get(entry.headerOffset)?.digest ?? '')?.[1]
}
