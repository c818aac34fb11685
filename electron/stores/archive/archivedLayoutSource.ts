// An OCI image layout read from inside a tar (oci-archive:, and the OCI layout newer `docker
// save` writes next to its manifest.json). Same rules as the layout directory source: every
// byte verified against the descriptor that named it, references by ref name or digest.

import { createHash } from 'node:crypto'
import type { Readable } from 'node:stream'
import type { EquivalentCommand, ImageWarning } from '../../../shared/api'
import { isDigest, parseDigest } from '../../../shared/digest'
import { StrataError } from '../../../shared/errors'
import { MEDIA_TYPES } from '../../../shared/oci/mediaTypes'
import { MAX_MANIFEST_BYTES, parseManifestBytes } from '../../../shared/oci/parseManifest'
import type { Descriptor } from '../../../shared/oci/types'
import type {
  PlainImageSource,
  SourceCallOptions,
  VerifiedBlob,
  VerifiedManifest,
} from '../../sources/imageSource'
import { UNKNOWN_SIZE } from '../../sources/imageSource'
import type { ArchiveMembers, ArchiveSourceKind } from './archiveMembers'
import {
  memberLabel,
  openVerifiedMember,
  readVerifiedMember,
  requireMember,
} from './archiveMembers'
import { MAX_SMALL_BLOB_BYTES } from '../../sources/blobFile'
import { embeddedBytes, verifyBytes } from '../../sources/verify'
import { parseLayoutIndexBytes } from '../oci-layout/ociLayoutEntries'
import { INDEX_FILE, LAYOUT_FILE, LAYOUT_INDEX_TITLE, withPath } from '../oci-layout/ociLayoutIndex'
import type { LayoutIndex } from '../oci-layout/ociLayoutIndex'
import {
  chooseLayoutTarget,
  layoutIndexParsed,
  layoutWarnings,
} from '../oci-layout/ociLayoutTarget'
import { isRecord } from '../../util/isRecord'

const LAYOUT_IN_ARCHIVE = 'a tar of an OCI image layout (oci-layout, index.json and blobs/)'

/** `blobs/ALG/HEX` inside the archive; the digest is parsed first, so it cannot climb out. */
export function blobMemberName(digest: string): string {
  const { algorithm, encoded } = parseDigest(digest)
  return `blobs/${algorithm}/${encoded}`
}

/** Whether the archive holds an OCI layout (an oci-layout member and an index.json). */
export function hasLayout(members: ArchiveMembers): boolean {
  return members.find(LAYOUT_FILE) !== undefined && members.find(INDEX_FILE) !== undefined
}

/** Checks the oci-layout member and reads index.json, with errors naming the archive. */
export async function readArchivedLayoutIndex(
  members: ArchiveMembers,
  signal?: AbortSignal,
): Promise<LayoutIndex> {
  const marker = members.find(LAYOUT_FILE)
  if (marker === undefined) {
    throw new StrataError(
      'BAD_INPUT',
      `${members.location} is not an OCI archive: it has no oci-layout member (expected ${LAYOUT_IN_ARCHIVE}; a "docker save" tar opens as docker-archive:)`,
      { subject: members.location },
    )
  }
  const version = layoutVersion(await members.read(marker, 64 * 1024, signal))
  if (version === undefined || !/^1\.\d+\.\d+$/.test(version)) {
    throw new StrataError(
      'BAD_INPUT',
      `${memberLabel(members, LAYOUT_FILE)} says imageLayoutVersion ${JSON.stringify(version ?? null)}; Strata reads version 1.x layouts`,
      { subject: members.location },
    )
  }
  const index = requireMember(members, INDEX_FILE, `the index.json of ${LAYOUT_IN_ARCHIVE}`)
  if (index.size > MAX_MANIFEST_BYTES) {
    throw new StrataError('TOO_LARGE', `${memberLabel(members, INDEX_FILE)} is too large`, {
      subject: members.location,
    })
  }
  const bytes = await members.read(index, MAX_MANIFEST_BYTES, signal)
  const label = memberLabel(members, INDEX_FILE)
  let read
  try {
    read = parseLayoutIndexBytes(bytes)
  } catch (error) {
    throw withPath(error, label)
  }
  const parsed = read.parsed
  if (parsed.kind !== 'index') {
    throw new StrataError('MALFORMED', `${label} is not an image index`, { subject: label })
  }
  const descriptor: Descriptor = {
    mediaType: MEDIA_TYPES.ociIndex,
    digest: `sha256:${createHash('sha256').update(bytes).digest('hex')}`,
    size: bytes.byteLength,
    annotations: { 'org.opencontainers.image.title': LAYOUT_INDEX_TITLE },
  }
  return { bytes, descriptor, index: parsed.document, broken: read.broken }
}

function layoutVersion(bytes: Uint8Array): string | undefined {
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes))
    if (!isRecord(value)) return undefined
    return typeof value.imageLayoutVersion === 'string' ? value.imageLayoutVersion : undefined
  } catch {
    return undefined
  }
}

