// `npm run bench`: the layer-reading figures of issue 4 and the digest-rate figure of issue 5,
// measured side by side with their references in one run on this machine. Not part of
// `npm test`. The first run builds (and caches under ~/.cache/strata-bench/) a Debian minbase
// rootfs with debootstrap and a 1 GiB layer made from it.
//
// Environment: STRATA_BENCH_REPS (default 5), STRATA_BENCH_TAGS (default 2000),
// STRATA_BENCH_CONCURRENCY (default 8, the registry client's own in-flight limit),
// STRATA_BENCH_MARKDOWN=1 also prints the table as markdown (for the README).

import { cpus, loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import { startRegistry } from '../harness/registryServer'
import { OCI } from '../harness/ociBuilder'
import { bigGzipLayer } from './bigLayer'
import { bundledWorkerUrl } from './bundledWorker'
import { measureDigestRate } from './digestRate'
import { measureFirstEntry } from './firstEntry'
import { formatHostileRuns, measureHostileRss } from './hostileRss'
import { measureIndexing } from './indexTiming'
import { measureNode24Index } from './node24Index'
import { measureTocListing } from './tocListing'
import { layerFile } from './layerBlob'
import { measureOneFileFetch } from './oneFileFetch'
import { measurePeakRss } from './peakRss'
import { measureRandomReads } from './randomReads'
import { pushLayerImage, pushManyTags } from './pushImage'
import type { BenchResults } from './report'
import { formatClosing, formatMarkdown, formatTable } from './report'
import { rootfsLayers, tinyGzipLayer } from './rootfsLayer'
import { BenchFailure } from './shell'

const ZSTD_LAYER = 'application/vnd.oci.image.layer.v1.tar+zstd'
const ONE_FILE = 'usr/bin/ls'

function numberFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name])
  return Number.isInteger(value) && value > 0 ? value : fallback
}

async function main(): Promise<void> {
  const reps = numberFromEnv('STRATA_BENCH_REPS', 5)
  const tagCount = numberFromEnv('STRATA_BENCH_TAGS', 2000)
  const concurrency = numberFromEnv('STRATA_BENCH_CONCURRENCY', 8)
  const cpu = cpus()[0]?.model ?? 'unknown CPU'
  console.log(`Strata bench: Node ${process.version}, ${cpus().length} × ${cpu}, ${reps} reps`)
  const loadAtStart = loadavg()[0] ?? 0

  const rootfs = await rootfsLayers()
  const gzip = await layerFile(rootfs.gzip, OCI.layerGzip)
  const zstd = await layerFile(rootfs.zstd, ZSTD_LAYER)
  const big = await bigGzipLayer(rootfs.tar)

  console.log('indexing: Strata vs gunzip vs tar, gzip and zstd…')
  const index = await measureIndexing(gzip, zstd, reps)
  console.log('indexing zstd under Node 24 (native zstd) vs zstd | tar…')
  const node24Index = await measureNode24Index(zstd, reps)
  if ('skip' in node24Index) console.log(node24Index.skip)
  console.log('peak RSS while indexing the 1 GiB layer (child process)…')
  const rss = await measurePeakRss(big)
  console.log('peak RSS over the hostile layers of issue 10 (child processes)…')
  const hostile = await measureHostileRss(fileURLToPath(await bundledWorkerUrl()))

  const registry = await startRegistry()
  try {
    console.log('one-file fetch through the loopback registry…')
    const image = { repository: 'bench/rootfs', tag: 'v1' }
    const rootfsImage = await pushLayerImage(registry.host, image.repository, image.tag, gzip)
    const oneFile = await measureOneFileFetch(registry.url, image, gzip, rootfs.tar, ONE_FILE)
    console.log('random reads: 200 files through the registry, then a local layout…')
    const randomReads = await measureRandomReads(
      registry.host,
      image,
      rootfsImage,
      gzip,
      rootfs.tar,
    )

    console.log(`digest rate: ${tagCount} tags, ${concurrency} in flight…`)
    const small = await pushLayerImage(
      registry.host,
      'bench/tags',
      'tag-0',
      await layerFile(await tinyGzipLayer(), OCI.layerGzip),
    )
    const tags = Array.from({ length: tagCount }, (_, i) => `tag-${i}`)
    await pushManyTags(registry.url, small, tags.slice(1), 16)
    const digests = await measureDigestRate(registry, small, tags, { concurrency, rounds: reps })
    console.log('first entries of the un-indexed rootfs layer through a 20 MiB/s proxy…')
    const firstEntry = await measureFirstEntry(registry.host, image, gzip.descriptor.size, reps)
    console.log('listing a zstd:chunked rootfs layer (skopeo) from its table of contents…')
    const tocList = await measureTocListing(registry.host, rootfs.tar)

    const results: BenchResults = {
      index,
      oneFile,
      rss,
      digests,
      randomReads,
      firstEntry,
      node24Index,
      tocList,
    }
    console.log('')
    console.log(formatTable(results))
    console.log('')
    console.log(
      `one-file read details: ${oneFile.coldBytes} bytes fetched with an empty blob cache, ` +
        `${oneFile.warmBytes} right after indexing in the same session, ` +
        `${oneFile.indexBytes} to index; layer ${oneFile.layerSize} bytes, ` +
        `${oneFile.checkpoints} checkpoints, largest span + file ` +
        `${oneFile.spanPlusFileBytes ?? 'n/a'} bytes; ` +
        `${index.uncompressedBytes} uncompressed, ${index.entries} entries`,
    )
    console.log(
      `digest rate details: client CPU per tag ${digests.strataCpuUsPerTag.toFixed(0)} µs ` +
        `(Strata) vs ${digests.bareCpuUsPerTag.toFixed(0)} µs (bare undici); the registry ` +
        `shares the same cores`,
    )
    // Other work on the machine skews wall-clock figures; say how busy it was.
    console.log(
      `1-minute load average: ${loadAtStart.toFixed(1)} at start, ` +
        `${(loadavg()[0] ?? 0).toFixed(1)} at end (${cpus().length} cores)`,
    )
    if (process.env.STRATA_BENCH_MARKDOWN === '1') console.log(`\n${formatMarkdown(results)}`)
    console.log('')
    console.log(formatClosing(results))
    console.log(
      `hostile layers, peak RSS per run (target ≤ 250 MB):\n${formatHostileRuns(hostile)}`,
    )
    console.log(`hostile_peak_rss_mb: ${hostile.peakRssMb.toFixed(0)}`)
  } finally {
    await registry.stop()
  }
}

main().then(
  // Services keep keep-alive sockets and watchers; the figures are out, so leave now.
  () => process.exit(0),
  (error: unknown) => {
    const message = error instanceof BenchFailure ? error.message : String(error)
    console.error(`bench failed: ${message}`)
    if (!(error instanceof BenchFailure) && error instanceof Error) console.error(error.stack)
    process.exit(1)
  },
)
