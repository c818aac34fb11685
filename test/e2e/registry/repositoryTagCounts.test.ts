// End to end, in Debian's Chromium against web mode and a real registry: the repositories list
// shows each repository's tag count ("1 tag", "3 tags"), read only for rows on screen, so a
// catalog longer than the window is not read whole; a row scrolled to gets its count then.
// At 1024×700 and 1920×1080, without sideways overflow.

import assert from 'node:assert/strict'
import { join } from 'node:path'
import { test } from 'node:test'
import type { Page } from 'playwright-core'
import { openPageAt } from '../../harness/browser'
import { useE2eSession } from '../../harness/e2eSession'
import { OciLayoutBuilder } from '../../harness/ociBuilder'
import { RegistryPusher } from '../../harness/ociPusher'

/** More repositories than a 1080 px window shows. */
const FILLER_REPOSITORIES = 40

const session = useE2eSession({
  name: 'e2e-tag-counts',
  registry: {},
  prepare: async ({ workDir, registry }) => {
    const builder = new OciLayoutBuilder(join(workDir, 'layout'))
    const layer = builder.addLayer([{ type: 'file', path: 'hello.txt', content: 'hello\n' }], {
      compression: 'gzip',
    })
    const config = builder.addConfig({
      architecture: 'amd64',
      os: 'linux',
      rootfs: { type: 'layers', diff_ids: [layer.diffId] },
    })
    const manifest = builder.addManifest({ config, layers: [layer] })
    const blobs = (digest: string): Uint8Array | undefined => builder.getBlob(digest)
    const pusher = new RegistryPusher({ host: registry.host })
    const push = (repository: string, tags: readonly string[]) =>
      pusher.pushTree(repository, manifest.digest, manifest.mediaType, blobs, [...tags])
    // "aaa/…" sorts first in the catalog, "zzz/last" last.
    await push('aaa/one', ['v1'])
    await push('aaa/three', ['v1', 'v2', 'latest'])
    for (let i = 0; i < FILLER_REPOSITORIES; i++) {
      await push(`mmm/filler-${String(i).padStart(2, '0')}`, ['v1', 'v2'])
    }
    await push('zzz/last', ['a', 'b', 'c', 'd'])
  },
})

const PAGE_OVERFLOW = `(() => {
  const main = document.querySelector('.main')
  return Math.max(
    document.documentElement.scrollWidth - document.documentElement.clientWidth,
    main ? main.scrollWidth - main.clientWidth : 0,
  )
})()`

function countOf(page: Page, repository: string) {
  return page
    .locator(`[data-testid="repository-item"][data-repository="${repository}"]`)
    .getByTestId('repository-tag-count')
}

for (const size of [
  { width: 1024, height: 700 },
  { width: 1920, height: 1080 },
]) {
  test(`${size.width}×${size.height}: tag counts for the rows on screen, lazily`, async () => {
    const query = `&view=repositories&registry=${encodeURIComponent(session().registry.host)}`
    const { page, pageErrors } = await openPageAt(
      session().browser,
      `${session().web.url}${query}`,
      size,
    )
    await countOf(page, 'aaa/one').filter({ hasText: '1 tag' }).waitFor({ timeout: 60_000 })
    await countOf(page, 'aaa/three').filter({ hasText: '3 tags' }).waitFor()
    assert.equal(await countOf(page, 'aaa/three').getAttribute('data-count'), '3')

    // Far below the fold: not read while nobody looks at it.
    await page.waitForTimeout(1500)
    assert.equal(await countOf(page, 'zzz/last').getAttribute('data-count'), null)
    assert.equal(await countOf(page, 'zzz/last').textContent(), '')
    const counted = await page.locator('[data-testid="repository-tag-count"][data-count]').count()
    const rows = await page.getByTestId('repository-item').count()
    assert.equal(rows, FILLER_REPOSITORIES + 3)
    assert.ok(counted < rows, `only rows on screen are counted (${counted} of ${rows})`)

    // Scrolled to, it gets its count.
    await page
      .locator('[data-testid="repository-item"][data-repository="zzz/last"]')
      .scrollIntoViewIfNeeded()
    await countOf(page, 'zzz/last').filter({ hasText: '4 tags' }).waitFor({ timeout: 30_000 })
    assert.equal(await page.evaluate<number>(PAGE_OVERFLOW), 0, 'no sideways overflow')
    assert.deepEqual(pageErrors, [])
    await page.close()
  })
}
