// A ~90 MB gzip layer of real files for the streaming tests: the benchmark's Debian rootfs
// layer when `npm run bench` has made it (~/.cache/strata-bench/rootfs.tar.gz), else a tar of
// this machine's /usr (real names, real contents, sorted, numeric owners) cut at about 250 MB
// and gzipped, made once and kept under the temp directory.

import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { createReadStream, existsSync } from 'node:fs'
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises'
import { homedir, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import type { Descriptor } from '../../shared/oci/types'
import { OCI, sha256Digest } from './ociBuilder'
import { RegistryPusher } from './ociPusher'

const run = promisify(execFile)

export interface RealLayer {
  readonly path: string
  readonly descriptor: Descriptor
}

const BENCH_LAYER = join(
  process.env.STRATA_BENCH_CACHE ?? join(homedir(), '.cache', 'strata-bench'),
  'rootfs.tar.gz',
)
const MADE_LAYER = join(tmpdir(), 'strata-test-cache', 'usr-250mb.tar.gz')

let made: Promise<RealLayer> | undefined

/** The layer file and its descriptor (digest computed once per process). */
export function bigRealGzipLayer(): Promise<RealLayer> {
  made ??= (async () => {
    const path = existsSync(BENCH_LAYER) ? BENCH_LAYER : await makeUsrLayer()
    return {
      path,
      descriptor: {
        mediaType: OCI.layerGzip,
        digest: await sha256Of(path),
        size: (await stat(path)).size,
      },
    }
  })()
  return made
}

/** Pushes a one-layer image of `layer` (config, blob, manifest under `tag`) to `host`. */
export async function pushRealLayerImage(
  host: string,
  repository: string,
  tag: string,
  layer: RealLayer,
): Promise<void> {
  const pusher = new RegistryPusher({ host })
  const encoder = new TextEncoder()
  const config = encoder.encode(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      rootfs: { type: 'layers', diff_ids: [] },
    }),
  )
  const configDescriptor = {
    mediaType: OCI.config,
    digest: sha256Digest(config),
    size: config.length,
  }
  await pusher.pushBlob(repository, configDescriptor.digest, config)
  await pusher.pushBlob(repository, layer.descriptor.digest, await readFile(layer.path))
  const manifest = encoder.encode(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI.manifest,
      config: configDescriptor,
      layers: [layer.descriptor],
    }),
  )
  await pusher.pushManifest(repository, tag, manifest, OCI.manifest)
}

async function makeUsrLayer(): Promise<string> {
  if (existsSync(MADE_LAYER)) return MADE_LAYER
  await mkdir(dirname(MADE_LAYER), { recursive: true })
  const partial = `${MADE_LAYER}.${process.pid}.partial`
  const list = `${partial}.list`
  // Every path under /usr in name order (directories before what they hold), up to 250 MB of
  // file data, then tarred as listed.
  await run(
    'sh',
    [
      '-c',
      `find /usr -xdev \\( -type f -o -type d -o -type l \\) -printf '%s %p\\n' 2>/dev/null | ` +
        `LC_ALL=C sort -k2 | awk '{ total += $1; if (total > 262144000) exit; ` +
        `print substr($0, index($0, " ") + 1) }' > "${list}"`,
    ],
    { maxBuffer: 1024 * 1024 },
  )
  await run('sh', [
    '-c',
    `tar --numeric-owner --no-recursion -C / -cf - -T "${list}" 2>/dev/null | gzip -6 -n > "${partial}"`,
  ])
  await rm(list, { force: true })
  await rename(partial, MADE_LAYER)
  return MADE_LAYER
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) {
    hash.update(chunk as Buffer)
  }
  return `sha256:${hash.digest('hex')}`
}
