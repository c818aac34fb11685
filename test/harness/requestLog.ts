// A loopback proxy in front of a registry that logs every request (path, Range header) and
// counts response body bytes, so a test can tell which blob reads were ranged and how much
// they fetched.

import { createServer, request } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A loopback proxy that logs every request (path, Range header) and counts body bytes. */
export interface RequestLog {
  readonly host: string
  readonly requests: { readonly path: string; readonly range?: string }[]
  bytes: number
  reset(): void
  close(): Promise<void>
}

export async function startRequestLog(upstream: string): Promise<RequestLog> {
  const target = new URL(upstream)
  const log: RequestLog = {
    host: '',
    requests: [],
    bytes: 0,
    reset: () => {
      log.requests.length = 0
      log.bytes = 0
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
  const server = createServer((incoming, outgoing) => {
    const range = incoming.headers.range
    log.requests.push({ path: incoming.url ?? '', ...(range ? { range } : {}) })
    const forwarded = request(
      {
        hostname: target.hostname,
        port: target.port,
        path: incoming.url,
        method: incoming.method,
        headers: { ...incoming.headers, host: target.host },
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.on('data', (chunk: Buffer) => {
          log.bytes += chunk.length
        })
        // pipe keeps back-pressure: a slow reader is not served from a growing buffer here.
        answer.pipe(outgoing)
      },
    )
    forwarded.on('error', () => outgoing.destroy())
    incoming.pipe(forwarded)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  Object.assign(log, { host: `127.0.0.1:${port}` })
  return log
}
