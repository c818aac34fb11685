// containerd:[NAMESPACE]NAME — an image held by containerd, read through its API: the image
// record names the root descriptor, and every manifest, config and layer comes from the
// content store of the namespace, verified against its digest like every other source's bytes.
// Nothing is written: only read calls exist in containerdProtocol.ts.

import type { Readable } from 'node:stream'
import type { EquivalentCommand } from '../../../shared/api'
import { isDigest } from '../../../shared/digest'
import { StrataError } from '../../../shared/errors'
import { MAX_MANIFEST_BYTES, parseManifestBytes } from '../../../shared/oci/parseManifest'
import type { Descriptor } from '../../../shared/oci/types'
import { formatReference, parseReference } from '../../../shared/reference'
import { formatSourceRef } from '../../../shared/sourceRef'
import { MAX_SMALL_BLOB_BYTES } from '../../sources/blobFile'
import type {
  ContainerdImageSource,
  SourceCallOptions,
  VerifiedBlob,
  VerifiedManifest,
} from '../../sources/imageSource'
import { UNKNOWN_SIZE } from '../../sources/imageSource'
import type { ByteRange, RangedBlob } from '../../sources/rangedBlob'
import { checkWholeReadCap, embeddedBytes, verifiedStream, verifyBytes } from '../../sources/verify'
import type { ContainerdDeadlines, ContainerdImage } from './containerdClient'
import { ContainerdClient } from './containerdClient'
import { containerdCommands } from './containerdCommands'
import { checkContainerdSocket, containerdSocketPath } from './containerdSocket'

export interface ContainerdOpenOptions {
  readonly signal?: AbortSignal
  /** Environment for CONTAINERD_ADDRESS; process.env if absent. */
  readonly env?: NodeJS.ProcessEnv
  readonly deadlines?: ContainerdDeadlines
}

/** What containerd itself says about the image, for labels and tests. */
export interface ContainerdImageDetails {
  readonly socketPath: string
  readonly namespace: string
  /** The image record, when the name matched one; absent for a bare digest. */
  readonly record: ContainerdImage | undefined
}

export type ContainerdSource = ContainerdImageSource & {
  readonly containerd: ContainerdImageDetails
}

/**
 * Opens `image` in `namespace`: an image record by its name (as given, then in its normalized
 * form, "nginx:1.27" → "docker.io/library/nginx:1.27"), or a manifest in the content store by
 * NAME@DIGEST or a bare digest. Fails now, naming the socket, the namespace and the image.
 */
export async function openContainerd(
  ref: { readonly namespace: string; readonly image: string },
  options: ContainerdOpenOptions = {},
): Promise<ContainerdSource> {
  const socketPath = containerdSocketPath(options.env)
  await checkContainerdSocket(socketPath)
  const client = new ContainerdClient(socketPath, options.deadlines)
  try {
    const found = await findRoot(client, ref.namespace, ref.image, options.signal)
    return new ContainerdSourceImpl(client, ref, found.record, found.root)
  } catch (error) {
    client.close()
    throw error
  }
}

async function findRoot(
  client: ContainerdClient,
  namespace: string,
  image: string,
  signal: AbortSignal | undefined,
): Promise<{ readonly record: ContainerdImage | undefined; readonly root: Descriptor }> {
  const byName = async (name: string) => {
    const record = await client.getImage(namespace, name, signal)
    return { record, root: record.target }
  }
  try {
    return await byName(image)
  } catch (error) {
    if (!(error instanceof StrataError) || error.code !== 'NOT_FOUND') throw error
    const parsed = tryParseReference(image)
    const digest = isDigest(image) ? image : parsed?.digest
    if (digest !== undefined) {
      const info = await client.contentInfo(namespace, digest, signal)
      return { record: undefined, root: { mediaType: '', digest: info.digest, size: info.size } }
    }
    const normalized = parsed === undefined ? undefined : formatReference(parsed)
    if (normalized !== undefined && normalized !== image) {
      try {
        return await byName(normalized)
      } catch (second) {
        if (!(second instanceof StrataError) || second.code !== 'NOT_FOUND') throw second
      }
    }
    throw await explainMissing(client, namespace, image, error, signal)
  }
}

/** A missing image in a namespace that does not exist says so, with the ones that do. */
async function explainMissing(
  client: ContainerdClient,
  namespace: string,
  image: string,
  error: StrataError,
  signal: AbortSignal | undefined,
): Promise<StrataError> {
  const namespaces = await client.listNamespaces(signal).catch(() => undefined)
  if (namespaces === undefined || namespaces.includes(namespace)) return error
  const known = namespaces.length > 0 ? namespaces.join(', ') : 'none'
  return new StrataError(
    'NOT_FOUND',
    `containerd at ${client.socketPath} has no namespace "${namespace}" (it has: ${known}), so no image "${image}" there`,
    { subject: image, host: client.socketPath },
  )
}

function cancelled(): StrataError {
  return new StrataError('CANCELLED', 'reading from containerd was cancelled')
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelled()
}

function tryParseReference(image: string) {
  try {
    return parseReference(image)
  } catch {
    return undefined
  }
}

