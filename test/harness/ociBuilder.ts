// Writes OCI image layouts with Node alone, for tests and the committed sample: layers from
// tar entry specs (gzip or plain), configs, OCI or Docker manifests and indexes, tags in
// index.json. Blobs stay in memory until write(), so a pusher can also read them from here.

import { createHash } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Annotations, Descriptor, ImageConfig, Platform } from '../../shared/oci/types'
import { buildTar } from './ociTar'
import type { TarEntrySpec } from './ociTar'

export type { TarEntrySpec } from './ociTar'

export const OCI = {
  index: 'application/vnd.oci.image.index.v1+json',
  manifest: 'application/vnd.oci.image.manifest.v1+json',
  config: 'application/vnd.oci.image.config.v1+json',
  layerTar: 'application/vnd.oci.image.layer.v1.tar',
  layerGzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
  empty: 'application/vnd.oci.empty.v1+json',
} as const

export const DOCKER = {
  manifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  manifest: 'application/vnd.docker.distribution.manifest.v2+json',
  config: 'application/vnd.docker.container.image.v1+json',
  layerGzip: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
} as const

export const REF_NAME_ANNOTATION = 'org.opencontainers.image.ref.name'

/** A layer descriptor plus the digest of its uncompressed tar (the config's diff ID). */
export interface LayerDescriptor extends Descriptor {
  readonly diffId: string
}

export interface LayerOptions {
  compression: 'gzip' | 'none'
  /** Defaults to the OCI layer type for the compression; pass DOCKER.layerGzip for Docker. */
  mediaType?: string
  annotations?: Annotations
}

export interface ManifestSpec {
  config: Descriptor
  layers: readonly Descriptor[]
  mediaType?: string
  annotations?: Annotations
  subject?: Descriptor
  artifactType?: string
  /** Set on the returned descriptor, for listing the manifest in an index. */
  platform?: Platform
  /** Annotations for the returned descriptor (not the manifest itself). */
  descriptorAnnotations?: Annotations
}

export interface IndexSpec {
  manifests: readonly Descriptor[]
  mediaType?: string
  annotations?: Annotations
  subject?: Descriptor
  artifactType?: string
  platform?: Platform
  descriptorAnnotations?: Annotations
}

