// The one rule for "which image a reference means". A manifest is itself; an index is walked
// in order, nested indexes followed (bounded depth, each index once), attestation manifests
// never taken for images. Asked for a platform, the first entry that matches it (variant
// defaults applied; a request without a variant takes any variant when no exact one exists).
// Asked for none, the first runnable image in index order: one with a known platform, else
// the first without. Files, Compare, Sharing and summaries all ask here, so they agree on the
// image. pickImage stops at the manifest (Files needs only layers and asks on every call);
// openImage also reads the config once, validated against the image-config schema.

import { StrataError } from '../../shared/errors'
import { platformString } from '../../shared/format'
import { MEDIA_TYPES, describeMediaType } from '../../shared/oci/mediaTypes'
import { chooseImage, isAttestationManifest, parsePlatformText } from '../../shared/oci/platforms'
import type { Descriptor, ImageConfig, ImageManifest, Platform } from '../../shared/oci/types'
import { validateConfig } from '../../shared/oci/validate'
import type { ImageSource, SourceCallOptions } from './imageSource'

/** Indexes this deep (the reference's own index is 0) or deeper are not followed. */
export const MAX_INDEX_DEPTH = 4

/** An image manifest an index names (directly or through nested indexes). */
export interface IndexedImage {
  readonly descriptor: Descriptor
  /** As the naming index entry states it; undefined when it states none. */
  readonly platform?: Platform
}

/** What a reference names: one image, an index's images, or a schema 1 manifest. */
export type ImageListing =
  | { readonly kind: 'manifest'; readonly root: Descriptor; readonly manifest: ImageManifest }
  | { readonly kind: 'index'; readonly root: Descriptor; readonly images: readonly IndexedImage[] }
  | { readonly kind: 'schema1'; readonly root: Descriptor }

export interface PickOptions extends SourceCallOptions {
  /** A Platform, or its text ("linux/arm64/v8"); default: the first runnable image. */
  readonly platform?: Platform | string
}

/** The image picked for a reference, without its config. */
export interface PickedImage {
  /** What the reference resolved to (the index, or the manifest itself). */
  readonly root: Descriptor
  /** The image manifest's descriptor. */
  readonly descriptor: Descriptor
  readonly manifest: ImageManifest
  readonly layers: readonly Descriptor[]
  /** From the index entry; for a lone manifest, undefined (its config says). */
  readonly platform?: Platform
}

export interface OpenedImage extends PickedImage {
  /**
   * The validated image config; undefined when the manifest's config is not an image config
   * (an artifact's empty or typed payload).
   */
  readonly config: ImageConfig | undefined
}

/** The images a reference names, in index order. Fetches the root and any nested indexes. */
export async function listImages(
  source: ImageSource,
  options: SourceCallOptions = {},
): Promise<ImageListing> {
  const root = await source.resolve(options)
  const { parsed } = await source.fetchManifest(root, options)
  if (parsed.kind === 'schema1') return { kind: 'schema1', root }
  if (parsed.kind === 'manifest') return { kind: 'manifest', root, manifest: parsed.document }
  const images: IndexedImage[] = []
  const seen = new Set<string>([root.digest])
  const walk = async (entries: readonly Descriptor[], depth: number): Promise<void> => {
    for (const entry of entries) {
      if (isAttestationManifest(entry) || seen.has(entry.digest)) continue
      seen.add(entry.digest)
      const kind = describeMediaType(entry.mediaType).kind
      if (kind === 'manifest') {
        images.push({ descriptor: entry, ...(entry.platform ? { platform: entry.platform } : {}) })
      } else if (kind === 'index' && depth + 1 < MAX_INDEX_DEPTH) {
        const nested = await source.fetchManifest(entry, options)
        if (nested.parsed.kind === 'index') await walk(nested.parsed.document.manifests, depth + 1)
      }
    }
  }
  await walk(parsed.document.manifests, 0)
  return { kind: 'index', root, images }
}

