// The desktop window loads the renderer from strata://app/ instead of file://, so the page has
// a real origin, a CSP header, and can read nothing but the built renderer directory, plus
// the one dynamic path web mode also serves: GET WEB_DOWNLOAD_PATH (a file or a directory tar).
// No download nonce here: only our own window can load strata:// URLs, and it navigates nowhere
// else, so no foreign page exists to forge one (a `nonce` parameter is simply ignored).

import { net, protocol } from 'electron'
import { Readable } from 'node:stream'
import { pathToFileURL } from 'node:url'
import { WEB_DOWNLOAD_PATH } from '../../shared/api'
import { toApiError } from '../../shared/errors'
import type { ApiEvent } from '../../shared/api'
import type { DownloadProvider } from '../files/downloads'
import { downloadErrorResponse, downloadHeaders } from '../files/downloads'
import type { OperationRegistry } from '../api/operationRegistry'
import { RENDERER_DIST_DIR } from '../app/appPaths'
import { resolveStaticFile } from '../util/staticFiles'
import { CONTENT_SECURITY_POLICY } from '../util/contentSecurityPolicy'

export const RENDERER_SCHEME = 'strata'
export const RENDERER_ORIGIN = `${RENDERER_SCHEME}://app`
export const RENDERER_START_URL = `${RENDERER_ORIGIN}/index.html`

/** Is this address one of our renderer's pages? (URL.origin is "null" for custom schemes.) */
export function isRendererUrl(address: string): boolean {
  try {
    const url = new URL(address)
    return url.protocol === `${RENDERER_SCHEME}:` && url.host === 'app'
  } catch {
    return false
  }
}

/** Must run before the app is ready. */
export function registerRendererScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: RENDERER_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    },
  ])
}

export interface DesktopDownloads {
  readonly provider: DownloadProvider
  /** Where downloads register (the ipc calls' registry, so operation:cancel reaches them). */
  readonly operations: OperationRegistry
  readonly emit: (event: ApiEvent) => void
}

/** `downloads` absent: the download path answers 404 like any unknown file. */
export function serveRendererFiles(downloads?: DesktopDownloads): void {
  protocol.handle(RENDERER_SCHEME, async (request) => {
    const url = new URL(request.url)
    if (downloads && url.host === 'app' && url.pathname === WEB_DOWNLOAD_PATH) {
      return serveDownload(downloads, url, request)
    }
    // Regular files whose real path is inside the renderer folder (no symlinks out, no FIFOs).
    const file =
      url.host === 'app' ? await resolveStaticFile(RENDERER_DIST_DIR, url.pathname) : undefined
    if (!file) return new Response('Not found', { status: 404 })
    const response = await net.fetch(pathToFileURL(file).toString())
    const headers = new Headers(response.headers)
    headers.set('content-security-policy', CONTENT_SECURITY_POLICY)
    headers.set('x-content-type-options', 'nosniff')
    return new Response(response.body, { status: response.status, headers })
  })
}

async function serveDownload(
  downloads: DesktopDownloads,
  url: URL,
  request: Request,
): Promise<Response> {
  const securityHeaders = { 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response('GET only.\n', { status: 405, headers: securityHeaders })
  }
  try {
    const download = await downloads.provider(
      url.searchParams,
      request.signal,
      downloads.operations.tracker(downloads.emit, request.signal),
    )
    const headers = { ...securityHeaders, ...downloadHeaders(download) }
    if (request.method === 'HEAD') {
      download.stream.destroy()
      return new Response(null, { status: 200, headers })
    }
    // Cancelling the web stream destroys the node stream, which stops the layer reads.
    const body = Readable.toWeb(download.stream) as ReadableStream<Uint8Array>
    return new Response(body, { status: 200, headers })
  } catch (error) {
    const failed = downloadErrorResponse(toApiError(error))
    return new Response(failed.body, {
      status: failed.status,
      headers: { ...securityHeaders, ...failed.headers },
    })
  }
}
