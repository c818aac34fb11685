// End to end in Debian's Chromium against web mode and a real registry: the sharing view of a
// repository with eleven images, at 1024×700 and 1920×1080. The matrix keeps a real height,
// every cell can be scrolled to inside the matrix (clear of its sticky labels), row labels are
// whole, equal bytes have equal colours (diagonal included), the page never overflows
// sideways, and the digests open their objects: a layer its files, a manifest its graph.

import assert from 'node:assert/strict'
import { join } from 'node:path'
import { test } from 'node:test'
import type { Page } from 'playwright-core'
import type { Descriptor } from '../../../shared/oci/types'
import { useE2eSession } from '../../harness/e2eSession'
import { OciLayoutBuilder, type LayerDescriptor } from '../../harness/ociBuilder'
import { BASE_FILES } from '../../harness/ociFixtureImages'
import { RegistryPusher } from '../../harness/ociPusher'

const REPOSITORY = 'e2e/sharing-fit'
const LONG_TAG = 'release-candidate-with-a-rather-long-name-11'
const TAGS = [...Array.from({ length: 10 }, (_, i) => `v${i + 1}`), LONG_TAG]
const SIZES = [
  { width: 1024, height: 700 },
  { width: 1920, height: 1080 },
] as const

const manifests = new Map<string, Descriptor>()
let base: LayerDescriptor

const session = useE2eSession({
  name: 'e2e-sharing',
  registry: {},
  prepare: async ({ workDir, registry }) => {
    const builder = new OciLayoutBuilder(join(workDir, 'layout'))
    const pusher = new RegistryPusher({ host: registry.host })
    base = builder.addLayer(BASE_FILES, { compression: 'gzip' })
    for (const [index, tag] of TAGS.entries()) {
      const app = builder.addLayer(
        [{ type: 'file', path: `app-${tag}.txt`, content: `${tag}\n`.repeat(index + 1) }],
        { compression: 'gzip' },
      )
      const config = builder.addConfig({
        created: `2025-0${1 + (index % 9)}-01T00:00:00Z`,
        architecture: 'amd64',
        os: 'linux',
        rootfs: { type: 'layers', diff_ids: [base.diffId, app.diffId] },
      })
      const manifest = builder.addManifest({ config, layers: [base, app] })
      manifests.set(tag, manifest)
      await pusher.pushTree(
        REPOSITORY,
        manifest.digest,
        manifest.mediaType,
        (digest) => builder.getBlob(digest),
        [tag],
      )
    }
  },
})

const sharingQuery = (): string =>
  `ref=${encodeURIComponent(`${session().registry.host}/${REPOSITORY}`)}&view=sharing`

async function openSharing(size: { width: number; height: number }): Promise<{
  page: Page
  pageErrors: string[]
}> {
  const opened = await session().open(sharingQuery(), size)
  await opened.page.getByTestId('sharing-matrix').waitFor({ timeout: 90_000 })
  return opened
}

interface CellCheck {
  readonly cells: number
  readonly unreachable: readonly string[]
  readonly boxHeight: number
  readonly labelsCut: readonly string[]
  readonly pageOverflow: number
  readonly colours: readonly { bytes: string; colour: string; diagonal: boolean }[]
}

/**
 * In the page (a script: these tests have no DOM types): scroll each cell into view inside the
 * matrix box and check it lands inside the box, clear of the sticky labels and on screen.
 */
