// End to end, in Debian's Chromium against web mode, at 1024×700 and 1920×1080: comparing two
// images of an OCI layout whose files are numbered (page1 … page12) and many, so the file list
// runs far below the fold. Names sort as people count them, a changed file opened near the top
// of the list scrolls its side-by-side diff into view, every digest on the page is a link that
// opens its object, and the page never scrolls sideways.

import assert from 'node:assert/strict'
import { join } from 'node:path'
import { test } from 'node:test'
import type { Page } from 'playwright-core'
import type { Descriptor } from '../../../shared/oci/types'
import { openPageAt } from '../../harness/browser'
import { useE2eSession } from '../../harness/e2eSession'
import { OciLayoutBuilder, type TarEntrySpec } from '../../harness/ociBuilder'
import { BASE_FILES } from '../../harness/ociFixtureImages'

const PAGES = 12
const EXTRA_FILES = 40

let layoutDir: string
let left: { manifest: Descriptor; config: Descriptor; layers: Descriptor[] }

/** page1.txt … page12.txt (each side's own words), and on the right many more files. */
function appFiles(side: 'one' | 'two'): TarEntrySpec[] {
  const pages = Array.from({ length: PAGES }, (_, i) => ({
    type: 'file' as const,
    path: `app/page${i + 1}.txt`,
    content: `page ${i + 1}\nwritten by ${side}\n`,
  }))
  const extra =
    side === 'two'
      ? Array.from({ length: EXTRA_FILES }, (_, i) => ({
          type: 'file' as const,
          path: `app/zz/extra${i + 1}.txt`,
          content: `extra ${i + 1}\n`,
        }))
      : []
  return [{ type: 'dir', path: 'app' }, ...pages, { type: 'dir', path: 'app/zz' }, ...extra]
}

function buildImage(builder: OciLayoutBuilder, side: 'one' | 'two') {
  const stamp = (files: readonly TarEntrySpec[]): TarEntrySpec[] =>
    files.map((f) => ({ ...f, mtime: 1_700_000_000 }))
  const base = builder.addLayer(stamp(BASE_FILES), { compression: 'gzip' })
  const app = builder.addLayer(stamp(appFiles(side)), { compression: 'gzip' })
  const config = builder.addConfig({
    created: '2024-01-01T00:00:00Z',
    architecture: 'amd64',
    os: 'linux',
    config: { Env: [`SIDE=${side}`] },
    rootfs: { type: 'layers', diff_ids: [base.diffId, app.diffId] },
  })
  const manifest = builder.addManifest({ config, layers: [base, app] })
  builder.tag(side, manifest)
  return { manifest, config, layers: [base, app] }
}

const session = useE2eSession({
  name: 'e2e-compare-nav',
  prepare: async ({ workDir }) => {
    layoutDir = join(workDir, 'layout')
    const builder = new OciLayoutBuilder(layoutDir)
    left = buildImage(builder, 'one')
    buildImage(builder, 'two')
    await builder.write()
  },
})

const SIZES = [
  { width: 1024, height: 700 },
  { width: 1920, height: 1080 },
] as const

function compareQuery(): string {
  const params = new URLSearchParams({
    ref: `oci:${layoutDir}:one`,
    view: 'compare',
    with: `oci:${layoutDir}:two`,
  })
  return `&${params.toString()}`
}

/** Strings, so the DOM code runs in the page (the tests have no DOM types). */
const PAGE_WIDTHS = `(() => {
  const main = document.querySelector('.main')
  return {
    page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    main: main ? main.scrollWidth - main.clientWidth : 0,
  }
})()`
const DIFF_TOP_ON_SCREEN = `(() => {
  const box = document.querySelector('[data-testid="compare-side-by-side"]')?.getBoundingClientRect()
  return box !== undefined && box.top >= -1 && box.top < window.innerHeight - 40
})()`

async function noSidewaysScroll(page: Page, where: string): Promise<void> {
  const overflow = await page.evaluate<{ page: number; main: number }>(PAGE_WIDTHS)
  assert.deepEqual(overflow, { page: 0, main: 0 }, `${where}: no sideways overflow`)
}

