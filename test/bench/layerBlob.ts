// A layer file on disk as the app opens a local blob: a descriptor (digest computed once,
// outside any timing) and a stream that hashes while it flows (openVerifiedFile).

import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { Readable } from 'node:stream'
import type { Descriptor } from '../../shared/oci/types'
import type { LayerRef } from '../../electron/files/layerIndexService'
import { openVerifiedFile } from '../../electron/sources/blobFile'

export interface LayerFile {
  readonly path: string
  readonly descriptor: Descriptor
}

const digests = new Map<string, string>()

async function sha256OfFile(path: string): Promise<string> {
  const known = digests.get(path)
  if (known !== undefined) return known
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) {
    hash.update(chunk as Buffer)
  }
  const digest = `sha256:${hash.digest('hex')}`
  digests.set(path, digest)
  return digest
}

export async function layerFile(path: string, mediaType: string): Promise<LayerFile> {
  const size = (await stat(path)).size
  return { path, descriptor: { mediaType, digest: await sha256OfFile(path), size } }
}

/** The blob as a local store serves it: size checked up front, digest checked at the end. */
export function openLayerFile(layer: LayerFile): Promise<Readable> {
  return openVerifiedFile(layer.path, layer.descriptor)
}

export function layerRef(layer: LayerFile): LayerRef {
  return { digest: layer.descriptor.digest, open: () => openLayerFile(layer) }
}