const CHECK_CELLS = `(() => {
  const box = document.querySelector('[data-testid="sharing-matrix-box"]')
  const unreachable = []
  const cells = [...document.querySelectorAll('[data-testid="sharing-cell"]')]
  for (const cell of cells) {
    cell.scrollIntoView({ block: 'nearest', inline: 'nearest' })
    const b = box.getBoundingClientRect()
    const c = cell.getBoundingClientRect()
    const row = cell.parentElement.querySelector('th').getBoundingClientRect()
    const header = document.querySelector('.matrix-col-label').getBoundingClientRect()
    const inside = c.left >= b.left - 0.5 && c.right <= b.right + 0.5 &&
      c.top >= b.top - 0.5 && c.bottom <= b.bottom + 0.5 && c.width > 10 && c.height > 10
    const clearOfLabels = c.left >= row.right - 0.5 && c.top >= header.bottom - 0.5
    const onScreen = c.top >= 0 && c.bottom <= window.innerHeight && c.right <= window.innerWidth
    if (!inside || !clearOfLabels || !onScreen) unreachable.push(cell.dataset.i + ',' + cell.dataset.j)
  }
  box.scrollTo(0, 0)
  const labelsCut = [...document.querySelectorAll('[data-testid="sharing-row-label"]')]
    .filter((label) => label.scrollWidth > label.clientWidth + 1 ||
      label.getBoundingClientRect().left < box.getBoundingClientRect().left - 0.5)
    .map((label) => label.textContent)
  const main = document.querySelector('.main')
  const pageOverflow = Math.max(
    document.documentElement.scrollWidth - document.documentElement.clientWidth,
    main.scrollWidth - main.clientWidth)
  return {
    cells: cells.length,
    unreachable,
    boxHeight: box.getBoundingClientRect().height,
    labelsCut,
    pageOverflow,
    colours: cells.map((cell) => ({
      bytes: cell.dataset.bytes,
      colour: getComputedStyle(cell).backgroundColor,
      diagonal: cell.dataset.i === cell.dataset.j,
    })),
  }
})()`

function checkCells(page: Page): Promise<CellCheck> {
  return page.evaluate<CellCheck>(CHECK_CELLS)
}

for (const size of SIZES) {
  test(`at ${size.width}×${size.height} every matrix cell can be scrolled to inside the matrix`, async () => {
    const { page, pageErrors } = await openSharing(size)
    const result = await checkCells(page)
    assert.equal(result.cells, TAGS.length * TAGS.length)
    assert.ok(result.boxHeight >= 150, `the matrix is ${result.boxHeight} px tall`)
    assert.deepEqual(result.unreachable, [], 'cells not reachable inside the matrix')
    assert.deepEqual(result.labelsCut, [], 'row labels cut')
    assert.ok(result.pageOverflow <= 0, `the page overflows sideways by ${result.pageOverflow} px`)
    // One scale: every cell with the same bytes has the same colour, the diagonal included.
    const byBytes = new Map<string, Set<string>>()
    for (const cell of result.colours) {
      const colours = byBytes.get(cell.bytes) ?? new Set<string>()
      colours.add(cell.colour)
      byBytes.set(cell.bytes, colours)
    }
    for (const [bytes, colours] of byBytes) {
      assert.equal(colours.size, 1, `cells of ${bytes} B have ${[...colours].join(' / ')}`)
    }
    // The largest cells (a diagonal) are the darkest, not paler than off-diagonal ones.
    const largest = Math.max(...result.colours.map((c) => Number(c.bytes)))
    assert.ok(result.colours.some((c) => c.diagonal && Number(c.bytes) === largest))
    assert.deepEqual(pageErrors, [])
    await page.close()
  })
}

test('a layer digest opens that layer in the Files view; a manifest digest opens its graph', async () => {
  const { page, pageErrors } = await openSharing({ width: 1024, height: 700 })
  const row = page.locator(`[data-testid="sharing-layer"][data-digest="${base.digest}"]`)
  const link = row.getByTestId('sharing-layer-link')
  assert.equal(await link.textContent(), base.digest.slice(0, 'sha256:'.length + 12))
  assert.match((await link.getAttribute('title')) ?? '', new RegExp(base.digest))
  await link.click()
  await page.getByTestId('files-view').waitFor()
  const url = new URL(page.url())
  assert.equal(url.searchParams.get('view'), 'files')
  assert.equal(url.searchParams.get('layer'), base.digest)
  await page
    .locator(`[data-testid="layer-item"][data-digest="${base.digest}"][aria-current="true"]`)
    .waitFor({ timeout: 60_000 })

  await page.goBack()
  await page.getByTestId('sharing-matrix').waitFor({ timeout: 60_000 })
  const v3 = manifests.get('v3')
  assert.ok(v3)
  const imageLink = page.locator(`[data-testid="sharing-image-link"]`, {
    hasText: v3.digest.slice(0, 'sha256:'.length + 12),
  })
  await imageLink.click()
  await page.locator(`[data-testid="graph-node"][data-digest="${v3.digest}"]`).waitFor({
    timeout: 60_000,
  })
  assert.ok(decodeURIComponent(page.url()).includes(`@${v3.digest}`))
  assert.deepEqual(pageErrors, [])
  await page.close()
})
