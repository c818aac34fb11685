// The image feature's part of the api contract: what a reference resolves to (summary), its
// graph of index, manifests, config and layers, raw objects by digest, the equivalent commands
// shown beside them, and its referrers (signatures, SBOMs and attestations whose `subject` is a
// given manifest).

import type { ApiError } from '../errors'
import type { ObjectKind } from '../oci/mediaTypes'
import type { ObjectWords } from '../oci/objectWords'
import type { Annotations, Digest, Platform } from '../oci/types'
import type { EquivalentCommand } from './commands'
import type { Operation, RateLimitInfo } from './common'
import type { LayerTocFormat } from './files'
import type { ContainerInfo } from './stores'

/** What one tag (or digest) resolves to, for the tags list. */
export interface ImageSummary {
  /** Canonical source reference ("docker://127.0.0.1:5000/demo/app:v1", "oci:/path:tag"). */
  readonly ref: string
  readonly digest: Digest
  readonly mediaType: string
  readonly kind: ObjectKind
  /** Sum of the manifest, config and layer sizes; for an index, of every image it names. */
  readonly totalSize: number
  /** "linux/amd64", "linux/arm/v7"; one entry for a single-platform image. */
  readonly platforms: readonly string[]
  /** Config `created`, else the org.opencontainers.image.created annotation (ISO 8601). */
  readonly created?: string
  readonly rateLimit?: RateLimitInfo
}

export type GraphNodeRole =
  | 'root'
  | 'platform' // a manifest an index lists for a platform
  | 'attestation' // a manifest that carries provenance/SBOM, not a runnable platform
  | 'nested-index'
  | 'config'
  | 'layer'
  | 'subject' // what an artifact refers to
  | 'referrer' // an artifact that refers to this node
  | 'blob'
  | 'container' // a container standing on the image (the renderer draws it from ImageGraph.container)

export interface GraphNode {
  /** Stable id inside one graph: the digest. A layer shared by two manifests is one node. */
  readonly id: string
  readonly digest: Digest
  readonly mediaType: string
  readonly size: number
  /** 'container': the node the renderer adds for ImageGraph.container; never sent by the main side. */
  readonly kind: ObjectKind | 'container'
  readonly role: GraphNodeRole
  /** Plain-language kind: "OCI index", "Docker manifest list", "gzip layer". */
  readonly label: string
  readonly explanation: string
  /**
   * Label and explanation as keys, for the renderer to word in the language shown. Absent only
   * on the container node the renderer adds, whose label is the container's name.
   */
  readonly words?: ObjectWords
  readonly platform?: Platform
  /** What the descriptor naming this object says (for the root: what resolving it said). */
  readonly annotations?: Annotations
  readonly artifactType?: string
  /** The document's own `annotations` and `artifactType`, for manifests and indexes. */
  readonly documentAnnotations?: Annotations
  readonly documentArtifactType?: string
  /** The verified document text for manifests, indexes and configs (not layers). */
  readonly document?: string
  /** Why the document could not be shown, when fetching or verifying it failed. */
  readonly documentError?: ApiError
  /** Set when the media type is not one Strata knows: the raw JSON is shown with a warning. */
  readonly unknownMediaType?: boolean
  /** For layers: the config's history steps that produced it (created_by), in order. */
  readonly history?: readonly string[]
  /** For layers whose descriptor announces a table of contents: eStargz or zstd:chunked. */
  readonly layerFormat?: LayerTocFormat
  readonly commands: readonly EquivalentCommand[]
}

export interface GraphEdge {
  readonly from: string
  readonly to: string
  /** 'image': from a container to the manifest of the image it stands on. */
  readonly relation: 'manifest' | 'config' | 'layer' | 'subject' | 'referrer' | 'image'
  /** Position in the parent's list (layer 0 is the bottom layer). */
  readonly position: number
}

/**
 * A non-fatal problem with an image or with how its source was read, as a code and its data: the
 * renderer words it in the language shown (shared/imageWarningText.ts has the English, for logs).
 * A nested failure travels as the ApiError it was, worded from its code.
 */
