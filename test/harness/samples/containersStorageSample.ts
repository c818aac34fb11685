// containers-storage/: the small image of the archives as Podman's overlay driver stores it,
// plus one created (never started) container, so the storage view reads it without mounting:
//
//   storage/overlay-images/images.json, storage/overlay-images/ID/{manifest, =base64(key)…}
//   storage/overlay-layers/layers.json, storage/overlay-layers/ID.tar-split.gz
//   storage/overlay/ID/{diff/, link, lower, work/}, storage/overlay/l/SHORT -> ../ID/diff
//   storage/overlay-containers/containers.json   (Podman's record of the container)
//   run/overlay-layers/mountpoints.json          (nothing mounted)
//
// Field names and order follow what podman 4 writes (seen with `podman --root X --runroot Y
// create`); IDs, times and overlay's short link names are fixed here instead of random, so the
// tree is reproducible. Layer IDs are computed as c/storage does for pulled layers: the first is
// its diff ID, each next one sha256("PARENT_ID+DIFF_HEX").
//
// The container's writable layer (its diff/) holds an added file (/app/notes.txt) and a changed
// one (/app/config.json; not /etc/hostname, which `podman diff` leaves out as its own file):
// `podman diff sample-container` says C /app, C /app/config.json, A /app/notes.txt. A deletion
// in an overlay upper directory is a 0/0 character device, which git cannot store, and the
// kernel's overlayfs does not read `.wh.` files there; so this tree has no deleted file:
// deletions and opaque directories are shown by the whiteouts sample.
// Work directories are empty, and git keeps no empty directory: a fresh clone lacks the work/
// folders (and the image's empty /tmp and /root) until `npm run samples` rebuilds the tree.

import { createHash } from 'node:crypto'
import { SMALL_CREATED } from './archiveSamples'
import type { SmallImage } from './archiveSamples'
import { json, text } from './sampleFiles'
import type { Tree } from './sampleFiles'
import { tarSplitOf } from './tarSplit'

export const STORAGE_IMAGE_NAME = 'localhost/strata/sample:1.0'
export const STORAGE_CONTAINER_NAME = 'sample-container'
/** The container's edit of the image's /app/config.json. */
const CHANGED_CONFIG =
  JSON.stringify({ name: 'sample', port: 9090, features: ['layers', 'graph'] }, null, 2) + '\n'
const PULLED_AT = '2024-09-02T08:00:00Z'
const CREATED_AT = '2024-09-02T08:05:00Z'

const sha256Hex = (value: string | Uint8Array): string =>
  createHash('sha256').update(value).digest('hex')
const hex = (digest: string): string => digest.slice('sha256:'.length)

/** overlay's short link name: 26 characters of base32 (c/storage draws them at random). */
function shortLink(id: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  const bytes = createHash('sha256').update(`link:${id}`).digest()
  let out = ''
  for (let i = 0; i < 26; i++) out += alphabet[(bytes[i] ?? 0) % 32]
  return out
}

/** c/storage's big-data file name: the key itself if plain, else "=" + base64(key). */
const bigDataName = (key: string): string =>
  /^[0-9a-z.]+$/.test(key) ? key : `=${Buffer.from(key).toString('base64')}`

export interface StorageSampleIds {
  readonly imageId: string
  readonly layerIds: readonly string[]
  readonly containerId: string
  readonly containerLayerId: string
}

export function storageSampleIds(image: SmallImage): StorageSampleIds {
  const layerIds: string[] = []
  for (const layer of image.layers) {
    const parent = layerIds[layerIds.length - 1]
    layerIds.push(
      parent === undefined ? hex(layer.diffId) : sha256Hex(`${parent}+${hex(layer.diffId)}`),
    )
  }
  const containerId = sha256Hex(`strata sample container ${STORAGE_CONTAINER_NAME}`)
  return {
    imageId: hex(image.config.digest),
    layerIds,
    containerId,
    containerLayerId: sha256Hex(`strata sample container layer ${containerId}`),
  }
}

