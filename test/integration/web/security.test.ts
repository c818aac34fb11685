// Web mode against another server on 127.0.0.1 (cookies are not scoped by port, and pages on
// other ports are "same site"): the cookie opens static files only, downloads need a one-time
// nonce for their exact arguments, what a browser marks as foreign is refused, and the static
// server serves regular files inside the renderer folder only. The real web server with the
// real services and the bundled sample image.

import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, test } from 'node:test'
import type { DownloadArgs } from '../../../shared/api'
import { WEB_DOWNLOAD_PATH, downloadQuery } from '../../../shared/api'
import { WEB_DOWNLOAD_TICKET_PATH } from '../../../shared/api/webDownloadTicket'
import { createDownloadProvider } from '../../../electron/files/downloads'
import { createHandlers } from '../../../electron/api/handlers'
import { composeServices } from '../../../electron/app/composeServices'
import type { RunningWebServer } from '../../../electron/web/webServer'
import { startWebServer } from '../../../electron/web/webServer'
import { webDownloadUrl } from '../../../renderer/api/webCall'
import { baseLayer } from '../../harness/ociSampleContent'
import type { Fetched } from '../../harness/webDownloads'
import { downloadNonce, httpGet } from '../../harness/webDownloads'

let dataDir: string
let rendererDir: string
let outside: string
let server: RunningWebServer
let sampleRef: string

const SECRET = 'outside the renderer folder\n'

before(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'strata-websec-'))
  const base = await mkdtemp(path.join(tmpdir(), 'strata-websec-renderer-'))
  outside = path.join(base, 'outside')
  await mkdir(outside)
  await writeFile(path.join(outside, 'secret.txt'), SECRET)
  // The served folder is itself reached through a symlink, as a packaged app may be.
  const realRenderer = path.join(base, 'real-renderer')
  await mkdir(path.join(realRenderer, 'assets'), { recursive: true })
  await writeFile(path.join(realRenderer, 'index.html'), '<div id="root"></div>\n')
  await writeFile(path.join(realRenderer, 'assets', 'app.js'), 'console.log(1)\n')
  await symlink(path.join(outside, 'secret.txt'), path.join(realRenderer, 'leak.txt'))
  await symlink(outside, path.join(realRenderer, 'assets', 'up'))
  await symlink('app.js', path.join(realRenderer, 'assets', 'alias.js'))
  execFileSync('mkfifo', [path.join(realRenderer, 'pipe.js')])
  rendererDir = path.join(base, 'renderer')
  await symlink(realRenderer, rendererDir)
  const services = await composeServices({ mode: 'web', dataDir, env: {} })
  server = await startWebServer({
    table: () => createHandlers(services),
    downloads: createDownloadProvider(services),
    rendererDir,
    port: 0,
  })
  sampleRef = services.appInfo.sampleRef
  cleanupDirs.push(dataDir, base)
})

const cleanupDirs: string[] = []
after(async () => {
  await server.close()
  for (const dir of cleanupDirs) await rm(dir, { recursive: true, force: true })
})

const get = (target: string, headers: Record<string, string> = {}): Promise<Fetched> =>
  httpGet(server.port, target, headers)

function post(target: string, body: string, headers: Record<string, string>): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path: target, method: 'POST', headers, agent: false },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        )
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

const hostname = { ref: '', path: '/etc/hostname' }
const args = (): DownloadArgs => ({ ...hostname, ref: sampleRef })
const downloadPath = (a: DownloadArgs, nonce?: string): string =>
  `${WEB_DOWNLOAD_PATH}${downloadQuery(a)}${nonce === undefined ? '' : `&nonce=${nonce}`}`
const nonceFor = (a: DownloadArgs): Promise<string> =>
  downloadNonce(server.port, server.token, downloadQuery(a))

function contentOf(filePath: string): string {
  const spec = baseLayer.find((e) => e.path === filePath)
  assert.ok(spec && 'content' in spec && typeof spec.content === 'string')
  return spec.content
}

async function sessionCookie(): Promise<string> {
  const page = await get(`/?token=${server.token}`)
  assert.equal(page.status, 200)
  const cookie = String(page.headers['set-cookie']).split(';')[0] ?? ''
  assert.match(cookie, /^strata_session_\d+=[\w-]{32}$/)
  return cookie
}

test('the page cookie is a session id of its own: it loads the page and authorizes no api', async () => {
  const cookie = await sessionCookie()
  assert.ok(!cookie.includes(server.token), 'the cookie does not carry the token')
  assert.equal((await get('/assets/app.js', { cookie })).status, 200, 'static files: yes')
  const call = await post('/api/call', JSON.stringify({ name: 'app:info', args: {} }), {
    'content-type': 'application/json',
    cookie,
  })
  assert.equal(call.status, 401)
  assert.equal((await get('/api/events', { cookie })).status, 401)
  assert.equal((await get(`/api/events?token=${server.token}`, { cookie })).status, 401)
  const ticket = await post(WEB_DOWNLOAD_TICKET_PATH, JSON.stringify({ query: '' }), { cookie })
  assert.equal(ticket.status, 401)
  assert.equal((await get(downloadPath(args()), { cookie })).status, 401)
  assert.equal((await get(`${downloadPath(args())}&token=${server.token}`)).status, 401)
  // With the token header the same calls work: the refusals above were the cookie's.
  const withToken = await post('/api/call', JSON.stringify({ name: 'app:info', args: {} }), {
    'content-type': 'application/json',
    'x-strata-token': server.token,
  })
  assert.equal(withToken.status, 200)
})

