// Rebuilds a layer's original tar from what containers-storage keeps: the layer's
// ID.tar-split.gz (JSON lines: raw header/padding segments, and file entries naming a file and
// its size) and the unpacked files in the layer's diff directory. The bytes come out exactly
// as the layer was applied, so they hash to the layer's diff digest.

import { lstat, open } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { dirname } from 'node:path'
import { Readable } from 'node:stream'
import { createGunzip } from 'node:zlib'
import { StrataError } from '../../../shared/errors'
import { boundedLines } from '../../util/boundedLines'
import { openStoreFile, rangeStream, SAFE_OPEN_FLAGS } from '../../util/safeFile'
import { fileError } from '../../sources/blobFile'
import { normalizeMemberName } from '../../tar/tarMemberHeader'
import { isRecord } from '../../util/isRecord'

const SEGMENT = 2
const FILE = 1
const CHUNK = 256 * 1024
/** A tar-split line holds one header's segment (pax records included: at most ~1.4 MiB). */
const MAX_LINE_BYTES = 8 * 1024 * 1024

interface TarSplitEntry {
  readonly type?: unknown
  readonly name?: unknown
  readonly name_raw?: unknown
  readonly size?: unknown
  readonly payload?: unknown
}

/** The layer's tar as a stream. Errors name the tar-split file or the diff file at fault. */
export function assembleLayerTar(
  tarSplit: string,
  diffDir: string,
  layerId: string,
  signal?: AbortSignal,
): Readable {
  return Readable.from(chunks(tarSplit, diffDir, layerId, signal), { objectMode: false })
}

async function* chunks(
  tarSplit: string,
  diffDir: string,
  layerId: string,
  signal: AbortSignal | undefined,
): AsyncGenerator<Buffer> {
  let input: Readable
  try {
    // A regular file, not a link or a FIFO (which would block a pool thread for good); the
    // directories above it were checked by the caller.
    const file = await openStoreFile(
      dirname(tarSplit),
      tarSplit,
      `the tar-split of layer ${layerId}`,
    )
    input = rangeStream(file, { start: 0, end: Number.MAX_SAFE_INTEGER })
  } catch (error) {
    const mapped = fileError(error, tarSplit, `the tar-split of layer ${layerId}`)
    if (mapped.code !== 'NOT_FOUND') throw mapped
    throw new StrataError(
      'NOT_FOUND',
      `layer ${layerId} has no ${tarSplit}, so its tar cannot be rebuilt (a partial or zstd:chunked pull keeps none)`,
      { subject: tarSplit },
    )
  }
  const gunzip = createGunzip()
  input.on('error', (error) => gunzip.destroy(error))
  const lines = boundedLines(input.pipe(gunzip), MAX_LINE_BYTES, tarSplit)
  const checked = new Set<string>()
  try {
    let lineNumber = 0
    for await (const line of lines) {
      lineNumber++
      signal?.throwIfAborted()
      if (line === '') continue
      const entry = parseLine(line, tarSplit, lineNumber)
      if (entry.type === SEGMENT) {
        if (typeof entry.payload === 'string' && entry.payload !== '') {
          yield Buffer.from(entry.payload, 'base64')
        }
      } else if (entry.type === FILE) {
        const size = typeof entry.size === 'number' ? entry.size : 0
        if (size > 0) {
          const opened = await openInLayer(diffDir, nameParts(entry, tarSplit), checked, layerId)
          yield* fileChunks(opened, size, layerId)
        }
      }
    }
  } catch (error) {
    if (error instanceof StrataError) throw error
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR') {
      throw new StrataError('MALFORMED', `${tarSplit} is not valid gzip data (${code})`, {
        subject: tarSplit,
      })
    }
    throw fileError(error, tarSplit, `the tar-split of layer ${layerId}`)
  } finally {
    await lines.return(undefined)
    input.destroy()
    gunzip.destroy()
  }
}

