// Writes assets/sample: the OCI image layout Strata opens at first start, offline. Running it
// twice gives identical bytes (fixed mtimes, fixed gzip header, sorted output).
//
//   node --import tsx test/harness/makeSample.ts [outputDir]

import { rm } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { Descriptor, Platform } from '../../shared/oci/types'
import { OciLayoutBuilder } from './ociBuilder'
import type { LayerDescriptor, TarEntrySpec } from './ociBuilder'
import {
  appLayer,
  archLayer,
  baseLayer,
  cleanupLayer,
  SAMPLE_CREATED,
  sampleHistory,
} from './ociSampleContent'

export const SAMPLE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../assets/sample')
export const SAMPLE_INDEX_REF = 'demo'
export const SAMPLE_PLATFORMS: readonly Platform[] = [
  { os: 'linux', architecture: 'amd64' },
  { os: 'linux', architecture: 'arm64', variant: 'v8' },
]

const annotationsFor = (title: string): Record<string, string> => ({
  'org.opencontainers.image.created': SAMPLE_CREATED,
  'org.opencontainers.image.title': title,
  'org.opencontainers.image.description': 'A small teaching image bundled with Strata.',
  'org.opencontainers.image.licenses': 'Apache-2.0',
})

/** Files carry the image's creation time, so the file list and the history agree. */
function dated(entries: readonly TarEntrySpec[]): TarEntrySpec[] {
  const mtime = Date.parse(SAMPLE_CREATED) / 1000
  return entries.map((entry) => ({ mtime, ...entry }))
}

/** Builds the sample layout in memory; `write()` on the result puts it on disk. */
export function buildSampleLayout(dir: string): OciLayoutBuilder {
  const builder = new OciLayoutBuilder(dir)
  const gzip = { compression: 'gzip' as const }
  const base = builder.addLayer(dated(baseLayer), gzip)
  const cleanup = builder.addLayer(dated(cleanupLayer), gzip)
  const app = builder.addLayer(dated(appLayer), gzip)

  const manifests: Descriptor[] = []
  for (const platform of SAMPLE_PLATFORMS) {
    const arch = builder.addLayer(dated(archLayer(platform.architecture)), gzip)
    const layers: readonly LayerDescriptor[] = [base, arch, cleanup, app]
    const config = builder.addConfig({
      created: SAMPLE_CREATED,
      author: 'Strata',
      architecture: platform.architecture,
      os: platform.os,
      ...(platform.variant !== undefined ? { variant: platform.variant } : {}),
      config: {
        User: 'app',
        ExposedPorts: { '8080/tcp': {} },
        Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'APP_PORT=8080'],
        Cmd: ['/app/server.sh'],
        WorkingDir: '/app',
        Labels: { 'org.opencontainers.image.title': 'strata-sample' },
      },
      rootfs: { type: 'layers', diff_ids: layers.map((layer) => layer.diffId) },
      history: sampleHistory.map((step, i) => ({
        created: `2024-03-01T12:00:${String(i).padStart(2, '0')}Z`,
        ...step,
      })),
    })
    const manifest = builder.addManifest({
      config,
      layers,
      annotations: annotationsFor(`strata-sample (${platform.os}/${platform.architecture})`),
      platform,
    })
    manifests.push(manifest)
  }
  const index = builder.addIndex({ manifests, annotations: annotationsFor('strata-sample') })
  // index.json: the multi-platform index first, then one tag per single-platform image.
  builder.tag(SAMPLE_INDEX_REF, index)
  for (const manifest of manifests) {
    builder.tag(`${SAMPLE_INDEX_REF}-${manifest.platform?.architecture ?? 'unknown'}`, manifest)
  }
  return builder
}

/** Replaces whatever layout is in `dir` with the sample. */
export async function writeSample(dir: string = SAMPLE_DIR): Promise<void> {
  await rm(join(dir, 'blobs'), { recursive: true, force: true })
  await rm(join(dir, 'index.json'), { force: true })
  await rm(join(dir, 'oci-layout'), { force: true })
  await buildSampleLayout(dir).write()
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const target = process.argv[2] !== undefined ? resolve(process.argv[2]) : SAMPLE_DIR
  await writeSample(target)
  console.log(`wrote the sample OCI layout to ${target}`)
}
