// Web mode: the same handler table as the Electron window, served over HTTP on 127.0.0.1 for
// a browser. Bound to loopback only; every request must pass requestGuard's checks.

import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { pipeline } from 'node:stream/promises'
import {
  WEB_API_PATH,
  WEB_DOWNLOAD_PATH,
  WEB_EVENTS_PATH,
  WEB_TOKEN_HEADER,
} from '../../shared/api'
import { toApiError } from '../../shared/errors'
import { DOWNLOAD_NONCE_PARAM, WEB_DOWNLOAD_TICKET_PATH } from '../../shared/api/webDownloadTicket'
import type { DownloadProvider } from '../files/downloads'
import { downloadErrorResponse, downloadHeaders } from '../files/downloads'
import type { HandlerTable } from '../api/handlerTable'
import { dispatchCall } from '../api/handlerTable'
import { OperationRegistry } from '../api/operationRegistry'
import { DownloadTickets, issueTicket } from './downloadTickets'
import { EventHub } from './eventHub'
import {
  isAllowedHost,
  isAllowedOrigin,
  isOwnFetch,
  readCookie,
  sessionCookieName,
  tokensMatch,
} from './requestGuard'
import { CONTENT_SECURITY_POLICY } from '../util/contentSecurityPolicy'
import { sendStaticFile } from '../util/staticFiles'
import { isRecord } from '../util/isRecord'

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
}

const MAX_REQUEST_BYTES = 1024 * 1024
/** An oversized request is read and dropped up to this, so the client gets its 413. */
const DRAIN_REQUEST_BYTES = 64 * 1024 * 1024

export interface WebServerOptions {
  readonly table: (emit: EventHub['emit']) => HandlerTable
  /** Serves GET WEB_DOWNLOAD_PATH; absent: downloads answer 404. */
  readonly downloads?: DownloadProvider
  readonly rendererDir: string
  /** 0 picks a free port. */
  readonly port: number
  readonly token?: string
}

export interface RunningWebServer {
  readonly port: number
  readonly token: string
  /** The address to open, token included. */
  readonly url: string
  close(): Promise<void>
}

