// End to end, as a user: Debian's Chromium (driven by playwright-core) against Strata's web
// mode, browsing a real CNCF distribution registry filled by skopeo and our pusher.

import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { Browser } from 'playwright-core'
import { launchChromium, openPageAt, type OpenedPage } from '../../harness/browser'
import { pushFixtures, type FixtureSet } from '../../harness/registryFixtures'
import { startRegistry, type RunningRegistry } from '../../harness/registryServer'
import { startWebMode, type RunningWebMode } from '../../harness/webMode'

let registry: RunningRegistry
let fixtures: FixtureSet
let web: RunningWebMode
let browser: Browser

before(async () => {
  registry = await startRegistry()
  fixtures = await pushFixtures({ host: registry.host })
  web = await startWebMode()
  browser = await launchChromium()
})

after(async () => {
  await browser?.close()
  await web?.stop()
  await registry?.stop()
})

function openPage(query = ''): Promise<OpenedPage> {
  return openPageAt(browser, `${web.url}${query}`)
}

function viewUrl(ref: string, view: string): string {
  return `&ref=${encodeURIComponent(ref)}&view=${view}`
}

test('first start opens the bundled sample graph offline', async () => {
  const { page, pageErrors } = await openPage()
  const root = page.locator('[data-testid="graph-node"][data-role="root"]')
  await root.waitFor()
  assert.equal(await root.getAttribute('data-kind'), 'index')
  assert.equal(await page.locator('[data-testid="graph-node"][data-kind="manifest"]').count(), 2)
  assert.ok((await page.locator('[data-testid="graph-node"][data-kind="layer"]').count()) >= 4)
  assert.deepEqual(pageErrors, [])
  await page.close()
})

test('add the registry, then repositories → tags → graph → a layer’s JSON', async () => {
  const { page, pageErrors } = await openPage()
  await page.getByTestId('add-registry-address').fill(registry.host)
  await page.getByTestId('add-registry-submit').click()
  await page.locator(`[data-testid="registry-item"][data-host="${registry.host}"]`).click()

  const repo = page.locator('[data-testid="repository-item"][data-repository="demo/app"]')
  await repo.waitFor()
  assert.ok(
    (await page.getByTestId('repository-item').count()) >= 6,
    'every pushed repository is listed',
  )
  await repo.click()

  const tag = page.locator('[data-testid="tag-item"][data-tag="v1"]')
  await tag.waitFor()
  await tag.getByText(fixtures.plain.digest.slice(7, 19)).waitFor()
  await tag.click()

  const root = page.locator(`[data-testid="graph-node"][data-digest="${fixtures.plain.digest}"]`)
  await root.waitFor()
  const layerDigest = fixtures.plain.layerDigests?.[0]
  assert.ok(layerDigest)
  await page.locator(`[data-testid="graph-node"][data-digest="${layerDigest}"]`).click()
  const details = page.getByTestId('details-panel')
  await details.waitFor()
  assert.match((await details.textContent()) ?? '', new RegExp(layerDigest.replace(':', '.')))
  assert.match(page.url(), /view=graph/)
  assert.match(decodeURIComponent(page.url()), new RegExp(`node=${layerDigest}`))

  // The manifest's JSON, with the layer digest as a link back to the layer node.
  await root.click()
  const json = page.getByTestId('details-json')
  await json.waitFor()
  assert.match((await json.textContent()) ?? '', /"layers"/)
  assert.deepEqual(pageErrors, [])
  await page.close()
})

test('a ref+view address opens that graph directly, with platforms and the attestation', async () => {
  const ref = `${registry.host}/${fixtures.multiPlatform.repository}:${fixtures.multiPlatform.tag}`
  const { page } = await openPage(viewUrl(ref, 'graph'))
  const root = page.locator(
    `[data-testid="graph-node"][data-digest="${fixtures.multiPlatform.digest}"]`,
  )
  await root.waitFor()
  assert.equal(await page.locator('[data-testid="graph-node"][data-role="platform"]').count(), 3)
  assert.equal(await page.locator('[data-testid="graph-node"][data-role="attestation"]').count(), 1)
  await page.close()
})

test('back and forward move between views', async () => {
  const ref = `${registry.host}/demo/app:v1`
  const { page } = await openPage(viewUrl(ref, 'graph'))
  await page.locator(`[data-testid="graph-node"][data-digest="${fixtures.plain.digest}"]`).waitFor()
  await page.getByTestId('open-input').fill(`${registry.host}/demo/nested:v1`)
  await page.getByTestId('open-input').press('Enter')
  await page
    .locator(`[data-testid="graph-node"][data-digest="${fixtures.nested.digest}"]`)
    .waitFor()
  await page.goBack()
  await page.locator(`[data-testid="graph-node"][data-digest="${fixtures.plain.digest}"]`).waitFor()
  await page.goForward()
  await page
    .locator(`[data-testid="graph-node"][data-digest="${fixtures.nested.digest}"]`)
    .waitFor()
  await page.close()
})

test('a bad reference shows an inline error and keeps the current view', async () => {
  const { page } = await openPage()
  await page.locator('[data-testid="graph-node"][data-role="root"]').waitFor()
  await page.getByTestId('open-input').fill('Bad Ref!!')
  await page.getByTestId('open-submit').click()
  const error = page.getByTestId('open-error')
  await error.waitFor()
  assert.ok(((await error.textContent()) ?? '').length > 10, 'the error says what is wrong')
  assert.ok((await page.getByTestId('graph-node').count()) > 0, 'the sample graph is still there')
  await page.close()
})

test('a reference refused by its parser says what is wrong, once', async () => {
  const { page, pageErrors } = await openPage(viewUrl('ghcr.io/Owner/App:v1', 'graph'))
  const panel = page.locator('[data-testid="error-panel"][data-code="BAD_INPUT"]')
  await panel.waitFor()
  const text = (await panel.textContent()) ?? ''
  assert.match(text, /Repository names are lowercase: "Owner\/App" is not\./)
  assert.doesNotMatch(text, /repository names must be lowercase/, 'the same problem said once')
  assert.deepEqual(pageErrors, [])
  await page.close()
})

test('a missing tag and an unreachable registry show actionable errors, not a blank page', async () => {
  const { page, pageErrors } = await openPage(viewUrl(`${registry.host}/demo/app:nope`, 'graph'))
  const notFound = page.locator('[data-testid="error-panel"][data-code="NOT_FOUND"]')
  await notFound.waitFor()
  assert.match((await notFound.textContent()) ?? '', /nope/)
  await page.goto(`${web.url}${viewUrl('127.0.0.1:9/demo/app:v1', 'graph')}`)
  const network = page.locator('[data-testid="error-panel"][data-code="NETWORK"]')
  await network.waitFor({ timeout: 30_000 })
  assert.match((await network.textContent()) ?? '', /127\.0\.0\.1:9/)
  assert.deepEqual(pageErrors, [])
  await page.close()
})
