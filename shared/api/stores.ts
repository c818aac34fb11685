// The stores feature's part of the api contract: the local image stores Strata found on this
// machine (the sources sidebar lists them), what a path or dropped file opens as, and the
// storage view of a containers-storage store.

import type { ApiError } from '../errors'
import type { Operation } from './common'

export interface LocalStoreImage {
  /**
   * Image ID ("sha256:…", the config digest). containerd names an image by the digest its
   * record points at (a manifest or an index), so for containerd this is that digest.
   */
  readonly id: string
  /** Tags ("example.com/app:v1"); empty for an untagged image. */
  readonly names: readonly string[]
  /** Manifest digests the store knows for the image (registry digests for Docker). */
  readonly digests: readonly string[]
  readonly created?: string
  readonly size?: number
  /** A source reference that opens the image. */
  readonly ref: string
}

export interface LocalStore {
  readonly kind: 'docker-daemon' | 'containers-storage' | 'containerd'
  /**
   * The store in English, for logs. The sidebar words its own title from kind, namespace,
   * driver and location in the language shown (renderer/features/stores/storeText.ts).
   */
  readonly label: string
  /** The socket, or the graph root. */
  readonly location: string
  /** containerd: the namespace this entry lists (one entry per namespace). */
  readonly namespace?: string
  readonly images: readonly LocalStoreImage[]
  /** Set when the store exists but could not be read (permission denied, locked). */
  readonly error?: ApiError
  readonly driver?: string
  readonly rootless?: boolean
  /** The store's containers (docker-daemon and containers-storage); absent when not listed. */
  readonly containers?: readonly ContainerInfo[]
}

/**
 * A container of a local store: the image it was created from and its writable layer, as
 * `docker ps -a -s` or podman's containers.json shows them. Strata only reads it.
 */
export interface ContainerInfo {
  readonly store: 'docker-daemon' | 'containers-storage'
  readonly id: string
  /** The first name without a leading "/", else the short ID. */
  readonly name: string
  readonly names: readonly string[]
  /** The image as the container names it (a name, or an ID). */
  readonly image: string
  /** The image's ID ("sha256:…"), when the store says. */
  readonly imageId?: string
  /** "created", "running", "exited"… (docker); absent when the store does not record it. */
  readonly state?: string
  /** Bytes in the writable layer (docker's SizeRw; containers-storage: the layer's files). */
  readonly sizeRw?: number
  /** Writable layer plus image (docker's SizeRootFs, the "virtual" size). */
  readonly sizeRootFs?: number
  readonly created?: string
  /** A source reference that opens the container ("container:docker-daemon:NAME"). */
  readonly ref: string
}

export interface DescribeStorageArgs {
  /**
   * A containers-storage reference whose store to describe ("containers-storage:",
   * "containers-storage:[vfs@/graph+/run]x"); absent: the store podman uses by default.
   */
  readonly ref?: string
}

/** What a path or dropped file opens as: the source reference to navigate to. */
export interface PathProbe {
  readonly ref: string
  /** What the path holds, as a code (the renderer words it; the ref's transport says the same). */
  readonly kind: PathProbeKind
}

export type PathProbeKind = 'ociLayout' | 'skopeoDir' | 'dockerArchive' | 'ociArchive'

/**
 * Why stores:probePath refused a path that exists, as the BAD_INPUT error's `detail.cause`
 * (with the path as `detail.subject`), so the renderer words it in the language shown.
 */
export const PATH_PROBE_REFUSALS = [
  'notAbsolute', // a relative path
  'notImageDirectory', // a folder with neither oci-layout nor manifest.json
  'gzipCompressed', // a gzip-compressed file: gunzip it first
  'zstdCompressed', // a zstd-compressed file: zstd -d it first
  'notImageArchive', // a tar with neither manifest.json nor oci-layout + index.json
] as const

export type PathProbeRefusal = (typeof PATH_PROBE_REFUSALS)[number]

export function isPathProbeRefusal(value: unknown): value is PathProbeRefusal {
  return typeof value === 'string' && (PATH_PROBE_REFUSALS as readonly string[]).includes(value)
}