/** The tree under containers-storage/, relative paths. */
export function containersStorageTree(image: SmallImage): Tree {
  const ids = storageSampleIds(image)
  const tree: Tree = new Map()
  const put = (path: string, bytes: Uint8Array): void => void tree.set(`storage/${path}`, bytes)
  const blob = (digest: string): Uint8Array => {
    const bytes = image.builder.getBlob(digest)
    if (bytes === undefined) throw new Error(`sample blob ${digest} missing`)
    return bytes
  }

  // The image and its big data: the config, and the manifest under both of its keys.
  const manifest = blob(image.manifest.digest)
  const config = blob(image.config.digest)
  const manifestKey = `manifest-${image.manifest.digest}`
  const bigData: [string, Uint8Array, string][] = [
    [image.config.digest, config, image.config.digest],
    [manifestKey, manifest, image.manifest.digest],
    ['manifest', manifest, image.manifest.digest],
  ]
  for (const [key, bytes] of bigData)
    put(`overlay-images/${ids.imageId}/${bigDataName(key)}`, bytes)
  put(
    'overlay-images/images.json',
    json([
      {
        id: ids.imageId,
        digest: image.manifest.digest,
        names: [STORAGE_IMAGE_NAME],
        'names-history': [STORAGE_IMAGE_NAME],
        layer: ids.layerIds[ids.layerIds.length - 1],
        metadata: '{}',
        'big-data-names': bigData.map(([key]) => key),
        'big-data-sizes': Object.fromEntries(bigData.map(([key, bytes]) => [key, bytes.length])),
        'big-data-digests': Object.fromEntries(bigData.map(([key, , digest]) => [key, digest])),
        created: SMALL_CREATED,
      },
    ]),
  )

  // The image's layers: tar-split + unpacked diff, overlay's link/lower files and l/ links.
  const layerRecords: Record<string, unknown>[] = []
  const lowers: string[] = [] // short links, bottom first
  image.layers.forEach((layer, i) => {
    const id = ids.layerIds[i] as string
    const parent = ids.layerIds[i - 1]
    const tar = image.tars[i] as Uint8Array
    put(`overlay-layers/${id}.tar-split.gz`, tarSplitOf(tar))
    layerDirectory(tree, id, lowers, image.layerFiles[i] ?? [])
    lowers.push(shortLink(id))
    layerRecords.push({
      id,
      ...(parent !== undefined ? { parent } : {}),
      created: PULLED_AT,
      'compressed-diff-digest': layer.digest,
      'compressed-size': layer.size,
      'diff-digest': layer.diffId,
      'diff-size': tar.length,
      compression: 2,
      uidset: [0],
      gidset: [0],
    })
  })

  // The container: its writable layer on top of the image's, and Podman's record of it.
  layerDirectory(tree, ids.containerLayerId, lowers, [
    { type: 'dir', path: 'app' },
    { type: 'file', path: 'app/config.json', content: CHANGED_CONFIG },
    { type: 'file', path: 'app/notes.txt', content: 'written inside the container\n' },
  ])
  layerRecords.push({
    id: ids.containerLayerId,
    names: [`${STORAGE_CONTAINER_NAME}-layer`],
    parent: ids.layerIds[ids.layerIds.length - 1],
    created: CREATED_AT,
  })
  put('overlay-layers/layers.json', json(layerRecords))
  put(
    'overlay-containers/containers.json',
    json([
      {
        id: ids.containerId,
        names: [STORAGE_CONTAINER_NAME],
        image: ids.imageId,
        layer: ids.containerLayerId,
        metadata: JSON.stringify({
          'image-name': STORAGE_IMAGE_NAME,
          'image-id': ids.imageId,
          name: STORAGE_CONTAINER_NAME,
          'created-at': Date.parse(CREATED_AT) / 1000,
        }),
        created: CREATED_AT,
        flags: { MountLabel: '', ProcessLabel: '' },
      },
    ]),
  )
  tree.set('run/overlay-layers/mountpoints.json', text('[]'))
  return tree
}

type LayerFile =
  | { type: 'file'; path: string; content: string | Uint8Array }
  | { type: 'dir'; path: string }
  | { type: 'symlink'; path: string; target: string }
  | { type: string; path: string }

/** overlay/ID/{diff/…, link, lower, work/} and overlay/l/SHORT -> ../ID/diff. */
function layerDirectory(
  tree: Tree,
  id: string,
  lowersBottomFirst: readonly string[],
  files: readonly LayerFile[],
): void {
  const root = `storage/overlay/${id}`
  const link = shortLink(id)
  for (const file of files) {
    const at = `${root}/diff/${file.path}`
    if (file.type === 'dir') tree.set(at, { dir: true })
    else if (file.type === 'symlink' && 'target' in file) tree.set(at, { symlink: file.target })
    else if (file.type === 'file' && 'content' in file) {
      tree.set(at, typeof file.content === 'string' ? text(file.content) : file.content)
    } else throw new Error(`the storage sample cannot hold a ${file.type} entry (${file.path})`)
  }
  tree.set(`${root}/diff`, { dir: true })
  tree.set(`${root}/work`, { dir: true })
  tree.set(`${root}/link`, text(link))
  if (lowersBottomFirst.length > 0) {
    tree.set(
      `${root}/lower`,
      text(
        [...lowersBottomFirst]
          .reverse()
          .map((short) => `l/${short}`)
          .join(':'),
      ),
    )
  }
  tree.set(`storage/overlay/l/${link}`, { symlink: `../${id}/diff` })
}
