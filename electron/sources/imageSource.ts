// The one shape every source answers to: a registry repository, an OCI layout, an archive, a
// local store. The graph builder and the api handlers only ever see this union; they narrow on
// `kind` to label a source or to reach what only its kind has (ranges, rate limits).

import type { Readable } from 'node:stream'
import type { EquivalentCommand, ImageWarning, RateLimitInfo } from '../../shared/api'
import type { ImageReference } from '../../shared/reference'
import type { Descriptor, ParsedManifest } from '../../shared/oci/types'
import type { ByteRange, RangedBlob } from './rangedBlob'

export type SourceKind =
  | 'registry'
  | 'oci-layout'
  | 'oci-archive'
  | 'docker-archive'
  | 'dir'
  | 'containers-storage'
  | 'docker-daemon'
  | 'containerd'

/** A manifest or index whose bytes hashed to its digest and whose JSON passed validation. */
export interface VerifiedManifest {
  readonly descriptor: Descriptor
  readonly bytes: Uint8Array
  readonly parsed: ParsedManifest
}

/** A small blob (a config) read whole, verified against digest and size. */
export interface VerifiedBlob {
  readonly descriptor: Descriptor
  readonly bytes: Uint8Array
}

export interface SourceCallOptions {
  readonly signal?: AbortSignal
}

/**
 * Size note: a descriptor whose `size` is -1 means "only the digest is known" (a digest the
 * user clicked in a document). Sources then verify the digest, enforce their size cap, and
 * report the real size in the returned descriptor.
 */
export const UNKNOWN_SIZE = -1

/** What every source answers, whatever its kind: byte access, labels and commands. */
interface SourceBase {
  /** Canonical reference of what was opened ("docker://host/repo:tag", "oci:/path:tag"). */
  readonly ref: string
  /** Human label: "registry 127.0.0.1:5000", "OCI layout /tmp/x". */
  readonly label: string

  /** The descriptor the reference names (tag → digest, media type, size). */
  resolve(options?: SourceCallOptions): Promise<Descriptor>
  /** A manifest or index by descriptor, verified and parsed. */
  fetchManifest(descriptor: Descriptor, options?: SourceCallOptions): Promise<VerifiedManifest>
  /** A small blob by descriptor (configs, artifact payloads), verified, under a size cap. */
  fetchSmallBlob(descriptor: Descriptor, options?: SourceCallOptions): Promise<VerifiedBlob>
  /** A blob as a stream (layers); the stream errors with DIGEST_MISMATCH if it does not verify. */
  openBlob(descriptor: Descriptor, options?: SourceCallOptions): Promise<Readable>
  /** Commands that fetch the same object by hand. */
  commandsFor(target: {
    readonly digest?: string
    readonly kind: 'manifest' | 'blob'
  }): readonly EquivalentCommand[]
  /**
   * What the user should know about how this source presents the image: a manifest Strata
   * synthesized (legacy docker-archive), layers named by diff digest (containers-storage).
   */
  readonly warnings?: readonly ImageWarning[]
}

/** Sources that can seek: HTTP Range on a registry, a file read at an offset in a layout. */
export interface RangedBlobReader {
  /**
   * An inclusive byte range of a blob. A `partial` answer is NOT digest-verified (a range
   * cannot be): callers check it against hashes they recorded from a verified read. `whole` =
   * the source sent the whole blob instead (verified while streaming).
   */
  openBlobRange(
    descriptor: Descriptor,
    range: ByteRange,
    options?: SourceCallOptions,
  ): Promise<RangedBlob>
}

/** A repository on a registry (docker://). */
export interface RegistryImageSource extends SourceBase, RangedBlobReader {
  readonly kind: 'registry'
  readonly reference: ImageReference
  /** Latest rate-limit headers seen. */
  rateLimit(): RateLimitInfo | undefined
}

/** An OCI image layout directory (oci:). */
export interface OciLayoutImageSource extends SourceBase, RangedBlobReader {
  readonly kind: 'oci-layout'
}

/** An image in containerd's content store, read through its API (containerd:). */
export interface ContainerdImageSource extends SourceBase, RangedBlobReader {
  readonly kind: 'containerd'
}

/** The kinds that offer byte access only. */
export type PlainSourceKind = Exclude<SourceKind, 'registry' | 'oci-layout' | 'containerd'>

export interface PlainImageSource<K extends PlainSourceKind = PlainSourceKind> extends SourceBase {
  readonly kind: K
}

/**
 * Every source, discriminated on `kind`: code that needs a kind's own capability (a registry's
 * rate limit, a seekable source's ranges) narrows on `kind` rather than probing members.
 */
export type ImageSource =
  | RegistryImageSource
  | OciLayoutImageSource
  | PlainImageSource<'oci-archive'>
  | PlainImageSource<'docker-archive'>
  | PlainImageSource<'dir'>
  | PlainImageSource<'containers-storage'>
  | PlainImageSource<'docker-daemon'>
  | ContainerdImageSource

/** The source's ranged reads, if its kind can seek. */
export function rangedReaderOf(source: ImageSource): RangedBlobReader | undefined {
  switch (source.kind) {
    case 'registry':
    case 'oci-layout':
    case 'containerd':
      return source
    default:
      return undefined
  }
}

/** The latest rate-limit headers seen, for a registry; undefined for every other kind. */
export function rateLimitOf(source: ImageSource): RateLimitInfo | undefined {
  return source.kind === 'registry' ? source.rateLimit() : undefined
}
