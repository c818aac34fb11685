// End to end in Chromium: another server on 127.0.0.1 (the browser sends it Strata's cookie
// and counts it as the same site) cannot make Strata download from a registry, and learns
// nothing that opens Strata's api; the in-app Download button still saves the right bytes;
// the token never shows in the address bar or a link; and a call to a registry that never
// answers shows its elapsed time and a Cancel that ends it.

import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { createServer as createHttpServer, request, type Server } from 'node:http'
import { createServer as createNetServer, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'
import { after, before, test } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { launchChromium } from '../../harness/browser'
import { startCountingProxy, type CountingProxy } from '../../harness/countingProxy'
import { pushTestImage } from '../../harness/imagePushing'
import { startRegistry, type RunningRegistry } from '../../harness/registryServer'
import { assertElapsedRuns, cancelEveryWaitingCall } from '../../harness/waitingCalls'
import { startWebMode, type RunningWebMode } from '../../harness/webMode'

const PAYLOAD = 'strata payload bytes\n'.repeat(200)

let registry: RunningRegistry
let proxy: CountingProxy
let web: RunningWebMode
let browser: Browser
let imageRef: string

before(async () => {
  registry = await startRegistry()
  await pushTestImage(registry.host, 'sec/app', ['v1'], {
    layers: [
      [
        { type: 'dir', path: 'data' },
        { type: 'file', path: 'data/payload.txt', content: PAYLOAD },
      ],
    ],
  })
  proxy = await startCountingProxy(registry.host)
  imageRef = `${proxy.host}/sec/app:v1`
  web = await startWebMode()
  browser = await launchChromium()
})

after(async () => {
  await browser?.close()
  await web?.stop()
  await proxy?.stop()
  await registry?.stop()
})

function listen(server: Server | ReturnType<typeof createNetServer>): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  )
}

const EVERY_ADDRESS = `[...document.querySelectorAll('[href], [src], [action]')].flatMap((element) =>
  ['href', 'src', 'action'].map((name) => element.getAttribute(name) ?? ''))`

/** Every href, src and action in the page, and its address. */
async function addressesIn(page: Page): Promise<string[]> {
  const inPage = await page.evaluate<string[]>(EVERY_ADDRESS)
  return [page.url(), ...inPage]
}

function postFromNode(path: string, headers: Record<string, string>): Promise<number> {
  const { port } = new URL(web.origin)
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: 'POST', headers, agent: false },
      (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      },
    )
    req.on('error', reject)
    req.end(JSON.stringify({ name: 'app:info', args: {} }))
  })
}

test('a page on another 127.0.0.1 port cannot make Strata download; the Download button can', async () => {
  const context = await browser.newContext({ acceptDownloads: true })
  const pageErrors: string[] = []
  const page = await context.newPage()
  page.on('pageerror', (error) => pageErrors.push(error.message))
  await page.goto(web.url)
  await page.locator('.statusbar').waitFor()
  assert.ok(!page.url().includes(web.token), 'the token leaves the address bar at once')

  // The foreign page: an image, a frame and a link pointing at a download, each a GET the
  // browser sends with Strata's cookie (other ports count as the same site).
  const download = `${web.origin}/api/download?${new URLSearchParams({ ref: imageRef, path: '/data/payload.txt' }).toString()}`
  const cookiesSeen: string[] = []
  const foreign = createHttpServer((incoming, outgoing) => {
    cookiesSeen.push(incoming.headers.cookie ?? '')
    outgoing.writeHead(200, { 'content-type': 'text/html' })
    outgoing.end(
      `<!doctype html><img id="img" src="${download}"><iframe src="${download}"></iframe>` +
        `<a id="link" href="${download}">x</a>`,
    )
  })
  const foreignPort = await listen(foreign)
  try {
    proxy.reset()
    const evil = await context.newPage()
    const refusals: number[] = []
    evil.on('response', (answer) => {
      if (answer.url().startsWith(`${web.origin}/api/download`)) refusals.push(answer.status())
    })
    await evil.goto(`http://127.0.0.1:${foreignPort}/`)
    await evil.waitForFunction(`document.getElementById('img').complete`)
    await evil.click('#link')
    await evil.waitForTimeout(1500)
    assert.equal(proxy.stats.requests, 0, 'no registry request came from the foreign page')
    // The requests did reach Strata, and were refused there.
    assert.ok(refusals.length >= 2, `Strata answered: ${JSON.stringify(refusals)}`)
    assert.ok(
      refusals.every((status) => status === 403),
      JSON.stringify(refusals),
    )
    await evil.close()
  } finally {
    await new Promise((resolve) => foreign.close(resolve))
  }
  // The browser did hand the other server Strata's cookie; it opens nothing.
  const leaked = cookiesSeen.find((c) => c.includes('strata_session_')) ?? ''
  assert.ok(leaked, `the foreign server saw the cookie: ${JSON.stringify(cookiesSeen)}`)
  assert.ok(!leaked.includes(web.token), 'the cookie is not the token')
  const cookie = leaked.split(';').find((c) => c.trim().startsWith('strata_session_')) ?? ''
  assert.equal(await postFromNode('/api/call', { cookie: cookie.trim() }), 401)
  const replayed = await fetch(download, { headers: { cookie: cookie.trim() } })
  assert.equal(replayed.status, 401, 'nor a download, sent without a browser')
  assert.equal(proxy.stats.requests, 0)

  // Our own page in a new tab, its address without the token (as a link opened in a new tab).
  const filesUrl = `${web.origin}/?${new URLSearchParams({ ref: imageRef, view: 'files', path: '/data/payload.txt' }).toString()}`
  const tab = await context.newPage()
  tab.on('pageerror', (error) => pageErrors.push(error.message))
  await tab.goto(filesUrl)
  const link = tab.getByTestId('file-download')
  await link.waitFor({ timeout: 60_000 })
  const addresses = await addressesIn(tab)
  assert.ok(
    addresses.some((address) => address.includes('view=')),
    'the page has route links',
  )
  for (const address of [...addresses, ...(await addressesIn(page))]) {
    assert.ok(!address.includes(web.token), `no token in ${address}`)
  }
  assert.ok(!((await link.getAttribute('href')) ?? '').includes('nonce'), 'no nonce rendered')
  const [saved] = await Promise.all([tab.waitForEvent('download'), link.click()])
  assert.equal(saved.suggestedFilename(), 'payload.txt')
  assert.equal(await readFile(await saved.path(), 'utf8'), PAYLOAD)
  // A second click works too (a fresh nonce each time).
  const [again] = await Promise.all([tab.waitForEvent('download'), link.click()])
  assert.equal(await readFile(await again.path(), 'utf8'), PAYLOAD)
  assert.deepEqual(pageErrors, [])
  await context.close()
})

