// Serves the built renderer from one directory and nothing outside it: only regular files
// whose real path (symlinks resolved) is inside the folder's real path. A symlink leading out,
// a FIFO or a device answers 404 like a missing file.

import { constants } from 'node:fs'
import { open, realpath, stat } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
}

/** Resolves a URL path inside root, or undefined when it would escape it. */
export function resolveInside(root: string, urlPath: string): string | undefined {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return undefined
  }
  if (decoded.includes('\0')) return undefined
  const resolved = path.resolve(root, '.' + path.posix.normalize('/' + decoded))
  const rootWithSep = root.endsWith(path.sep) ? root : root + path.sep
  return resolved === root || resolved.startsWith(rootWithSep) ? resolved : undefined
}

/** The real path of a regular file inside root's real path for this URL path, or undefined. */
export async function resolveStaticFile(
  root: string,
  urlPath: string,
): Promise<string | undefined> {
  const file = resolveInside(root, urlPath)
  if (!file) return undefined
  const [realRoot, realFile] = await Promise.all([
    realpath(root).catch(() => undefined),
    realpath(file).catch(() => undefined),
  ])
  if (realRoot === undefined || realFile === undefined) return undefined
  const inside = realRoot.endsWith(path.sep) ? realRoot : realRoot + path.sep
  if (!realFile.startsWith(inside)) return undefined
  const info = await stat(realFile).catch(() => undefined)
  return info?.isFile() ? realFile : undefined
}

export async function sendStaticFile(
  response: ServerResponse,
  root: string,
  urlPath: string,
  headers: Readonly<Record<string, string>>,
): Promise<boolean> {
  const file = await resolveStaticFile(root, urlPath)
  if (!file) return false
  // O_NONBLOCK: should the file be swapped for a FIFO after the check, open does not hang, and
  // the fstat below refuses it; O_NOFOLLOW: nor for a symlink.
  const handle = await open(
    file,
    constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK,
  ).catch(() => undefined)
  if (!handle) return false
  const info = await handle.stat().catch(() => undefined)
  if (!info?.isFile()) {
    await handle.close()
    return false
  }
  response.writeHead(200, {
    ...headers,
    'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    'content-length': String(info.size),
  })
  // A client that goes away mid-file destroys the stream, which closes the handle.
  void pipeline(handle.createReadStream(), response).catch(() => undefined)
  return true
}
