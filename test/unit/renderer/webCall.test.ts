// The web transport's call path against a real HTTP server on loopback.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WEB_API_PATH, WEB_TOKEN_HEADER } from '../../../shared/api'
import { postApiCall } from '../../../renderer/api/webCall'
import { parseEvent } from '../../../renderer/api/parseEvent'

async function withServer(
  handler: (req: IncomingMessage, body: string, res: ServerResponse) => void,
  run: (origin: string) => Promise<void>,
): Promise<void> {
  const server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString()))
    req.on('end', () => handler(req, body, res))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  try {
    await run(`http://127.0.0.1:${port}`)
  } finally {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
}

test('posts {name, args} with the token header and returns the result', async () => {
  let seen: { path?: string; token?: string; body?: unknown } = {}
  await withServer(
    (req, body, res) => {
      seen = {
        path: req.url,
        token: req.headers[WEB_TOKEN_HEADER] as string,
        body: JSON.parse(body),
      }
      res.setHeader('content-type', 'application/json')
      res.end(
        JSON.stringify({ ok: true, value: [{ host: 'h', insecure: true, hasCredentials: false }] }),
      )
    },
    async (origin) => {
      const result = await postApiCall(
        'tok',
        { name: 'registries:list', args: {} },
        undefined,
        origin,
      )
      assert.deepEqual(result, {
        ok: true,
        value: [{ host: 'h', insecure: true, hasCredentials: false }],
      })
    },
  )
  assert.deepEqual(seen, {
    path: WEB_API_PATH,
    token: 'tok',
    body: { name: 'registries:list', args: {} },
  })
})

test('errors as data pass through unchanged', async () => {
  const error = { code: 'NOT_FOUND', message: 'no such tag', detail: { subject: 'v9' } }
  await withServer(
    (_req, _body, res) => {
      res.statusCode = 200
      res.end(JSON.stringify({ ok: false, error }))
    },
    async (origin) => {
      const result = await postApiCall(
        't',
        { name: 'image:summary', args: { ref: 'a:v9' } },
        undefined,
        origin,
      )
      assert.deepEqual(result, { ok: false, error })
    },
  )
})

test('a server that is gone is NETWORK "Strata\'s server is not answering"', async () => {
  let origin = ''
  await withServer(
    (_req, _body, res) => res.end(),
    (o) => {
      origin = o
      return Promise.resolve()
    },
  )
  const result = await postApiCall('t', { name: 'app:info', args: {} }, undefined, origin)
  assert.equal(result.ok, false)
  if (!result.ok) {
    assert.equal(result.error.code, 'NETWORK')
    assert.equal(result.error.message, "Strata's server is not answering")
  }
})

test('non-JSON answers and odd shapes become errors, aborts become CANCELLED', async () => {
  await withServer(
    (req, _body, res) => {
      if (req.headers[WEB_TOKEN_HEADER] === 'slow') return // never answers
      res.statusCode = req.headers[WEB_TOKEN_HEADER] === 'html' ? 502 : 200
      res.end(req.headers[WEB_TOKEN_HEADER] === 'html' ? '<html>bad gateway</html>' : '{"hello":1}')
    },
    async (origin) => {
      const html = await postApiCall('html', { name: 'app:info', args: {} }, undefined, origin)
      assert.equal(html.ok ? 'ok' : html.error.code, 'SERVER_ERROR')
      const odd = await postApiCall('odd', { name: 'app:info', args: {} }, undefined, origin)
      assert.equal(odd.ok ? 'ok' : odd.error.code, 'INTERNAL')
      const controller = new AbortController()
      const pending = postApiCall('slow', { name: 'app:info', args: {} }, controller.signal, origin)
      setTimeout(() => controller.abort(), 50)
      const aborted = await pending
      assert.equal(aborted.ok ? 'ok' : aborted.error.code, 'CANCELLED')
    },
  )
})

test('events: only known event shapes are accepted', () => {
  assert.deepEqual(parseEvent('{"type":"invalidate","scope":"registries"}'), {
    type: 'invalidate',
    scope: 'registries',
  })
  assert.equal(parseEvent('{"type":"other"}'), undefined)
  assert.equal(parseEvent('not json'), undefined)
})