test('the served page and its answers never carry the token', async () => {
  const page = await get(`/?token=${server.token}`)
  assert.ok(!page.body.toString().includes(server.token))
  for (const [name, value] of Object.entries(page.headers)) {
    assert.ok(!String(value).includes(server.token), name)
  }
})

test('a download needs a one-time nonce made for exactly its arguments', async () => {
  assert.equal((await get(downloadPath(args()))).status, 401, 'no nonce')
  assert.equal((await get(downloadPath(args(), 'made-up'))).status, 401, 'a made-up nonce')

  const nonce = await nonceFor(args())
  const first = await get(downloadPath(args(), nonce))
  assert.equal(first.status, 200)
  assert.equal(first.body.toString(), contentOf('etc/hostname'))
  assert.equal((await get(downloadPath(args(), nonce))).status, 401, 'a reused nonce')

  const forHostname = await nonceFor(args())
  const other = { ref: sampleRef, path: '/etc/os-release' }
  const misused = await get(downloadPath(other, forHostname))
  assert.equal(misused.status, 401, 'a nonce for other arguments')
  assert.ok(!misused.body.toString().includes(contentOf('etc/os-release')))
  assert.equal((await get(downloadPath(args(), forHostname))).status, 401, 'spent by the misuse')

  const layered = await nonceFor({ ...args(), layer: '1' })
  assert.equal((await get(downloadPath(args(), layered))).status, 401, 'another layer')

  const noToken = await post(WEB_DOWNLOAD_TICKET_PATH, JSON.stringify({ query: '' }), {})
  assert.equal(noToken.status, 401, 'only the token makes nonces')
})

test('what a browser marks as coming from another page is refused, even with a nonce', async () => {
  const nonce = await nonceFor(args())
  for (const site of ['same-site', 'cross-site']) {
    const answer = await get(downloadPath(args(), nonce), { 'sec-fetch-site': site })
    assert.equal(answer.status, 403, site)
    const call = await post('/api/call', JSON.stringify({ name: 'app:info', args: {} }), {
      'content-type': 'application/json',
      'x-strata-token': server.token,
      'sec-fetch-site': site,
    })
    assert.equal(call.status, 403, `api call, ${site}`)
  }
  // Refused before the nonce was looked at: our own page can still use it.
  const own = await get(downloadPath(args(), nonce), { 'sec-fetch-site': 'same-origin' })
  assert.equal(own.status, 200)
  assert.equal(own.body.toString(), contentOf('etc/hostname'))
})

test('static files: regular files inside the folder only, symlinks resolved', async () => {
  const cookie = await sessionCookie()
  assert.equal((await get('/leak.txt', { cookie })).status, 404, 'a symlink to a file outside')
  const up = await get('/assets/up/secret.txt', { cookie })
  assert.equal(up.status, 404, 'through a symlinked directory')
  assert.ok(!up.body.toString().includes(SECRET.trim()))
  assert.equal((await get('/assets/../../outside/secret.txt', { cookie })).status, 404)
  const started = Date.now()
  assert.equal((await get('/pipe.js', { cookie })).status, 404, 'a FIFO')
  assert.ok(Date.now() - started < 5000, 'answered at once, not blocked on the FIFO')
  assert.equal((await get('/assets', { cookie })).status, 404, 'a directory')
  const alias = await get('/assets/alias.js', { cookie })
  assert.equal(alias.status, 200, 'a symlink that stays inside is fine')
  assert.equal(alias.body.toString(), 'console.log(1)\n')
})

test('the page’s own download path: a nonce URL from the api, good for one download', async () => {
  const origin = `http://127.0.0.1:${server.port}`
  const href = downloadPath(args())
  const made = await webDownloadUrl(server.token, href, undefined, origin)
  assert.ok(made.ok, JSON.stringify(made))
  assert.ok(made.value.startsWith(`${href}&nonce=`), made.value)
  assert.ok(!made.value.includes(server.token))
  const first = await get(made.value)
  assert.equal(first.status, 200)
  assert.equal(first.body.toString(), contentOf('etc/hostname'))
  assert.equal((await get(made.value)).status, 401, 'the same URL again')
  const refused = await webDownloadUrl('not-the-token', href, undefined, origin)
  assert.equal(refused.ok ? 'ok' : refused.error.code, 'AUTH_REQUIRED')
  const bad = await webDownloadUrl(server.token, `${WEB_DOWNLOAD_PATH}?path=/x`, undefined, origin)
  assert.equal(bad.ok ? 'ok' : bad.error.code, 'BAD_INPUT')
})
