// A read-only ImageSource over an OCI image layout directory (image-spec image-layout.md).
// Every byte is verified against the descriptor that named it before anyone sees it; the
// layout is never written to.

import { stat } from 'node:fs/promises'
import { resolve as resolvePath } from 'node:path'
import type { Readable } from 'node:stream'
import type { EquivalentCommand, ImageWarning } from '../../../shared/api'
import { StrataError } from '../../../shared/errors'
import { MAX_MANIFEST_BYTES, parseManifestBytes } from '../../../shared/oci/parseManifest'
import type { Descriptor } from '../../../shared/oci/types'
import type { ByteRange, RangedBlob } from '../../sources/rangedBlob'
import { formatSourceRef } from '../../../shared/sourceRef'
import type {
  OciLayoutImageSource,
  SourceCallOptions,
  VerifiedBlob,
  VerifiedManifest,
} from '../../sources/imageSource'
import {
  blobFilePath,
  fileError,
  MAX_SMALL_BLOB_BYTES,
  openFileRange,
  openVerifiedFile,
  readVerifiedFile,
} from '../../sources/blobFile'
import { embeddedBytes, verifyBytes } from '../../sources/verify'
import { ociLayoutCommands } from './ociLayoutCommands'
import { checkLayoutDirectory, INDEX_FILE, readLayoutIndex, withPath } from './ociLayoutIndex'
import type { LayoutIndex } from './ociLayoutIndex'
import { chooseLayoutTarget, layoutIndexParsed, layoutWarnings } from './ociLayoutTarget'

/**
 * Opens the layout at `path`. `reference` is a ref name (`org.opencontainers.image.ref.name`)
 * or a digest; without one, a layout holding one image opens that image and a layout holding
 * several opens its index.json as the root. Fails now, with a message naming the path, if
 * the directory is not a layout or the reference names nothing.
 */
export async function openOciLayout(
  path: string,
  reference?: string,
): Promise<OciLayoutImageSource> {
  const root = resolvePath(path)
  await checkLayoutDirectory(root)
  const source = new OciLayoutSource(root, reference === '' ? undefined : reference)
  await source.resolve()
  return source
}

class OciLayoutSource implements OciLayoutImageSource {
  readonly kind = 'oci-layout'
  readonly ref: string
  readonly label: string
  /** The index.json last read: serves the root when index.json itself is the root. */
  private layoutIndex: LayoutIndex | undefined
  private resolved: Descriptor | undefined

  constructor(
    private readonly root: string,
    private readonly reference: string | undefined,
  ) {
    this.ref = formatSourceRef({
      transport: 'oci',
      path: root,
      ...(reference ? { reference } : {}),
    })
    this.label = `OCI layout ${root}${reference ? ` (${reference})` : ''}`
  }

  /** Re-reads index.json every time, so a layout rewritten by another tool is seen afresh. */
  /** Broken index.json entries, as of the last resolve. */
  get warnings(): readonly ImageWarning[] {
    return layoutWarnings(this.layoutIndex, `${this.root}/${INDEX_FILE}`)
  }

  async resolve(options?: SourceCallOptions): Promise<Descriptor> {
    options?.signal?.throwIfAborted()
    const layout = await readLayoutIndex(this.root)
    this.layoutIndex = layout
    const target = chooseLayoutTarget(
      layout,
      this.root,
      this.reference,
      `${this.root}/${INDEX_FILE}`,
    )
    const descriptor =
      target.kind === 'entry'
        ? target.descriptor
        : target.kind === 'layout-index'
          ? layout.descriptor
          : await this.describeUnlisted(target.digest, options)
    this.resolved = descriptor
    return descriptor
  }

