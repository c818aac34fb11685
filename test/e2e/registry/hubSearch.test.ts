// End to end in Debian's Chromium against web mode: Docker Hub search from the Open box, against
// a Docker Hub stand-in (a loopback server answering Hub's search API in Hub's shape; Hub cannot
// be reached from here) that web mode is pointed at with STRATA_DOCKER_HUB_URL. Results show
// the official mark, stars, pulls and the rate limit; choosing one opens it; a 429 is shown as a
// rate limit with its retry time.

import assert from 'node:assert/strict'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, test } from 'node:test'
import type { Browser } from 'playwright-core'
import { launchChromium, openPageAt } from '../../harness/browser'
import { startWebMode, type RunningWebMode } from '../../harness/webMode'

function hubStandIn(request: IncomingMessage, response: ServerResponse): void {
  const url = new URL(request.url ?? '/', 'http://stand-in')
  const query = url.searchParams.get('query')
  if (url.pathname !== '/v2/search/repositories/') {
    response.writeHead(404).end()
  } else if (query === 'busy') {
    response.writeHead(429, { 'retry-after': '42' }).end('{}')
  } else {
    response.writeHead(200, {
      'content-type': 'application/json',
      'x-ratelimit-limit': '180',
      'x-ratelimit-remaining': '177',
    })
    response.end(
      JSON.stringify({
        count: 2,
        next: null,
        results: [
          {
            repo_name: 'nginx',
            short_description: 'Official build of Nginx.',
            star_count: 20_981,
            pull_count: 1_200_000_000,
            is_official: true,
            is_automated: false,
          },
          {
            repo_name: 'someone/nginx-extra',
            short_description: 'Nginx with extras',
            star_count: 12,
            pull_count: 3_400,
            is_official: false,
            is_automated: false,
          },
        ],
      }),
    )
  }
}

let server: ReturnType<typeof createServer>
let web: RunningWebMode
let browser: Browser

before(async () => {
  server = createServer(hubStandIn)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  web = await startWebMode({ env: { STRATA_DOCKER_HUB_URL: `http://127.0.0.1:${port}` } })
  browser = await launchChromium()
})
after(async () => {
  await browser?.close()
  await web?.stop()
  server?.closeAllConnections()
  await new Promise<void>((resolve) => server?.close(() => resolve()))
})

test('Docker Hub stand-in: results with official mark, stars, pulls and rate limit; one opens', async () => {
  const { page, pageErrors } = await openPageAt(browser, web.url)
  try {
    await page.getByTestId('open-input').fill('nginx')
    await page.getByTestId('open-search-hub').click()
    const results = page.getByTestId('hub-result')
    await results.first().waitFor({ timeout: 30_000 })
    assert.equal(await results.count(), 2)
    const official = page.locator('[data-testid="hub-result"][data-name="nginx"]')
    assert.equal(await official.getByTestId('hub-official').count(), 1)
    assert.match((await official.getByTestId('hub-stars').textContent()) ?? '', /★ 21K/)
    assert.match((await official.getByTestId('hub-pulls').textContent()) ?? '', /1\.2B pulls/)
    const other = page.locator('[data-testid="hub-result"][data-name="someone/nginx-extra"]')
    assert.equal(await other.getByTestId('hub-official').count(), 0)
    assert.match(
      (await page.getByTestId('hub-search').textContent()) ?? '',
      /177 of 180 requests left/,
    )
    await official.getByRole('button', { name: 'nginx' }).click()
    await page.waitForURL(/ref=docker\.io%2Flibrary%2Fnginx/)
    assert.equal(await page.getByTestId('hub-search').count(), 0)
    assert.deepEqual(pageErrors, [])
  } finally {
    await page.close()
  }
})

test('Docker Hub stand-in: a 429 is shown as a rate limit with its retry time', async () => {
  const { page, pageErrors } = await openPageAt(browser, web.url)
  try {
    await page.getByTestId('open-input').fill('busy')
    await page.getByTestId('open-search-hub').click()
    const panel = page.getByTestId('hub-search').getByTestId('error-panel')
    await panel.waitFor({ timeout: 30_000 })
    assert.equal(await panel.getAttribute('data-code'), 'RATE_LIMITED')
    assert.match((await panel.textContent()) ?? '', /Wait 42 seconds/)
    assert.deepEqual(pageErrors, [])
  } finally {
    await page.close()
  }
})
