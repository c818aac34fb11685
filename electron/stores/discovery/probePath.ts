// What a path the user chose (file dialog, path field, a dropped file) opens as: an OCI layout
// or skopeo dir directory, or an oci-archive / docker-archive tar. Looks, never extracts.

import { stat } from 'node:fs/promises'
import path from 'node:path'
import type { PathProbe } from '../../../shared/api'
import { StrataError } from '../../../shared/errors'
import { formatSourceRef } from '../../../shared/sourceRef'
import { openUserFile, readUpTo } from '../../util/safeFile'
import { fileError } from '../../sources/blobFile'
import { indexTarFile } from '../archive/tarFileIndex'

const GZIP_MAGIC = [0x1f, 0x8b]
const ZSTD_MAGIC = [0x28, 0xb5, 0x2f, 0xfd]

export async function probePath(input: string, signal?: AbortSignal): Promise<PathProbe> {
  if (!path.isAbsolute(input)) {
    throw new StrataError('BAD_INPUT', `Give the full path (starting with /), not "${input}".`, {
      subject: input,
    })
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
  throw new StrataError(
    'BAD_INPUT',
    `${dir} is neither an OCI image layout (no oci-layout file) nor a skopeo dir (no manifest.json).`,
    { subject: dir },
  )
}

async function probeArchive(file: string, signal: AbortSignal | undefined): Promise<PathProbe> {
  const magic = await readStart(file, 4)
  if (startsWith(magic, GZIP_MAGIC) || startsWith(magic, ZSTD_MAGIC)) {
    throw new StrataError(
      'BAD_INPUT',
      `${file} is compressed; decompress it first (gunzip or zstd -d) and open the tar.`,
      { subject: file },
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
  throw new StrataError(
    'BAD_INPUT',
    `${file} is a tar, but neither a docker save archive (manifest.json) nor an OCI layout (oci-layout, index.json).`,
    { subject: file },
  )
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
