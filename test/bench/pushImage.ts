// Getting bench images into the loopback registry: one image from a layer file (pushed with
// the harness pusher) and many tags on one manifest (PUTs over an undici keep-alive pool).

import { readFile } from 'node:fs/promises'
import { Pool } from 'undici'
import { OCI, sha256Digest } from '../harness/ociBuilder'
import { RegistryPusher } from '../harness/ociPusher'
import type { LayerFile } from './layerBlob'
import { BenchFailure } from './shell'

export interface PushedManifest {
  readonly repository: string
  readonly digest: string
  readonly bytes: Uint8Array
  readonly mediaType: string
  /** The config blob the manifest names. */
  readonly config: Uint8Array
}

const encoder = new TextEncoder()

/** Pushes an image whose one layer is `layer` (read whole: fine for the ~50 MB rootfs). */
export async function pushLayerImage(
  host: string,
  repository: string,
  tag: string,
  layer: LayerFile,
): Promise<PushedManifest> {
  const pusher = new RegistryPusher({ host })
  const config = encoder.encode(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      rootfs: { type: 'layers', diff_ids: [] },
      config: {},
    }),
  )
  const configDescriptor = {
    mediaType: OCI.config,
    digest: sha256Digest(config),
    size: config.length,
  }
  const manifest = encoder.encode(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI.manifest,
      config: configDescriptor,
      layers: [layer.descriptor],
    }),
  )
  await pusher.pushBlob(repository, configDescriptor.digest, config)
  await pusher.pushBlob(repository, layer.descriptor.digest, await readFile(layer.path))
  const digest = await pusher.pushManifest(repository, tag, manifest, OCI.manifest)
  return { repository, digest, bytes: manifest, mediaType: OCI.manifest, config }
}

/** Puts `manifest` under every tag, `concurrency` PUTs in flight on keep-alive connections. */
export async function pushManyTags(
  registryUrl: string,
  manifest: PushedManifest,
  tags: readonly string[],
  concurrency: number,
): Promise<void> {
  const pool = new Pool(registryUrl, { connections: concurrency })
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < tags.length) {
      const tag = tags[next++]
      if (tag === undefined) return
      const response = await pool.request({
        path: `/v2/${manifest.repository}/manifests/${tag}`,
        method: 'PUT',
        headers: { 'content-type': manifest.mediaType },
        body: manifest.bytes,
      })
      await response.body.dump()
      if (response.statusCode !== 201) {
        throw new BenchFailure(`PUT tag ${tag} answered ${response.statusCode}`)
      }
    }
  }
  try {
    await Promise.all(Array.from({ length: concurrency }, worker))
  } finally {
    await pool.close()
  }
}