function parseLine(line: string, tarSplit: string, lineNumber: number): TarSplitEntry {
  try {
    const value: unknown = JSON.parse(line)
    if (isRecord(value)) return value
  } catch {
    // reported below
  }
  throw new StrataError('MALFORMED', `${tarSplit} line ${lineNumber} is not a tar-split entry`, {
    subject: tarSplit,
  })
}

/** The name an entry gives, as path components; names with ".." are refused. */
function nameParts(entry: TarSplitEntry, tarSplit: string): readonly Buffer[] {
  let raw: Buffer
  if (typeof entry.name === 'string') {
    raw = Buffer.from(normalizeMemberName(entry.name, tarSplit))
  } else if (typeof entry.name_raw === 'string') {
    raw = Buffer.from(entry.name_raw, 'base64') // a name that is not UTF-8, kept as bytes
  } else {
    throw new StrataError('MALFORMED', `${tarSplit} has a file entry without a name`)
  }
  const parts: Buffer[] = []
  for (let start = 0; start <= raw.length;) {
    const slash = raw.indexOf(0x2f, start)
    const end = slash < 0 ? raw.length : slash
    const part = raw.subarray(start, end)
    if (part.equals(DOT_DOT))
      throw new StrataError('MALFORMED', `${tarSplit} names a file outside the layer; refused`)
    if (part.length > 0 && !part.equals(DOT)) parts.push(part)
    start = end + 1
  }
  if (parts.length === 0)
    throw new StrataError('MALFORMED', `${tarSplit} has a file entry without a name`)
  return parts
}

const DOT = Buffer.from('.')
const DOT_DOT = Buffer.from('..')
const SLASH = Buffer.from('/')

/**
 * Opens a file of the layer without ever following a symlink: a layer's own links (say
 * etc -> /etc) must not lead a read out of the layer onto the host. Checked directories are
 * remembered for the rest of the layer.
 */
async function openInLayer(
  diffDir: string,
  parts: readonly Buffer[],
  checked: Set<string>,
  layerId: string,
): Promise<{ readonly handle: FileHandle; readonly shown: string }> {
  let path = Buffer.from(diffDir)
  for (const [i, part] of parts.entries()) {
    path = Buffer.concat([path, SLASH, part])
    const key = path.toString('latin1')
    if (i === parts.length - 1 || checked.has(key)) continue
    let info
    try {
      info = await lstat(path)
    } catch (error) {
      throw fileError(error, path.toString(), `a directory of layer ${layerId}`)
    }
    if (!info.isDirectory()) throw notInLayer(path.toString(), layerId)
    checked.add(key)
  }
  const shown = path.toString()
  let handle: FileHandle
  try {
    // O_NONBLOCK: a FIFO put where a file should be cannot block; refused just below.
    handle = await open(path, SAFE_OPEN_FLAGS)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw notInLayer(shown, layerId)
    throw fileError(error, shown, `a file of layer ${layerId} (named in its tar-split)`)
  }
  const isFile = await handle.stat().then(
    (info) => info.isFile(),
    () => false,
  )
  if (!isFile) {
    await handle.close()
    throw new StrataError(
      'MALFORMED',
      `${shown} is not a regular file where layer ${layerId}'s tar-split expects one; refused`,
      { subject: shown },
    )
  }
  return { handle, shown }
}

function notInLayer(path: string, layerId: string): StrataError {
  return new StrataError(
    'MALFORMED',
    `${path} is a symlink where layer ${layerId}'s tar-split expects a file or directory; refused rather than followed`,
    { subject: path },
  )
}

async function* fileChunks(
  opened: { readonly handle: FileHandle; readonly shown: string },
  size: number,
  layerId: string,
): AsyncGenerator<Buffer> {
  const { handle, shown } = opened
  try {
    let done = 0
    while (done < size) {
      const buffer = Buffer.allocUnsafe(Math.min(CHUNK, size - done))
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, done)
      if (bytesRead === 0) {
        throw new StrataError(
          'MALFORMED',
          `${shown} is ${done} bytes but layer ${layerId}'s tar-split says ${size}; the layer was modified on disk`,
          { subject: shown },
        )
      }
      done += bytesRead
      yield bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead)
    }
  } finally {
    await handle.close()
  }
}
