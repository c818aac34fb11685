// A Docker container's writable layer, as entries for the live layer tar: the daemon's own
// change list (`docker diff`), each added or changed path described by the stat `docker cp`
// uses (HEAD /containers/ID/archive) and, for files and links, read from that path's tar
// (GET /containers/ID/archive). Deleted paths become whiteouts. One path at a time is read;
// nothing is started, mounted or written. The path stat has no owner: it comes from the first
// header of the path's tar.

import type { Readable } from 'node:stream'
import { StrataError } from '../../../shared/errors'
import type { LiveChange, LiveEntry } from '../containers/liveLayerTar'
import { whiteoutEntry } from '../containers/liveLayerTar'
import { parseHeader } from '../../tar/tarHeader'
import { paddedSize, TAR_BLOCK } from '../../tar/tarMemberHeader'
import { readTarStream } from '../../tar/tarStreamReader'
import type { DockerDaemonClient } from './dockerDaemonClient'

// Go's os.FileMode type and permission bits, as the daemon encodes them in the path stat.
const MODE_DIR = 31
const MODE_SYMLINK = 27
const MODE_DEVICE = 26
const MODE_PIPE = 25
const MODE_SOCKET = 24
const MODE_SETUID = 23
const MODE_SETGID = 22
const MODE_CHAR = 21
const MODE_STICKY = 20
const bit = (mode: number, n: number): boolean => ((mode >>> n) & 1) === 1

interface PathStat {
  readonly size: number
  readonly mode: number
  readonly mtime: number
}

/** The entries of container `id`'s writable layer, sorted by path. */
export async function* dockerLiveEntries(
  client: DockerDaemonClient,
  id: string,
  changes: readonly LiveChange[],
  signal?: AbortSignal,
): AsyncGenerator<LiveEntry> {
  for (const change of changes) {
    signal?.throwIfAborted()
    const relative = change.path.replace(/^\/+/, '')
    if (relative === '') continue
    if (change.kind === 'deleted') {
      yield whiteoutEntry(relative)
      continue
    }
    const entry = await describePath(client, id, change.path, relative, signal)
    if (entry !== undefined) yield entry
  }
}

async function describePath(
  client: DockerDaemonClient,
  id: string,
  path: string,
  relative: string,
  signal?: AbortSignal,
): Promise<LiveEntry | undefined> {
  const { stat: header } = await client.containerPath(id, path, false, signal)
  const stat = parseStat(header, client, path)
  const mode = stat.mode
  const perm =
    (mode & 0o777) |
    (bit(mode, MODE_SETUID) ? 0o4000 : 0) |
    (bit(mode, MODE_SETGID) ? 0o2000 : 0) |
    (bit(mode, MODE_STICKY) ? 0o1000 : 0)
  const owner = await ownerOf(client, id, path, signal)
  const base = { path: relative, mode: perm, ...owner, size: 0, mtime: stat.mtime }
  if (bit(mode, MODE_DIR)) return { ...base, kind: 'dir' }
  if (bit(mode, MODE_SOCKET)) return undefined // a tar cannot hold a socket
  if (bit(mode, MODE_PIPE)) return { ...base, kind: 'fifo' }
  if (bit(mode, MODE_DEVICE)) {
    return { ...base, kind: bit(mode, MODE_CHAR) ? 'char' : 'block' }
  }
  if (bit(mode, MODE_SYMLINK)) {
    // The stat's linkTarget is resolved; the link's own text is in the path's tar.
    const linkname = await readMember(client, id, path, signal, async (member) => {
      await drain(member.body)
      return member.header.linkname
    })
    return { ...base, kind: 'symlink', linkname }
  }
  return {
    ...base,
    kind: 'file',
    size: stat.size,
    open: (openSignal) => Promise.resolve(fileBytes(client, id, path, openSignal)),
  }
}

async function* fileBytes(
  client: DockerDaemonClient,
  id: string,
  path: string,
  signal?: AbortSignal,
): AsyncGenerator<Uint8Array> {
  const { tar } = await client.containerPath(id, path, true, signal)
  if (tar === undefined) return
  try {
    for await (const { body } of readTarStream(tar, `${path} in container ${id}`)) {
      yield* body
      return
    }
  } finally {
    discard(tar)
  }
}

async function readMember<T>(
  client: DockerDaemonClient,
  id: string,
  path: string,
  signal: AbortSignal | undefined,
  use: (member: {
    readonly header: { readonly linkname: string }
    readonly body: AsyncIterable<Buffer>
  }) => Promise<T>,
): Promise<T> {
  const { tar } = await client.containerPath(id, path, true, signal)
  if (tar === undefined) throw gone(client, id, path)
  try {
    for await (const member of readTarStream(tar, `${path} in container ${id}`)) {
      return await use(member)
    }
    throw gone(client, id, path)
  } finally {
    discard(tar)
  }
}

/** Stops reading a path's tar; the abort it causes is expected, not an error. */
function discard(tar: Readable): void {
  tar.on('error', () => undefined)
  tar.destroy()
}

/** uid and gid from the first member header of the path's tar (pax and GNU records skipped). */
async function ownerOf(
  client: DockerDaemonClient,
  id: string,
  path: string,
  signal?: AbortSignal,
): Promise<{ readonly uid: number; readonly gid: number }> {
  const { tar } = await client.containerPath(id, path, true, signal)
  if (tar === undefined) throw gone(client, id, path)
  let buffered = Buffer.alloc(0)
  let offset = 0
  try {
    for await (const chunk of tar as AsyncIterable<Buffer>) {
      buffered = Buffer.concat([buffered, chunk])
      while (buffered.length >= offset + TAR_BLOCK) {
        const header = parseHeader(buffered.subarray(offset, offset + TAR_BLOCK), offset)
        if (!META_TYPES.has(header.typeflag)) return { uid: header.uid, gid: header.gid }
        offset += TAR_BLOCK + paddedSize(header.size)
        if (offset > MAX_META_OFFSET) break
      }
    }
  } finally {
    discard(tar)
  }
  throw gone(client, id, path)
}

/** pax (x, g) and GNU long name / link (L, K) records precede the member header. */
const META_TYPES = new Set(['x', 'g', 'L', 'K'])
/** Records before the first member past this are not something docker cp writes. */
const MAX_META_OFFSET = 1024 * 1024

async function drain(body: AsyncIterable<Buffer>): Promise<void> {
  for await (const chunk of body) void chunk
}

function parseStat(header: string | undefined, client: DockerDaemonClient, path: string): PathStat {
  let value: unknown
  try {
    value = header === undefined ? undefined : JSON.parse(Buffer.from(header, 'base64').toString())
  } catch {
    value = undefined
  }
  const record =
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {}
  const { size, mode, mtime } = record
  const time = typeof mtime === 'string' ? Date.parse(mtime) : Number.NaN
  if (typeof size !== 'number' || typeof mode !== 'number' || Number.isNaN(time)) {
    throw new StrataError(
      'MALFORMED',
      `the Docker daemon at ${client.socketPath} described ${path} without a readable stat`,
      { subject: path },
    )
  }
  return { size, mode, mtime: Math.max(0, Math.floor(time / 1000)) }
}

function gone(client: DockerDaemonClient, id: string, path: string): StrataError {
  return new StrataError(
    'NOT_FOUND',
    `${path} is no longer in container ${id} (Docker daemon at ${client.socketPath}); reopen the container`,
    { subject: path },
  )
}
