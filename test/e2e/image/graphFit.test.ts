// End to end in Debian's Chromium at a classroom projector's 1024×700 and at 1920×1080: Fit
// shows every node of the bundled sample, a 4-platform index and a whole OCI layout of seven
// tagged manifests inside the canvas, without the page overflowing sideways; clicking a node
// leaves the view where it was.

import assert from 'node:assert/strict'
import path from 'node:path'
import { test } from 'node:test'
import type { Page } from 'playwright-core'
import type { Platform } from '../../../shared/oci/types'
import { openPageAt } from '../../harness/browser'
import { useE2eSession } from '../../harness/e2eSession'
import { buildTestImage } from '../../harness/imagePushing'
import { OciLayoutBuilder } from '../../harness/ociBuilder'

let fourPlatformRef: string
let sevenTagsRef: string

const PLATFORMS: readonly Platform[] = [
  { os: 'linux', architecture: 'amd64' },
  { os: 'linux', architecture: 'arm64', variant: 'v8' },
  { os: 'linux', architecture: 'ppc64le' },
  { os: 'linux', architecture: 's390x' },
]

const file = (path: string, content: string) => ({ type: 'file' as const, path, content })

/** index → 4 platform manifests, each with its config, a shared base and a layer of its own. */
async function writeFourPlatformLayout(dir: string): Promise<string> {
  const builder = new OciLayoutBuilder(dir)
  const manifests = PLATFORMS.map((platform) => {
    const image = buildTestImage(builder, {
      platform,
      layers: [[file('etc/os-release', 'base\n')], [file('app/arch', platform.architecture)]],
    })
    return { ...image.manifest, platform }
  })
  builder.tag('multi', builder.addIndex({ manifests }))
  await builder.write()
  return `oci:${dir}:multi`
}

/** An OCI layout whose index.json lists seven tagged single-platform images (v1 … v7). */
async function writeSevenTagLayout(dir: string): Promise<string> {
  const builder = new OciLayoutBuilder(dir)
  for (let i = 1; i <= 7; i++) {
    const image = buildTestImage(builder, {
      layers: [[file('etc/os-release', 'base\n')], [file('app/version', `v${i}\n`)]],
      env: [`VERSION=${i}`],
    })
    builder.tag(`v${i}`, image.manifest)
  }
  await builder.write()
  return `oci:${dir}`
}

const session = useE2eSession({
  name: 'graph-fit',
  prepare: async ({ workDir }) => {
    fourPlatformRef = await writeFourPlatformLayout(path.join(workDir, 'multi'))
    sevenTagsRef = await writeSevenTagLayout(path.join(workDir, 'seven'))
  },
})

const VIEWPORTS = [
  { width: 1024, height: 700 },
  { width: 1920, height: 1080 },
] as const

