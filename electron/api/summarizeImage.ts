// What one tag or digest points at, for the tags list: digest, media type, total size,
// platforms and created time. For an index, every image it names is read (with bounded
// concurrency) so the size counts each distinct blob once. Created: the config's `created`,
// else the org.opencontainers.image.created annotation; for an index, its own annotation,
// else what its first runnable image says.

import type { ImageSummary } from '../../shared/api'
import { describeMediaType } from '../../shared/oci/mediaTypes'
import { StrataError } from '../../shared/errors'
import type { Annotations, Descriptor } from '../../shared/oci/types'
import { platformString } from '../../shared/format'
import { MAX_UNTYPED_CONFIG_BYTES } from '../graph/configDocument'
import type { ImageSource } from '../sources/imageSource'
import { Semaphore } from '../util/semaphore'

const MAX_CHILDREN = 64
const CREATED_ANNOTATION = 'org.opencontainers.image.created'
const OCTET_STREAM = 'application/octet-stream'

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
    const childCreated = new Map<number, () => Promise<string | undefined>>()
    await Promise.all(
      children.map((child, position) =>
        limit.run(async () => {
          const runnable = child.platform !== undefined && child.platform.os !== 'unknown'
          if (child.platform && runnable) platforms.push(platformString(child.platform))
          sizes.set(child.digest, child.size)
          if (describeMediaType(child.mediaType).kind !== 'manifest') return
          const childManifest = await source.fetchManifest(child, { signal })
          if (childManifest.parsed.kind === 'manifest') {
            const document = childManifest.parsed.document
            addBlobSizes(sizes, [document.config, ...document.layers])
            if (runnable || child.platform === undefined) {
              childCreated.set(position, async () => {
                const facts = await readConfigFacts(source, document.config, signal)
                return facts.created ?? annotatedCreated(document.annotations)
              })
            }
          }
        }),
      ),
    )
    created = annotatedCreated(parsed.document.annotations)
    if (created === undefined) {
      const first = [...childCreated.entries()].sort(([a], [b]) => a - b)[0]
      // Only a nicety for the list: a config that cannot be read leaves it out.
      created = await first?.[1]().catch(() => undefined)
    }
  } else if (parsed.kind === 'manifest') {
    const { config, layers } = parsed.document
    addBlobSizes(sizes, [config, ...layers])
    const facts = await readConfigFacts(source, config, signal)
    if (facts.platform) platforms.push(facts.platform)
    created = facts.created ?? annotatedCreated(parsed.document.annotations)
  }
  const rateLimit = source.rateLimit?.()
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

/**
 * The platform and created time a config states (nothing for artifacts' configs). A config
 * typed application/octet-stream (old Docker images) is read too, when it is JSON.
 */
async function readConfigFacts(
  source: ImageSource,
  config: Descriptor,
  signal: AbortSignal | undefined,
): Promise<{ readonly platform?: string; readonly created?: string }> {
  const typed = describeMediaType(config.mediaType).kind === 'config'
  const untyped = config.mediaType === OCTET_STREAM && config.size <= MAX_UNTYPED_CONFIG_BYTES
  if (!typed && !untyped) return {}
  const blob = await source.fetchSmallBlob(config, { signal })
  const parsed = configObject(blob.bytes)
  if (parsed === undefined) {
    if (!typed) return {}
    throw new StrataError(
      'MALFORMED',
      `config blob ${config.digest} is not a JSON object, so the image's platform and creation time cannot be read`,
      { subject: config.digest },
    )
  }
  const created = validDate(parsed.created)
  const platform =
    typeof parsed.os === 'string' && typeof parsed.architecture === 'string'
      ? platformString({
          os: parsed.os,
          architecture: parsed.architecture,
          ...(typeof parsed.variant === 'string' ? { variant: parsed.variant } : {}),
        })
      : undefined
  return {
    ...(platform !== undefined ? { platform } : {}),
    ...(created !== undefined ? { created } : {}),
  }
}

/** The config's JSON object, or undefined when the bytes are not one. */
function configObject(bytes: Uint8Array): Readonly<Record<string, unknown>> | undefined {
  let value: unknown
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    return undefined
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Readonly<Record<string, unknown>>)
    : undefined
}

function annotatedCreated(annotations: Annotations | undefined): string | undefined {
  return validDate(annotations?.[CREATED_ANNOTATION])
}

/** A timestamp worth showing: text that parses as a date (garbage is left out). */
function validDate(value: unknown): string | undefined {
  return typeof value === 'string' && !isNaN(Date.parse(value)) ? value : undefined
}