/** The compared files, listed, with their changes. */
async function openFileList(page: Page): Promise<string[]> {
  await page.getByTestId('compare-layers').waitFor({ timeout: 90_000 })
  await page.getByTestId('compare-files-button').click()
  const rows = page.getByTestId('compare-file')
  await rows.first().waitFor({ timeout: 90_000 })
  const paths: string[] = []
  for (let i = 0; i < (await rows.count()); i++) {
    paths.push((await rows.nth(i).getAttribute('data-path')) ?? '')
  }
  return paths
}

for (const size of SIZES) {
  test(`${size.width}×${size.height}: natural order, the opened diff scrolls into view`, async () => {
    const { page, pageErrors } = await openPageAt(
      session().browser,
      `${session().web.url}${compareQuery()}`,
      size,
    )
    const paths = await openFileList(page)
    const pages = paths.filter((p) => /^\/app\/page\d+\.txt$/.test(p))
    assert.deepEqual(
      pages,
      Array.from({ length: PAGES }, (_, i) => `/app/page${i + 1}.txt`),
      'page1 … page12 in counting order',
    )
    const extras = paths.filter((p) => p.startsWith('/app/zz/'))
    assert.equal(extras[1], '/app/zz/extra2.txt')
    assert.equal(extras[9], '/app/zz/extra10.txt')

    // page2 is near the top: the list runs on far below the fold, and the diff comes after it.
    const table = await page.locator('table.file-diff').boundingBox()
    assert.ok(table && table.y + table.height > size.height * 1.5, 'the list is long')
    await page.locator('[data-testid="compare-file"][data-path="/app/page2.txt"] button').click()
    const diff = page.getByTestId('compare-side-by-side')
    await diff.getByText('written by two').waitFor()
    // Give the scroll a moment on a loaded machine, then its top must be on screen.
    await page.waitForFunction(DIFF_TOP_ON_SCREEN, undefined, { timeout: 10_000 })
    await noSidewaysScroll(page, 'compare with a diff open')
    assert.deepEqual(pageErrors, [])
    await page.close()
  })
}

test('digests in Compare are links: manifest, config and layer open their objects', async () => {
  const { page, pageErrors } = await openPageAt(
    session().browser,
    `${session().web.url}${compareQuery()}`,
    SIZES[0],
  )
  await page.getByTestId('compare-layers').waitFor({ timeout: 90_000 })
  await noSidewaysScroll(page, 'compare')

  // The left manifest opens pinned to its digest in the graph.
  const manifestLink = page.getByTestId('compare-left-manifest')
  assert.equal(await manifestLink.textContent(), left.manifest.digest.slice(0, 7 + 12))
  await manifestLink.click()
  await page.waitForURL((url) => url.searchParams.get('view') === 'graph')
  const graphRef = new URL(page.url()).searchParams.get('ref') ?? ''
  assert.ok(graphRef.endsWith(left.manifest.digest), `graph of ${graphRef}`)
  await page.locator('[data-testid="graph-node"]').first().waitFor({ timeout: 60_000 })
  await page.goBack()

  // The config opens selected in its image's graph.
  await page.getByTestId('compare-left-config').click()
  await page.waitForURL((url) => url.searchParams.get('node') === left.config.digest)
  await page.goBack()

  // A layer opens the files of that layer (the top, app layer: only the left has it).
  await page.getByTestId('compare-layers').waitFor({ timeout: 60_000 })
  const appLayer = left.layers[1]
  assert.ok(appLayer)
  const layerLink = page
    .getByTestId('compare-layer-digest')
    .filter({ hasText: appLayer.digest.slice(7, 7 + 12) })
    .first()
  await layerLink.click()
  await page.waitForURL((url) => url.searchParams.get('layer') === appLayer.digest)
  assert.equal(new URL(page.url()).searchParams.get('view'), 'files')
  await page.locator('[data-testid="file-row"][data-path="app"]').waitFor({ timeout: 120_000 })
  assert.deepEqual(pageErrors, [])
  await page.close()
})