export function sha256Digest(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`
}

/** gzip with a fixed header (mtime 0, OS "unix") so equal input gives equal bytes. */
export function deterministicGzip(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(gzipSync(bytes, { level: 9 }))
  out[4] = out[5] = out[6] = out[7] = 0 // MTIME
  out[9] = 3 // OS = Unix
  return out
}

const encoder = new TextEncoder()

/** Only the descriptor fields the spec defines, in a stable order (drops diffId and friends). */
export function cleanDescriptor(d: Descriptor): Descriptor {
  return {
    mediaType: d.mediaType,
    ...(d.artifactType !== undefined ? { artifactType: d.artifactType } : {}),
    digest: d.digest,
    size: d.size,
    ...(d.urls !== undefined ? { urls: d.urls } : {}),
    ...(d.data !== undefined ? { data: d.data } : {}),
    ...(d.annotations !== undefined ? { annotations: d.annotations } : {}),
    ...(d.platform !== undefined ? { platform: d.platform } : {}),
  }
}

export class OciLayoutBuilder {
  readonly dir: string
  private readonly blobs = new Map<string, Uint8Array>()
  private readonly indexEntries: Descriptor[] = []
  private indexAnnotations: Annotations | undefined

  constructor(dir: string) {
    this.dir = dir
  }

  /** Stores raw bytes as a blob; every other add* goes through here. */
  addBlob(bytes: Uint8Array, mediaType: string, extra: Partial<Descriptor> = {}): Descriptor {
    const digest = sha256Digest(bytes)
    this.blobs.set(digest, bytes)
    return { ...extra, mediaType, digest, size: bytes.length }
  }

  /** Serializes a document compactly (key order as given) and stores it. */
  addJson(document: unknown, mediaType: string, extra: Partial<Descriptor> = {}): Descriptor {
    return this.addBlob(encoder.encode(JSON.stringify(document)), mediaType, extra)
  }

  addLayer(files: readonly TarEntrySpec[], options: LayerOptions): LayerDescriptor {
    const tar = buildTar(files)
    const gzip = options.compression === 'gzip'
    const bytes = gzip ? deterministicGzip(tar) : tar
    const mediaType = options.mediaType ?? (gzip ? OCI.layerGzip : OCI.layerTar)
    const extra = options.annotations ? { annotations: options.annotations } : {}
    return { ...this.addBlob(bytes, mediaType, extra), diffId: sha256Digest(tar) }
  }

  addConfig(
    config: ImageConfig | Record<string, unknown>,
    mediaType: string = OCI.config,
  ): Descriptor {
    return this.addJson(config, mediaType)
  }

  /** The two-byte `{}` config artifacts use. */
  addEmptyConfig(): Descriptor {
    return this.addBlob(encoder.encode('{}'), OCI.empty)
  }

  addManifest(spec: ManifestSpec): Descriptor {
    const mediaType = spec.mediaType ?? OCI.manifest
    const document = {
      schemaVersion: 2,
      mediaType,
      ...(spec.artifactType !== undefined ? { artifactType: spec.artifactType } : {}),
      config: cleanDescriptor(spec.config),
      layers: spec.layers.map(cleanDescriptor),
      ...(spec.subject !== undefined ? { subject: cleanDescriptor(spec.subject) } : {}),
      ...(spec.annotations !== undefined ? { annotations: spec.annotations } : {}),
    }
    return this.addJson(document, mediaType, descriptorExtras(spec))
  }

  addIndex(spec: IndexSpec): Descriptor {
    const mediaType = spec.mediaType ?? OCI.index
    const document = {
      schemaVersion: 2,
      mediaType,
      ...(spec.artifactType !== undefined ? { artifactType: spec.artifactType } : {}),
      manifests: spec.manifests.map(cleanDescriptor),
      ...(spec.subject !== undefined ? { subject: cleanDescriptor(spec.subject) } : {}),
      ...(spec.annotations !== undefined ? { annotations: spec.annotations } : {}),
    }
    return this.addJson(document, mediaType, descriptorExtras(spec))
  }

  /** Lists the descriptor in index.json under `org.opencontainers.image.ref.name: name`. */
  tag(name: string, descriptor: Descriptor): void {
    const clean = cleanDescriptor(descriptor)
    this.indexEntries.push({
      ...clean,
      annotations: { ...clean.annotations, [REF_NAME_ANNOTATION]: name },
    })
  }

  /** Lists the descriptor in index.json without a name. */
  addToIndex(descriptor: Descriptor): void {
    this.indexEntries.push(cleanDescriptor(descriptor))
  }

  setIndexAnnotations(annotations: Annotations): void {
    this.indexAnnotations = annotations
  }

  getBlob(digest: string): Uint8Array | undefined {
    return this.blobs.get(digest)
  }

  blobDigests(): readonly string[] {
    return [...this.blobs.keys()]
  }

  /** The bytes write() puts in index.json. */
  indexJson(): Uint8Array {
    const document = {
      schemaVersion: 2,
      mediaType: OCI.index,
      manifests: this.indexEntries,
      ...(this.indexAnnotations !== undefined ? { annotations: this.indexAnnotations } : {}),
    }
    return encoder.encode(JSON.stringify(document))
  }

  /** Writes oci-layout, index.json and every blob (sorted, so the result is reproducible). */
  async write(): Promise<void> {
    const blobDir = join(this.dir, 'blobs', 'sha256')
    await mkdir(blobDir, { recursive: true })
    for (const digest of [...this.blobs.keys()].sort()) {
      const bytes = this.blobs.get(digest)
      if (bytes) await writeFile(join(blobDir, digest.slice('sha256:'.length)), bytes)
    }
    await writeFile(join(this.dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}')
    await writeFile(join(this.dir, 'index.json'), this.indexJson())
  }
}

function descriptorExtras(spec: {
  platform?: Platform
  descriptorAnnotations?: Annotations
  artifactType?: string
}): Partial<Descriptor> {
  return {
    ...(spec.artifactType !== undefined ? { artifactType: spec.artifactType } : {}),
    ...(spec.descriptorAnnotations !== undefined
      ? { annotations: spec.descriptorAnnotations }
      : {}),
    ...(spec.platform !== undefined ? { platform: spec.platform } : {}),
  }
}
