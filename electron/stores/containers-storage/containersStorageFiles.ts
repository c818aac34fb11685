// The files of a containers-storage store (c/storage, used by podman, buildah, skopeo):
//   GRAPH/DRIVER-images/images.json         images: id, names, names-history, digest, big-data
//   GRAPH/DRIVER-images/ID/KEY              big data (manifest, config); KEY base64'd if unsafe
//   GRAPH/DRIVER-layers/layers.json         layers: id, parent, diff / compressed digests
//   GRAPH/DRIVER-layers/ID.tar-split.gz     the tar headers needed to rebuild a layer's tar
//   GRAPH/DRIVER-containers/containers.json containers and their writable layers
//   GRAPH/overlay/ID/{diff,link,lower,merged,work}, GRAPH/overlay/l/  (overlay driver)
//   GRAPH/vfs/dir/ID                        (vfs driver)
// c/storage replaces these JSON files by atomic rename, so reading them needs no lock.

import { readdir } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { StrataError } from '../../../shared/errors'
import { readStoreFile } from '../../util/safeFile'
import { fileError } from '../../sources/blobFile'
import type { StorageSettings } from './storageConf'
import { waitForWriters } from './storageLocks'

export const SUPPORTED_DRIVERS = ['overlay', 'vfs'] as const
export type StorageDriver = (typeof SUPPORTED_DRIVERS)[number]
/** Drivers c/storage knows that Strata does not read. */
const OTHER_KNOWN_DRIVERS = ['btrfs', 'zfs', 'aufs', 'devicemapper', 'overlay2']
/**
 * Cap on images.json, layers.json and containers.json: c/storage writes about 1-2 KiB per
 * image or layer, so 64 MiB is tens of thousands of them. Read whole, so it must be bounded.
 */
export const MAX_STORE_JSON_BYTES = 64 * 1024 * 1024
/** How long to wait for a writer (podman pulling) to release the store before giving up. */
export const LOCK_WAIT_MS = 2000

export interface Store {
  readonly graphRoot: string
  readonly runRoot: string
  readonly driver: StorageDriver
  readonly configFiles: readonly string[]
}

export interface StorageImageRecord {
  readonly id: string
  readonly digest?: string
  readonly digests: readonly string[]
  readonly names: readonly string[]
  readonly namesHistory: readonly string[]
  readonly topLayer?: string
  readonly created?: string
  readonly bigDataNames: readonly string[]
  readonly bigDataDigests: Readonly<Record<string, string>>
  readonly bigDataSizes: Readonly<Record<string, number>>
}

export interface StorageLayerRecord {
  readonly id: string
  readonly parent?: string
  readonly names: readonly string[]
  readonly created?: string
  readonly diffDigest?: string
  readonly compressedDiffDigest?: string
  readonly diffSize?: number
  readonly compressedSize?: number
  /** A layer c/storage is still writing (or a crash left behind). */
  readonly incomplete: boolean
}

export interface StorageContainerRecord {
  readonly id: string
  readonly names: readonly string[]
  readonly image: string
  readonly layer: string
  readonly created?: string
}

/** The store's settings with the driver settled and checked: one Strata can read. */
export async function openStore(settings: StorageSettings, signal?: AbortSignal): Promise<Store> {
  const graphRoot = settings.graphRoot
  let entries: string[]
  try {
    entries = await readdir(graphRoot)
  } catch (error) {
    throw fileError(
      error,
      graphRoot,
      'a containers-storage graph root (podman / buildah image store)',
    )
  }
  const present = entries.filter((e) => e.endsWith('-images')).map((e) => e.slice(0, -7))
  const driver = settings.driver !== '' ? settings.driver : pickDriver(present)
  if (driver === undefined) {
    throw new StrataError(
      'NOT_FOUND',
      `${graphRoot} holds no image store: no DRIVER-images directory (expected a containers-storage graph root)`,
      { subject: graphRoot },
    )
  }
  if (!(SUPPORTED_DRIVERS as readonly string[]).includes(driver)) {
    const known = OTHER_KNOWN_DRIVERS.includes(driver)
    throw new StrataError(
      'BAD_INPUT',
      known
        ? `the containers storage at ${graphRoot} uses the "${driver}" driver; Strata reads the overlay and vfs drivers`
        : `unknown storage driver "${driver}" for ${graphRoot}; containers-storage drivers Strata reads are overlay and vfs`,
      { subject: driver },
    )
  }
  const store: Store = {
    graphRoot,
    runRoot: settings.runRoot,
    driver: driver as StorageDriver,
    configFiles: settings.configFiles,
  }
  await waitForWriters(graphRoot, lockFiles(store), LOCK_WAIT_MS, signal)
  return store
}

function pickDriver(present: readonly string[]): string | undefined {
  for (const preferred of ['overlay', 'vfs']) if (present.includes(preferred)) return preferred
  return present[0]
}

export function lockFiles(store: Store): readonly string[] {
  return [
    join(store.graphRoot, `${store.driver}-layers`, 'layers.lock'),
    join(store.graphRoot, `${store.driver}-images`, 'images.lock'),
  ]
}

export const imagesJsonPath = (s: Store): string =>
  join(s.graphRoot, `${s.driver}-images`, 'images.json')
export const layersJsonPath = (s: Store): string =>
  join(s.graphRoot, `${s.driver}-layers`, 'layers.json')
export const containersJsonPath = (s: Store): string =>
  join(s.graphRoot, `${s.driver}-containers`, 'containers.json')
export const tarSplitPath = (s: Store, layerId: string): string =>
  join(s.graphRoot, `${s.driver}-layers`, `${checkId(layerId)}.tar-split.gz`)

