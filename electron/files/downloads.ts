// GET downloads (WEB_DOWNLOAD_PATH): a file of an image as its bytes, or a directory as a tar,
// from the merged filesystem as of a layer. Both transports serve it: web mode from
// electron/web/webServer.ts, the desktop from the strata://app protocol. This module turns
// the query into a stream and headers; the transports only move bytes.

import { Transform, pipeline } from 'node:stream'
import type { Readable } from 'node:stream'
import type { DownloadArgs } from '../../shared/api'
import type { ApiError, ErrorCode } from '../../shared/errors'
import { StrataError } from '../../shared/errors'
import { planDirectoryTar } from './directoryTarPlan'
import { streamDirectoryTar } from './directoryTar'
import { baseName } from '../filetree/entryPath'
import { locateImageFile } from './imageFiles'
import { layerPosition } from './imageFilesService'
import type { OpenedImage } from './imageFilesService'
import type { TrackedOperation, TrackOperation } from '../util/operationTracker'
import { optionalString, requiredString } from '../util/argReaders'
import type { FilesHandlerDeps } from './handlerDeps'

export interface PreparedDownload {
  /** The name to save under (no directory part). */
  readonly fileName: string
  readonly contentType: string
  /** Exact byte length, when known up front. */
  readonly size?: number
  readonly stream: Readable
}

/** Turns a download URL's query into the bytes to send; rejects with a StrataError. */
export type DownloadProvider = (
  query: URLSearchParams,
  signal: AbortSignal,
  track: TrackOperation,
) => Promise<PreparedDownload>

export function createDownloadProvider(services: FilesHandlerDeps): DownloadProvider {
  return async (query, signal, track) => {
    const args = readDownloadArgs(query)
    const source = await services.openSource(args.ref, signal)
    const image = await services.files.open(source, {
      ...(args.platform !== undefined ? { platform: args.platform } : {}),
      ...(args.layer !== undefined ? { layer: args.layer } : {}),
      signal,
      track,
    })
    const upTo = args.layer === undefined ? undefined : layerPosition(image.descriptors, args.layer)
    const path = args.path.replace(/^\/+|\/+$/g, '')
    const operation = track({ kind: 'download', path }, signal)
    try {
      return await prepare(image, path, upTo, operation)
    } catch (error) {
      operation.finish()
      throw error
    }
  }
}

/** The download arguments, exactly the parameters shared/api/files.ts downloadQuery() writes. */
export function readDownloadArgs(query: URLSearchParams): DownloadArgs {
  const args: Record<string, string> = {}
  for (const key of ['ref', 'platform', 'layer', 'path']) {
    const value = query.get(key)
    if (value !== null) args[key] = value
  }
  const platform = optionalString(args, 'platform')
  const layer = optionalString(args, 'layer')
  const path = args['path']
  if (path === undefined) {
    throw new StrataError('BAD_INPUT', '"path" is required.', { subject: 'path' })
  }
  return {
    ref: requiredString(args, 'ref'),
    ...(platform !== undefined ? { platform } : {}),
    ...(layer !== undefined ? { layer } : {}),
    path,
  }
}

async function prepare(
  image: OpenedImage,
  path: string,
  upTo: number | undefined,
  operation: TrackedOperation,
): Promise<PreparedDownload> {
  const { layers } = image
  const view = layers.tree(upTo).view
  const target = path === '' ? undefined : locateImageFile(view, layers.indexes, path)
  if (target === undefined || target.entry.type === 'dir') {
    const root = target?.resolvedPath ?? ''
    const plan = planDirectoryTar(view, layers.indexes, root)
    const openBlob = async (layer: number, signal: AbortSignal): Promise<Readable> => {
      const ref = image.refs[layer]
      if (!ref) throw new StrataError('INTERNAL', `no layer ${layer + 1} in this image`)
      return ref.open(signal)
    }
    const tar = streamDirectoryTar(plan, layers.indexes, openBlob, {
      signal: operation.signal,
      onBytes: (written) => operation.report(written, plan.archiveBytes),
    })
    tar.once('close', () => operation.finish())
    return {
      fileName: `${root === '' ? 'rootfs' : baseName(root)}.tar`,
      contentType: 'application/x-tar',
      size: plan.archiveBytes,
      stream: tar,
    }
  }
  const opened = await layers.openFile(path, {
    ...(upTo !== undefined ? { upTo } : {}),
    signal: operation.signal,
  })
  const size = opened.entry.size
  let done = 0
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      done += chunk.length
      operation.report(done, size)
      callback(null, chunk)
    },
  })
  pipeline(opened.stream, counted, () => operation.finish())
  // The reader may be past the layer scan (a sparse file's trailing zeros), so a cancel is
  // applied here too.
  const stop = (): void => {
    counted.destroy(new StrataError('CANCELLED', `the download of /${path} was cancelled`))
  }
  operation.signal.addEventListener('abort', stop, { once: true })
  counted.once('close', () => {
    operation.signal.removeEventListener('abort', stop)
    operation.finish()
  })
  operation.report(0, size)
  return {
    fileName: baseName(path),
    contentType: 'application/octet-stream',
    size,
    stream: counted,
  }
}

/** Response headers for a prepared download (both transports add their security headers). */
export function downloadHeaders(download: PreparedDownload): Record<string, string> {
  return {
    'content-type': download.contentType,
    'content-disposition': contentDisposition(download.fileName),
    ...(download.size !== undefined ? { 'content-length': String(download.size) } : {}),
  }
}

/**
 * `attachment` with an ASCII fallback name and the exact name as RFC 5987 UTF-8 (RFC 6266).
 * Path separators and control characters never reach either form.
 */
export function contentDisposition(fileName: string): string {
  const safe =
    [...fileName]
      .map((c) => (c < ' ' || c === '\u007f' || c === '/' || c === '\\' ? '_' : c))
      .join('') || 'download'
  const ascii = safe.replace(/[^\x20-\x7e]|["%;]/g, '_')
  const encoded = encodeURIComponent(safe).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`
}

const STATUS_BY_CODE: Partial<Record<ErrorCode, number>> = {
  BAD_INPUT: 400,
  AUTH_REQUIRED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  CANCELLED: 499,
  NETWORK: 502,
  SERVER_ERROR: 502,
  DIGEST_MISMATCH: 502,
  SIZE_MISMATCH: 502,
  MALFORMED: 502,
  INSECURE_REFUSED: 502,
  UNAVAILABLE: 503,
  TIMEOUT: 504,
}

/** A failed download as a short text/plain answer with the matching HTTP status. */
export function downloadErrorResponse(error: ApiError): {
  readonly status: number
  readonly headers: Record<string, string>
  readonly body: string
} {
  return {
    status: STATUS_BY_CODE[error.code] ?? 500,
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      'x-strata-error-code': error.code,
    },
    body: `${error.message}\n`,
  }
}
