// What one tag or digest points at, for the tags list: digest, media type, total size,
// platforms and created time. For an index, every image it names is read (with bounded
// concurrency) so the size counts each distinct blob once. Created: the config's `created`,
// else the org.opencontainers.image.created annotation; for an index, its own annotation,
// else what the image sources/openImage would pick by default says. Configs are read and
// validated there too.

import type { ImageSummary } from '../../shared/api'
import { describeMediaType } from '../../shared/oci/mediaTypes'
import { chooseImage, isAttestationManifest } from '../../shared/oci/platforms'
import type { Annotations, Descriptor, ImageManifest } from '../../shared/oci/types'
import { platformString } from '../../shared/format'
import type { ImageSource } from '../sources/imageSource'
import { rateLimitOf } from '../sources/imageSource'
import { readImageConfig } from '../sources/openImage'
import { Semaphore } from '../util/semaphore'

const MAX_CHILDREN = 64
const CREATED_ANNOTATION = 'org.opencontainers.image.created'

export async function summarizeImage(
  source: ImageSource,
  signal?: AbortSignal,
): Promise<ImageSummary> {
  const root = await source.resolve({ signal })
  const sizes = new Map<string, number>([[root.digest, root.size]])
  const platforms: string[] = []
  const manifest = await source.fetchManifest(root, { signal })
  const { parsed } = manifest
  let created: string | undefined
  if (parsed.kind === 'index') {
    const limit = new Semaphore(4)
    const children = parsed.document.manifests.slice(0, MAX_CHILDREN)
    const images = new Map<string, ImageManifest>()
    await Promise.all(
      children.map((child) =>
        limit.run(async () => {
          const runnable = child.platform !== undefined && child.platform.os !== 'unknown'
          if (child.platform && runnable) platforms.push(platformString(child.platform))
          sizes.set(child.digest, child.size)
          if (describeMediaType(child.mediaType).kind !== 'manifest') return
          const childManifest = await source.fetchManifest(child, { signal })
          if (childManifest.parsed.kind === 'manifest') {
            const document = childManifest.parsed.document
            addBlobSizes(sizes, [document.config, ...document.layers])
            if (!isAttestationManifest(child)) images.set(child.digest, document)
          }
        }),
      ),
    )
    created = annotatedCreated(parsed.document.annotations)
    if (created === undefined) {
      const chosen = chooseImage(
        children.filter((child) => images.has(child.digest)),
        undefined,
      )
      const document = chosen !== undefined ? images.get(chosen.digest) : undefined
      // Only a nicety for the list: a config that cannot be read leaves it out.
      created =
        document === undefined
          ? undefined
          : await readConfigFacts(source, document.config, signal).then(
              (facts) => facts.created ?? annotatedCreated(document.annotations),
              () => undefined,
            )
    }
  } else if (parsed.kind === 'manifest') {
    const { config, layers } = parsed.document
    addBlobSizes(sizes, [config, ...layers])
    const facts = await readConfigFacts(source, config, signal)
    if (facts.platform) platforms.push(facts.platform)
    created = facts.created ?? annotatedCreated(parsed.document.annotations)
  }
  const rateLimit = rateLimitOf(source)
  return {
    ref: source.ref,
    digest: root.digest,
    mediaType: parsed.mediaType,
    kind: parsed.kind === 'schema1' ? 'schema1' : parsed.kind,
    totalSize: [...sizes.values()].reduce((sum, size) => sum + size, 0),
    platforms: [...new Set(platforms)].sort(),
    ...(created !== undefined ? { created } : {}),
    ...(rateLimit ? { rateLimit } : {}),
  }
}

function addBlobSizes(sizes: Map<string, number>, blobs: readonly Descriptor[]): void {
  for (const blob of blobs) sizes.set(blob.digest, blob.size)
}

/** The platform and created time a config states (nothing for artifacts' configs). */
async function readConfigFacts(
  source: ImageSource,
  descriptor: Descriptor,
  signal: AbortSignal | undefined,
): Promise<{ readonly platform?: string; readonly created?: string }> {
  const config = await readImageConfig(source, descriptor, signal !== undefined ? { signal } : {})
  if (config === undefined) return {}
  const created = validDate(config.created)
  const platform =
    config.os !== '' && config.architecture !== ''
      ? platformString({
          os: config.os,
          architecture: config.architecture,
          ...(config.variant !== undefined ? { variant: config.variant } : {}),
        })
      : undefined
  return {
    ...(platform !== undefined ? { platform } : {}),
    ...(created !== undefined ? { created } : {}),
  }
}

function annotatedCreated(annotations: Annotations | undefined): string | undefined {
  return validDate(annotations?.[CREATED_ANNOTATION])
}

/** A timestamp worth showing: text that parses as a date (garbage is left out). */
function validDate(value: unknown): string | undefined {
  return typeof value === 'string' && !isNaN(Date.parse(value)) ? value : undefined
}
