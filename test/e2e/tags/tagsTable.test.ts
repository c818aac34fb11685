// End to end in Debian's Chromium against web mode and a real registry, at 1024×700 and
// 1920×1080: the tags table has column headers (the created column says it is the image's
// created date), a visible legend for the "≡" marker, cells that never overlap and sit under
// their headers (grouped rows too, which keep History and "vs previous"), platform chips cut
// with an ellipsis, no sideways overflow, and digest links that open the tag's object.

import assert from 'node:assert/strict'
import { join } from 'node:path'
import { test } from 'node:test'
import type { Page } from 'playwright-core'
import type { Descriptor } from '../../../shared/oci/types'
import { openPageAt } from '../../harness/browser'
import { useE2eSession } from '../../harness/e2eSession'
import { OciLayoutBuilder } from '../../harness/ociBuilder'
import { RegistryPusher } from '../../harness/ociPusher'

const REPOSITORY = 'e2e/tags-table'
const LONG_TAG = 'nightly-build-of-a-branch-with-a-very-long-name-2025-06-01'
const SIZES = [
  { width: 1024, height: 700 },
  { width: 1920, height: 1080 },
] as const
const PLATFORMS = [
  { os: 'linux', architecture: 'amd64' },
  { os: 'linux', architecture: 'arm', variant: 'v7' },
  { os: 'linux', architecture: 'riscv64' },
  { os: 'windows', architecture: 'amd64', 'os.version': '10.0.17763.5458' },
] as const

const digests = new Map<string, Descriptor>()

const session = useE2eSession({
  name: 'e2e-tags',
  registry: {},
  prepare: async ({ workDir, registry }) => {
    const builder = new OciLayoutBuilder(join(workDir, 'layout'))
    const pusher = new RegistryPusher({ host: registry.host })
    const image = (name: string, created: string, platform?: (typeof PLATFORMS)[number]) => {
      const layer = builder.addLayer([{ type: 'file', path: `${name}.txt`, content: name }], {
        compression: 'gzip',
      })
      const config = builder.addConfig({
        created,
        architecture: platform?.architecture ?? 'amd64',
        os: platform?.os ?? 'linux',
        rootfs: { type: 'layers', diff_ids: [layer.diffId] },
      })
      return builder.addManifest({
        config,
        layers: [layer],
        ...(platform !== undefined ? { platform } : {}),
      })
    }
    const push = (descriptor: Descriptor, tags: readonly string[]) =>
      pusher.pushTree(
        REPOSITORY,
        descriptor.digest,
        descriptor.mediaType,
        (d) => builder.getBlob(d),
        tags,
      )
    const one = image('one', '2024-03-01T10:20:30Z')
    const two = image('two', '2025-02-01T08:00:00Z')
    const multi = builder.addIndex({
      manifests: PLATFORMS.map((platform, i) =>
        image(`multi-${i}`, '2025-05-05T05:05:05Z', platform),
      ),
    })
    await push(one, ['v1', 'latest'])
    await push(two, ['v2', LONG_TAG])
    await push(multi, ['multi'])
    digests.set('v1', one).set('latest', one).set('v2', two).set(LONG_TAG, two).set('multi', multi)
  },
})

const tagsUrl = (): string =>
  `${session().web.url}&ref=${encodeURIComponent(`${session().registry.host}/${REPOSITORY}`)}&view=tags`

/** Opens the tags view and waits until every row has resolved (its created cell shows). */
async function openTags(size: { width: number; height: number }): Promise<{
  page: Page
  pageErrors: string[]
}> {
  const opened = await openPageAt(session().browser, tagsUrl(), size)
  const { page } = opened
  await page.getByTestId('tags-header').waitFor({ timeout: 60_000 })
  const deadline = Date.now() + 60_000
  while ((await page.getByTestId('tag-created').count()) < digests.size) {
    if (Date.now() > deadline) throw new Error('tags did not resolve')
    await page.waitForTimeout(100)
  }
  return opened
}

interface Box {
  readonly column: string
  readonly left: number
  readonly right: number
}

interface RowLayout {
  readonly header: readonly Box[]
  readonly rows: readonly { readonly name: string; readonly cells: readonly Box[] }[]
  readonly listRight: number
  readonly pageOverflow: number
}

/** In the page (a script: these tests have no DOM types): the cells of the header and rows. */
const ROW_LAYOUT = (rowSelector: string): string => `(() => {
  const box = (el, column) => {
    const r = el.getBoundingClientRect()
    return { column, left: r.left, right: r.right }
  }
  const visible = (el) => getComputedStyle(el).display !== 'none' && el.getBoundingClientRect().width > 0
  const header = [...document.querySelectorAll('[data-testid="tags-header"] > *')]
    .filter(visible).map((el) => box(el, el.dataset.column))
  const rows = [...document.querySelectorAll(${JSON.stringify(rowSelector)})].map((row) => ({
    name: row.dataset.tag || row.dataset.digest,
    cells: [...row.children].filter(visible).map((el, i) => box(el, String(i))),
  }))
  const list = document.querySelector('.tags-list').getBoundingClientRect()
  const main = document.querySelector('.main')
  return {
    header,
    rows,
    listRight: list.right,
    pageOverflow: Math.max(
      document.documentElement.scrollWidth - document.documentElement.clientWidth,
      main.scrollWidth - main.clientWidth),
  }
})()`

