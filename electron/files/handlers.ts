// Handlers of the files operations: layers, directory listings, lookups, searches, paged file
// reads, efficiency and the layer caches. Arguments are checked here; the work is done by
// electron/files/imageFilesService.ts.

import type { FileChunk, FileListItem, FileListPage } from '../../shared/api'
import { StrataError } from '../../shared/errors'
import type { ChangeKind } from '../../shared/api/files'
import { parentOf } from '../filetree/entryPath'
import { locateImageFile } from './imageFiles'
import type { ImageLayers } from './imageLayers'
import type { OpenedImage, PeekedImage } from './imageFilesService'
import { layerPosition } from './imageFilesService'
import { memoizedListing } from './listingMemo'
import { inspectImageFile } from './inspect/inspectImageFile'
import { optionalCount, optionalString, requiredString } from '../util/argReaders'
import type { Handler, HandlerContext } from '../util/handlerTypes'
import type { FilesHandlerDeps } from './handlerDeps'

const MAX_LIST = 5000
const DEFAULT_LIST = 1000
const MAX_SEARCH = 5000
const MAX_READ = 1024 * 1024
const CHANGE_KINDS: readonly ChangeKind[] = ['added', 'modified', 'deleted', 'opaque']

type FileOperation =
  | 'layers:index'
  | 'files:list'
  | 'files:stat'
  | 'files:search'
  | 'files:read'
  | 'files:inspect'
  | 'image:efficiency'
  | 'cache:info'
  | 'cache:clear'

export function createFileHandlers(services: FilesHandlerDeps): {
  readonly [N in FileOperation]: Handler<N>
} {
  const { files } = services
  const openImage = async (args: object, context: HandlerContext): Promise<OpenedImage> => {
    const source = await services.openSource(requiredString(args, 'ref'), context.signal)
    const platform = optionalString(args, 'platform')
    // Only the layers the call looks at: a broken higher layer leaves lower ones browsable.
    const layer = optionalString(args, 'layer')
    return files.open(source, {
      ...(platform !== undefined ? { platform } : {}),
      ...(layer !== undefined ? { layer } : {}),
      signal: context.signal,
      emit: context.emit,
      track: context.track,
    })
  }
  /** What is read so far of the image (never starts reading); null when nothing is. */
  const peekImage = async (args: object, context: HandlerContext): Promise<PeekedImage | null> => {
    const source = await services.openSource(requiredString(args, 'ref'), context.signal)
    const platform = optionalString(args, 'platform')
    const layer = optionalString(args, 'layer')
    const peeked = await files.peek(source, {
      ...(platform !== undefined ? { platform } : {}),
      ...(layer !== undefined ? { layer } : {}),
      signal: context.signal,
    })
    return peeked ?? null
  }
  return {
    'layers:index': async (args, context) => {
      const source = await services.openSource(requiredString(args, 'ref'), context.signal)
      const platform = optionalString(args, 'platform')
      return files.indexLayer(source, requiredString(args, 'layer'), {
        ...(platform !== undefined ? { platform } : {}),
        signal: context.signal,
        emit: context.emit,
        track: context.track,
      })
    },
    'files:list': async (args, context) => {
      const path = readPath(args)
      const cursor = readCursor(args)
      const limit = optionalCount(args, 'limit', MAX_LIST) ?? DEFAULT_LIST
      const sort = optionalString(args, 'sort') ?? 'name'
      if (sort !== 'name' && sort !== 'size') {
        throw new StrataError('BAD_INPUT', '"sort" must be "name" or "size".', { subject: 'sort' })
      }
      const change = readChangeKinds(args)
      const recursive = readFlag(args, 'recursive')
      // partial: what is read so far, at once (the Files view asks while a layer downloads).
      const peeked = readFlag(args, 'partial') ? await peekImage(args, context) : undefined
      if (peeked === null) return { items: [], indexing: true }
      const image = peeked?.opened ?? (await openImage(args, context))
      const upTo = readLayer(args, image)
      const layer = upTo ?? image.layers.layerCount - 1
      const key = JSON.stringify([path, layer, sort, change ?? null, recursive])
      const items = memoizedListing(image.layers, key, () => {
        const listed = recursive
          ? listBelow(image.layers, path, layer, change)
          : listDirectory(image.layers, path, layer, change)
        if (sort === 'size') listed.sort((a, b) => (b.entry?.size ?? 0) - (a.entry?.size ?? 0))
        return listed
      })
      const page = items.slice(cursor, cursor + limit)
      const result: FileListPage = {
        items: page,
        ...(cursor + limit < items.length ? { next: String(cursor + limit) } : {}),
        ...(peeked?.indexing === true ? { indexing: true } : {}),
      }
      return result
    },
    'files:stat': async (args, context) => {
      const path = requiredString(args, 'path')
      const image = await openImage(args, context)
      const upTo = readLayer(args, image)
      const target = locateImageFile(image.layers.tree(upTo).view, image.layers.indexes, path)
      return { entry: target.entry, layer: target.layer, resolvedPath: target.resolvedPath }
    },
    'files:search': async (args, context) => {
      const pattern = requiredString(args, 'pattern')
      const limit = optionalCount(args, 'limit', MAX_SEARCH)
      const image = await openImage(args, context)
      const upTo = readLayer(args, image)
      const found = image.layers.search(pattern, {
        ...(upTo !== undefined ? { upTo } : {}),
        ...(limit !== undefined ? { limit } : {}),
      })
      return {
        matches: found.matches.map((m) => ({ entry: m.entry, layer: m.layer })),
        truncated: found.truncated,
      }
    },
    'files:read': async (args, context) => {
      const path = requiredString(args, 'path')
      const offset = readWholeNumber(args, 'offset', Number.MAX_SAFE_INTEGER, 0)
      const length = readWholeNumber(args, 'length', MAX_READ, 1)
      const image = await openImage(args, context)
      const upTo = readLayer(args, image)
      return readChunk(image.layers, path, offset, length, upTo, context.signal)
    },
    'files:inspect': async (args, context) => {
      const path = requiredString(args, 'path')
      const image = await openImage(args, context)
      return inspectImageFile(image.layers, path, readLayer(args, image), context.signal)
    },
    'image:efficiency': async (args, context) =>
      (await openImage(args, context)).layers.efficiency(),
    'cache:info': () => files.cacheInfo(),
    'cache:clear': () => files.clearCaches(),
  }
}

