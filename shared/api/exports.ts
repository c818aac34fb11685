// The exports feature's part of the api contract: copying an image, from any source, into an
// OCI image layout directory or an oci-archive (what `skopeo copy` does), so a teacher can hand
// students an offline copy. Pictures and file lists are made in the renderer and need no
// operation.

import type { Digest } from '../oci/types'
import type { Operation } from './common'

export type ImageExportFormat = 'oci-layout' | 'oci-archive'

export const IMAGE_EXPORT_FORMATS: readonly ImageExportFormat[] = ['oci-layout', 'oci-archive']

export interface ImageExportArgs {
  /** Any reference the Open box accepts: "docker://…", "oci:…", "containers-storage:…". */
  readonly ref: string
  /** "linux/arm64": that image only. Default: what the reference names, every platform of it. */
  readonly platform?: string
  readonly format: ImageExportFormat
  /**
   * Absolute path of the layout directory or archive file to create. It must not exist yet:
   * Strata refuses to merge into an existing layout (another tool's index.json would be
   * rewritten under it); its parent folder must exist.
   */
  readonly destination: string
  /** Written as org.opencontainers.image.ref.name in index.json ("3.20"); default: none. */
  readonly tag?: string
}

export interface ImageExportResult {
  /** Where the layout or archive now is (the destination asked for). */
  readonly path: string
  readonly format: ImageExportFormat
  /**
   * The index or manifest index.json names. OCI documents are copied byte for byte, so this is
   * `sourceDigest`; a Docker v2 manifest or list is rewritten with OCI media types (as
   * `skopeo copy` does for an OCI layout), which gives it a new digest. Config and layer
   * digests never change.
   */
  readonly digest: Digest
  /** The digest the source names the exported root by. */
  readonly sourceDigest: Digest
  readonly mediaType: string
  /** Distinct blobs written (manifests, configs, layers), each verified against its digest. */
  readonly blobs: number
  readonly bytes: number
  readonly tag?: string
}

export interface ExportsOperations {
  /** Long: progress events (bytes and blobs) labelled "Exporting REF", cancellable. */
  'exports:image': Operation<ImageExportArgs, ImageExportResult>
}

export function isImageExportFormat(value: unknown): value is ImageExportFormat {
  return value === 'oci-layout' || value === 'oci-archive'
}
