// Packs a finished OCI layout directory into a tar file (an oci-archive), streaming each file
// from disk: oci-layout, index.json, then the blobs/ folders and files in name order. Plain
// ustar headers with fixed owner and time, so the same layout always packs to the same bytes.

import { createReadStream, createWriteStream } from 'node:fs'
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { StrataError } from '../../shared/errors'
import { TAR_END, encodeTarHeader, padding } from '../tar/tarEncode'
import type { TarHeaderFields } from '../tar/tarEncode'

interface LayoutEntry {
  readonly name: string
  readonly kind: 'dir' | 'file'
}

async function layoutEntries(dir: string): Promise<LayoutEntry[]> {
  const entries: LayoutEntry[] = [
    { name: 'oci-layout', kind: 'file' },
    { name: 'index.json', kind: 'file' },
    { name: 'blobs', kind: 'dir' },
  ]
  for (const algorithm of (await readdir(join(dir, 'blobs'))).sort()) {
    entries.push({ name: `blobs/${algorithm}`, kind: 'dir' })
    for (const file of (await readdir(join(dir, 'blobs', algorithm))).sort()) {
      entries.push({ name: `blobs/${algorithm}/${file}`, kind: 'file' })
    }
  }
  return entries
}

async function* tarChunks(dir: string, entries: readonly LayoutEntry[]): AsyncGenerator<Buffer> {
  for (const entry of entries) {
    const path = join(dir, entry.name)
    const size = entry.kind === 'file' ? (await stat(path)).size : 0
    const fields: TarHeaderFields = {
      name: entry.name,
      kind: entry.kind,
      mode: entry.kind === 'dir' ? 0o755 : 0o644,
      uid: 0,
      gid: 0,
      size,
      mtime: 0,
    }
    yield encodeTarHeader(fields)
    if (entry.kind !== 'file') continue
    let written = 0
    for await (const chunk of createReadStream(path)) {
      const bytes = chunk as Buffer
      written += bytes.length
      yield bytes
    }
    // The layout is ours and finished; a change under it would make a corrupt archive.
    if (written !== size) {
      throw new StrataError(
        'UNAVAILABLE',
        `${path} changed while it was packed into the archive; export again`,
        { subject: path },
      )
    }
    yield padding(size)
  }
  yield TAR_END
}

/** Writes `file` (which must not exist) as the tar of layout `dir`. */
export async function packLayout(dir: string, file: string, signal: AbortSignal): Promise<void> {
  const entries = await layoutEntries(dir)
  await pipeline(Readable.from(tarChunks(dir, entries)), createWriteStream(file, { flags: 'wx' }), {
    signal,
  })
}
