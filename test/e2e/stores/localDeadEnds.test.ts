// End to end, in Debian's Chromium against web mode, at 1024×700 and 1920×1080: the local
// sources' small dead ends. A missing oci: path is headed as a missing path (not as a missing
// tag); a docker save archive's synthesized manifest is announced once; the storage view of a
// store with nothing in it, named by its store alone, says the store is empty. No view
// overflows the page sideways.

import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { test } from 'node:test'
import { promisify } from 'node:util'
import type { Page } from 'playwright-core'
import { openPageAt } from '../../harness/browser'
import { useE2eSession } from '../../harness/e2eSession'
import { toolPath } from '../../harness/tools'

const SAMPLE = path.resolve(import.meta.dirname, '..', '..', '..', 'assets', 'sample')

let archive: string
let emptyStore: string

const session = useE2eSession({
  name: 'e2e-dead-ends',
  prepare: async ({ workDir }) => {
    archive = path.join(workDir, 'sample.tar')
    // The sample's amd64 image as `docker save` writes it: no stored manifest.
    await promisify(execFile)(toolPath('skopeo'), [
      'copy',
      '--quiet',
      '--override-arch',
      'amd64',
      `oci:${SAMPLE}:demo`,
      `docker-archive:${archive}:example.com/demo/app:v1`,
    ])
    // An empty vfs store: the graph root with its (empty) image directory, as podman leaves it.
    emptyStore = path.join(workDir, 'empty-store')
    await mkdir(path.join(emptyStore, 'vfs-images'), { recursive: true })
  },
})

const PAGE_OVERFLOW = `(() => {
  const main = document.querySelector('.main')
  return Math.max(
    document.documentElement.scrollWidth - document.documentElement.clientWidth,
    main ? main.scrollWidth - main.clientWidth : 0,
  )
})()`

async function noSidewaysScroll(page: Page, where: string): Promise<void> {
  assert.equal(await page.evaluate<number>(PAGE_OVERFLOW), 0, `${where}: no sideways overflow`)
}

function query(params: Record<string, string>): string {
  return `&${new URLSearchParams(params).toString()}`
}

for (const size of [
  { width: 1024, height: 700 },
  { width: 1920, height: 1080 },
]) {
  test(`${size.width}×${size.height}: a missing oci: path is headed as a missing path`, async () => {
    const missing = path.join(session().workDir, 'no-such-layout')
    const url = `${session().web.url}${query({ ref: `oci:${missing}:v1`, view: 'graph' })}`
    const { page, pageErrors } = await openPageAt(session().browser, url, size)
    const panel = page.getByTestId('error-panel')
    await panel.waitFor({ timeout: 60_000 })
    assert.equal(await panel.getAttribute('data-code'), 'NOT_FOUND')
    assert.equal(await panel.locator('.error-title').textContent(), '!Nothing at this path')
    const text = (await panel.textContent()) ?? ''
    assert.ok(text.includes(missing), 'names the path')
    assert.match(text, /oci-layout and index\.json/)
    assert.doesNotMatch(text, /No such repository|tags can be deleted/)
    await noSidewaysScroll(page, 'missing path')
    assert.deepEqual(pageErrors, [])
    await page.close()
  })

  test(`${size.width}×${size.height}: docker-archive says "manifest synthesized" once`, async () => {
    const url = `${session().web.url}${query({ ref: `docker-archive:${archive}`, view: 'graph' })}`
    const { page, pageErrors } = await openPageAt(session().browser, url, size)
    await page.locator('[data-testid="graph-node"][data-role="root"]').waitFor({ timeout: 60_000 })
    const warning = page.locator('[data-warning="synthesizedManifest"]')
    await warning.first().waitFor()
    assert.equal(await warning.count(), 1, 'said once')
    assert.match(
      (await warning.textContent()) ?? '',
      /Strata built one from docker save's manifest\.json/,
    )
    const body = (await page.locator('body').textContent()) ?? ''
    assert.equal(body.split('Strata built one').length - 1, 1, 'said once in the page')
    await noSidewaysScroll(page, 'docker-archive graph')
    assert.deepEqual(pageErrors, [])
    await page.close()
  })

  test(`${size.width}×${size.height}: the storage view of an empty store says so`, async () => {
    const url = `${session().web.url}${query({ view: 'storage', ref: `containers-storage:[vfs@${emptyStore}]` })}`
    const { page, pageErrors } = await openPageAt(session().browser, url, size)
    await page.getByTestId('storage-empty').waitFor({ timeout: 60_000 })
    assert.equal(await page.getByTestId('error-panel').count(), 0)
    assert.ok(((await page.getByTestId('storage-view').textContent()) ?? '').includes(emptyStore))
    await noSidewaysScroll(page, 'empty storage view')
    assert.deepEqual(pageErrors, [])
    await page.close()
  })
}
