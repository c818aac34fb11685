// Issue 13 item 7 in the Files view, end to end in Debian's Chromium against web mode: a
// registry whose layer requests are accepted and never answered (a proxy in front of a real
// registry passes everything else through). The Files view's wait shows its elapsed time and
// a Cancel within about a second; cancelling the waiting calls ends the wait in the page and
// closes Strata's connection for the layer, so nothing is left waiting on the registry.

import assert from 'node:assert/strict'
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { after, before, test } from 'node:test'
import type { Browser } from 'playwright-core'
import { launchChromium, openPageAt } from '../../harness/browser'
import { pushTestImage } from '../../harness/imagePushing'
import { startRegistry, type RunningRegistry } from '../../harness/registryServer'
import { assertElapsedRuns, cancelEveryWaitingCall } from '../../harness/waitingCalls'
import { startWebMode, type RunningWebMode } from '../../harness/webMode'

let registry: RunningRegistry
let web: RunningWebMode
let browser: Browser
let layerDigest: string
/** Layer requests held open without an answer, while their connection is open. */
const held = new Set<Socket>()
let proxy: ReturnType<typeof createServer>
let proxyHost: string

before(async () => {
  registry = await startRegistry()
  const image = await pushTestImage(registry.host, 'silent/app', ['v1'], {
    layers: [[{ type: 'file', path: 'etc/motd', content: 'hello\n' }]],
  })
  layerDigest = image.layers[0]?.digest ?? ''
  assert.ok(layerDigest)
  proxy = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
    if (incoming.url?.endsWith(`/blobs/${layerDigest}`) === true) {
      const socket = incoming.socket
      held.add(socket)
      socket.once('close', () => held.delete(socket))
      return // accepted, never answered
    }
    const forwarded = request(
      {
        host: '127.0.0.1',
        port: Number(registry.host.split(':')[1]),
        path: incoming.url,
        method: incoming.method,
        headers: { ...incoming.headers, host: registry.host },
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(outgoing)
      },
    )
    forwarded.on('error', () => outgoing.destroy())
    incoming.pipe(forwarded)
  })
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
  proxyHost = `127.0.0.1:${(proxy.address() as AddressInfo).port}`
  web = await startWebMode()
  browser = await launchChromium()
})

after(async () => {
  await browser?.close()
  await web?.stop()
  for (const socket of held) socket.destroy()
  proxy.closeAllConnections()
  await new Promise((resolve) => proxy.close(resolve))
  await registry?.stop()
})

test('a layer request that is never answered: elapsed time and Cancel in the Files view; Cancel closes it', async () => {
  const params = new URLSearchParams({ ref: `${proxyHost}/silent/app:v1`, view: 'files' })
  const { page, pageErrors } = await openPageAt(browser, `${web.url}&${params.toString()}`)
  // Timed from the moment the Files view asks for the tree.
  let listSent = 0
  page.on('request', (sent) => {
    if (listSent === 0 && sent.postData()?.includes('"files:list"') === true) listSent = Date.now()
  })
  const waiting = page
    .locator('[data-testid="status-call"]', { hasText: 'Waiting for files list' })
    .first()
  await waiting.waitFor({ timeout: 15_000 })
  const shownAfter = Date.now() - listSent
  console.log(`# the waiting files call showed ${shownAfter} ms after the page sent it`)
  assert.ok(listSent > 0 && shownAfter < 2500, `shown ${shownAfter} ms after the call`)
  // The blob is asked for once the index worker is ready, which a loaded machine can delay.
  const heldBy = Date.now() + 15_000
  while (held.size === 0 && Date.now() < heldBy) await page.waitForTimeout(100)
  assert.ok(held.size >= 1, 'Strata is waiting on the silent layer request')
  // Elapsed times tick together once a second (from the first waiting call), so two seconds
  // always show a later figure.
  await assertElapsedRuns(page, waiting, 2100)

  // The layer strip waits on the same layer (layers:index): the read stops when every call
  // waiting on it is cancelled, so each waiting call's Cancel is clicked.
  const cancelledAt = await cancelEveryWaitingCall(page)
  await page.locator('[data-testid="error-panel"][data-code="CANCELLED"]').first().waitFor()
  const deadline = Date.now() + 10_000
  while (held.size > 0 && Date.now() < deadline) await page.waitForTimeout(100)
  console.log(`# the layer request closed ${Date.now() - cancelledAt} ms after Cancel`)
  assert.equal(held.size, 0, 'the layer request is still open after Cancel')
  assert.deepEqual(pageErrors, [])
})