/** The one image a reference means (see the top of this file); its manifest, not its config. */
export async function pickImage(
  source: ImageSource,
  options: PickOptions = {},
): Promise<PickedImage> {
  const call = options.signal !== undefined ? { signal: options.signal } : {}
  const listing = await listImages(source, call)
  if (listing.kind === 'schema1') {
    throw new StrataError(
      'UNSUPPORTED_MEDIA_TYPE',
      `${source.ref} is a Docker schema 1 manifest, which Strata shows read-only; files, comparisons and layer sharing need an OCI or Docker v2 image`,
      { subject: source.ref },
    )
  }
  if (listing.kind === 'manifest') {
    const { root, manifest } = listing
    return { root, descriptor: root, manifest, layers: manifest.layers }
  }
  const wanted = wantedPlatform(options.platform)
  const chosen = chooseImage(listing.images, wanted)
  if (chosen === undefined) {
    const offered = listing.images.flatMap((i) => (i.platform ? [platformString(i.platform)] : []))
    const it = `it has: ${offered.join(', ') || 'no platform images'}`
    throw new StrataError(
      'NOT_FOUND',
      wanted === undefined
        ? `${source.ref} is an index that names no runnable image (${it})`
        : `${source.ref} has no ${platformString(wanted)} image (${it})`,
      { subject: 'platform' },
    )
  }
  const fetched = await source.fetchManifest(chosen.descriptor, call)
  if (fetched.parsed.kind !== 'manifest') {
    throw new StrataError(
      'MALFORMED',
      `${chosen.descriptor.digest}, listed in ${source.ref} as an image manifest, is a ${fetched.parsed.kind}`,
      { subject: chosen.descriptor.digest },
    )
  }
  const manifest = fetched.parsed.document
  return {
    root: listing.root,
    descriptor: chosen.descriptor,
    manifest,
    layers: manifest.layers,
    ...(chosen.platform ? { platform: chosen.platform } : {}),
  }
}

/** pickImage, then the image's config read once and validated with the schema. */
export async function openImage(
  source: ImageSource,
  options: PickOptions = {},
): Promise<OpenedImage> {
  const picked = await pickImage(source, options)
  const call = options.signal !== undefined ? { signal: options.signal } : {}
  return { ...picked, config: await readImageConfig(source, picked.manifest.config, call) }
}

function wantedPlatform(platform: Platform | string | undefined): Platform | undefined {
  if (platform === undefined || typeof platform !== 'string') return platform
  const parsed = parsePlatformText(platform)
  if (parsed === undefined) {
    throw new StrataError(
      'BAD_INPUT',
      `"${platform}" is not a platform; write it as os/architecture[/variant], like linux/amd64.`,
      { subject: 'platform' },
    )
  }
  return parsed
}

/** Old Docker images type their config as plain bytes; such a blob may still be one. */
const UNTYPED_CONFIG = 'application/octet-stream'
/** An octet-stream config is read only up to this size (old Docker configs are small). */
const MAX_UNTYPED_CONFIG_BYTES = 1024 * 1024

/**
 * An image config read and validated with the schema: undefined when the descriptor's type is
 * not an image config (an artifact's), MALFORMED naming the blob when it is one but is broken.
 */
export async function readImageConfig(
  source: ImageSource,
  descriptor: Descriptor,
  options: SourceCallOptions,
): Promise<ImageConfig | undefined> {
  const mediaType = descriptor.mediaType.split(';')[0]?.trim().toLowerCase() ?? ''
  const typed = mediaType === MEDIA_TYPES.ociConfig || mediaType === MEDIA_TYPES.dockerConfig
  const untyped = mediaType === UNTYPED_CONFIG && descriptor.size <= MAX_UNTYPED_CONFIG_BYTES
  if (!typed && !untyped) return undefined
  const blob = await source.fetchSmallBlob(descriptor, options)
  let value: unknown
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(blob.bytes))
  } catch {
    if (!typed) return undefined
    throw new StrataError('MALFORMED', `config blob ${descriptor.digest} is not JSON`, {
      subject: descriptor.digest,
    })
  }
  // An octet-stream blob is taken for the image config only when it looks like one and is.
  if (!typed && !looksLikeImageConfig(value)) return undefined
  try {
    return validateConfig(value)
  } catch (error) {
    if (!typed) return undefined
    const why = error instanceof StrataError ? error.message : 'it does not match the schema'
    throw new StrataError('MALFORMED', `config blob ${descriptor.digest}: ${why}`, {
      subject: descriptor.digest,
    })
  }
}

function looksLikeImageConfig(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const fields = value as Readonly<Record<string, unknown>>
  return typeof fields.os === 'string' && typeof fields.architecture === 'string'
}
