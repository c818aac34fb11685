// A read-only ImageSource over one image in containers-storage (podman, buildah, skopeo).
// Manifest and config come from the image's big-data files, verified against the digests
// images.json records; layers are rebuilt as uncompressed tars from tar-split + diff and
// verified against their diff digests. No lock is taken and nothing is written.

import { createHash } from 'node:crypto'
import { stat } from 'node:fs/promises'
import { dirname } from 'node:path'
import { Readable } from 'node:stream'
import type { EquivalentCommand, ImageWarning } from '../../../shared/api'
import { StrataError } from '../../../shared/errors'
import { MAX_MANIFEST_BYTES, parseManifestBytes } from '../../../shared/oci/parseManifest'
import type { Descriptor } from '../../../shared/oci/types'
import { formatSourceRef } from '../../../shared/sourceRef'
import type { SourceRef } from '../../../shared/sourceRef'
import type {
  ImageSource,
  PlainImageSource,
  SourceCallOptions,
  VerifiedBlob,
  VerifiedManifest,
} from '../../sources/imageSource'
import { UNKNOWN_SIZE } from '../../sources/imageSource'
import { checkStoreDirectory, readStoreFile } from '../../util/safeFile'
import { verifiedStream } from '../../sources/verify'
import { fileError, MAX_SMALL_BLOB_BYTES, readVerifiedFile } from '../../sources/blobFile'
import type { Store, StorageImageRecord, StorageLayerRecord } from './containersStorageFiles'
import {
  bigDataPath,
  layerChain,
  layerDiffDir,
  layersJsonPath,
  openStore,
  readImageRecords,
  readLayerRecords,
  tarSplitPath,
} from './containersStorageFiles'
import { findStorageImage, planServedManifest } from './containersStorageImage'
import { withPath } from '../oci-layout/ociLayoutIndex'
import { currentEnvironment, defaultStorageSettings } from './storageConf'
import type { StorageSettings } from './storageConf'
import type { CommandTarget } from '../discovery/storeCommands'
import { containersStorageCommands } from '../discovery/storeCommands'
import { assembleLayerTar } from './tarSplitAssembler'

type StorageRef = Extract<SourceRef, { transport: 'containers-storage' }>

/** The storage a reference names: its bracketed store, or the one podman would use. */
export async function storageSettingsFor(
  ref: StorageRef,
  env: NodeJS.ProcessEnv | undefined,
): Promise<StorageSettings> {
  const defaults = await defaultStorageSettings(currentEnvironment(env))
  if (ref.store === undefined) return defaults
  return {
    graphRoot: ref.store.graphRoot,
    runRoot: ref.store.runRoot ?? defaults.runRoot,
    driver: ref.store.driver ?? '',
    configFiles: [],
    rootless: defaults.rootless,
  }
}

export async function openContainersStorage(
  ref: StorageRef,
  options: { readonly signal?: AbortSignal; readonly env?: NodeJS.ProcessEnv } = {},
): Promise<ImageSource> {
  const store = await openStore(await storageSettingsFor(ref, options.env), options.signal)
  const images = await readImageRecords(store)
  const image = findStorageImage(images, ref.image, store.graphRoot)
  const layers = new Map((await readLayerRecords(store)).map((l) => [l.id, l] as const))
  const chain = layerChain(image, layers, store.graphRoot)
  const pinned = /@(sha256:[a-f0-9]{64})$/.exec(ref.image)?.[1]
  const stored = await readStoredManifest(store, image, pinned)
  let served: VerifiedManifest = stored
  let rewritten = false
  if (stored.parsed.kind === 'manifest') {
    const plan = planServedManifest(stored.parsed.document, chain, image.id)
    if (plan.document !== undefined) {
      const bytes = new TextEncoder().encode(JSON.stringify(plan.document))
      const descriptor: Descriptor = {
        mediaType: stored.descriptor.mediaType,
        digest: `sha256:${createHash('sha256').update(bytes).digest('hex')}`,
        size: bytes.byteLength,
      }
      served = { descriptor, bytes, parsed: parseManifestBytes(bytes, descriptor.mediaType) }
      rewritten = true
    }
  }
  return new ContainersStorageSource(ref, store, image, chain, stored, served, rewritten)
}

/**
 * The image's manifest big data: "manifest-DIGEST" for the digest the reference pins, else for
 * the image's own digest, else "manifest". One image (one config) can hold several manifests.
 */
