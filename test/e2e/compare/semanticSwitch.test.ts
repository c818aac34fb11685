// End to end in Debian's Chromium against web mode: the Semantic switch of the compare view, on
// the same directory packed twice by GNU tar (other mtimes; gzip vs the zstd CLI) and pushed to
// the real registry. Exact (the default) lists every file as changed and no verdict; with the
// switch on, the images are equivalent, no file is listed, and the layer is matched by its files;
// the switch is in the URL (semantic=1), so a reload compares semantically again.

import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { Browser } from 'playwright-core'
import { launchChromium, openPageAt } from '../../harness/browser'
import { packedTree, pushRepacked } from '../../harness/repackedImages'
import { startRegistry, type RunningRegistry } from '../../harness/registryServer'
import { startWebMode, type RunningWebMode } from '../../harness/webMode'

let registry: RunningRegistry
let web: RunningWebMode
let browser: Browser
let left: string
let right: string

before(async () => {
  registry = await startRegistry()
  const first = await packedTree('2024-01-01 00:00:00')
  const second = await packedTree('2025-06-15 12:30:00')
  left = await pushRepacked(registry.host, 'switch/gzip', first, 'gzip', '2024-01-01T00:00:00Z')
  right = await pushRepacked(registry.host, 'switch/zstd', second, 'zstd', '2025-06-15T12:30:00Z')
  web = await startWebMode()
  browser = await launchChromium()
})
after(async () => {
  await browser?.close()
  await web?.stop()
  await registry?.stop()
})

test('exact by default (files changed by mtime), equivalent with the Semantic switch on', async () => {
  const params = new URLSearchParams({ view: 'compare', ref: left, with: right })
  const { page, pageErrors } = await openPageAt(browser, `${web.url}&${params.toString()}`, {
    width: 1400,
    height: 1000,
  })
  try {
    await page.getByTestId('compare-files-button').click({ timeout: 60_000 })
    const changes = page.getByTestId('compare-view').locator('.compare-files')
    await changes.getByText('/etc/motd').first().waitFor({ timeout: 60_000 })
    assert.equal(await page.getByTestId('compare-equivalent').count(), 0)

    await page.getByTestId('compare-semantic').check()
    await page.getByTestId('compare-equivalent').waitFor({ timeout: 60_000 })
    assert.equal(await changes.getByText('/etc/motd').count(), 0)
    assert.match(
      (await page.getByTestId('compare-view').textContent()) ?? '',
      /same files, other times or compression/,
    )
    assert.equal(new URL(page.url()).searchParams.get('semantic'), '1')

    await page.reload()
    await page.getByTestId('compare-equivalent').waitFor({ timeout: 60_000 })
    assert.equal(await page.getByTestId('compare-semantic').isChecked(), true)
    assert.equal(await changes.getByText('/etc/motd').count(), 0)

    await page.getByTestId('compare-semantic').uncheck()
    await page.getByTestId('compare-files-button').waitFor({ timeout: 60_000 })
    assert.equal(new URL(page.url()).searchParams.get('semantic'), null)
    assert.equal(await page.getByTestId('compare-equivalent').count(), 0)
    assert.deepEqual(pageErrors, [])
  } finally {
    await page.close()
  }
})
