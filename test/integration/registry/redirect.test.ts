// Blob redirects, as registries backed by object storage send them: a loopback proxy in front
// of a real registry (htpasswd auth) answers blob GETs with a 307 to a second loopback
// "storage" server. The Authorization header must reach the registry's origin only.

import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { createHash, randomBytes } from 'node:crypto'
import { createServer, request as httpRequest } from 'node:http'
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { StrataError } from '../../../shared/errors'
import type { Credentials } from '../../../electron/registry/credentials'
import { RegistryClient } from '../../../electron/registry/registryClient'
import { startRegistry } from '../../harness/registryServer'
import type { RunningRegistry } from '../../harness/registryServer'

const USER = 'alice'
const PASSWORD = 'redirect-pw'
const basic = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`

interface Seen {
  readonly path: string
  readonly headers: IncomingHttpHeaders
}

function sha256(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `127.0.0.1:${(server.address() as AddressInfo).port}`
}

async function close(server: Server): Promise<void> {
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
}

/** Monolithic blob upload (POST then PUT ?digest=), straight to the registry. */
async function pushBlob(
  registry: RunningRegistry,
  repository: string,
  bytes: Buffer,
): Promise<string> {
  const digest = sha256(bytes)
  const start = await fetch(`${registry.url}/v2/${repository}/blobs/uploads/`, {
    method: 'POST',
    headers: { authorization: basic },
  })
  assert.equal(start.status, 202)
  const location = new URL(start.headers.get('location') ?? '', registry.url)
  location.searchParams.set('digest', digest)
  const put = await fetch(location, {
    method: 'PUT',
    headers: { authorization: basic, 'content-type': 'application/octet-stream' },
    body: bytes,
  })
  assert.equal(put.status, 201, await put.text())
  return digest
}

describe('blob redirects', () => {
  let registry: RunningRegistry
  let proxy: Server
  let storage: Server
  let proxyHost: string
  let storageHost: string
  const proxySeen: Seen[] = []
  const storageSeen: Seen[] = []
  /** What storage serves per digest: the real bytes, or deliberately wrong ones. */
  const storageBytes = new Map<string, Buffer>()
  const good = randomBytes(300_000)
  let goodDigest: string
  const tampered = randomBytes(4096)
  let tamperedDigest: string
  let client: RegistryClient

  before(async () => {
    registry = await startRegistry({ auth: { kind: 'htpasswd', users: { [USER]: PASSWORD } } })
    goodDigest = await pushBlob(registry, 'demo/redirect', good)
    tamperedDigest = await pushBlob(registry, 'demo/redirect', tampered)
    storageBytes.set(goodDigest, good)
    storageBytes.set(tamperedDigest, randomBytes(tampered.length)) // same size, other bytes

    storage = createServer((req, res) => {
      storageSeen.push({ path: req.url ?? '', headers: req.headers })
      const digest = new URL(req.url ?? '/', 'http://x').pathname.split('/').pop() ?? ''
      const bytes = storageBytes.get(digest)
      if (!bytes) return void res.writeHead(404).end()
      res.writeHead(200, { 'content-length': String(bytes.length) }).end(bytes)
    })
    storageHost = await listen(storage)

    proxy = createServer((req, res) => {
      proxySeen.push({ path: req.url ?? '', headers: req.headers })
      const url = new URL(req.url ?? '/', 'http://x')
      const blob = /^\/v2\/(.+)\/blobs\/(sha256:[0-9a-f]{64})$/.exec(url.pathname)
      if (req.method === 'GET' && blob) {
        if (req.headers.authorization !== basic) {
          res.writeHead(401, { 'www-authenticate': 'Basic realm="proxy"' }).end()
          return
        }
        const digest = blob[2] ?? ''
        if (blob[1] === 'demo/loop') {
          const hop = Number(url.searchParams.get('hop') ?? '0') + 1
          return void res.writeHead(302, { location: `${url.pathname}?hop=${hop}` }).end()
        }
        if (blob[1] === 'demo/relative') {
          return void res.writeHead(307, { location: `/local-storage/${digest}` }).end()
        }
        if (blob[1] === 'demo/outside') {
          return void res.writeHead(307, { location: `http://storage.example.com/${digest}` }).end()
        }
        return void res
          .writeHead(307, { location: `http://${storageHost}/blobs/${digest}?signature=abc` })
          .end()
      }
      if (url.pathname.startsWith('/local-storage/')) {
        const bytes = storageBytes.get(url.pathname.split('/').pop() ?? '')
        return void res.writeHead(200, { 'content-length': String(bytes?.length ?? 0) }).end(bytes)
      }
      forward(req, res, registry.host)
    })
    proxyHost = await listen(proxy)
    const credentials = {
      get: (host: string): Promise<Credentials | undefined> =>
        Promise.resolve(
          host === proxyHost ? { username: USER, password: PASSWORD, source: 'test' } : undefined,
        ),
    }
    client = new RegistryClient({ registry: proxyHost, credentials })
  })

  after(async () => {
    await client?.close()
    if (proxy) await close(proxy)
    if (storage) await close(storage)
    await registry?.stop()
  })

  it('follows the 307 without sending Authorization to the storage origin', async () => {
    proxySeen.length = 0
    storageSeen.length = 0
    const desc = { mediaType: 'application/octet-stream', digest: goodDigest, size: good.length }
    const bytes = await client.fetchBlob('demo/redirect', desc)
    assert.equal(sha256(Buffer.from(bytes)), goodDigest)

    const blobAtProxy = proxySeen.filter((s) => s.path.includes('/blobs/'))
    assert.ok(
      blobAtProxy.some((s) => s.headers.authorization === basic),
      'the registry origin got credentials',
    )
    assert.equal(storageSeen.length, 1)
    assert.equal(storageSeen[0]?.path, `/blobs/${goodDigest}?signature=abc`)
    assert.equal(storageSeen[0]?.headers.authorization, undefined, 'storage got no Authorization')

    const stream = await client.openBlob('demo/redirect', desc)
    assert.equal(sha256(Buffer.concat(await stream.toArray())), goodDigest)
    assert.ok(storageSeen.every((s) => s.headers.authorization === undefined))
  })

  it('refuses wrong bytes from the redirect target with DIGEST_MISMATCH', async () => {
    const desc = {
      mediaType: 'application/octet-stream',
      digest: tamperedDigest,
      size: tampered.length,
    }
    await assert.rejects(client.fetchBlob('demo/redirect', desc), (error: unknown) => {
      assert.ok(error instanceof StrataError)
      assert.equal(error.code, 'DIGEST_MISMATCH')
      assert.equal(error.detail?.expectedDigest, tamperedDigest)
      return true
    })
    const stream = await client.openBlob('demo/redirect', desc)
    await assert.rejects(
      stream.toArray(),
      (error: unknown) => error instanceof StrataError && error.code === 'DIGEST_MISMATCH',
    )
  })

  it('resolves a relative Location on the same origin, which may see the credentials', async () => {
    proxySeen.length = 0
    const desc = { mediaType: 'application/octet-stream', digest: goodDigest, size: good.length }
    const bytes = await client.fetchBlob('demo/relative', desc)
    assert.equal(bytes.length, good.length)
    const local = proxySeen.find((s) => s.path.startsWith('/local-storage/'))
    assert.equal(local?.headers.authorization, basic)
  })

  it('refuses a redirect to plain http on a non-loopback host, and a redirect loop', async () => {
    const desc = { mediaType: 'application/octet-stream', digest: goodDigest, size: good.length }
    await assert.rejects(
      client.fetchBlob('demo/outside', desc),
      (e: unknown) => e instanceof StrataError && e.code === 'INSECURE_REFUSED',
    )
    proxySeen.length = 0
    await assert.rejects(client.fetchBlob('demo/loop', desc), (e: unknown) => {
      assert.ok(e instanceof StrataError)
      assert.equal(e.code, 'SERVER_ERROR')
      assert.match(e.message, /redirected more than 5 times/)
      return true
    })
    assert.equal(proxySeen.filter((s) => s.path.startsWith('/v2/demo/loop/')).length, 6)
  })
})

/** Pass a request through to the real registry unchanged. */
function forward(req: IncomingMessage, res: ServerResponse, target: string): void {
  const [hostname, port] = target.split(':')
  const upstream = httpRequest(
    {
      hostname,
      port: Number(port),
      method: req.method,
      path: req.url,
      headers: { ...req.headers, host: target },
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(res)
    },
  )
  upstream.on('error', () => res.writeHead(502).end())
  req.pipe(upstream)
}
