// OCI image-spec and Docker image documents, read-only models. Field names follow the specs;
// everything a registry sends is untrusted until shared/oci/validate.ts has accepted it.

export type Digest = string // "algorithm:encoded", checked by shared/digest.ts
export type Annotations = Readonly<Record<string, string>>

export interface Platform {
  readonly architecture: string
  readonly os: string
  readonly 'os.version'?: string
  readonly 'os.features'?: readonly string[]
  readonly variant?: string
  readonly features?: readonly string[]
}

export interface Descriptor {
  readonly mediaType: string
  readonly digest: Digest
  readonly size: number
  readonly urls?: readonly string[]
  readonly annotations?: Annotations
  readonly data?: string
  readonly artifactType?: string
  readonly platform?: Platform
}

/** OCI image index or Docker manifest list. */
export interface ImageIndex {
  readonly schemaVersion: 2
  readonly mediaType?: string
  readonly artifactType?: string
  readonly manifests: readonly Descriptor[]
  readonly subject?: Descriptor
  readonly annotations?: Annotations
}

/** OCI image manifest or Docker image manifest v2 schema 2. */
export interface ImageManifest {
  readonly schemaVersion: 2
  readonly mediaType?: string
  readonly artifactType?: string
  readonly config: Descriptor
  readonly layers: readonly Descriptor[]
  readonly subject?: Descriptor
  readonly annotations?: Annotations
}

/** Docker image manifest v2 schema 1 (signed or not): read-only, shown but never followed. */
export interface Schema1Manifest {
  readonly schemaVersion: 1
  readonly name: string
  readonly tag: string
  readonly architecture?: string
  readonly fsLayers: readonly { readonly blobSum: Digest }[]
  readonly history?: readonly { readonly v1Compatibility: string }[]
  readonly signatures?: readonly unknown[]
}

export interface HistoryEntry {
  readonly created?: string
  readonly created_by?: string
  readonly author?: string
  readonly comment?: string
  readonly empty_layer?: boolean
}

export interface ImageConfigRuntime {
  readonly User?: string
  readonly ExposedPorts?: Readonly<Record<string, object>>
  readonly Env?: readonly string[]
  readonly Entrypoint?: readonly string[] | null
  readonly Cmd?: readonly string[] | null
  readonly Volumes?: Readonly<Record<string, object>>
  readonly WorkingDir?: string
  readonly Labels?: Readonly<Record<string, string>> | null
  readonly StopSignal?: string
}

/** OCI image configuration (application/vnd.oci.image.config.v1+json) or Docker's. */
export interface ImageConfig {
  readonly created?: string
  readonly author?: string
  readonly architecture: string
  readonly os: string
  readonly 'os.version'?: string
  readonly 'os.features'?: readonly string[]
  readonly variant?: string
  readonly config?: ImageConfigRuntime
  readonly rootfs: { readonly type: string; readonly diff_ids: readonly Digest[] }
  readonly history?: readonly HistoryEntry[]
}

/** A manifest-like document after parsing: which of the three shapes it is. */
export type ParsedManifest =
  | { readonly kind: 'index'; readonly mediaType: string; readonly document: ImageIndex }
  | { readonly kind: 'manifest'; readonly mediaType: string; readonly document: ImageManifest }
  | { readonly kind: 'schema1'; readonly mediaType: string; readonly document: Schema1Manifest }