class ContainerdSourceImpl implements ContainerdSource {
  readonly kind = 'containerd'
  readonly ref: string
  readonly label: string
  readonly containerd: ContainerdImageDetails
  private readonly namespace: string

  constructor(
    private readonly client: ContainerdClient,
    ref: { readonly namespace: string; readonly image: string },
    record: ContainerdImage | undefined,
    private root: Descriptor,
  ) {
    this.namespace = ref.namespace
    this.ref = formatSourceRef({ transport: 'containerd', ...ref })
    this.label = `containerd namespace ${ref.namespace} at ${client.socketPath}: ${record?.name ?? ref.image}`
    this.containerd = { socketPath: client.socketPath, namespace: ref.namespace, record }
  }

  /** The root the image record named when opened (a tag moved later is not followed). */
  async resolve(options?: SourceCallOptions): Promise<Descriptor> {
    throwIfCancelled(options?.signal)
    if (this.root.mediaType === '') {
      // Opened by digest: the media type is whatever the manifest says it is.
      const bytes = await this.readWhole(this.root, MAX_MANIFEST_BYTES, options)
      this.root = { ...this.root, mediaType: parseManifestBytes(bytes).mediaType }
    }
    return this.root
  }

  async fetchManifest(
    descriptor: Descriptor,
    options?: SourceCallOptions,
  ): Promise<VerifiedManifest> {
    const bytes = await this.readWhole(descriptor, MAX_MANIFEST_BYTES, options)
    const sized =
      descriptor.size === UNKNOWN_SIZE ? { ...descriptor, size: bytes.byteLength } : descriptor
    return { descriptor: sized, bytes, parsed: parseManifestBytes(bytes, descriptor.mediaType) }
  }

  async fetchSmallBlob(descriptor: Descriptor, options?: SourceCallOptions): Promise<VerifiedBlob> {
    const bytes = await this.readWhole(descriptor, MAX_SMALL_BLOB_BYTES, options)
    const sized =
      descriptor.size === UNKNOWN_SIZE ? { ...descriptor, size: bytes.byteLength } : descriptor
    return { descriptor: sized, bytes }
  }

  async openBlob(descriptor: Descriptor, options?: SourceCallOptions): Promise<Readable> {
    // Info first: a digest the content store lacks fails here, as NOT_FOUND naming it.
    await this.client.contentInfo(this.namespace, descriptor.digest, options?.signal)
    const stream = this.client.readContent(
      this.namespace,
      descriptor.digest,
      { offset: 0, length: 0 },
      options?.signal,
    )
    return verifiedStream(stream, descriptor, this.blobLabel(descriptor.digest))
  }

  /** Bytes read at an offset; the caller verifies them (see RangedBlobReader). */
  openBlobRange(
    descriptor: Descriptor,
    range: ByteRange,
    options?: SourceCallOptions,
  ): Promise<RangedBlob> {
    if (options?.signal?.aborted) return Promise.reject(cancelled())
    if (range.start < 0 || range.end < range.start) {
      return Promise.reject(
        new StrataError('BAD_INPUT', `bad byte range ${range.start}-${range.end}`, {
          subject: descriptor.digest,
        }),
      )
    }
    const stream = this.client.readContent(
      this.namespace,
      descriptor.digest,
      { offset: range.start, length: range.end - range.start + 1 },
      options?.signal,
    )
    return Promise.resolve({ kind: 'partial', range, stream })
  }

  commandsFor(target: {
    readonly digest?: string
    readonly kind: 'manifest' | 'blob'
  }): readonly EquivalentCommand[] {
    return containerdCommands(
      {
        socketPath: this.client.socketPath,
        namespace: this.namespace,
        imageName: this.containerd.record?.name,
        rootDigest: this.root.digest,
      },
      target,
    )
  }

  private blobLabel(digest: string): string {
    return `blob ${digest} in containerd namespace ${this.namespace} at ${this.client.socketPath}`
  }

  /** A blob read whole under `maxBytes` (embedded `data` first), verified. */
  private async readWhole(
    descriptor: Descriptor,
    maxBytes: number,
    options?: SourceCallOptions,
  ): Promise<Uint8Array> {
    throwIfCancelled(options?.signal)
    const embedded = embeddedBytes(descriptor, maxBytes)
    if (embedded) return embedded
    const subject = this.blobLabel(descriptor.digest)
    checkWholeReadCap(descriptor.size, maxBytes, subject)
    const info = await this.client.contentInfo(this.namespace, descriptor.digest, options?.signal)
    checkWholeReadCap(info.size, maxBytes, subject, ' according to containerd')
    const chunks: Buffer[] = []
    const stream = this.client.readContent(
      this.namespace,
      descriptor.digest,
      { offset: 0, length: 0 },
      options?.signal,
    )
    let total = 0
    for await (const chunk of stream) {
      const buffer = chunk as Buffer
      total += buffer.byteLength
      if (total > maxBytes) {
        stream.destroy()
        checkWholeReadCap(total, maxBytes, subject, ' as containerd sent it')
      }
      chunks.push(buffer)
    }
    const bytes = new Uint8Array(Buffer.concat(chunks))
    verifyBytes(bytes, descriptor, { local: subject })
    return bytes
  }
}