// The storage view of a containers-storage store (podman / buildah): what is on disk and how
// it fits together.
//
// The view teaches what a podman store is: an image is a config ID with names; its layers are
// a parent chain of storage layer IDs; each layer has three different digests (its storage ID,
// the digest of its uncompressed tar, the digest of the compressed blob it was pulled as); and
// with the overlay driver each layer is a directory with diff/, link, lower, merged/, work/
// plus a short name under l/ that keeps overlay mount options short.

export interface StorageView {
  readonly graphRoot: string
  readonly runRoot: string
  readonly driver: 'overlay' | 'vfs'
  /** The storage.conf files the location came from (empty for an explicit [store]). */
  readonly configFiles: readonly string[]
  readonly images: readonly StorageViewImage[]
  /** Bottom layers first within each chain; every layer once. */
  readonly layers: readonly StorageViewLayer[]
  readonly containers: readonly StorageViewContainer[]
  /** overlay's l/ directory: short name → layer diff directory. Empty for vfs. */
  readonly shortLinks: readonly StorageShortLink[]
}

export interface StorageViewImage {
  /** The image ID: the hex of its config digest. */
  readonly id: string
  readonly names: readonly string[]
  /** Every name the image ever had, newest first: where a moved tag used to point. */
  readonly namesHistory: readonly string[]
  /** Digest of the manifest the image was pulled or committed with. */
  readonly digest?: string
  readonly digests: readonly string[]
  readonly created?: string
  /** Storage layer IDs, bottom first; the last is the image's top layer. */
  readonly layerIds: readonly string[]
  /** Files in DRIVER-images/ID/: manifests, config, signatures (keys base64'd when unsafe). */
  readonly bigData: readonly StorageBigData[]
  readonly directory: string
  /** A source reference that opens this image in the graph. */
  readonly ref: string
}

export interface StorageBigData {
  readonly key: string
  readonly path: string
  readonly size?: number
  readonly digest?: string
}

export interface StorageViewLayer {
  /** Storage's own ID: the chain ID of this layer and its parents, not a content digest. */
  readonly id: string
  readonly parent?: string
  /** sha256 of the uncompressed tar: the config's diff ID. */
  readonly diffDigest?: string
  /** sha256 of the compressed blob it was pulled as (what the registry manifest names). */
  readonly compressedDiffDigest?: string
  readonly diffSize?: number
  readonly compressedSize?: number
  readonly created?: string
  /** Still being written, or left behind by an interrupted pull. */
  readonly incomplete: boolean
  /** DRIVER-layers/ID.tar-split.gz: the tar headers that rebuild the layer's exact tar. */
  readonly tarSplit: string
  readonly directories: StorageLayerDirectories
  /** Images whose layer chain includes this layer. */
  readonly usedByImages: readonly string[]
  /** Containers whose writable layer is this one or sits on it. */
  readonly usedByContainers: readonly string[]
  /** This is a container's writable layer, not an image layer. */
  readonly containerLayer: boolean
}

export interface StorageLayerDirectories {
  /** The layer's files (overlay ID/diff, vfs dir/ID). */
  readonly diff: string
  /** overlay: the file holding the layer's short name, and that name (a link in l/). */
  readonly link?: string
  readonly shortName?: string
  /** overlay: the file listing lower layers as l/NAME, topmost first, and those names. */
  readonly lower?: string
  readonly lowerLinks?: readonly string[]
  /** overlay: mount point and overlayfs work directory, when they exist. */
  readonly merged?: string
  readonly work?: string
}

export interface StorageShortLink {
  /** The name in l/ (26 characters). */
  readonly name: string
  /** Where the link points (../ID/diff). */
  readonly target: string
  readonly layerId?: string
}

export interface StorageViewContainer {
  readonly id: string
  readonly names: readonly string[]
  readonly image: string
  /** The container's writable layer. */
  readonly layer: string
  readonly created?: string
}

export interface StoresOperations {
  'stores:discover': Operation<Record<string, never>, readonly LocalStore[]>
  'stores:describeStorage': Operation<DescribeStorageArgs, StorageView>
  'stores:probePath': Operation<{ readonly path: string }, PathProbe>
}