function assertColumns(layout: RowLayout, where: string): void {
  assert.ok(
    layout.pageOverflow <= 0,
    `${where}: the page overflows sideways by ${layout.pageOverflow} px`,
  )
  assert.ok(layout.rows.length > 0, `${where}: rows`)
  for (const row of layout.rows) {
    const cells = row.cells
    for (let i = 1; i < cells.length; i++) {
      const before = cells[i - 1]
      const cell = cells[i]
      assert.ok(before && cell)
      assert.ok(
        before.right <= cell.left + 0.5,
        `${where}: in row ${row.name} cell ${i - 1} (${before.left}–${before.right}) overlaps cell ${i} (${cell.left}–${cell.right})`,
      )
    }
    const last = cells[cells.length - 1]
    assert.ok(
      last && last.right <= layout.listRight + 0.5,
      `${where}: row ${row.name} runs out of the list`,
    )
    // Every cell starts where a header column starts: the columns line up.
    const starts = layout.header.map((h) => Math.round(h.left))
    for (const cell of cells) {
      assert.ok(
        starts.some((s) => Math.abs(s - cell.left) <= 1.5),
        `${where}: a cell of ${row.name} at ${cell.left} is under no header (${starts.join(', ')})`,
      )
    }
  }
}

for (const size of SIZES) {
  test(`at ${size.width}×${size.height}: headers, legend, aligned cells that never overlap`, async () => {
    const { page, pageErrors } = await openTags(size)
    const header = page.getByTestId('tags-header')
    const labels = await header.locator('[data-column]').allTextContents()
    for (const label of ['Tag', 'Digest', 'Image created', 'Size', 'Actions']) {
      assert.ok(labels.includes(label), `header "${label}" in ${labels.join(' | ')}`)
    }
    const created = header.locator('[data-column="created"]')
    assert.ok(await created.isVisible())
    assert.match((await created.getAttribute('title')) ?? '', /created time in its config/)
    // The same-image marker is explained on screen, not only on hover.
    const legend = page.getByTestId('tags-legend')
    assert.ok(await legend.isVisible())
    assert.match((await legend.textContent()) ?? '', /≡ marks tags that point at the same image/)
    assert.ok((await page.getByTestId('tag-shared-marker').count()) >= 4, 'v1/latest and v2/long')
    // The created cell is the image's created date, its time on hover.
    const v1Created = page.locator(
      '[data-testid="tag-item"][data-tag="v1"] [data-testid="tag-created"]',
    )
    assert.equal(await v1Created.textContent(), 'Mar 1, 2024')
    assert.match(
      (await v1Created.getAttribute('title')) ?? '',
      /Image created Mar 1, 2024, 10:20 UTC/,
    )
    // Platform chips that do not fit end in an ellipsis instead of being clipped.
    const chips = page.locator('[data-testid="tag-item"][data-tag="multi"] .tag-platform')
    assert.equal(await chips.count(), 3)
    assert.equal(
      await page.evaluate<string>(
        `getComputedStyle(document.querySelector('[data-testid="tag-item"][data-tag="multi"] .tag-platform')).textOverflow`,
      ),
      'ellipsis',
    )

    assertColumns(
      await page.evaluate<RowLayout>(ROW_LAYOUT('[data-testid="tag-item"]')),
      `${size.width}`,
    )

    // Grouped by digest: the same columns, History and "vs previous" still there.
    await page.getByLabel('group by digest').check()
    const groups = page.getByTestId('tag-group')
    await groups.first().waitFor()
    assert.equal(await groups.count(), 3)
    for (let i = 0; i < 3; i++) {
      assert.ok(await groups.nth(i).getByTestId('tag-history').isVisible())
      assert.equal(await groups.nth(i).getByTestId('tag-compare-prev').count(), 1)
    }
    assertColumns(
      await page.evaluate<RowLayout>(ROW_LAYOUT('[data-testid="tag-group"]')),
      `${size.width} grouped`,
    )
    assert.deepEqual(pageErrors, [])
    await page.close()
  })
}

test('each tag row digest is a link that opens that object', async () => {
  const { page, pageErrors } = await openTags({ width: 1024, height: 700 })
  for (const tag of ['v2', 'multi']) {
    const descriptor = digests.get(tag)
    assert.ok(descriptor)
    const link = page.locator(
      `[data-testid="tag-item"][data-tag="${tag}"] [data-testid="tag-digest-link"]`,
    )
    assert.equal(await link.textContent(), descriptor.digest.slice(0, 'sha256:'.length + 12))
    await link.click()
    await page
      .locator(`[data-testid="graph-node"][data-digest="${descriptor.digest}"]`)
      .first()
      .waitFor({ timeout: 60_000 })
    assert.ok(decodeURIComponent(page.url()).includes(`@${descriptor.digest}`))
    await page.goBack()
    await page.getByTestId('tags-header').waitFor()
  }
  assert.deepEqual(pageErrors, [])
  await page.close()
})