  async fetchManifest(
    descriptor: Descriptor,
    options?: SourceCallOptions,
  ): Promise<VerifiedManifest> {
    const layoutIndex = this.layoutIndex
    const isLayoutIndex =
      layoutIndex !== undefined && descriptor.digest === layoutIndex.descriptor.digest
    const path = isLayoutIndex ? `${this.root}/${INDEX_FILE}` : this.pathOf(descriptor)
    let bytes: Uint8Array
    if (isLayoutIndex) {
      bytes = layoutIndex.bytes
      verifyBytes(bytes, descriptor, { local: path })
      return { descriptor, bytes, parsed: layoutIndexParsed(layoutIndex) }
    } else {
      bytes = await this.readBytes(descriptor, MAX_MANIFEST_BYTES, options)
    }
    try {
      return { descriptor, bytes, parsed: parseManifestBytes(bytes, descriptor.mediaType) }
    } catch (error) {
      throw withPath(error, path)
    }
  }

  async fetchSmallBlob(descriptor: Descriptor, options?: SourceCallOptions): Promise<VerifiedBlob> {
    return { descriptor, bytes: await this.readBytes(descriptor, MAX_SMALL_BLOB_BYTES, options) }
  }

  async openBlob(descriptor: Descriptor, options?: SourceCallOptions): Promise<Readable> {
    options?.signal?.throwIfAborted()
    return openVerifiedFile(this.pathOf(descriptor), descriptor, {
      root: this.root,
      ...(options?.signal ? { signal: options.signal } : {}),
    })
  }

  /** A file read at an offset; the caller verifies the bytes (see ImageSource). */
  async openBlobRange(
    descriptor: Descriptor,
    range: ByteRange,
    options?: SourceCallOptions,
  ): Promise<RangedBlob> {
    options?.signal?.throwIfAborted()
    const stream = await openFileRange(this.pathOf(descriptor), descriptor, range, {
      root: this.root,
      ...(options?.signal ? { signal: options.signal } : {}),
    })
    return { kind: 'partial', range, stream }
  }

  commandsFor(target: {
    readonly digest?: string
    readonly kind: 'manifest' | 'blob'
  }): readonly EquivalentCommand[] {
    const root = this.resolved
    const isRoot = target.digest === undefined || target.digest === root?.digest
    return ociLayoutCommands({
      layoutPath: this.root,
      kind: target.kind,
      ...(target.digest !== undefined ? { digest: target.digest } : {}),
      ...(isRoot && this.reference !== undefined ? { reference: this.reference } : {}),
      ...(isRoot && root !== undefined ? { rootMediaType: root.mediaType } : {}),
      isLayoutIndex:
        isRoot && root !== undefined && root.digest === this.layoutIndex?.descriptor.digest,
    })
  }

  private pathOf(descriptor: Descriptor): string {
    return blobFilePath(this.root, descriptor.digest)
  }

  /** Bytes embedded in the descriptor (`data`) or read from blobs/, verified either way. */
  private async readBytes(
    descriptor: Descriptor,
    maxBytes: number,
    options?: SourceCallOptions,
  ): Promise<Uint8Array> {
    options?.signal?.throwIfAborted()
    const embedded = embeddedBytes(descriptor, maxBytes)
    if (embedded) return embedded
    const path = this.pathOf(descriptor)
    return readVerifiedFile(path, descriptor, {
      maxBytes,
      root: this.root,
      ...(options?.signal ? { signal: options.signal } : {}),
    })
  }

  /** A digest index.json does not list: find its blob and learn its media type from the JSON. */
  private async describeUnlisted(digest: string, options?: SourceCallOptions): Promise<Descriptor> {
    const path = blobFilePath(this.root, digest)
    let size: number
    try {
      size = (await stat(path)).size
    } catch (error) {
      const mapped = fileError(error, path, `manifest ${digest}`)
      if (mapped.code !== 'NOT_FOUND') throw mapped
      throw new StrataError(
        'NOT_FOUND',
        `no manifest ${digest} in the OCI layout ${this.root}: index.json does not list it and ${path} does not exist`,
        { subject: digest },
      )
    }
    const probe: Descriptor = { mediaType: 'application/octet-stream', digest, size }
    const bytes = await this.readBytes(probe, MAX_MANIFEST_BYTES, options)
    try {
      return { mediaType: parseManifestBytes(bytes).mediaType, digest, size }
    } catch (error) {
      throw withPath(error, path)
    }
  }
}
