// Serves the built renderer from one directory and nothing outside it.

import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import path from 'node:path'

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

export async function sendStaticFile(
  response: ServerResponse,
  root: string,
  urlPath: string,
  headers: Readonly<Record<string, string>>,
): Promise<boolean> {
  const file = resolveInside(root, urlPath)
  if (!file) return false
  const info = await stat(file).catch(() => undefined)
  if (!info?.isFile()) return false
  response.writeHead(200, {
    ...headers,
    'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    'content-length': String(info.size),
  })
  createReadStream(file).pipe(response)
  return true
}
