// Bytes fetched to list a layer that carries a table of contents: the debootstrap rootfs as
// a zstd:chunked layer written by skopeo (a real tool), pushed to the loopback registry and
// indexed by the app's handlers through a byte-counting proxy. Listing it fetches the TOC
// (and nothing else of the layer); the figure is those bytes over the layer's size.

import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Services } from '../../electron/api/services'
import { tocLayerImage, zstdChunkedFromTar } from '../harness/chunkedLayers'
import { startCountingProxy } from '../harness/countingProxy'
import { callHandler } from '../harness/handlerCalls'
import { sha256 } from '../harness/layerTars'
import { RegistryPusher } from '../harness/ociPusher'
import { handlersOver } from './oneFileFetch'
import { BenchFailure } from './shell'

export interface TocListFigures {
  readonly format: string
  readonly layerSize: number
  readonly listBytes: number
  readonly entries: number
}

export async function measureTocListing(
  registryHost: string,
  rootfsTar: string,
): Promise<TocListFigures> {
  const opened: Services[] = []
  const tar = await readFile(rootfsTar)
  const layer = zstdChunkedFromTar(tar)
  const { config, manifest } = tocLayerImage(layer)
  const repository = 'bench/rootfs-chunked'
  const pusher = new RegistryPusher({ host: registryHost })
  await pusher.pushBlob(repository, sha256(layer.blob), layer.blob)
  await pusher.pushBlob(repository, sha256(config), config)
  await pusher.pushManifest(
    repository,
    'v1',
    manifest,
    'application/vnd.oci.image.manifest.v1+json',
  )
  const proxy = await startCountingProxy(registryHost)
  const dataDir = await mkdtemp(join(tmpdir(), 'strata-bench-toc-'))
  try {
    const table = await handlersOver(dataDir, opened)
    const ref = `docker://${proxy.host}/${repository}:v1`
    // Resolving the reference (manifest, config) is not the layer's cost.
    await callHandler(table, 'image:summary', { ref })
    proxy.reset()
    const info = await callHandler(table, 'layers:index', { ref, layer: '1' })
    if (info.toc?.listedFromToc !== true) {
      throw new BenchFailure(
        `the zstd:chunked rootfs was not listed from its TOC: ${JSON.stringify(info.toc)}`,
      )
    }
    return {
      format: info.toc.format,
      layerSize: layer.blob.length,
      listBytes: proxy.bytesFromUpstream(),
      entries: info.entryCount,
    }
  } finally {
    await Promise.allSettled(opened.map((services) => services.close()))
    await proxy.close()
    await rm(dataDir, { recursive: true, force: true })
  }
}
