// The random-read figures alone (`node --import tsx test/bench/randomReadsCli.ts`): the same
// measurement `npm run bench` makes, without the rest of the bench.

import { OCI } from '../harness/ociBuilder'
import { startRegistry } from '../harness/registryServer'
import { layerFile } from './layerBlob'
import { pushLayerImage } from './pushImage'
import { measureRandomReads } from './randomReads'
import { rootfsLayers } from './rootfsLayer'

const rootfs = await rootfsLayers()
const gzip = await layerFile(rootfs.gzip, OCI.layerGzip)
const registry = await startRegistry()
try {
  const image = { repository: 'bench/rootfs', tag: 'v1' }
  const pushed = await pushLayerImage(registry.host, image.repository, image.tag, gzip)
  const figures = await measureRandomReads(registry.host, image, pushed, gzip, rootfs.tar)
  console.log(JSON.stringify(figures, null, 2))
  console.log(`random_read_ok: ${(figures.exact / figures.reads).toFixed(2)}`)
  console.log(`random_read_p95_ms: ${figures.registry.p95Ms.toFixed(0)}`)
} finally {
  await registry.stop()
}
process.exit(0)