export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url')
  // The cookie's value: opens static files only, so leaking it to another port opens nothing.
  const sessionId = randomBytes(24).toString('base64url')
  const tickets = new DownloadTickets()
  const events = new EventHub()
  const table = options.table(events.emit)
  const operations = new OperationRegistry()
  let port = options.port
  const server = createServer((request, response) => {
    handleRequest(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendText(response, 500, `Internal error: ${String(error)}`)
      else response.destroy()
    })
  })

  async function handleRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!isAllowedHost(request.headers.host, port)) {
      return sendText(response, 403, 'Strata answers only http://127.0.0.1 on its own port.')
    }
    if (!isAllowedOrigin(request.headers.origin, port)) {
      return sendText(response, 403, 'Cross-origin requests are refused.')
    }
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`)
    if (url.pathname.startsWith('/api/') && !isOwnFetch(request.headers['sec-fetch-site'])) {
      return sendText(response, 403, 'Requests started by other sites are refused.')
    }
    const cookieSession = readCookie(request.headers.cookie, sessionCookieName(port))
    const queryToken = url.searchParams.get('token') ?? undefined

    const rawHeaderToken = request.headers[WEB_TOKEN_HEADER]
    const headerToken = typeof rawHeaderToken === 'string' ? rawHeaderToken : undefined

    if (url.pathname === WEB_API_PATH) {
      if (!tokensMatch(headerToken, token)) {
        return sendJson(response, 401, {
          ok: false,
          error: { code: 'AUTH_REQUIRED', message: 'This launch token is not valid.' },
        })
      }
      if (request.method !== 'POST') return sendText(response, 405, 'POST only.')
      return handleCall(request, response)
    }
    if (url.pathname === WEB_DOWNLOAD_TICKET_PATH || url.pathname === WEB_EVENTS_PATH) {
      if (!tokensMatch(headerToken, token)) {
        return sendText(response, 401, 'This launch token is not valid.')
      }
      if (url.pathname === WEB_EVENTS_PATH) return events.attach(response)
      if (request.method !== 'POST') return sendText(response, 405, 'POST only.')
      const body = await readBody(request)
      return body === undefined
        ? sendText(response, 413, 'The request is larger than 1 MiB.')
        : sendJson(response, 200, issueTicket(tickets, body))
    }
    if (url.pathname === WEB_DOWNLOAD_PATH) {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        return sendText(response, 405, 'GET only.')
      }
      // A link cannot carry the header: it carries a one-time nonce made for these arguments.
      // The cookie never opens a download (it reaches every server on 127.0.0.1).
      const nonce = url.searchParams.get(DOWNLOAD_NONCE_PARAM)
      if (!tokensMatch(headerToken, token) && !tickets.redeem(nonce, url.searchParams)) {
        return sendText(
          response,
          401,
          'This download link was already used, has expired or was not made by Strata: use the Download button again.',
        )
      }
      return handleDownload(request, response, url.searchParams)
    }
    const authorized = tokensMatch(queryToken, token) || tokensMatch(cookieSession, sessionId)
    if (!authorized) {
      return sendText(
        response,
        401,
        'Open Strata with the address it printed when it started (it carries a token).',
      )
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return sendText(response, 405, 'Method not allowed.')
    }
    const headers: Record<string, string> = { ...SECURITY_HEADERS }
    if (tokensMatch(queryToken, token)) {
      headers['set-cookie'] =
        `${sessionCookieName(port)}=${sessionId}; HttpOnly; SameSite=Strict; Path=/`
    }
    const filePath = url.pathname === '/' ? '/index.html' : url.pathname
    if (await sendStaticFile(response, options.rendererDir, filePath, headers)) return
    return sendText(response, 404, 'Not found.')
  }

  async function handleCall(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request)
    if (body === undefined) {
      return sendJson(response, 413, {
        ok: false,
        error: { code: 'TOO_LARGE', message: 'The request is larger than 1 MiB.' },
      })
    }
    let parsed: Record<string, unknown>
    try {
      const value: unknown = JSON.parse(body)
      parsed = isRecord(value) ? value : {}
    } catch {
      return sendJson(response, 400, {
        ok: false,
        error: { code: 'BAD_INPUT', message: 'The request body is not JSON.' },
      })
    }
    const controller = new AbortController()
    response.on('close', () => {
      if (!response.writableFinished) controller.abort()
    })
    const result = await dispatchCall(table, parsed.name, parsed.args ?? {}, {
      signal: controller.signal,
      emit: events.emit,
      operations,
    })
    if (!response.destroyed) sendJson(response, 200, result)
  }

  async function handleDownload(
    request: IncomingMessage,
    response: ServerResponse,
    query: URLSearchParams,
  ): Promise<void> {
    if (!options.downloads) return sendText(response, 404, 'Downloads are not served here.')
    const controller = new AbortController()
    response.on('close', () => {
      if (!response.writableFinished) controller.abort()
    })
    let download
    try {
      download = await options.downloads(
        query,
        controller.signal,
        operations.tracker(events.emit, controller.signal),
      )
    } catch (error) {
      if (response.destroyed) return
      const failed = downloadErrorResponse(toApiError(error))
      response.writeHead(failed.status, { ...SECURITY_HEADERS, ...failed.headers })
      response.end(failed.body)
      return
    }
    if (response.destroyed || request.method === 'HEAD') {
      if (!response.destroyed) {
        response.writeHead(200, { ...SECURITY_HEADERS, ...downloadHeaders(download) })
        response.end()
      }
      download.stream.destroy()
      return
    }
    response.writeHead(200, { ...SECURITY_HEADERS, ...downloadHeaders(download) })
    // A failure halfway through can only cut the response short (the status is already sent).
    await pipeline(download.stream, response).catch(() => undefined)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port
  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        events.closeAll()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

function readBody(request: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let total = 0
    request.on('data', (chunk: Buffer) => {
      total += chunk.length
      if (total > MAX_REQUEST_BYTES) {
        // Too large: answer 413 now, but keep reading (and dropping) the rest. Destroying the
        // socket while the client still sends resets the connection before it reads the 413.
        // Past DRAIN_REQUEST_BYTES it is not worth the wait: cut it off.
        chunks.length = 0
        resolve(undefined)
        if (total > DRAIN_REQUEST_BYTES) request.destroy()
        return
      }
      chunks.push(chunk)
    })
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value)
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
  })
  response.end(body)
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' })
  response.end(text + '\n')
}
