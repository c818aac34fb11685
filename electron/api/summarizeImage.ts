// What one tag or digest points at, for the tags list: digest, media type, total size and
// platforms. For an index, every image it names is read (with bounded concurrency) so the
// size counts each distinct blob once.

import type { ImageSummary } from '../../shared/api'
import { describeMediaType } from '../../shared/oci/mediaTypes'
import type { Descriptor, ImageConfig } from '../../shared/oci/types'
import { platformString } from '../../shared/format'
import type { ImageSource } from '../sources/imageSource'
import { Semaphore } from '../util/semaphore'

const MAX_CHILDREN = 64

export async function summarizeImage(
  source: ImageSource,
  signal?: AbortSignal,
): Promise<ImageSummary> {
  const root = await source.resolve({ signal })
  const sizes = new Map<string, number>([[root.digest, root.size]])
  const platforms: string[] = []
  const manifest = await source.fetchManifest(root, { signal })
  const { parsed } = manifest
  if (parsed.kind === 'index') {
    const limit = new Semaphore(4)
    const children = parsed.document.manifests.slice(0, MAX_CHILDREN)
    await Promise.all(
      children.map((child) =>
        limit.run(async () => {
          if (child.platform && child.platform.os !== 'unknown') {
            platforms.push(platformString(child.platform))
          }
          sizes.set(child.digest, child.size)
          if (describeMediaType(child.mediaType).kind !== 'manifest') return
          const childManifest = await source.fetchManifest(child, { signal })
          if (childManifest.parsed.kind === 'manifest') {
            addBlobSizes(sizes, [
              childManifest.parsed.document.config,
              ...childManifest.parsed.document.layers,
            ])
          }
        }),
      ),
    )
  } else if (parsed.kind === 'manifest') {
    const { config, layers } = parsed.document
    addBlobSizes(sizes, [config, ...layers])
    const platform = await readPlatform(source, config, signal)
    if (platform) platforms.push(platform)
  }
  const rateLimit = source.rateLimit?.()
  return {
    ref: source.ref,
    digest: root.digest,
    mediaType: parsed.mediaType,
    kind: parsed.kind === 'schema1' ? 'schema1' : parsed.kind,
    totalSize: [...sizes.values()].reduce((sum, size) => sum + size, 0),
    platforms: [...new Set(platforms)].sort(),
    ...(rateLimit ? { rateLimit } : {}),
  }
}

function addBlobSizes(sizes: Map<string, number>, blobs: readonly Descriptor[]): void {
  for (const blob of blobs) sizes.set(blob.digest, blob.size)
}

async function readPlatform(
  source: ImageSource,
  config: Descriptor,
  signal: AbortSignal | undefined,
): Promise<string | undefined> {
  if (describeMediaType(config.mediaType).kind !== 'config') return undefined
  const blob = await source.fetchSmallBlob(config, { signal })
  const parsed = JSON.parse(new TextDecoder().decode(blob.bytes)) as Partial<ImageConfig>
  if (typeof parsed.os !== 'string' || typeof parsed.architecture !== 'string') return undefined
  return platformString({
    os: parsed.os,
    architecture: parsed.architecture,
    ...(typeof parsed.variant === 'string' ? { variant: parsed.variant } : {}),
  })
}
