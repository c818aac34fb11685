// What a path the user chose (file dialog, path field, a dropped file) opens as: an OCI layout
// or skopeo dir directory, or an oci-archive / docker-archive tar. Looks, never extracts.

import { stat } from 'node:fs/promises'
import path from 'node:path'
import type { PathProbe, PathProbeRefusal } from '../../../shared/api'
import { StrataError } from '../../../shared/errors'
import { formatSourceRef } from '../../../shared/sourceRef'
import { openUserFile, readUpTo } from '../../util/safeFile'
import { fileError } from '../../sources/blobFile'
import { indexTarFile } from '../archive/tarFileIndex'

const GZIP_MAGIC = [0x1f, 0x8b]
const ZSTD_MAGIC = [0x28, 0xb5, 0x2f, 0xfd]

export async function probePath(input: string, signal?: AbortSignal): Promise<PathProbe> {
  if (!path.isAbsolute(input)) {
    throw refused('notAbsolute', input, `Give the full path (starting with /), not "${input}".`)
  }
  const info = await stat(input).catch((error: unknown) => {
    throw fileError(error, input, 'an image layout directory or an image archive')
  })
  if (info.isDirectory()) return probeDirectory(input)
  return probeArchive(input, signal)
}

async function probeDirectory(dir: string): Promise<PathProbe> {
  if (await exists(path.join(dir, 'oci-layout'))) {
    return { ref: formatSourceRef({ transport: 'oci', path: dir }), kind: 'ociLayout' }
  }
  if (await exists(path.join(dir, 'manifest.json'))) {
    return { ref: formatSourceRef({ transport: 'dir', path: dir }), kind: 'skopeoDir' }
  }
  throw refused(
    'notImageDirectory',
    dir,
    `${dir} is neither an OCI image layout (no oci-layout file) nor a skopeo dir (no manifest.json).`,
  )
}

async function probeArchive(file: string, signal: AbortSignal | undefined): Promise<PathProbe> {
  const magic = await readStart(file, 4)
  if (startsWith(magic, GZIP_MAGIC)) {
    throw refused('gzipCompressed', file, `${file} is gzip-compressed; gunzip it and open the tar.`)
  }
  if (startsWith(magic, ZSTD_MAGIC)) {
    throw refused(
      'zstdCompressed',
      file,
      `${file} is zstd-compressed; zstd -d it and open the tar.`,
    )
  }
  const members = await indexTarFile(file, 'an image archive (docker save or oci-archive)', signal)
  const names = new Set(members.names())
  // docker save since Docker 25 writes an OCI layout too; its manifest.json names the tags.
  if (names.has('manifest.json')) {
    return {
      ref: formatSourceRef({ transport: 'docker-archive', path: file }),
      kind: 'dockerArchive',
    }
  }
  if (names.has('oci-layout') && names.has('index.json')) {
    return {
      ref: formatSourceRef({ transport: 'oci-archive', path: file }),
      kind: 'ociArchive',
    }
  }
  throw refused(
    'notImageArchive',
    file,
    `${file} is a tar, but neither a docker save archive (manifest.json) nor an OCI layout (oci-layout, index.json).`,
  )
}

/** BAD_INPUT naming the path, with why as a code the renderer words (the message is English). */
function refused(why: PathProbeRefusal, subject: string, message: string): StrataError {
  return new StrataError('BAD_INPUT', message, { subject, cause: why })
}

async function readStart(file: string, length: number): Promise<Uint8Array> {
  // A regular file only: probing a FIFO or a device must answer at once, not block or stream.
  const opened = await openUserFile(file, 'an image archive (docker save or oci-archive)')
  try {
    return (await readUpTo(opened, length)).subarray(0, length)
  } finally {
    await opened.handle.close()
  }
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, index) => bytes[index] === byte)
}

function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  )
}
