// The Referrers API rides on the registry client's own transport: the pool's body deadlines
// hold a registry that drips the referrers list, and the bearer token the client fetched for
// the repository is reused (one token request for manifest, referrers and fallback tag).

import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { createServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { RegistryClientPool } from '../../../electron/registry/clientPool'
import { ReferrersService } from '../../../electron/image/referrersService'

const SUBJECT = `sha256:${'a'.repeat(64)}`
const SIG = `sha256:${'b'.repeat(64)}`
const TOKEN = 'token-for-demo'

describe('referrers on the registry client transport', () => {
  let server: Server
  let host: string
  let tokenRequests = 0
  const unauthorized: string[] = []

  before(async () => {
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x')
      if (url.pathname === '/token') {
        tokenRequests += 1
        res.writeHead(200, { 'content-type': 'application/json' })
        return void res.end(JSON.stringify({ token: TOKEN, expires_in: 300 }))
      }
      if (req.headers.authorization !== `Bearer ${TOKEN}`) {
        unauthorized.push(url.pathname)
        const realm = `http://${req.headers.host ?? ''}/token`
        res.writeHead(401, {
          'www-authenticate': `Bearer realm="${realm}",service="test",scope="repository:demo/app:pull"`,
        })
        return void res.end()
      }
      if (url.pathname === '/v2/') return void res.writeHead(200).end('{}')
      if (url.pathname === `/v2/demo/slow/referrers/${SUBJECT}`) {
        // Headers at once, then one byte every 400 ms: never silent, never done.
        res.writeHead(200, { 'content-type': 'application/vnd.oci.image.index.v1+json' })
        const timer = setInterval(() => res.write(' '), 400)
        res.on('close', () => clearInterval(timer))
        return
      }
      if (url.pathname === `/v2/demo/app/referrers/${SUBJECT}`) {
        res.writeHead(200, { 'content-type': 'application/vnd.oci.image.index.v1+json' })
        const entry = {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          digest: SIG,
          size: 10,
          artifactType: 'application/vnd.example.sig',
          annotations: { a: 'b' },
        }
        return void res.end(JSON.stringify({ schemaVersion: 2, manifests: [entry] }))
      }
      res.writeHead(404).end()
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    host = `127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  after(async () => {
    server?.closeAllConnections()
    await new Promise((resolve) => server?.close(resolve))
  })

  it('holds a dripping referrers list to the pool body deadlines', async () => {
    const pool = new RegistryClientPool({
      tuning: {
        bodyDeadlines: {
          documentTotalMs: 1500,
          documentIdleMs: 1000,
          blobWindowMs: 1000,
          blobMinBytes: 1,
        },
      },
    })
    try {
      const service = new ReferrersService({ pool })
      const started = Date.now()
      await assert.rejects(service.find(host, 'demo/slow', SUBJECT), {
        code: 'TIMEOUT',
        message: /too slowly/,
      })
      assert.ok(Date.now() - started < 10_000, 'the document deadline cut it off')
    } finally {
      await pool.close()
    }
  })

  it('uses the token the client already holds for the repository', async () => {
    const pool = new RegistryClientPool()
    try {
      tokenRequests = 0
      const client = pool.clientFor(host)
      // The client authenticates for its own call first...
      await assert.rejects(client.getManifest('demo/app', 'v1'), { code: 'NOT_FOUND' })
      const before = tokenRequests
      assert.ok(before >= 1)
      // ...and the referrers lookup through the service reuses that token.
      const result = await new ReferrersService({ pool }).find(host, 'demo/app', SUBJECT)
      assert.equal(result.via, 'api')
      assert.deepEqual(
        result.referrers.map((r) => [r.digest, r.artifactType]),
        [[SIG, 'application/vnd.example.sig']],
      )
      assert.equal(tokenRequests, before, 'no second token request')
    } finally {
      await pool.close()
    }
  })
})
