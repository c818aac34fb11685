// Reads a container source the way the Files view does (every layer indexed, the writable
// layer last) and shapes the answers like `docker diff` / `podman diff` print them.

import { rmSync } from 'node:fs'
import { text } from 'node:stream/consumers'
import { LayerIndexCache } from '../../electron/files/layerIndexCache'
import { ImageLayers } from '../../electron/files/imageLayers'
import { LayerIndexService } from '../../electron/files/layerIndexService'
import type { ImageSource } from '../../electron/sources/imageSource'
import { pickImage } from '../../electron/sources/openImage'
import { tempDir } from './layerTars'

let cacheDir: string | undefined

/** One index cache per test process, removed when it exits. */
function indexCache(): LayerIndexCache {
  if (cacheDir === undefined) {
    const dir = tempDir('container-index')
    cacheDir = dir
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }))
  }
  return new LayerIndexCache(cacheDir)
}

export async function containerLayers(source: ImageSource): Promise<ImageLayers> {
  const picked = await pickImage(source)
  const service = new LayerIndexService(indexCache(), { worker: false })
  const refs = picked.layers.map((layer) => ({
    digest: layer.digest,
    open: (signal?: AbortSignal) => source.openBlob(layer, signal ? { signal } : {}),
  }))
  return ImageLayers.load(refs, service)
}

/** The top layer's changes as "A /path", "C /path", "D /path", sorted. */
export function topLayerChanges(layers: ImageLayers): string[] {
  const letter = { added: 'A', modified: 'C', deleted: 'D' } as const
  return layers
    .changes(layers.layerCount - 1)
    .map((c) => `${letter[c.kind as keyof typeof letter] ?? c.kind} /${c.path.replace(/^\/+/, '')}`)
    .sort()
}

export async function readText(layers: ImageLayers, path: string): Promise<string> {
  return text((await layers.openFile(path)).stream)
}

/** `docker diff` / `podman diff` text output ("C /etc\nA /etc/x"), sorted. */
export function diffLines(output: string): string[] {
  return output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^[ACD] \//.test(line))
    .sort()
}
