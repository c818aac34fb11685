// A container opened as an image source: the image it was created from, with the container's
// writable layer added on top of the image manifest's layers. The writable layer is live (the
// container may still write to it), so it has no digest of its own: Strata builds it as a tar
// from what the store shows, hashes that once when the container is opened, and names the
// layer by that hash, labelled as a live layer. Everything else is served, and verified, by
// the image's own source. Nothing is started, stopped, mounted or written.

import { createHash } from 'node:crypto'
import { Readable, Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ContainerInfo, EquivalentCommand, ImageWarning } from '../../../shared/api'
import { StrataError } from '../../../shared/errors'
import { MEDIA_TYPES } from '../../../shared/oci/mediaTypes'
import { parseManifestBytes } from '../../../shared/oci/parseManifest'
import type { Descriptor } from '../../../shared/oci/types'
import type {
  ImageSource,
  PlainImageSource,
  SourceCallOptions,
  VerifiedBlob,
  VerifiedManifest,
} from '../../sources/imageSource'
import { pickImage } from '../../sources/openImage'
import { digestCheck } from '../../sources/verify'
import type { CommandTarget } from '../discovery/storeCommands'
import type { LiveEntry } from './liveLayerTar'
import { liveLayerTar } from './liveLayerTar'

/** Annotation on the writable layer's descriptor: what its digest is and is not. */
export const LIVE_LAYER_ANNOTATION = 'io.strata.container.live-layer'
export const LIVE_LAYER_NOTE =
  'live layer, not content-addressed: the digest is of the tar Strata built from the container when it was opened'

/** What the container source needs from its store. */
export interface ContainerStore {
  readonly info: ContainerInfo
  /** The image the container was created from, opened by its own source. */
  readonly image: ImageSource
  /** The writable layer's entries, bottom-up order irrelevant (sorted by path). */
  readonly entries: (signal?: AbortSignal) => AsyncIterable<LiveEntry>
  /** Says NOT_FOUND when the container is gone, otherwise nothing. */
  readonly checkPresent: (signal?: AbortSignal) => Promise<void>
  /** "docker diff NAME", "podman diff NAME" with the store's flags. */
  readonly diffCommands: readonly EquivalentCommand[]
  readonly ref: string
  readonly where: string
}

export type ContainerSource = PlainImageSource<'docker-daemon' | 'containers-storage'> & {
  readonly container: ContainerInfo
  /** The writable layer's descriptor (the manifest's last layer). */
  readonly liveLayer: Descriptor
}

export async function openContainerSource(
  store: ContainerStore,
  signal?: AbortSignal,
): Promise<ContainerSource> {
  const call = signal !== undefined ? { signal } : {}
  const picked = await pickImage(store.image, call)
  const liveLayer = await hashLiveLayer(store, signal)
  const document = { ...picked.manifest, layers: [...picked.manifest.layers, liveLayer] }
  const bytes = new TextEncoder().encode(JSON.stringify(document))
  const descriptor: Descriptor = {
    mediaType: picked.descriptor.mediaType,
    digest: `sha256:${createHash('sha256').update(bytes).digest('hex')}`,
    size: bytes.byteLength,
  }
  const served: VerifiedManifest = {
    descriptor,
    bytes,
    parsed: parseManifestBytes(bytes, descriptor.mediaType),
  }
  return new LiveContainerSource(store, served, liveLayer)
}

async function hashLiveLayer(store: ContainerStore, signal?: AbortSignal): Promise<Descriptor> {
  const hash = createHash('sha256')
  let size = 0
  await pipeline(
    liveLayerTar(store.entries(signal), store.where, signal),
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        hash.update(chunk)
        size += chunk.length
        callback()
      },
    }),
  )
  return {
    mediaType: MEDIA_TYPES.ociLayer,
    digest: `sha256:${hash.digest('hex')}`,
    size,
    annotations: { [LIVE_LAYER_ANNOTATION]: LIVE_LAYER_NOTE },
  }
}

class LiveContainerSource {
  readonly kind: 'docker-daemon' | 'containers-storage'
  readonly ref: string
  readonly label: string
  readonly warnings: readonly ImageWarning[]
  readonly container: ContainerInfo

  constructor(
    private readonly store: ContainerStore,
    private readonly served: VerifiedManifest,
    readonly liveLayer: Descriptor,
  ) {
    this.kind = store.info.store
    this.ref = store.ref
    this.container = store.info
    this.label = `container ${store.info.name} (${store.where})`
    this.warnings = [
      ...(store.image.warnings ?? []),
      { kind: 'liveLayer', container: store.info.name },
    ]
  }

  resolve(options?: SourceCallOptions): Promise<Descriptor> {
    options?.signal?.throwIfAborted()
    return Promise.resolve(this.served.descriptor)
  }

  fetchManifest(descriptor: Descriptor, options?: SourceCallOptions): Promise<VerifiedManifest> {
    if (descriptor.digest === this.served.descriptor.digest) return Promise.resolve(this.served)
    return this.store.image.fetchManifest(descriptor, options)
  }

  fetchSmallBlob(descriptor: Descriptor, options?: SourceCallOptions): Promise<VerifiedBlob> {
    return this.store.image.fetchSmallBlob(descriptor, options)
  }

  async openBlob(descriptor: Descriptor, options?: SourceCallOptions): Promise<Readable> {
    if (descriptor.digest !== this.liveLayer.digest) {
      return this.store.image.openBlob(descriptor, options)
    }
    const signal = options?.signal
    await this.store.checkPresent(signal)
    const tar = liveLayerTar(this.store.entries(signal), this.store.where, signal)
    const check = digestCheck(this.liveLayer, { local: this.store.where })
    tar.on('error', (error) => check.destroy(error))
    return Readable.from(changedSinceOpened(tar.pipe(check), this.store.info.name))
  }

  commandsFor(target: CommandTarget): readonly EquivalentCommand[] {
    if (target.kind === 'blob' && target.digest === this.liveLayer.digest) {
      return this.store.diffCommands
    }
    return this.store.image.commandsFor(target)
  }
}

/** A live layer that no longer hashes the same was written to since it was opened. */
async function* changedSinceOpened(stream: Readable, name: string): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of stream) yield chunk as Buffer
  } catch (error) {
    if (error instanceof StrataError && error.code === 'DIGEST_MISMATCH') {
      throw new StrataError(
        'DIGEST_MISMATCH',
        `the writable layer of container ${name} changed since it was opened (the container wrote to it); reopen the container`,
        { subject: name },
      )
    }
    throw error
  } finally {
    stream.destroy()
  }
}