export interface ArchivedLayoutOptions {
  readonly kind: ArchiveSourceKind
  readonly ref: string
  readonly label: string
  /** Ref name or digest; undefined opens the single image, or index.json itself. */
  readonly reference: string | undefined
  readonly commands: (target: {
    readonly digest?: string
    readonly kind: 'manifest' | 'blob'
  }) => readonly EquivalentCommand[]
  /** Re-reads what the source sits on (the tar's headers) before each resolve. */
  readonly refresh?: (signal?: AbortSignal) => Promise<ArchiveMembers>
}

export class ArchivedLayoutSource implements PlainImageSource<ArchiveSourceKind> {
  readonly kind: ArchiveSourceKind
  readonly ref: string
  readonly label: string
  private layoutIndex: LayoutIndex | undefined

  constructor(
    private members: ArchiveMembers,
    private readonly options: ArchivedLayoutOptions,
  ) {
    this.kind = options.kind
    this.ref = options.ref
    this.label = options.label
  }

  /** Broken index.json entries, as of the last resolve. */
  get warnings(): readonly ImageWarning[] {
    return layoutWarnings(this.layoutIndex, memberLabel(this.members, INDEX_FILE))
  }

  async resolve(options?: SourceCallOptions): Promise<Descriptor> {
    options?.signal?.throwIfAborted()
    if (this.options.refresh) this.members = await this.options.refresh(options?.signal)
    const layout = await readArchivedLayoutIndex(this.members, options?.signal)
    this.layoutIndex = layout
    const target = chooseLayoutTarget(
      layout,
      this.members.location,
      this.options.reference,
      memberLabel(this.members, INDEX_FILE),
    )
    if (target.kind === 'entry') return target.descriptor
    if (target.kind === 'layout-index') return layout.descriptor
    return this.describeUnlisted(target.digest, options)
  }

  async fetchManifest(
    descriptor: Descriptor,
    options?: SourceCallOptions,
  ): Promise<VerifiedManifest> {
    const layout = this.layoutIndex
    let verified: VerifiedBlob
    let label: string
    if (layout !== undefined && descriptor.digest === layout.descriptor.digest) {
      label = memberLabel(this.members, INDEX_FILE)
      const sized =
        descriptor.size === UNKNOWN_SIZE ? { ...descriptor, size: layout.bytes.length } : descriptor
      verifyBytes(layout.bytes, sized, { local: label })
      return { descriptor: sized, bytes: layout.bytes, parsed: layoutIndexParsed(layout) }
    } else {
      const name = blobMemberName(descriptor.digest)
      label = memberLabel(this.members, name)
      verified = await this.readBlob(name, descriptor, MAX_MANIFEST_BYTES, options)
    }
    try {
      const parsed = parseManifestBytes(verified.bytes, descriptor.mediaType)
      return { descriptor: verified.descriptor, bytes: verified.bytes, parsed }
    } catch (error) {
      throw withPath(error, label)
    }
  }

  async fetchSmallBlob(descriptor: Descriptor, options?: SourceCallOptions): Promise<VerifiedBlob> {
    const name = blobMemberName(descriptor.digest)
    return this.readBlob(name, descriptor, MAX_SMALL_BLOB_BYTES, options)
  }

  openBlob(descriptor: Descriptor, options?: SourceCallOptions): Promise<Readable> {
    options?.signal?.throwIfAborted()
    const name = blobMemberName(descriptor.digest)
    return openVerifiedMember(this.members, name, descriptor, options?.signal)
  }

  commandsFor(target: {
    readonly digest?: string
    readonly kind: 'manifest' | 'blob'
  }): readonly EquivalentCommand[] {
    return this.options.commands(target)
  }

  private async readBlob(
    name: string,
    descriptor: Descriptor,
    maxBytes: number,
    options?: SourceCallOptions,
  ): Promise<VerifiedBlob> {
    options?.signal?.throwIfAborted()
    const embedded = embeddedBytes(descriptor, maxBytes)
    if (embedded) return { descriptor, bytes: embedded }
    return readVerifiedMember(this.members, name, descriptor, maxBytes, options?.signal)
  }

  /** A digest index.json does not list: find its blob and learn its media type from the JSON. */
  private async describeUnlisted(digest: string, options?: SourceCallOptions): Promise<Descriptor> {
    if (!isDigest(digest)) throw new StrataError('BAD_INPUT', `"${digest}" is not a digest`)
    const name = blobMemberName(digest)
    const member = this.members.find(name)
    if (member === undefined) {
      throw new StrataError(
        'NOT_FOUND',
        `no manifest ${digest} in ${this.members.location}: index.json does not list it and there is no member ${name}`,
        { subject: digest },
      )
    }
    const probe: Descriptor = { mediaType: 'application/octet-stream', digest, size: member.size }
    const { bytes } = await this.readBlob(name, probe, MAX_MANIFEST_BYTES, options)
    try {
      return { mediaType: parseManifestBytes(bytes).mediaType, digest, size: member.size }
    } catch (error) {
      throw withPath(error, memberLabel(this.members, name))
    }
  }
}
