// Writes assets/samples/: every sample the lessons open (shared/samples.ts names them).
// Running it twice gives identical bytes: fixed mtimes and owners in every tar, gzip headers
// without a time, JSON in a fixed key order, files written in sorted order.
//
//   npm run samples                      (rebuilds assets/samples)
//   node --import tsx test/harness/samples/buildSamples.ts [outDir]

import { mkdir, rm, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { TAG_HISTORY_FILE } from '../../../shared/samples'
import type { OciLayoutBuilder } from '../ociBuilder'
import { dirCopy, dockerArchive, ociArchive, smallImage } from './archiveSamples'
import { containersStorageTree } from './containersStorageSample'
import { buildSteps, mediaTypes, multiPlatform, whiteouts } from './imageSamples'
import { artifacts, sharing, tags } from './relationSamples'
import { writeTree } from './sampleFiles'

export const SAMPLES_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../assets/samples',
)

/** The folders and files buildSamples owns under the samples folder (removed, then rewritten). */
const OUTPUTS = [
  'multi-platform',
  'media-types',
  'build-steps',
  'whiteouts',
  'tags',
  'sharing',
  'artifacts',
  'archives',
  'containers-storage',
]

export async function buildSamples(outDir: string = SAMPLES_DIR): Promise<void> {
  for (const name of OUTPUTS) await rm(join(outDir, name), { recursive: true, force: true })
  await mkdir(outDir, { recursive: true })
  const layouts: [string, (dir: string) => OciLayoutBuilder][] = [
    ['multi-platform', multiPlatform],
    ['media-types', mediaTypes],
    ['build-steps', buildSteps],
    ['whiteouts', whiteouts],
    ['sharing', sharing],
    ['artifacts', artifacts],
  ]
  for (const [name, build] of layouts) await build(join(outDir, name)).write()

  const tagged = tags(join(outDir, 'tags'))
  await tagged.builder.write()
  await writeFile(
    join(outDir, 'tags', TAG_HISTORY_FILE),
    `${JSON.stringify(tagged.history, null, 2)}\n`,
  )

  const image = smallImage()
  await mkdir(join(outDir, 'archives'), { recursive: true })
  await writeFile(join(outDir, 'archives', 'image.oci.tar'), ociArchive(image))
  await writeFile(join(outDir, 'archives', 'image.docker.tar'), dockerArchive(image))
  await writeTree(join(outDir, 'archives', 'dir'), dirCopy(image))
  await writeTree(join(outDir, 'containers-storage'), containersStorageTree(image))
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const target = process.argv[2] !== undefined ? resolve(process.argv[2]) : SAMPLES_DIR
  await buildSamples(target)
  console.log(`wrote the lesson samples to ${target}`)
}