test('a registry that never answers: elapsed time and Cancel within ~2 s; Cancel ends the wait', async () => {
  // The connections that carried a request, while they are open.
  const sockets = new Set<Socket>()
  let closedAt = 0
  const everySocket = new Set<Socket>()
  const silent = createNetServer((socket) => {
    everySocket.add(socket)
    socket.once('data', () => sockets.add(socket))
    socket.on('close', () => {
      if (sockets.delete(socket)) closedAt = Date.now()
    })
    socket.on('error', () => undefined)
  })
  const silentPort = await listen(silent)
  const context = await browser.newContext()
  const page = await context.newPage()
  const pageErrors: string[] = []
  page.on('pageerror', (error) => pageErrors.push(error.message))
  try {
    const ref = encodeURIComponent(`127.0.0.1:${silentPort}/slow/app:v1`)
    // Timed from the moment the page sends the call (loading the page is not the call's time).
    let callStarted = 0
    page.on('request', (sent) => {
      if (callStarted === 0 && sent.postData()?.includes('"image:graph"') === true) {
        callStarted = Date.now()
      }
    })
    await page.goto(`${web.url}&ref=${ref}&view=graph`)
    const waiting = page.getByTestId('status-call').first()
    await waiting.waitFor({ timeout: 10_000 })
    const shownAfter = Date.now() - callStarted
    console.log(`# the waiting call showed ${shownAfter} ms after the page sent it`)
    assert.ok(callStarted > 0 && shownAfter < 2500, `shown ${shownAfter} ms after the call`)
    assert.match((await waiting.textContent()) ?? '', /Waiting for .*slow\/app:v1.*\d+ s/)
    assert.ok(sockets.size >= 1, 'Strata is waiting on the silent registry')
    await assertElapsedRuns(page, waiting, 1200)

    const cancelledAt = await cancelEveryWaitingCall(page)
    await page.getByTestId('status-call').first().waitFor({ state: 'detached', timeout: 5000 })
    await page.locator('[data-testid="error-panel"][data-code="CANCELLED"]').first().waitFor()
    // Cancelling closed Strata's requests to the registry, not only the page's wait.
    const deadline = Date.now() + 10_000
    while (sockets.size > 0 && Date.now() < deadline) await page.waitForTimeout(100)
    console.log(`# the registry connections closed ${closedAt - cancelledAt} ms after Cancel`)
    assert.equal(sockets.size, 0, 'no request to the registry left waiting')
    assert.deepEqual(pageErrors, [])
  } finally {
    await context.close()
    await new Promise((resolve) => {
      silent.close(resolve)
      for (const socket of everySocket) socket.destroy()
    })
  }
})