/** Where a layer's files are: overlay's ID/diff, vfs's dir/ID. */
export function layerDiffDir(store: Store, layerId: string): string {
  const id = checkId(layerId)
  return store.driver === 'overlay'
    ? join(store.graphRoot, 'overlay', id, 'diff')
    : join(store.graphRoot, 'vfs', 'dir', id)
}

/**
 * c/storage names a big-data file by its key when the key is only [0-9a-z.] ("manifest"),
 * otherwise "=" + standard base64 of the key ("sha256:…" and "manifest-sha256:…").
 */
export function bigDataFileName(key: string): string {
  return /^[0-9a-z.]+$/.test(key) && key !== '.' && key !== '..'
    ? key
    : `=${Buffer.from(key, 'utf8').toString('base64')}`
}

export function bigDataPath(store: Store, imageId: string, key: string): string {
  return join(store.graphRoot, `${store.driver}-images`, checkId(imageId), bigDataFileName(key))
}

/** IDs come from JSON files on disk; they must be plain hex before they make a path. */
function checkId(id: string): string {
  if (!/^[a-f0-9]{64}$/.test(id)) {
    // Not quoted: it comes from a file, and messages never echo file contents.
    throw new StrataError(
      'MALFORMED',
      'an ID in the containers storage is not 64 hex digits, so it cannot name a file; refused',
    )
  }
  return id
}

/** One of the store's JSON lists: no links below the graph root, a regular file, capped. */
async function readJsonArray(
  store: Store,
  path: string,
  what: string,
): Promise<readonly Record<string, unknown>[]> {
  try {
    const bytes = await readStoreFile(store.graphRoot, path, what, {
      maxBytes: MAX_STORE_JSON_BYTES,
      what: `a ${basename(path)}`,
    })
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes))
    if (!Array.isArray(value)) throw new StrataError('MALFORMED', `${path} is not a JSON array`)
    return value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null)
  } catch (error) {
    // A missing file is an empty store; c/storage creates these lazily.
    if (error instanceof StrataError && error.detail?.cause === 'ENOENT') return []
    if (error instanceof SyntaxError) {
      // The parser's message quotes the text; only the file and what it should be are named.
      throw new StrataError('MALFORMED', `${path} is not valid JSON (${what})`, { subject: path })
    }
    throw fileError(error, path, what)
  }
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined)
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined)
const strings = (v: unknown): readonly string[] =>
  Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []
const record = <T>(v: unknown, keep: (x: unknown) => x is T): Readonly<Record<string, T>> =>
  typeof v === 'object' && v !== null
    ? Object.fromEntries(Object.entries(v).filter((e): e is [string, T] => keep(e[1])))
    : {}

export async function readImageRecords(store: Store): Promise<readonly StorageImageRecord[]> {
  const raw = await readJsonArray(
    store,
    imagesJsonPath(store),
    'the image list of a containers storage',
  )
  return raw.flatMap((r) => {
    const id = str(r.id)
    if (id === undefined) return []
    return [
      {
        id,
        ...optional('digest', str(r.digest)),
        digests: strings(r.digests),
        names: strings(r.names),
        namesHistory: strings(r['names-history']),
        ...optional('topLayer', str(r.layer)),
        ...optional('created', str(r.created)),
        bigDataNames: strings(r['big-data-names']),
        bigDataDigests: record(r['big-data-digests'], (x): x is string => typeof x === 'string'),
        bigDataSizes: record(r['big-data-sizes'], (x): x is number => typeof x === 'number'),
      },
    ]
  })
}

export async function readLayerRecords(store: Store): Promise<readonly StorageLayerRecord[]> {
  const raw = await readJsonArray(
    store,
    layersJsonPath(store),
    'the layer list of a containers storage',
  )
  return raw.flatMap((r) => {
    const id = str(r.id)
    if (id === undefined) return []
    const flags = r.flags as Record<string, unknown> | undefined
    return [
      {
        id,
        ...optional('parent', str(r.parent)),
        names: strings(r.names),
        ...optional('created', str(r.created)),
        ...optional('diffDigest', str(r['diff-digest'])),
        ...optional('compressedDiffDigest', str(r['compressed-diff-digest'])),
        ...optional('diffSize', num(r['diff-size'])),
        ...optional('compressedSize', num(r['compressed-size'])),
        incomplete: flags?.incomplete === true,
      },
    ]
  })
}

export async function readContainerRecords(
  store: Store,
): Promise<readonly StorageContainerRecord[]> {
  const raw = await readJsonArray(
    store,
    containersJsonPath(store),
    'the container list of a containers storage',
  )
  return raw.flatMap((r) => {
    const id = str(r.id)
    const image = str(r.image)
    const layer = str(r.layer)
    if (id === undefined || image === undefined || layer === undefined) return []
    return [{ id, names: strings(r.names), image, layer, ...optional('created', str(r.created)) }]
  })
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V }
}

/** The image's layers, bottom first, following parents down from its top layer. */
export function layerChain(
  image: StorageImageRecord,
  layers: ReadonlyMap<string, StorageLayerRecord>,
  graphRoot: string,
): readonly StorageLayerRecord[] {
  const chain: StorageLayerRecord[] = []
  for (let id = image.topLayer; id !== undefined;) {
    const layer = layers.get(id)
    if (layer === undefined || chain.length > 1000) {
      throw new StrataError(
        'NOT_FOUND',
        `image ${image.id} in ${graphRoot} needs layer ${id}, which layers.json does not list; the store is damaged`,
        { subject: id },
      )
    }
    chain.push(layer)
    id = layer.parent
  }
  return chain.reverse()
}
