// checkImageSource(): everything a source serves for one reference, checked from the outside
// (in the spirit of go-containerregistry's validate.Image). It resolves the reference, reads
// the manifest (or the index and every image under it, nested indexes too), streams every blob
// and hashes it here rather than trusting the source's own check, validates each config with
// the schema, and decompresses each layer to compare its hash with the config's rootfs.diff_ids.
// Any disagreement throws an AssertionError that names the reference and the object.

import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGunzip } from 'node:zlib'
import { isIndexMediaType, isManifestMediaType } from '../../shared/oci/mediaTypes'
import { parseManifestBytes } from '../../shared/oci/parseManifest'
import type { Descriptor, ImageManifest } from '../../shared/oci/types'
import { validateConfig } from '../../shared/oci/validate'
import type { ImageSource } from '../../electron/sources/imageSource'
import { UNKNOWN_SIZE } from '../../electron/sources/imageSource'

/** One image found under the reference, as checked. */
export interface CheckedImage {
  readonly manifestDigest: string
  readonly configDigest: string
  readonly diffIds: readonly string[]
  /** Size in bytes of each layer blob, as streamed. */
  readonly layerSizes: readonly number[]
}

export interface CheckedSource {
  readonly root: Descriptor
  readonly images: readonly CheckedImage[]
}

const MAX_INDEX_DEPTH = 4

/** Checks every object `source` serves for `ref` (the reference it was opened with). */
export async function checkImageSource(source: ImageSource, ref: string): Promise<CheckedSource> {
  const root = await source.resolve()
  assert.match(root.digest, /^sha256:[0-9a-f]{64}$/, `${ref}: resolves to a digest`)
  const images: CheckedImage[] = []
  await checkManifest(source, ref, root, 0, images)
  assert.ok(images.length > 0, `${ref}: holds at least one image`)
  return { root, images }
}

async function checkManifest(
  source: ImageSource,
  ref: string,
  descriptor: Descriptor,
  depth: number,
  images: CheckedImage[],
): Promise<void> {
  const what = `${ref}: manifest ${descriptor.digest}`
  const fetched = await source.fetchManifest(descriptor)
  assertBytesMatch(fetched.bytes, descriptor, what)
  assert.equal(fetched.descriptor.digest, descriptor.digest, `${what}: answered for its digest`)
  const parsed = parseManifestBytes(fetched.bytes, fetched.parsed.mediaType)
  assert.equal(parsed.kind, fetched.parsed.kind, `${what}: parsed as the source parsed it`)
  if (parsed.kind === 'schema1') assert.fail(`${what}: schema 1 is not an image to check`)
  if (parsed.kind === 'index') {
    assert.ok(depth < MAX_INDEX_DEPTH, `${what}: indexes nest deeper than ${MAX_INDEX_DEPTH}`)
    for (const child of parsed.document.manifests) {
      if (isIndexMediaType(child.mediaType) || isManifestMediaType(child.mediaType)) {
        await checkManifest(source, ref, child, depth + 1, images)
      }
    }
    return
  }
  images.push(await checkImage(source, what, descriptor.digest, parsed.document))
}

async function checkImage(
  source: ImageSource,
  what: string,
  manifestDigest: string,
  manifest: ImageManifest,
): Promise<CheckedImage> {
  // The config, read whole and streamed: both must be the same verified bytes.
  const config = await source.fetchSmallBlob(manifest.config)
  assertBytesMatch(config.bytes, manifest.config, `${what}: config`)
  const streamed = await hashStream(await source.openBlob(manifest.config))
  assert.equal(streamed.digest, manifest.config.digest, `${what}: config streams to its digest`)
  assert.equal(streamed.size, config.bytes.length, `${what}: config streams whole`)
  const document: unknown = JSON.parse(new TextDecoder().decode(config.bytes))
  const parsedConfig = validateConfig(document)
  const diffIds = parsedConfig.rootfs.diff_ids
  assert.equal(
    manifest.layers.length,
    diffIds.length,
    `${what}: ${manifest.layers.length} layers but ${diffIds.length} diff IDs`,
  )
  const layerSizes: number[] = []
  for (const [index, layer] of manifest.layers.entries()) {
    const label = `${what}: layer ${index} (${layer.digest})`
    const blob = await hashLayer(await source.openBlob(layer))
    assert.equal(blob.digest, layer.digest, `${label}: streams to its digest`)
    if (layer.size !== UNKNOWN_SIZE) assert.equal(blob.size, layer.size, `${label}: size`)
    assert.equal(blob.diffId, diffIds[index], `${label}: uncompressed digest is the diff ID`)
    layerSizes.push(blob.size)
  }
  return { manifestDigest, configDigest: manifest.config.digest, diffIds, layerSizes }
}

function sha256(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`
}

function assertBytesMatch(bytes: Uint8Array, descriptor: Descriptor, what: string): void {
  assert.equal(sha256(bytes), descriptor.digest, `${what}: bytes hash to the digest`)
  if (descriptor.size !== UNKNOWN_SIZE) {
    assert.equal(bytes.length, descriptor.size, `${what}: size`)
  }
}

async function hashStream(stream: Readable): Promise<{ digest: string; size: number }> {
  const hash = createHash('sha256')
  let size = 0
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk)
    size += chunk.length
  }
  return { digest: `sha256:${hash.digest('hex')}`, size }
}

/**
 * One pass over a layer blob: the blob's own digest and size, and the digest of its
 * uncompressed bytes, decompressed here (gzip with zlib, zstd with the zstd tool) by magic.
 */
async function hashLayer(
  stream: Readable,
): Promise<{ digest: string; size: number; diffId: string }> {
  const chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>
  const first = await chunks.next()
  const head = first.done === true ? Buffer.alloc(0) : first.value
  const blobHash = createHash('sha256')
  let size = 0
  async function* counted(): AsyncGenerator<Buffer> {
    for (let next: IteratorResult<Buffer> = first; next.done !== true; next = await chunks.next()) {
      blobHash.update(next.value)
      size += next.value.length
      yield next.value
    }
  }
  const diffHash = createHash('sha256')
  const collect = async (plain: AsyncIterable<Buffer>): Promise<void> => {
    for await (const chunk of plain) diffHash.update(chunk)
  }
  if (head[0] === 0x1f && head[1] === 0x8b) {
    await pipeline(Readable.from(counted()), createGunzip(), collect)
  } else if (head.length >= 4 && head.readUInt32LE(0) === 0xfd2fb528) {
    const zstd = spawn('zstd', ['-dc'], { stdio: ['pipe', 'pipe', 'inherit'] })
    const exited = new Promise<number | null>((resolve) => zstd.once('close', resolve))
    await Promise.all([
      pipeline(Readable.from(counted()), zstd.stdin),
      collect(zstd.stdout as AsyncIterable<Buffer>),
    ])
    assert.equal(await exited, 0, 'zstd -dc decompresses the layer')
  } else {
    await collect(counted())
  }
  return {
    digest: `sha256:${blobHash.digest('hex')}`,
    size,
    diffId: `sha256:${diffHash.digest('hex')}`,
  }
}
