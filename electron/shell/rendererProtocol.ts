// The desktop window loads the renderer from strata://app/ instead of file://, so the page has
// a real origin, a CSP header, and can read nothing but the built renderer directory.

import { net, protocol } from 'electron'
import { stat } from 'node:fs/promises'
import { pathToFileURL } from 'node:url'
import { RENDERER_DIST_DIR } from '../app/appPaths'
import { resolveInside } from '../web/staticFiles'
import { CONTENT_SECURITY_POLICY } from '../web/webServer'

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

export function serveRendererFiles(): void {
  protocol.handle(RENDERER_SCHEME, async (request) => {
    const url = new URL(request.url)
    const file = url.host === 'app' ? resolveInside(RENDERER_DIST_DIR, url.pathname) : undefined
    const isFile = file
      ? await stat(file).then(
          (info) => info.isFile(),
          () => false,
        )
      : false
    if (!file || !isFile) return new Response('Not found', { status: 404 })
    const response = await net.fetch(pathToFileURL(file).toString())
    const headers = new Headers(response.headers)
    headers.set('content-security-policy', CONTENT_SECURITY_POLICY)
    headers.set('x-content-type-options', 'nosniff')
    return new Response(response.body, { status: response.status, headers })
  })
}