interface Rect {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

async function nodeBoxes(page: Page): Promise<Rect[]> {
  const cards = await page.locator('[data-testid="graph-node"] rect.node-card').all()
  const boxes = await Promise.all(cards.map((card) => card.boundingBox()))
  return boxes.map((box) => box ?? { x: 0, y: 0, width: 0, height: 0 })
}

async function canvasBox(page: Page): Promise<Rect> {
  const box = await page.locator('.graph-stage').boundingBox()
  assert.ok(box, 'the graph canvas is on screen')
  return box
}

function assertInside(boxes: readonly Rect[], canvas: Rect, what: string): void {
  const eps = 1
  for (const [i, b] of boxes.entries()) {
    const where = `${what}: node ${i} at ${JSON.stringify(b)} in ${JSON.stringify(canvas)}`
    assert.ok(b.width > 0 && b.height > 0, where)
    assert.ok(b.x >= canvas.x - eps && b.y >= canvas.y - eps, where)
    assert.ok(b.x + b.width <= canvas.x + canvas.width + eps, where)
    assert.ok(b.y + b.height <= canvas.y + canvas.height + eps, where)
  }
}

async function viewTransform(page: Page): Promise<string | null> {
  return page.locator('.graph-canvas > g').first().getAttribute('transform')
}

/** Runs in the page: how much wider than the window the document is. */
const SIDEWAYS_OVERFLOW =
  'document.documentElement.scrollWidth - document.documentElement.clientWidth'

async function assertNoSidewaysOverflow(page: Page, what: string): Promise<void> {
  const overflow = await page.evaluate<number>(SIDEWAYS_OVERFLOW)
  assert.ok(overflow <= 0, `${what}: the page is ${overflow}px wider than the window`)
}

/** Runs in the page: the on-screen font size of the smallest text a card shows, in CSS px. */
const SMALLEST_CARD_TEXT = `Math.min(...[...document.querySelectorAll('[data-testid="graph-node"] text')]
  .filter((t) => (t.textContent ?? '').trim() !== '')
  .map((t) => parseFloat(getComputedStyle(t).fontSize) * (t.getScreenCTM()?.a ?? 1)))`

async function smallestCardText(page: Page): Promise<number> {
  return page.evaluate<number>(SMALLEST_CARD_TEXT)
}

const graphs = [
  { name: 'the bundled sample', ref: () => undefined, nodes: 10 },
  { name: 'a 4-platform index', ref: () => fourPlatformRef, nodes: 1 + 4 * 2 + 4 + 1 },
  { name: 'an OCI layout of 7 tagged manifests', ref: () => sevenTagsRef, nodes: 1 + 7 * 3 + 1 },
] as const

for (const viewport of VIEWPORTS) {
  for (const graph of graphs) {
    const size = `${viewport.width}×${viewport.height}`
    test(`${size}: Fit shows every node of ${graph.name}; a click moves nothing`, async () => {
      const ref = graph.ref()
      const query = ref === undefined ? '' : `&ref=${encodeURIComponent(ref)}&view=graph`
      const { page, pageErrors } = await openPageAt(
        session().browser,
        `${session().web.url}${query}`,
        viewport,
      )
      const nodes = page.getByTestId('graph-node')
      await nodes.first().waitFor()
      if (graph.name !== 'the bundled sample') assert.equal(await nodes.count(), graph.nodes)
      else assert.ok((await nodes.count()) >= graph.nodes)

      // As opened (the automatic fit), and after pressing Fit.
      assertInside(await nodeBoxes(page), await canvasBox(page), `${size} ${graph.name} opened`)
      await page.getByRole('button', { name: 'Fit', exact: true }).click()
      assertInside(await nodeBoxes(page), await canvasBox(page), `${size} ${graph.name} fitted`)
      await assertNoSidewaysOverflow(page, `${size} ${graph.name}`)
      // Compact cards or full ones, the words on them stay readable from the back of a room.
      const smallest = await smallestCardText(page)
      // (11px and more in these graphs; the floor leaves room for a header that wraps.)
      assert.ok(smallest >= 10, `${size} ${graph.name}: card text ${smallest.toFixed(1)}px`)

      // Clicking the root opens its details; the graph does not jump.
      const before = await viewTransform(page)
      await page.locator('[data-testid="graph-node"][data-role="root"]').click()
      await page.getByTestId('details-panel').waitFor()
      await page.waitForTimeout(300)
      assert.equal(await viewTransform(page), before, `${size} ${graph.name}: the view moved`)
      await assertNoSidewaysOverflow(page, `${size} ${graph.name} with details`)

      // Fit with the details panel open fits the narrower canvas.
      await page.getByRole('button', { name: 'Fit', exact: true }).click()
      assertInside(await nodeBoxes(page), await canvasBox(page), `${size} ${graph.name} + details`)
      assert.deepEqual(pageErrors, [])
      await page.close()
    })
  }
}

test('an OCI layout shows each manifest’s tag name on its node', async () => {
  const { page, pageErrors } = await openPageAt(
    session().browser,
    `${session().web.url}&ref=${encodeURIComponent(sevenTagsRef)}&view=graph`,
    { width: 1920, height: 1080 },
  )
  const manifests = page.locator('[data-testid="graph-node"][data-kind="manifest"]')
  await manifests.first().waitFor()
  // What a screen reader hears and the card shows: the kind, then the tag in the badge place.
  const names = await Promise.all(
    (await manifests.all()).map(async (n) => (await n.getAttribute('aria-label')) ?? ''),
  )
  for (let i = 1; i <= 7; i++) {
    assert.equal(names.filter((name) => name.includes(`, v${i},`)).length, 1, `v${i}`)
  }
  assert.ok(
    names.every((name) => !name.includes(', platform,')),
    names.join(' | '),
  )
  const badgeTexts = await page
    .locator('[data-testid="graph-node"][data-kind="manifest"] text')
    .allTextContents()
  for (let i = 1; i <= 7; i++) {
    // A full card's badge ("v1") or a compact card's line ("manifest v1").
    const shown = badgeTexts.some((text) => text === `v${i}` || text === `manifest v${i}`)
    assert.ok(shown, `v${i} is on its card: ${badgeTexts.join(' | ')}`)
  }
  assert.deepEqual(pageErrors, [])
  await page.close()
})

test('1024×700: hiding and showing the sources sidebar keeps every node in view', async () => {
  const { page, pageErrors } = await openPageAt(session().browser, session().web.url, {
    width: 1024,
    height: 700,
  })
  await page.getByTestId('graph-node').first().waitFor()
  await page.getByRole('button', { name: 'Hide sources' }).click()
  await page.waitForTimeout(200)
  assertInside(await nodeBoxes(page), await canvasBox(page), 'sidebar hidden')
  // Fitted to the whole width, the graph would be cut off once the sidebar is back.
  await page.getByRole('button', { name: 'Fit', exact: true }).click()
  const wide = await viewTransform(page)
  await page.getByRole('button', { name: 'Show sources' }).click()
  await page.waitForTimeout(200)
  assertInside(await nodeBoxes(page), await canvasBox(page), 'sidebar shown again')
  assert.notEqual(await viewTransform(page), wide, 'the graph was fitted again')
  assert.deepEqual(pageErrors, [])
  await page.close()
})
