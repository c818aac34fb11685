// Writes an ExportPlan as an OCI image layout into a fresh directory: oci-layout, index.json
// and blobs/<algorithm>/<encoded>. Manifests come with bytes the source already verified;
// configs and layers are streamed from the source through the digest and size check, so a
// blob that does not hash to its digest stops the export (the caller removes the directory).

import { createWriteStream } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Transform } from 'node:stream'
import type { TransformCallback } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { parseDigest } from '../../shared/digest'
import type { Descriptor } from '../../shared/oci/types'
import type { ImageSource } from '../sources/imageSource'
import { digestCheck, verifyBytes } from '../sources/verify'
import type { ExportPlan } from './exportPlan'

export const REF_NAME_ANNOTATION = 'org.opencontainers.image.ref.name'
const OCI_INDEX_MEDIA_TYPE = 'application/vnd.oci.image.index.v1+json'

export interface LayoutProgress {
  /** Bytes and blobs written so far, out of the plan's totals. */
  (doneBytes: number, doneBlobs: number): void
}

export function planTotals(plan: ExportPlan): { readonly bytes: number; readonly blobs: number } {
  const sizes = [
    ...plan.documents.map((m) => m.bytes.byteLength),
    ...plan.blobs.map((b) => Math.max(0, b.size)),
  ]
  return { bytes: sizes.reduce((a, b) => a + b, 0), blobs: sizes.length }
}

function blobPath(dir: string, digest: string): { readonly folder: string; readonly file: string } {
  const { algorithm, encoded } = parseDigest(digest)
  const folder = join(dir, 'blobs', algorithm)
  return { folder, file: join(folder, encoded) }
}

/** Counts bytes as they pass, for progress. */
function counter(onBytes: (n: number) => void): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
      onBytes(chunk.length)
      callback(null, chunk)
    },
  })
}

export async function writeLayout(
  dir: string,
  source: ImageSource,
  plan: ExportPlan,
  tag: string | undefined,
  signal: AbortSignal,
  progress: LayoutProgress,
): Promise<void> {
  let doneBytes = 0
  let doneBlobs = 0
  const folders = new Set<string>()
  const target = async (digest: string): Promise<string> => {
    const { folder, file } = blobPath(dir, digest)
    if (!folders.has(folder)) {
      await mkdir(folder, { recursive: true })
      folders.add(folder)
    }
    return file
  }
  await mkdir(dir)
  for (const document of plan.documents) {
    signal.throwIfAborted()
    const { digest } = document.descriptor
    const origin = { local: source.label }
    verifyBytes(document.bytes, { digest, size: document.bytes.byteLength }, origin)
    await writeFile(await target(digest), document.bytes, { flag: 'wx', signal })
    doneBytes += document.bytes.byteLength
    progress(doneBytes, ++doneBlobs)
  }
  for (const blob of plan.blobs) {
    signal.throwIfAborted()
    await copyBlob(source, blob, await target(blob.digest), signal, (n) => {
      doneBytes += n
      progress(doneBytes, doneBlobs)
    })
    progress(doneBytes, ++doneBlobs)
  }
  const root: Descriptor = {
    mediaType: plan.root.mediaType,
    digest: plan.root.digest,
    size: plan.root.size,
    ...(plan.root.platform ? { platform: plan.root.platform } : {}),
    ...(tag !== undefined ? { annotations: { [REF_NAME_ANNOTATION]: tag } } : {}),
  }
  const index = { schemaVersion: 2, mediaType: OCI_INDEX_MEDIA_TYPE, manifests: [root] }
  await writeFile(join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}', { flag: 'wx' })
  await writeFile(join(dir, 'index.json'), JSON.stringify(index), { flag: 'wx' })
}

async function copyBlob(
  source: ImageSource,
  blob: Descriptor,
  file: string,
  signal: AbortSignal,
  onBytes: (n: number) => void,
): Promise<void> {
  const stream = await source.openBlob(blob, { signal })
  await pipeline(
    stream,
    digestCheck({ digest: blob.digest, size: blob.size }, { local: source.label }),
    counter(onBytes),
    createWriteStream(file, { flags: 'wx' }),
    { signal },
  )
}
