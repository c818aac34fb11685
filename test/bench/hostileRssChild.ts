// Child-process entry for the hostile-layer memory figure: indexes each layer file given
// (all at once, as the app would for several layers opened together) through the app's
// LayerIndexService (worker thread, verifying stream, index written to a temp cache), then
// lists it the way the files view does (root listing, every directory down the first branch,
// a search, the changes, efficiency, a directory-download plan), and prints the process's
// peak resident set (worker included) and each layer's outcome as JSON on stdout.
// Usage: node --import tsx test/bench/hostileRssChild.ts [--worker=FILE.js] LAYER_FILE...

import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { StrataError } from '../../shared/errors'
import { LayerIndexCache } from '../../electron/files/layerIndexCache'
import { planDirectoryTar } from '../../electron/files/directoryTarPlan'
import { ImageLayers } from '../../electron/files/imageLayers'
import { LayerIndexService } from '../../electron/files/layerIndexService'
import { layerFile, layerRef } from './layerBlob'
import { selfPeakRssKiB } from './selfPeakRss'

export interface HostileOutcome {
  readonly path: string
  /** "ok", or the StrataError code the layer ended in ("UNCAUGHT" for anything else). */
  readonly code: string
  readonly message: string
  readonly entries: number
  /** Directories listed, root included. */
  readonly listed: number
}

export interface HostileRssResult {
  readonly maxRssKiB: number
  readonly baselineRssKiB: number
  readonly outcomes: readonly HostileOutcome[]
}

const mediaTypeOf = (path: string): string =>
  path.endsWith('.zst')
    ? 'application/vnd.oci.image.layer.v1.tar+zstd'
    : 'application/vnd.oci.image.layer.v1.tar+gzip'

async function indexAndList(service: LayerIndexService, path: string): Promise<HostileOutcome> {
  let entries = 0
  let listed = 0
  try {
    const layer = await layerFile(path, mediaTypeOf(path))
    const image = await ImageLayers.load([layerRef(layer)], service)
    entries = image.indexes[0]?.entries.length ?? 0
    // Down the first branch, one directory at a time, like a user opening folders.
    let dir = ''
    for (;;) {
      const children = image.list(dir)
      listed++
      const next = children.find((node) => node.entry.type === 'dir')
      if (!next) break
      dir = next.entry.path
    }
    image.search('*')
    image.changes(0)
    image.efficiency()
    planDirectoryTar(image.tree().view, image.indexes, '')
    return { path, code: 'ok', message: '', entries, listed }
  } catch (error) {
    if (error instanceof StrataError) {
      return { path, code: error.code, message: error.message.slice(0, 300), entries, listed }
    }
    const message = error instanceof Error ? error.message : String(error)
    return { path, code: 'UNCAUGHT', message: message.slice(0, 300), entries, listed }
  }
}

async function main(args: readonly string[]): Promise<void> {
  const baselineRssKiB = Math.round(process.memoryUsage().rss / 1024)
  const workerArg = args.find((arg) => arg.startsWith('--worker='))
  const paths = args.filter((arg) => !arg.startsWith('--'))
  const dir = await mkdtemp(join(tmpdir(), 'strata-hostile-rss-'))
  try {
    const service = new LayerIndexService(
      new LayerIndexCache(dir),
      workerArg ? { workerUrl: pathToFileURL(workerArg.slice('--worker='.length)) } : {},
    )
    const outcomes = await Promise.all(paths.map((path) => indexAndList(service, path)))
    const result: HostileRssResult = {
      maxRssKiB: selfPeakRssKiB(),
      baselineRssKiB,
      outcomes,
    }
    process.stdout.write(JSON.stringify(result) + '\n')
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