async function readStoredManifest(
  store: Store,
  image: StorageImageRecord,
  pinned: string | undefined,
): Promise<VerifiedManifest> {
  if (pinned !== undefined && !image.bigDataNames.includes(`manifest-${pinned}`)) {
    throw new StrataError(
      'NOT_FOUND',
      `image ${image.id} in ${store.graphRoot} has no manifest ${pinned}`,
      { subject: pinned },
    )
  }
  // Like c/image: a pinned digest reads its own manifest; otherwise the image's "manifest",
  // the one last written (falling back to the one its digest names).
  const fallback = image.digest !== undefined ? `manifest-${image.digest}` : 'manifest'
  const key =
    pinned !== undefined
      ? `manifest-${pinned}`
      : image.bigDataNames.includes('manifest') || !image.bigDataNames.includes(fallback)
        ? 'manifest'
        : fallback
  const path = bigDataPath(store, image.id, key)
  let bytes: Uint8Array
  try {
    bytes = await readStoreFile(store.graphRoot, path, `the manifest of image ${image.id}`, {
      maxBytes: MAX_MANIFEST_BYTES,
      what: 'a manifest',
    })
  } catch (error) {
    throw fileError(error, path, `the manifest of image ${image.id}`)
  }
  const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`
  const recorded = image.bigDataDigests[key] ?? (key === 'manifest' ? image.digest : undefined)
  if (recorded !== undefined && recorded !== digest) {
    throw new StrataError(
      'DIGEST_MISMATCH',
      `${path} hashes to ${digest}, but images.json records ${recorded}; the file is corrupted or replaced, refused`,
      { subject: path, expectedDigest: recorded, actualDigest: digest },
    )
  }
  try {
    const parsed = parseManifestBytes(bytes)
    return {
      descriptor: { mediaType: parsed.mediaType, digest, size: bytes.byteLength },
      bytes,
      parsed,
    }
  } catch (error) {
    throw withPath(error, path)
  }
}

export class ContainersStorageSource implements PlainImageSource<'containers-storage'> {
  readonly kind = 'containers-storage'
  readonly ref: string
  readonly label: string
  readonly warnings: readonly ImageWarning[]

  constructor(
    ref: StorageRef,
    readonly store: Store,
    readonly image: StorageImageRecord,
    private readonly chain: readonly StorageLayerRecord[],
    /** The manifest as podman stored it (its layers may be compressed blobs storage lacks). */
    readonly stored: VerifiedManifest,
    private readonly served: VerifiedManifest,
    readonly rewritten: boolean,
  ) {
    this.ref = formatSourceRef(ref)
    const name = ref.image
    const where = `containers-storage ${store.graphRoot} (${store.driver})`
    // The rewritten manifest is said once, as the source's warning, not again in its label.
    this.label = `${where}: ${name}`
    this.warnings = rewritten
      ? [{ kind: 'uncompressedLayers', image: name, storedManifest: stored.descriptor.digest }]
      : []
  }

  resolve(options?: SourceCallOptions): Promise<Descriptor> {
    options?.signal?.throwIfAborted()
    return Promise.resolve(this.served.descriptor)
  }

  async fetchManifest(
    descriptor: Descriptor,
    options?: SourceCallOptions,
  ): Promise<VerifiedManifest> {
    options?.signal?.throwIfAborted()
    for (const known of [this.served, this.stored]) {
      if (known.descriptor.digest === descriptor.digest) return known
    }
    const key = `manifest-${descriptor.digest}`
    if (!this.image.bigDataNames.includes(key)) {
      throw new StrataError(
        'NOT_FOUND',
        `image ${this.image.id} in ${this.store.graphRoot} has no manifest ${descriptor.digest}`,
        { subject: descriptor.digest },
      )
    }
    const path = bigDataPath(this.store, this.image.id, key)
    const bytes = await readVerifiedFile(path, await this.sized(descriptor, path), {
      maxBytes: MAX_MANIFEST_BYTES,
      root: this.store.graphRoot,
    })
    try {
      return { descriptor, bytes, parsed: parseManifestBytes(bytes, descriptor.mediaType) }
    } catch (error) {
      throw withPath(error, path)
    }
  }

  async fetchSmallBlob(descriptor: Descriptor, options?: SourceCallOptions): Promise<VerifiedBlob> {
    options?.signal?.throwIfAborted()
    if (!this.image.bigDataNames.includes(descriptor.digest)) throw this.noBlob(descriptor)
    const path = bigDataPath(this.store, this.image.id, descriptor.digest)
    const sized = await this.sized(descriptor, path)
    const bytes = await readVerifiedFile(path, sized, {
      maxBytes: MAX_SMALL_BLOB_BYTES,
      root: this.store.graphRoot,
      ...(options?.signal ? { signal: options.signal } : {}),
    })
    return { descriptor: sized, bytes }
  }

  async openBlob(descriptor: Descriptor, options?: SourceCallOptions): Promise<Readable> {
    options?.signal?.throwIfAborted()
    const layer = this.chain.find((l) => l.diffDigest === descriptor.digest)
    if (layer === undefined) {
      if (this.image.bigDataNames.includes(descriptor.digest)) {
        return Readable.from([Buffer.from((await this.fetchSmallBlob(descriptor, options)).bytes)])
      }
      throw this.noBlob(descriptor)
    }
    if (layer.incomplete) {
      throw new StrataError(
        'UNAVAILABLE',
        `layer ${layer.id} in ${this.store.graphRoot} is incomplete: podman is still writing it (or was interrupted); try again later`,
        { subject: layer.id },
      )
    }
    const sized =
      descriptor.size === UNKNOWN_SIZE ? { ...descriptor, size: layer.diffSize ?? 0 } : descriptor
    const tarSplit = tarSplitPath(this.store, layer.id)
    const diffDir = layerDiffDir(this.store, layer.id)
    await this.checkReadable(diffDir, layer)
    await this.checkReadable(dirname(tarSplit), layer)
    const assembled = assembleLayerTar(tarSplit, diffDir, layer.id, options?.signal)
    return verifiedStream(
      assembled,
      sized,
      `layer ${layer.id} (rebuilt from ${tarSplit} and ${diffDir})`,
    )
  }

  commandsFor(target: CommandTarget): readonly EquivalentCommand[] {
    const custom = this.ref.startsWith('containers-storage:[')
    const store = this.store
    return containersStorageCommands(
      {
        storeSpec: custom ? `[${store.driver}@${store.graphRoot}+${store.runRoot}]` : '',
        podmanFlags: custom
          ? ` --root ${store.graphRoot} --runroot ${store.runRoot} --storage-driver ${store.driver}`
          : '',
        image: this.image.names[0] ?? this.image.id,
        rootDigest: this.served.descriptor.digest,
        layerOf: (digest) => {
          const layer = this.chain.find(
            (l) => l.diffDigest === digest || l.compressedDiffDigest === digest,
          )
          return layer === undefined
            ? undefined
            : { id: layer.id, diffDir: layerDiffDir(store, layer.id) }
        },
        layersJson: layersJsonPath(store),
      },
      target,
    )
  }

  private noBlob(descriptor: Descriptor): StrataError {
    const compressed = this.chain.find((l) => l.compressedDiffDigest === descriptor.digest)
    if (compressed !== undefined) {
      return new StrataError(
        'NOT_FOUND',
        `containers-storage keeps layer ${compressed.id} only unpacked: its compressed blob ${descriptor.digest} cannot be reproduced; read it as ${compressed.diffDigest ?? 'its diff digest'} (uncompressed) instead`,
        { subject: descriptor.digest },
      )
    }
    return new StrataError(
      'NOT_FOUND',
      `image ${this.image.id} in ${this.store.graphRoot} has no blob ${descriptor.digest}`,
      { subject: descriptor.digest },
    )
  }

  private async sized(descriptor: Descriptor, path: string): Promise<Descriptor> {
    if (descriptor.size !== UNKNOWN_SIZE) return descriptor
    try {
      return { ...descriptor, size: (await stat(path)).size }
    } catch (error) {
      throw fileError(error, path, `blob ${descriptor.digest}`)
    }
  }

  /**
   * Opening errors (a deleted or unreadable layer) are thrown here, not mid-stream; and no
   * directory between the graph root and the layer's files may be a symbolic link (layer
   * contents are read through their real paths, never through overlay's l/ links).
   */
  private async checkReadable(dir: string, layer: StorageLayerRecord): Promise<void> {
    await checkStoreDirectory(this.store.graphRoot, dir, `the files of layer ${layer.id}`)
  }
}