export type ImageWarning =
  /** Indexes nest deeper than the graph follows. */
  | { readonly kind: 'depthLimit'; readonly depth: number }
  /** The graph reached its object budget; the rest is not shown. */
  | { readonly kind: 'nodeLimit'; readonly maxNodes: number }
  /** A child manifest, index or config that could not be fetched or verified. */
  | {
      readonly kind: 'documentUnreadable'
      readonly role: 'manifest' | 'config'
      readonly digest: Digest
      readonly error: ApiError
    }
  /** Docker schema 1: read-only, layers without sizes, no files view. */
  | { readonly kind: 'schema1ReadOnly' }
  /** The referrers lookup failed or took too long (error absent: too long). */
  | { readonly kind: 'referrersNotShown'; readonly error?: ApiError }
  /** The referrers of one manifest could not be listed. */
  | { readonly kind: 'referrersUnreadable'; readonly subject: Digest; readonly error: ApiError }
  /** The top layer is a container's writable layer, built when it was opened. */
  | { readonly kind: 'liveLayer'; readonly container: string }
  /** containers-storage keeps no compressed blobs: the manifest names the uncompressed layers. */
  | { readonly kind: 'uncompressedLayers'; readonly image: string; readonly storedManifest: Digest }
  /** A docker save archive: the manifest was synthesized from its manifest.json. */
  | { readonly kind: 'synthesizedManifest'; readonly location: string }
  /** A docker save archive whose OCI layout part could not be read: manifest.json alone used. */
  | {
      readonly kind: 'archiveLayoutUnreadable'
      readonly location: string
      readonly error: ApiError
    }
  /** An index.json entry that cannot be opened (the layout's other images open). */
  | {
      readonly kind: 'brokenLayoutEntry'
      /** The index.json file (or archive member) that lists it. */
      readonly where: string
      /** Its position in `manifests`, from 0. */
      readonly position: number
      readonly names: readonly string[]
      readonly digest?: string
      /** Its code and, in `message`, what is wrong with it (English, technical). */
      readonly error: ApiError
    }
  /** A skopeo dir: without a version file, read because it holds manifest.json. */
  | { readonly kind: 'noVersionFile'; readonly dir: string }

export interface ImageGraph {
  /** Canonical source reference the graph was built from. */
  readonly ref: string
  /** Human label of the source: "registry 127.0.0.1:5000", "OCI layout /path". */
  readonly sourceLabel: string
  readonly rootId: string
  readonly nodes: readonly GraphNode[]
  readonly edges: readonly GraphEdge[]
  /** Non-fatal problems (a child manifest that failed to load, a broken layout entry). */
  readonly warnings: readonly ImageWarning[]
  readonly rateLimit?: RateLimitInfo
  /** Set when the source is a container: it sits on top of this image's manifest. */
  readonly container?: ContainerInfo
}

export interface ObjectArgs {
  /** Source reference whose repository holds the object. */
  readonly ref: string
  readonly digest: Digest
  readonly mediaType?: string
}

/** A manifest, index or config fetched by digest and verified. */
export interface ObjectDocument {
  readonly ref: string
  readonly digest: Digest
  readonly mediaType: string
  readonly size: number
  readonly text: string
  readonly commands: readonly EquivalentCommand[]
  /** What a blob read without a media type turned out to be ("image config"), and why. */
  readonly label?: string
  readonly explanation?: string
  readonly words?: ObjectWords
}

export interface ReferrersArgs {
  /** The source reference whose repository holds the subject. */
  readonly ref: string
  /** Subject manifest; default: what `ref` resolves to. */
  readonly digest?: Digest
  readonly artifactType?: string
}

/** A manifest whose `subject` is the looked-up manifest: a signature, an SBOM, an attestation. */
export interface Referrer {
  readonly digest: Digest
  readonly mediaType: string
  readonly size: number
  /** The artifact's type (its artifactType, else its config media type). */
  readonly artifactType?: string
  readonly annotations?: Annotations
}

export interface ReferrersResult {
  readonly subject: Digest
  /**
   * 'api': the registry's Referrers API answered. 'fallback-tag': the registry lacks the API
   * and the `<alg>-<hex>` tag listed them. 'none': neither exists (no referrers known).
   * 'layout': an OCI layout's index.json entries whose subject is the manifest.
   * 'unsupported': the source is neither a registry nor an OCI layout (no referrers kept).
   */
  readonly via: 'api' | 'fallback-tag' | 'none' | 'layout' | 'unsupported'
  readonly referrers: readonly Referrer[]
  /** The artifactType filter asked for, if any (already applied to `referrers`). */
  readonly artifactType?: string
  /** Whether the registry applied the filter itself (OCI-Filters-Applied), else Strata did. */
  readonly filteredBy?: 'registry' | 'strata'
  /** The fallback tag consulted ("sha256-<hex>"). */
  readonly fallbackTag?: string
}

export interface ImageOperations {
  'image:summary': Operation<{ readonly ref: string }, ImageSummary>
  'image:graph': Operation<{ readonly ref: string }, ImageGraph>
  'image:object': Operation<ObjectArgs, ObjectDocument>
  'image:referrers': Operation<ReferrersArgs, ReferrersResult>
}
