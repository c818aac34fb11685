// How the client behaves when the network or the server misbehaves: retries on 429 and 5xx,
// Retry-After, refused connections, plain http to a host not marked insecure, timeouts,
// cancellation, oversize manifests, foreign next-page links and ignored Range headers. The
// "registries" here are tiny loopback node:http servers scripted per test.

import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Agent } from 'undici'
import type { Dispatcher } from 'undici'
import { StrataError } from '../../../shared/errors'
import { RegistryClient } from '../../../electron/registry/registryClient'
import { freeLoopbackPort } from '../../harness/registryServer'

type Handler = (req: IncomingMessage, res: ServerResponse) => void

interface FakeRegistry {
  readonly host: string
  readonly seen: string[]
  /** TCP connections accepted so far. */
  connections(): number
  handle(handler: Handler): void
  close(): Promise<void>
}

async function startFake(): Promise<FakeRegistry> {
  const seen: string[] = []
  let current: Handler = (_req, res) => res.writeHead(500).end()
  const server: Server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`)
    if (req.url === '/v2/')
      return void res.writeHead(200, { 'content-type': 'application/json' }).end('{}')
    current(req, res)
  })
  let connections = 0
  server.on('connection', () => (connections += 1))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    host: `127.0.0.1:${port}`,
    seen,
    connections: () => connections,
    handle: (handler) => {
      current = handler
      seen.length = 0
    },
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

const manifestBytes = Buffer.from(
  JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: {
      mediaType: 'application/vnd.oci.empty.v1+json',
      digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
      size: 2,
    },
    layers: [],
  }),
)
const manifestDigest = `sha256:${createHash('sha256').update(manifestBytes).digest('hex')}`

function serveManifest(res: ServerResponse): void {
  res.writeHead(200, {
    'content-type': 'application/vnd.oci.image.manifest.v1+json',
    'docker-content-digest': manifestDigest,
    'content-length': String(manifestBytes.length),
  })
  res.end(manifestBytes)
}

async function rejectsWith(promise: Promise<unknown>, code: string): Promise<StrataError> {
  try {
    await promise
  } catch (error) {
    assert.ok(error instanceof StrataError, `expected StrataError ${code}, got ${String(error)}`)
    assert.equal(error.code, code, error.message)
    return error
  }
  throw new Error(`expected ${code}, but the call succeeded`)
}

describe('registry client resilience', () => {
  let fake: FakeRegistry
  let client: RegistryClient

  before(async () => {
    fake = await startFake()
    client = new RegistryClient({
      registry: fake.host,
      retry: { baseDelayMs: 10, maxRetryAfterSeconds: 2 },
    })
  })
  after(async () => {
    await client?.close()
    await fake?.close()
  })

  it('retries a 429 after its Retry-After, then succeeds and keeps rate-limit headers', async () => {
    let calls = 0
    fake.handle((_req, res) => {
      calls += 1
      if (calls === 1) {
        res
          .writeHead(429, {
            'retry-after': '1',
            'ratelimit-limit': '100;w=21600',
            'ratelimit-remaining': '0',
          })
          .end()
        return
      }
      res.setHeader('ratelimit-remaining', '99;w=21600')
      serveManifest(res)
    })
    const started = Date.now()
    const fetched = await client.getManifest('demo/app', 'v1')
    assert.equal(fetched.descriptor.digest, manifestDigest)
    assert.equal(calls, 2)
    assert.ok(Date.now() - started >= 900, 'waited for Retry-After')
    assert.equal(client.rateLimit()?.remaining, 99)
  })

  it('returns RATE_LIMITED with retryAfterSeconds when the wait is too long', async () => {
    let calls = 0
    fake.handle((_req, res) => {
      calls += 1
      res.writeHead(429, { 'retry-after': '3600', 'content-type': 'application/json' })
      res.end('{"errors":[{"code":"TOOMANYREQUESTS","message":"slow down"}]}')
    })
    const error = await rejectsWith(client.getManifest('demo/app', 'v1'), 'RATE_LIMITED')
    assert.equal(error.detail?.retryAfterSeconds, 3600)
    assert.deepEqual(error.detail?.registryErrors, [
      { code: 'TOOMANYREQUESTS', message: 'slow down' },
    ])
    assert.equal(calls, 1, 'no retry when the wait is over the cap')
  })

  it('retries 5xx with backoff, then succeeds', async () => {
    let calls = 0
    fake.handle((_req, res) => {
      calls += 1
      if (calls <= 2) return void res.writeHead(calls === 1 ? 503 : 502).end('busy')
      serveManifest(res)
    })
    assert.equal((await client.getManifest('demo/app', 'v1')).bytes.length, manifestBytes.length)
    assert.equal(calls, 3)
  })

  it('gives up with SERVER_ERROR after three retries', async () => {
    let calls = 0
    fake.handle((_req, res) => {
      calls += 1
      res.writeHead(500).end()
    })
    const error = await rejectsWith(client.headManifest('demo/app', 'v1'), 'SERVER_ERROR')
    assert.equal(error.detail?.status, 500)
    assert.equal(calls, 4)
  })

  it('refuses a manifest over the cap before reading it, and while streaming', async () => {
    fake.handle((_req, res) => {
      res.writeHead(200, {
        'content-type': 'application/vnd.oci.image.manifest.v1+json',
        'content-length': String(5 * 1024 * 1024),
      })
      res.end() // the client must not wait for the 5 MiB
    })
    await rejectsWith(client.getManifest('demo/app', 'big'), 'TOO_LARGE')
    let sent = 0
    fake.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json' })
      const chunk = Buffer.alloc(64 * 1024, 0x20)
      const push = (): void => {
        while (sent < 64 * 1024 * 1024) {
          sent += chunk.length
          if (!res.write(chunk)) return void res.once('drain', push)
        }
        res.end()
      }
      res.on('close', () => undefined)
      push()
    })
    await rejectsWith(
      client.getManifest('demo/app', 'stream', { maxBytes: 1024 * 1024 }),
      'TOO_LARGE',
    )
    assert.ok(sent < 32 * 1024 * 1024, `stopped reading early (server wrote ${sent} bytes)`)
  })

  it('refuses a next-page link to another origin and reports it', async () => {
    fake.handle((_req, res) => {
      res.writeHead(200, {
        'content-type': 'application/json',
        link: '<http://evil.example/v2/_catalog?last=b&n=2>; rel="next"',
      })
      res.end('{"repositories":["a","b"]}')
    })
    const page = await client.listRepositories({ pageSize: 2 })
    assert.deepEqual(page.items, ['a', 'b'])
    assert.equal(page.next, undefined)
    assert.equal(page.refusedNextLink?.target, 'http://evil.example/v2/_catalog?last=b&n=2')
    assert.equal(fake.seen.length, 1, 'never followed')
    await rejectsWith(
      client.listRepositories({ cursor: '//evil.example/v2/_catalog' }),
      'BAD_INPUT',
    )
    await rejectsWith(client.listRepositories({ cursor: '/v2/other/tags/list?n=1' }), 'BAD_INPUT')
  })

  it('reports a Range the server ignored so callers can fall back', async () => {
    const blob = Buffer.from('0123456789abcdef')
    const digest = `sha256:${createHash('sha256').update(blob).digest('hex')}`
    let honour = true
    fake.handle((req, res) => {
      const range = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '')
      if (honour && range) {
        const [start, end] = [Number(range[1]), Number(range[2])]
        res.writeHead(206, {
          'content-range': `bytes ${start}-${end}/${blob.length}`,
          'content-length': String(end - start + 1),
        })
        return void res.end(blob.subarray(start, end + 1))
      }
      res.writeHead(200, { 'content-length': String(blob.length) }).end(blob)
    })
    const desc = { mediaType: 'application/octet-stream', digest, size: blob.length }
    const partial = await client.openBlobRange('demo/app', desc, { start: 4, end: 7 })
    assert.equal(partial.kind, 'partial')
    assert.equal((await partial.stream.toArray()).join(''), '4567')
    honour = false
    const whole = await client.openBlobRange('demo/app', desc, { start: 4, end: 7 })
    assert.equal(whole.kind, 'whole')
    assert.equal(Buffer.concat(await whole.stream.toArray()).toString(), blob.toString())
    await rejectsWith(client.openBlobRange('demo/app', desc, { start: 10, end: 99 }), 'BAD_INPUT')
  })

  it('keeps at most 8 requests in flight and reuses keep-alive connections', async () => {
    let inFlight = 0
    let most = 0
    fake.handle((_req, res) => {
      inFlight += 1
      most = Math.max(most, inFlight)
      setTimeout(() => {
        inFlight -= 1
        serveManifest(res)
      }, 20)
    })
    const reuse = new RegistryClient({ registry: fake.host })
    try {
      const before = fake.connections()
      for (let round = 0; round < 3; round += 1) {
        const gets = await Promise.all(
          Array.from({ length: 40 }, () => reuse.getManifest('demo/app', manifestDigest)),
        )
        assert.ok(gets.every((g) => g.descriptor.digest === manifestDigest))
      }
      const opened = fake.connections() - before
      assert.ok(opened <= 16, `${opened} connections for 120 GETs`)
      assert.equal(most, 8)
      // HEADs keep their sockets too (reset: false): a HEAD storm reuses connections and
      // stays within the transport's limit of 8 in flight.
      most = 0
      const beforeHeads = fake.connections()
      const heads = await Promise.all(
        Array.from({ length: 40 }, () => reuse.headManifest('demo/app', 'v1')),
      )
      assert.ok(heads.every((h) => h.digest === manifestDigest))
      assert.equal(most, 8)
      const headConnections = fake.connections() - beforeHeads
      assert.ok(headConnections <= 8, `${headConnections} new connections for 40 HEADs`)
    } finally {
      await reuse.close()
    }
  })

  it('maps a server that never answers to TIMEOUT and an abort to CANCELLED', async () => {
    fake.handle(() => undefined) // never answers
    const slow = new RegistryClient({ registry: fake.host, headersTimeoutMs: 300 })
    try {
      await slow.ping()
      await rejectsWith(slow.headManifest('demo/app', 'v1'), 'TIMEOUT')
    } finally {
      await slow.close()
    }
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 100)
    await rejectsWith(
      client.headManifest('demo/app', 'v1', { signal: controller.signal }),
      'CANCELLED',
    )
  })
})

describe('connection policy', () => {
  it('says NETWORK "cannot reach HOST (ECONNREFUSED)" quickly for a closed port', async () => {
    const port = await freeLoopbackPort()
    const client = new RegistryClient({ registry: `127.0.0.1:${port}` })
    const started = Date.now()
    try {
      const error = await rejectsWith(client.listTags('demo/app'), 'NETWORK')
      assert.equal(error.message, `cannot reach 127.0.0.1:${port} (ECONNREFUSED)`)
      assert.equal(error.detail?.host, `127.0.0.1:${port}`)
    } finally {
      await client.close()
    }
    assert.ok(Date.now() - started < 2000)
  })

  it('refuses plain http to a non-loopback host not marked insecure, without connecting', async () => {
    let dispatched = 0
    class CountingAgent extends Agent {
      override dispatch(
        options: Agent.DispatchOptions,
        handler: Dispatcher.DispatchHandler,
      ): boolean {
        dispatched += 1
        return super.dispatch(options, handler)
      }
    }
    const dispatcher = new CountingAgent()
    const client = new RegistryClient({
      registry: 'registry.example.com',
      scheme: 'http',
      dispatcher,
    })
    try {
      const error = await rejectsWith(client.getManifest('demo/app', 'v1'), 'INSECURE_REFUSED')
      assert.match(error.message, /refusing plain http to registry\.example\.com/)
      assert.equal(dispatched, 0)
      // Marked insecure, the same host may use http (and then fails to resolve, as expected).
      const insecure = new RegistryClient({
        registry: 'registry.invalid',
        insecure: true,
        dispatcher,
      })
      assert.equal(insecure.baseUrl.protocol, 'http:')
    } finally {
      await dispatcher.close()
    }
  })

  it('refuses garbage registry names and repository paths with BAD_INPUT', async () => {
    assert.throws(() => new RegistryClient({ registry: 'not a host' }), /is not a registry address/)
    const client = new RegistryClient({ registry: '127.0.0.1:9' })
    try {
      await rejectsWith(client.getManifest('../etc', 'v1'), 'BAD_INPUT')
      await rejectsWith(client.getManifest('demo/app', 'v1?x=1'), 'BAD_INPUT')
      await rejectsWith(client.getManifest('demo/app', 'sha256:nothex'), 'BAD_INPUT')
    } finally {
      await client.close()
    }
  })
})
