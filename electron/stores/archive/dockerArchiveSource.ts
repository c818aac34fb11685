// `docker save` output, from a tar file or from the Docker daemon's export stream. Newer Docker
// (25+) also writes an OCI layout into the tar; then the image's real manifest is served from
// it. The legacy layout has no manifest at all: Strata synthesizes a Docker v2 manifest whose
// config is the config file and whose layers are the layer tars as they are in the archive,
// with digests computed by hashing each member once. The label says so. A synthesized document
// keeps to one family of media types: Docker's (config, tar and tar.gzip layers), or OCI's
// when a layer is zstd, which Docker's v2 manifest has no type for. When the OCI layout of a
// newer archive is unreadable (Docker 25 can write index.json with "manifests": null),
// manifest.json is used alone, as `docker load` does, with a warning.

import { createHash } from 'node:crypto'
import type { Readable } from 'node:stream'
import type { EquivalentCommand, ImageWarning } from '../../../shared/api'
import { shortDigest } from '../../../shared/digest'
import { StrataError, toApiError } from '../../../shared/errors'
import { isIndexMediaType, isManifestMediaType } from '../../../shared/oci/mediaTypes'
import { MAX_MANIFEST_BYTES, parseManifestBytes } from '../../../shared/oci/parseManifest'
import type { Descriptor } from '../../../shared/oci/types'
import type {
  ImageSource,
  PlainImageSource,
  SourceCallOptions,
  SourceKind,
  VerifiedBlob,
  VerifiedManifest,
} from '../../sources/imageSource'
import type { ArchiveMember, ArchiveMembers, ArchiveSourceKind } from './archiveMembers'
import {
  memberLabel,
  openVerifiedMember,
  readVerifiedMember,
  requireMember,
} from './archiveMembers'
import {
  ArchivedLayoutSource,
  blobMemberName,
  hasLayout,
  readArchivedLayoutIndex,
} from './archivedLayoutSource'
import { MAX_SMALL_BLOB_BYTES } from '../../sources/blobFile'
import { INDEX_FILE } from '../oci-layout/ociLayoutIndex'
import { layoutWarnings } from '../oci-layout/ociLayoutTarget'
import type { DockerArchiveEntry } from './dockerArchiveManifest'
import {
  chooseDockerArchiveEntry,
  entryName,
  readDockerArchiveEntries,
} from './dockerArchiveManifest'
import type { CommandTarget } from '../discovery/storeCommands'
import { compressionMagic } from '../../compression/detectCompression'
import type { SynthesizedCompression } from '../synthesizedMediaTypes'
import { familyForLayers } from '../synthesizedMediaTypes'
import { isRecord } from '../../util/isRecord'

export interface DockerArchiveOpenOptions {
  readonly kind: Extract<SourceKind, 'docker-archive' | 'docker-daemon'>
  readonly ref: string
  /** "docker-archive /x.tar" or "Docker daemon at /run/docker.sock"; the image name follows. */
  readonly labelPrefix: string
  readonly reference: string | undefined
  /** How the label names the image; its first tag (or @N) if absent. */
  readonly displayName?: string
  readonly signal?: AbortSignal
  readonly commands: (
    context: {
      readonly entry: DockerArchiveEntry
      readonly rootDigest: string
      readonly configDigest: string
      readonly memberOf: (digest: string) => string | undefined
    },
    target: CommandTarget,
  ) => readonly EquivalentCommand[]
}

/** Opens the image `options.reference` names in a docker-save archive. */
export async function openDockerArchiveMembers(
  members: ArchiveMembers,
  options: DockerArchiveOpenOptions,
): Promise<ImageSource> {
  const { signal } = options
  const entries = await readDockerArchiveEntries(members, signal)
  const entry = chooseDockerArchiveEntry(entries, options.reference, members.location)
  const name = options.displayName ?? entryName(entry)
  const configMember = requireMember(members, entry.config, `the config of ${name}`)
  const configDigest = await members.digestOf(configMember, signal)

  const notes: ImageWarning[] = []
  const inside = hasLayout(members)
    ? await findLayoutManifest(members, configDigest, notes, signal)
    : undefined
  if (inside !== undefined) {
    const memberOf = (digest: string): string | undefined => {
      try {
        const member = blobMemberName(digest)
        return members.find(member) !== undefined ? member : undefined
      } catch {
        return undefined
      }
    }
    const context = { entry, rootDigest: inside.digest, configDigest, memberOf }
    const source = new ArchivedLayoutSource(members, {
      kind: options.kind,
      ref: options.ref,
      label: `${options.labelPrefix}: ${name} (its OCI manifest ${shortDigest(inside.digest)})`,
      reference: inside.digest,
      commands: (target) => options.commands(context, target),
    })
    await source.resolve(signal ? { signal } : {})
    return source
  }
  return synthesize(members, entry, configMember, configDigest, options, notes)
}

