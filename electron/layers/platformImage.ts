// The one runnable image a reference names, for the files operations: the manifest itself, or
// for an index the child for the platform asked for (default: the first runnable platform).

import { StrataError } from '../../shared/errors'
import { platformString } from '../../shared/format'
import { describeMediaType } from '../../shared/oci/mediaTypes'
import type { Descriptor } from '../../shared/oci/types'
import type { ImageSource } from '../sources/imageSource'

export interface PlatformImage {
  /** Digest of the image manifest (not of the index that named it). */
  readonly manifestDigest: string
  readonly layers: readonly Descriptor[]
}

export async function resolvePlatformImage(
  source: ImageSource,
  platform: string | undefined,
  signal?: AbortSignal,
): Promise<PlatformImage> {
  const root = await source.resolve({ signal })
  const top = await source.fetchManifest(root, { signal })
  if (top.parsed.kind === 'manifest') {
    return { manifestDigest: root.digest, layers: top.parsed.document.layers }
  }
  if (top.parsed.kind !== 'index') {
    throw new StrataError(
      'UNAVAILABLE',
      'Files are shown for OCI and Docker v2 images; this is a legacy schema 1 manifest.',
      { subject: source.ref },
    )
  }
  const runnable = top.parsed.document.manifests.filter(
    (child) =>
      describeMediaType(child.mediaType).kind === 'manifest' &&
      child.platform !== undefined &&
      child.platform.os !== 'unknown',
  )
  const child =
    platform === undefined
      ? runnable[0]
      : runnable.find((c) => c.platform && platformString(c.platform) === platform)
  if (!child) {
    const names = runnable.map((c) => (c.platform ? platformString(c.platform) : '?'))
    throw new StrataError(
      'NOT_FOUND',
      platform === undefined
        ? 'This index names no runnable platform image.'
        : `No ${platform} image in this index (it has: ${names.join(', ') || 'none'}).`,
      { subject: 'platform' },
    )
  }
  const manifest = await source.fetchManifest(child, { signal })
  if (manifest.parsed.kind !== 'manifest') {
    throw new StrataError(
      'MALFORMED',
      `The ${platform ?? 'first'} entry of the index is not an image manifest.`,
    )
  }
  return { manifestDigest: child.digest, layers: manifest.parsed.document.layers }
}
