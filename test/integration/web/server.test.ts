// Web mode's gate: loopback only, the per-launch token, our own Host and Origin. Runs the real
// `electron/serve.ts` in a child process, as users start it.

import assert from 'node:assert/strict'
import { request } from 'node:http'
import { after, before, test } from 'node:test'
import { startWebMode, type RunningWebMode } from '../../harness/webMode'

let web: RunningWebMode

before(async () => {
  web = await startWebMode()
})
after(async () => {
  await web.stop()
})

interface RawResponse {
  readonly status: number
  readonly headers: Readonly<Record<string, string | string[] | undefined>>
  readonly body: string
}

function raw(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; host?: string } = {},
): Promise<RawResponse> {
  const target = new URL(web.origin)
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: options.host ?? target.hostname,
        port: target.port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

function call(name: string, args: object, headers: Record<string, string> = {}) {
  return raw('/api/call', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-strata-token': web.token, ...headers },
    body: JSON.stringify({ name, args }),
  })
}

test('prints a loopback address with a long random token', () => {
  assert.match(web.url, /^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32,}$/)
})

test('the page needs the token; with it, it is served with a CSP and a session cookie', async () => {
  assert.equal((await raw('/')).status, 401)
  assert.equal((await raw('/?token=wrong')).status, 401)
  const page = await raw(`/?token=${web.token}`)
  assert.equal(page.status, 200)
  assert.match(page.body, /<div id="root">/)
  assert.match(String(page.headers['content-security-policy']), /script-src 'self'/)
  assert.equal(page.headers['referrer-policy'], 'no-referrer')
  const cookie = String(page.headers['set-cookie'])
  assert.match(cookie, /HttpOnly; SameSite=Strict/)
  const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(page.body)?.[1]
  assert.ok(script, 'index.html names its script')
  assert.equal((await raw(`/${script}`)).status, 401, 'assets need the session too')
  const withCookie = await raw(`/${script}`, { headers: { cookie: cookie.split(';')[0] ?? '' } })
  assert.equal(withCookie.status, 200)
  assert.match(String(withCookie.headers['content-type']), /javascript/)
})

test('api calls need the token header, not just the cookie', async () => {
  const noToken = await raw('/api/call', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'app:info', args: {} }),
  })
  assert.equal(noToken.status, 401)
  const ok = await call('app:info', {})
  assert.equal(ok.status, 200)
  const result = JSON.parse(ok.body) as { ok: boolean; value: { mode: string; sampleRef: string } }
  assert.equal(result.ok, true)
  assert.equal(result.value.mode, 'web')
  assert.match(result.value.sampleRef, /^oci:.*assets\/sample:demo$/)
})

test('a foreign Host header (DNS rebinding) or Origin is refused', async () => {
  const port = new URL(web.origin).port
  const rebinding = await raw(`/?token=${web.token}`, { headers: { host: `evil.test:${port}` } })
  assert.equal(rebinding.status, 403)
  const crossSite = await call('app:info', {}, { origin: 'http://evil.test' })
  assert.equal(crossSite.status, 403)
  const ownOrigin = await call('app:info', {}, { origin: web.origin })
  assert.equal(ownOrigin.status, 200)
})

test('only 127.0.0.1 is listened on', async () => {
  await assert.rejects(raw(`/?token=${web.token}`, { host: '::1' }), /ECONNREFUSED/)
})

test('unknown operations and malformed bodies come back as BAD_INPUT data', async () => {
  const unknown = JSON.parse((await call('fs:readEverything', {})).body) as {
    ok: boolean
    error: { code: string }
  }
  assert.deepEqual([unknown.ok, unknown.error.code], [false, 'BAD_INPUT'])
  const garbage = await raw('/api/call', {
    method: 'POST',
    headers: { 'x-strata-token': web.token },
    body: '{not json',
  })
  assert.equal(garbage.status, 400)
  const badRef = JSON.parse((await call('image:graph', { ref: 'Bad Ref!!' })).body) as {
    ok: boolean
    error: { code: string; message: string }
  }
  assert.equal(badRef.ok, false)
  assert.equal(badRef.error.code, 'BAD_INPUT')
})