/**
 * The manifest in the archive's OCI layout whose config is `configDigest`, if there is one.
 * An index.json that cannot be read adds a warning to `notes` and finds nothing; one with
 * broken entries adds a warning for each.
 */
async function findLayoutManifest(
  members: ArchiveMembers,
  configDigest: string,
  notes: ImageWarning[],
  signal?: AbortSignal,
): Promise<Descriptor | undefined> {
  let layout
  try {
    layout = await readArchivedLayoutIndex(members, signal)
  } catch (error) {
    if (!(error instanceof StrataError) || !UNREADABLE_LAYOUT.has(error.code)) throw error
    notes.push({
      kind: 'archiveLayoutUnreadable',
      location: members.location,
      error: toApiError(error),
    })
    return undefined
  }
  notes.push(...layoutWarnings(layout, memberLabel(members, INDEX_FILE)))
  const queue: { descriptor: Descriptor; depth: number }[] = layout.index.manifests.map((d) => ({
    descriptor: d,
    depth: 0,
  }))
  for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
    const { descriptor, depth } = item
    if (!isManifestMediaType(descriptor.mediaType) || depth > 2) continue
    const member = members.find(blobMemberName(descriptor.digest))
    if (member === undefined) continue // an index may list platforms the archive does not carry
    const { bytes } = await readVerifiedMember(
      members,
      member.name,
      descriptor,
      MAX_MANIFEST_BYTES,
      signal,
    )
    const parsed = parseManifestBytes(bytes, descriptor.mediaType)
    if (parsed.kind === 'manifest' && parsed.document.config.digest === configDigest)
      return descriptor
    if (parsed.kind === 'index' && isIndexMediaType(parsed.mediaType)) {
      for (const child of parsed.document.manifests)
        queue.push({ descriptor: child, depth: depth + 1 })
    }
  }
  return undefined
}

/** What makes an archive's index.json unusable, so that manifest.json is read alone. */
const UNREADABLE_LAYOUT: ReadonlySet<string> = new Set([
  'MALFORMED',
  'BAD_INPUT',
  'TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
])

async function synthesize(
  members: ArchiveMembers,
  entry: DockerArchiveEntry,
  configMember: ArchiveMember,
  configDigest: string,
  options: DockerArchiveOpenOptions,
  notes: readonly ImageWarning[],
): Promise<ImageSource> {
  const { signal } = options
  const name = options.displayName ?? entryName(entry)
  const configBytes = await members.read(configMember, MAX_SMALL_BLOB_BYTES, signal)
  const diffIds = diffIdsOf(configBytes, memberLabel(members, configMember.name))
  const blobs = new Map<string, string>([[configDigest, configMember.name]])
  const layers: { size: number; digest: string; compression: SynthesizedCompression }[] = []
  for (const [position, layerName] of entry.layers.entries()) {
    const member = requireMember(members, layerName, `layer ${position} of ${name}`)
    const digest = await members.digestOf(member, signal)
    const compression = compressionMagic(await members.head(member, 4, signal))
    const expected = diffIds[position]
    if (compression === undefined && expected !== undefined && expected !== digest) {
      throw new StrataError(
        'DIGEST_MISMATCH',
        `${memberLabel(members, member.name)} hashes to ${digest}, but the image config says layer ${position} is ${expected}; the archive is corrupted, refused`,
        { subject: member.name, expectedDigest: expected, actualDigest: digest },
      )
    }
    blobs.set(digest, member.name)
    layers.push({ size: member.size, digest, compression: compression ?? 'none' })
  }
  if (diffIds.length !== entry.layers.length) {
    throw new StrataError(
      'MALFORMED',
      `${members.location}: ${name} lists ${entry.layers.length} layer tars but its config has ${diffIds.length} diff IDs`,
      { subject: members.location },
    )
  }
  const types = familyForLayers(layers.map((layer) => layer.compression))
  const document = {
    schemaVersion: 2,
    mediaType: types.manifest,
    config: { mediaType: types.config, size: configMember.size, digest: configDigest },
    layers: layers.map(({ size, digest, compression }) => ({
      mediaType: types.layer(compression),
      size,
      digest,
    })),
  }
  const bytes = new TextEncoder().encode(JSON.stringify(document))
  const manifest = parseManifestBytes(bytes, types.manifest)
  const descriptor: Descriptor = {
    mediaType: types.manifest,
    size: bytes.byteLength,
    digest: `sha256:${createHash('sha256').update(bytes).digest('hex')}`,
  }
  const context = {
    entry,
    rootDigest: descriptor.digest,
    configDigest,
    memberOf: (digest: string) => blobs.get(digest),
  }
  return new SynthesizedArchiveSource(members, {
    kind: options.kind,
    ref: options.ref,
    // The synthesized manifest is said once, as the source's warning, not again in its label.
    label: `${options.labelPrefix}: ${name}`,
    manifest: { descriptor, bytes, parsed: manifest },
    blobs,
    notes,
    commands: (target) => options.commands(context, target),
  })
}

