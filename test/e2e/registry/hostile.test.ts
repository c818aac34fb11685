// End to end: what a user sees when a registry (or what stands between it and them) misbehaves.
// A tampering proxy in front of a real registry alters manifests and answers 403/429; every
// case must end in an actionable error panel, never a blank window or a page error.

import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { launchChromium } from '../../harness/browser'
import { pushFixtures, type FixtureSet } from '../../harness/registryFixtures'
import { startRegistry, type RunningRegistry } from '../../harness/registryServer'
import { startTamperingProxy, type RunningProxy } from '../../harness/tamperingProxy'
import { startWebMode, type RunningWebMode } from '../../harness/webMode'

let registry: RunningRegistry
let proxy: RunningProxy
let fixtures: FixtureSet
let web: RunningWebMode
let browser: Browser

before(async () => {
  registry = await startRegistry()
  fixtures = await pushFixtures({ host: registry.host })
  proxy = await startTamperingProxy(registry.host)
  web = await startWebMode()
  browser = await launchChromium()
})

after(async () => {
  await browser?.close()
  await web?.stop()
  await proxy?.stop()
  await registry?.stop()
})

async function openGraph(repository: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  const ref = encodeURIComponent(`${proxy.host}/${repository}`)
  await page.goto(`${web.url}&ref=${ref}&view=graph`)
  return { page, errors }
}

async function errorPanelText(page: Page, code: string): Promise<string> {
  const panel = page.locator(`[data-testid="error-panel"][data-code="${code}"]`)
  await panel.waitFor({ timeout: 30_000 })
  return (await panel.textContent()) ?? ''
}

test('altered manifest bytes are refused, showing both digests', async () => {
  const { page, errors } = await openGraph('corrupt/demo/app:v1')
  const text = await errorPanelText(page, 'DIGEST_MISMATCH')
  assert.match(text, new RegExp(fixtures.plain.digest.slice(7, 19)), 'the expected digest')
  assert.match(text, /sha256:[0-9a-f]{12}/)
  assert.deepEqual(errors, [])
  await page.close()
})

test('an oversized manifest is refused with the reason', async () => {
  const { page } = await openGraph('huge/demo/app:v1')
  assert.match(await errorPanelText(page, 'TOO_LARGE'), /MiB|too large|larger/i)
  await page.close()
})

test('a truncated manifest is refused as malformed', async () => {
  const { page } = await openGraph('garbage/demo/app:v1')
  assert.match(await errorPanelText(page, 'MALFORMED'), /JSON|malformed/i)
  await page.close()
})

test('429 says how long to wait', async () => {
  const { page } = await openGraph('ratelimited/demo/app:v1')
  assert.match(await errorPanelText(page, 'RATE_LIMITED'), /120|2 min/)
  await page.close()
})

test('403 says the credentials are not allowed', async () => {
  const { page } = await openGraph('forbidden/demo/app:v1')
  assert.match(await errorPanelText(page, 'FORBIDDEN'), /allowed|denied/i)
  await page.close()
})

test('an unknown media type still shows the document, with a warning', async () => {
  const { page, errors } = await openGraph('strange/demo/app:v1')
  const root = page.locator('[data-testid="graph-node"][data-role="root"]')
  await root.waitFor()
  await root.click()
  const details = page.getByTestId('details-panel')
  await details.waitFor()
  assert.match((await details.textContent()) ?? '', /unknown media type/i)
  assert.match((await page.getByTestId('details-json').textContent()) ?? '', /"layers"/)
  assert.deepEqual(errors, [])
  await page.close()
})