/** Children of `dir` as of layer `upTo`, plus what that layer deleted there. */
function listDirectory(
  layers: ImageLayers,
  dir: string,
  upTo: number,
  change: readonly ChangeKind[] | undefined,
): FileListItem[] {
  const changed = new Map<string, ChangeKind>()
  const items: FileListItem[] = []
  for (const c of layers.changes(upTo)) {
    if (parentOf(c.path) !== dir) continue
    changed.set(c.path, c.kind)
    if (c.kind === 'deleted') items.push({ path: c.path, layer: upTo, change: 'deleted' })
  }
  for (const node of layers.list(dir, upTo)) {
    const kind = changed.get(node.entry.path)
    items.push({
      path: node.entry.path,
      layer: node.layer,
      entry: node.entry,
      ...(kind !== undefined ? { change: kind } : {}),
    })
  }
  const kept = change
    ? items.filter((i) => i.change !== undefined && change.includes(i.change))
    : items
  return kept.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

/**
 * Every path below `dir` as of layer `upTo`, plus what that layer deleted there, flat. With a
 * change filter only that layer's changes count, so the merged tree is not walked at all.
 */
function listBelow(
  layers: ImageLayers,
  dir: string,
  upTo: number,
  change: readonly ChangeKind[] | undefined,
): FileListItem[] {
  if (dir !== '' && layers.lookup(dir, upTo)?.entry.type !== 'dir') {
    throw new StrataError('NOT_FOUND', `/${dir} is not a directory in this image`, {
      subject: dir,
    })
  }
  const prefix = dir === '' ? '' : `${dir}/`
  const changed = new Map<string, ChangeKind>()
  const items: FileListItem[] = []
  for (const c of layers.changes(upTo)) {
    if (!c.path.startsWith(prefix) || c.path === dir) continue
    if (change && !change.includes(c.kind)) continue
    changed.set(c.path, c.kind)
    if (c.kind === 'deleted') items.push({ path: c.path, layer: upTo, change: 'deleted' })
  }
  const view = layers.tree(upTo).view
  const nodes = change
    ? [...changed.keys()].flatMap((p) => view.get(p) ?? [])
    : [...view.all()].filter((n) => n.entry.path.startsWith(prefix) && n.entry.path !== dir)
  for (const node of nodes) {
    const kind = changed.get(node.entry.path)
    if (kind === 'deleted') continue
    items.push({
      path: node.entry.path,
      layer: node.layer,
      entry: node.entry,
      ...(kind !== undefined ? { change: kind } : {}),
    })
  }
  return items.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

async function readChunk(
  layers: ImageLayers,
  path: string,
  offset: number,
  length: number,
  upTo: number | undefined,
  signal: AbortSignal,
): Promise<FileChunk> {
  const target = locateImageFile(layers.tree(upTo).view, layers.indexes, path)
  if (target.entry.type !== 'file') {
    throw new StrataError(
      'BAD_INPUT',
      `/${target.resolvedPath} is a ${target.entry.type}, not a regular file: it has no content to show`,
      { subject: path },
    )
  }
  const size = target.entry.size
  const end = Math.min(size, offset + length)
  if (offset >= size) {
    return { base64: '', size, eof: true, layer: target.layer, resolvedPath: target.resolvedPath }
  }
  const opened = await layers.openFile(path, { ...(upTo !== undefined ? { upTo } : {}), signal })
  const parts: Buffer[] = []
  let position = 0
  try {
    for await (const chunk of opened.stream as AsyncIterable<Buffer>) {
      const from = Math.max(0, offset - position)
      const to = Math.min(chunk.length, end - position)
      if (to > from) parts.push(chunk.subarray(from, to))
      position += chunk.length
      if (position >= end) break
    }
  } finally {
    opened.stream.destroy()
  }
  return {
    base64: Buffer.concat(parts).toString('base64'),
    size,
    eof: end >= size,
    layer: opened.layer,
    resolvedPath: target.resolvedPath,
  }
}

function readPath(args: object): string {
  const value = (args as Record<string, unknown>)['path']
  if (value === '/' || value === '') return ''
  return requiredString(args, 'path').replace(/^\/+|\/+$/g, '')
}

function readCursor(args: object): number {
  const cursor = optionalString(args, 'cursor')
  if (cursor === undefined) return 0
  if (!/^\d{1,9}$/.test(cursor)) {
    throw new StrataError('BAD_INPUT', '"cursor" is not one this listing gave out.', {
      subject: 'cursor',
    })
  }
  return Number(cursor)
}

function readChangeKinds(args: object): readonly ChangeKind[] | undefined {
  const value = (args as Record<string, unknown>)['change']
  if (value === undefined || value === null) return undefined
  if (
    !Array.isArray(value) ||
    !value.every((v): v is ChangeKind => CHANGE_KINDS.includes(v as ChangeKind))
  ) {
    throw new StrataError(
      'BAD_INPUT',
      `"change" must be a list of ${CHANGE_KINDS.map((k) => `"${k}"`).join(', ')}.`,
      { subject: 'change' },
    )
  }
  return value
}

function readFlag(args: object, field: string): boolean {
  const value = (args as Record<string, unknown>)[field]
  if (value === undefined || value === null) return false
  if (typeof value !== 'boolean') {
    throw new StrataError('BAD_INPUT', `"${field}" must be true or false.`, { subject: field })
  }
  return value
}

function readWholeNumber(args: object, field: string, max: number, min: number): number {
  const value = (args as Record<string, unknown>)[field]
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new StrataError('BAD_INPUT', `"${field}" must be a whole number from ${min} to ${max}.`, {
      subject: field,
    })
  }
  return value
}

/** The 0-based layer the optional `layer` argument names, or undefined for the whole image. */
function readLayer(args: object, image: OpenedImage): number | undefined {
  const layer = optionalString(args, 'layer')
  return layer === undefined ? undefined : layerPosition(image.descriptors, layer)
}