function diffIdsOf(configBytes: Uint8Array, label: string): readonly string[] {
  try {
    const config: unknown = JSON.parse(new TextDecoder().decode(configBytes))
    const rootfs = isRecord(config) ? config.rootfs : undefined
    const ids = isRecord(rootfs) ? rootfs.diff_ids : undefined
    if (Array.isArray(ids) && ids.every((id) => typeof id === 'string')) return ids
  } catch {
    // reported below
  }
  throw new StrataError('MALFORMED', `${label} is not an image config with rootfs.diff_ids`, {
    subject: label,
  })
}

interface SynthesizedOptions {
  readonly kind: ArchiveSourceKind
  readonly ref: string
  readonly label: string
  readonly manifest: VerifiedManifest
  /** Digest → member, for the config and every layer. */
  readonly blobs: ReadonlyMap<string, string>
  /** More the user should know (an OCI layout that could not be read), one sentence each. */
  readonly notes: readonly ImageWarning[]
  readonly commands: (target: CommandTarget) => readonly EquivalentCommand[]
}

/** An image whose manifest Strata made up; every blob still comes verified from the archive. */
class SynthesizedArchiveSource implements PlainImageSource<ArchiveSourceKind> {
  readonly kind: ArchiveSourceKind
  readonly ref: string
  readonly label: string
  readonly warnings: readonly ImageWarning[]

  constructor(
    private readonly members: ArchiveMembers,
    private readonly options: SynthesizedOptions,
  ) {
    this.kind = options.kind
    this.ref = options.ref
    this.label = options.label
    this.warnings = [{ kind: 'synthesizedManifest', location: members.location }, ...options.notes]
  }

  resolve(options?: SourceCallOptions): Promise<Descriptor> {
    options?.signal?.throwIfAborted()
    return Promise.resolve(this.options.manifest.descriptor)
  }

  fetchManifest(descriptor: Descriptor, options?: SourceCallOptions): Promise<VerifiedManifest> {
    options?.signal?.throwIfAborted()
    const manifest = this.options.manifest
    if (descriptor.digest !== manifest.descriptor.digest) {
      throw new StrataError(
        'NOT_FOUND',
        `${this.members.location} holds no manifest ${descriptor.digest}; its only manifest is the one Strata synthesized (${manifest.descriptor.digest})`,
        { subject: descriptor.digest },
      )
    }
    return Promise.resolve(manifest)
  }

  fetchSmallBlob(descriptor: Descriptor, options?: SourceCallOptions): Promise<VerifiedBlob> {
    return readVerifiedMember(
      this.members,
      this.memberOf(descriptor),
      descriptor,
      MAX_SMALL_BLOB_BYTES,
      options?.signal,
    )
  }

  openBlob(descriptor: Descriptor, options?: SourceCallOptions): Promise<Readable> {
    return openVerifiedMember(this.members, this.memberOf(descriptor), descriptor, options?.signal)
  }

  commandsFor(target: CommandTarget): readonly EquivalentCommand[] {
    return this.options.commands(target)
  }

  private memberOf(descriptor: Descriptor): string {
    const member = this.options.blobs.get(descriptor.digest)
    if (member !== undefined) return member
    throw new StrataError(
      'NOT_FOUND',
      `${this.members.location} holds no blob ${descriptor.digest} for this image`,
      { subject: descriptor.digest },
    )
  }
}
