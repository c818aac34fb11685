// A loopback proxy in front of a real registry that misbehaves on purpose, the way a broken
// mirror or a hostile network would. Repository names choose the misbehaviour:
//   /v2/corrupt/<name>/manifests/…   body bytes altered, headers kept (digest mismatch)
//   /v2/huge/<name>/manifests/…      a 5 MiB manifest (over Strata's cap)
//   /v2/garbage/<name>/manifests/…   truncated JSON
//   /v2/ratelimited/<name>/…         429 with Retry-After: 120 and RateLimit headers
//   /v2/forbidden/<name>/…           403 with a distribution error body
//   /v2/strange/<name>/manifests/…   the real manifest under an unknown media type
// Anything else is forwarded untouched (with /v2/<prefix>/ stripped for the cases above).

import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createHash } from 'node:crypto'

export interface RunningProxy {
  readonly host: string
  stop(): Promise<void>
}

/**
 * Tampered manifests by the digest of their tampered bytes: a consistently broken registry
 * serves the same bytes when asked by digest, as it does when asked by tag.
 */
const tampered = new Map<string, { body: Buffer; headers: Record<string, unknown> }>()

const PREFIX = /^\/v2\/(corrupt|huge|garbage|ratelimited|forbidden|strange)\/(.*)$/

export async function startTamperingProxy(upstreamHost: string): Promise<RunningProxy> {
  const server = createServer((incoming, outgoing) => {
    const match = PREFIX.exec(incoming.url ?? '')
    const mode = match?.[1]
    const path = match ? `/v2/${match[2] ?? ''}` : (incoming.url ?? '/')
    if (mode === 'ratelimited') {
      outgoing.writeHead(429, {
        'retry-after': '120',
        'ratelimit-limit': '100;w=21600',
        'ratelimit-remaining': '0',
        'content-type': 'application/json',
      })
      outgoing.end(JSON.stringify({ errors: [{ code: 'TOOMANYREQUESTS', message: 'slow down' }] }))
      return
    }
    if (mode === 'forbidden') {
      outgoing.writeHead(403, { 'content-type': 'application/json' })
      outgoing.end(
        JSON.stringify({
          errors: [{ code: 'DENIED', message: 'requested access to the resource is denied' }],
        }),
      )
      return
    }
    const reference = /\/manifests\/(sha256:[0-9a-f]{64})$/.exec(path)?.[1]
    const served = reference !== undefined ? tampered.get(reference) : undefined
    if (served) {
      outgoing.writeHead(200, { ...served.headers, 'content-length': String(served.body.length) })
      outgoing.end(incoming.method === 'HEAD' ? undefined : served.body)
      return
    }
    forward(upstreamHost, incoming, path, outgoing, path.includes('/manifests/') ? mode : undefined)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    host: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

function forward(
  upstreamHost: string,
  incoming: IncomingMessage,
  path: string,
  outgoing: ServerResponse,
  mode: string | undefined,
): void {
  const [hostname, port] = upstreamHost.split(':')
  const isHead = incoming.method === 'HEAD'
  // HEAD is answered from a GET, so its headers describe the same (tampered) body.
  const method = mode !== undefined && isHead ? 'GET' : incoming.method
  const upstream = request(
    { hostname, port, path, method, headers: { ...incoming.headers, host: upstreamHost } },
    (answer) => {
      const chunks: Buffer[] = []
      answer.on('data', (chunk: Buffer) => chunks.push(chunk))
      answer.on('end', () => {
        const headers = { ...answer.headers }
        let body: Buffer = Buffer.concat(chunks)
        if (mode !== undefined && answer.statusCode === 200) {
          body = tamper(mode, body, headers)
          const digest = `sha256:${createHash('sha256').update(body).digest('hex')}`
          if (mode !== 'corrupt') tampered.set(digest, { body, headers })
        }
        if (!isHead || mode !== undefined) headers['content-length'] = String(body.length)
        outgoing.writeHead(answer.statusCode ?? 502, headers)
        outgoing.end(isHead ? undefined : body)
      })
    },
  )
  upstream.on('error', () => {
    outgoing.writeHead(502)
    outgoing.end()
  })
  incoming.pipe(upstream)
}

/** Alters a manifest response in place; the headers object is changed to match. */
function tamper(mode: string, body: Buffer, headers: Record<string, unknown>): Buffer {
  switch (mode) {
    case 'corrupt': {
      // One hex digit of the first digest in the document changes: same length, valid JSON,
      // and the Docker-Content-Digest header still names the original bytes.
      const copy = Buffer.from(body)
      const at = copy.indexOf('sha256:') + 'sha256:'.length
      copy[at] = copy[at] === 0x61 ? 0x62 : 0x61
      return copy
    }
    case 'huge':
      delete headers['docker-content-digest']
      return Buffer.from(`{"schemaVersion":2,"padding":"${'x'.repeat(5 * 1024 * 1024)}"}`)
    case 'garbage':
      delete headers['docker-content-digest']
      return body.subarray(0, Math.floor(body.length / 2))
    case 'strange': {
      delete headers['docker-content-digest']
      const unknownType = 'application/vnd.example.strange.v1+json'
      headers['content-type'] = unknownType
      const document = JSON.parse(body.toString('utf8')) as Record<string, unknown>
      return Buffer.from(JSON.stringify({ ...document, mediaType: unknownType }))
    }
    default:
      return body
  }
}
