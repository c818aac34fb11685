// The one shape every source answers to: a registry repository, an OCI layout, an archive, a
// local store. The graph builder and the api handlers only ever see this interface; they know
// which kind of source they hold only to label it.

import type { Readable } from 'node:stream'
import type { EquivalentCommand, RateLimitInfo } from '../../shared/api'
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

export interface ImageSource {
  readonly kind: SourceKind
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
  /**
   * An inclusive byte range of a blob, for sources that can seek (HTTP Range, a file read at
   * an offset). A `partial` answer is NOT digest-verified (a range cannot be): callers check
   * it against hashes they recorded from a verified read. `whole` = the source sent the whole
   * blob instead (verified while streaming).
   */
  openBlobRange?(
    descriptor: Descriptor,
    range: ByteRange,
    options?: SourceCallOptions,
  ): Promise<RangedBlob>
  /** Commands that fetch the same object by hand. */
  commandsFor(target: {
    readonly digest?: string
    readonly kind: 'manifest' | 'blob'
  }): readonly EquivalentCommand[]
  /**
   * What the user should know about how this source presents the image: a manifest Strata
   * synthesized (legacy docker-archive), layers named by diff digest (containers-storage).
   */
  readonly warnings?: readonly string[]
  /** Latest rate-limit headers seen, for registries. */
  rateLimit?(): RateLimitInfo | undefined
}
