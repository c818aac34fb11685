// End to end in Debian's Chromium: the details panel of the bundled sample (an index of two
// platforms) and of an OCI layout of tagged manifests without platforms. A layer links
// straight to its files; every object's digest links to that object; the panel's width
// follows a drag or the arrow keys and is still there after a reload.

import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, test } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { launchChromium, openPageAt } from '../../harness/browser'
import { buildTestImage, type PushedTestImage } from '../../harness/imagePushing'
import { OciLayoutBuilder } from '../../harness/ociBuilder'
import { startWebMode, type RunningWebMode } from '../../harness/webMode'

let web: RunningWebMode
let browser: Browser
let workDir: string
let layoutDir: string
let tagged: PushedTestImage[]

const file = (path: string, content: string) => ({ type: 'file' as const, path, content })

before(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'strata-details-'))
  layoutDir = path.join(workDir, 'layout')
  const builder = new OciLayoutBuilder(layoutDir)
  tagged = ['v1', 'v2'].map((tag) => {
    const image = buildTestImage(builder, {
      layers: [[file('etc/os-release', 'base\n')], [file(`app/${tag}.txt`, `${tag}\n`)]],
    })
    builder.tag(tag, image.manifest)
    return image
  })
  await builder.write()
  web = await startWebMode()
  browser = await launchChromium()
})

after(async () => {
  await browser?.close()
  await web?.stop()
  if (workDir) await rm(workDir, { recursive: true, force: true })
})

const node = (page: Page, kind: string) =>
  page.locator(`[data-testid="graph-node"][data-kind="${kind}"]`)

async function openSample(viewport = { width: 1024, height: 700 }) {
  const opened = await openPageAt(browser, web.url, viewport)
  await node(opened.page, 'layer').first().waitFor()
  return opened
}

test('a layer’s files link opens the Files view at that layer, in its platform’s image', async () => {
  const { page, pageErrors } = await openSample()
  // The arm64 image's own layer (listed by one manifest only, the second platform).
  const armManifest = node(page, 'manifest').nth(1)
  await armManifest.click()
  const armDigest = await armManifest.getAttribute('data-digest')
  assert.ok(armDigest)
  const layer = page.locator('[data-testid="graph-node"][data-kind="layer"]', {
    hasText: 'layer 2 of 4',
  })
  const layerDigests = await Promise.all(
    (await layer.all()).map((l) => l.getAttribute('data-digest')),
  )
  // Two "layer 2 of 4" nodes, one per platform: take the one the arm64 manifest lists.
  await page.getByTestId('details-json').waitFor()
  const json = (await page.getByTestId('details-json').textContent()) ?? ''
  const digest = layerDigests.find((d) => d !== null && json.includes(d))
  assert.ok(digest, 'the arm64 manifest lists one of the layer 2 nodes')
  await page.locator(`[data-testid="graph-node"][data-digest="${digest}"]`).click()

  const link = page.getByTestId('layer-files-link')
  await link.click()
  await page.waitForURL((url) => url.searchParams.get('view') === 'files')
  const url = new URL(page.url())
  assert.equal(url.searchParams.get('layer'), digest)
  assert.equal(url.searchParams.get('platform'), 'linux/arm64/v8')
  await page
    .locator(`[data-testid="layer-item"][data-digest="${digest}"][aria-current="true"]`)
    .waitFor()
  assert.deepEqual(pageErrors, [])
  await page.close()
})

test('in a layout of tagged manifests, a layer opens in the manifest that lists it', async () => {
  const ref = `oci:${layoutDir}`
  const { page, pageErrors } = await openPageAt(
    browser,
    `${web.url}&ref=${encodeURIComponent(ref)}&view=graph`,
    { width: 1280, height: 800 },
  )
  const image = tagged[1]
  const own = image?.layers[1]
  assert.ok(image && own)
  await page.locator(`[data-testid="graph-node"][data-digest="${own.digest}"]`).click()
  await page.getByTestId('layer-files-link').click()
  await page.waitForURL((url) => url.searchParams.get('view') === 'files')
  const url = new URL(page.url())
  assert.equal(url.searchParams.get('ref'), `${ref}:${image.digest}`)
  assert.equal(url.searchParams.get('layer'), own.digest)
  await page
    .locator(`[data-testid="layer-item"][data-digest="${own.digest}"][aria-current="true"]`)
    .waitFor()
  assert.deepEqual(pageErrors, [])
  await page.close()
})

test('the digest in the details panel links to the object it names', async () => {
  const { page, pageErrors } = await openSample({ width: 1280, height: 800 })
  const digestLink = page.getByTestId('details-panel').getByTestId('details-digest')

  // A manifest: its own graph, pinned to its digest.
  const manifest = node(page, 'manifest').first()
  const manifestDigest = await manifest.getAttribute('data-digest')
  assert.ok(manifestDigest)
  await manifest.click()
  assert.equal(
    await digestLink.getAttribute('title').then((t) => t?.includes(manifestDigest)),
    true,
  )
  await digestLink.click()
  await page.waitForURL((url) => (url.searchParams.get('ref') ?? '').endsWith(manifestDigest))
  const root = page.locator('[data-testid="graph-node"][data-role="root"]')
  await root.waitFor()
  assert.equal(await root.getAttribute('data-digest'), manifestDigest)

  // Its config: selected in the graph.
  const config = node(page, 'config').first()
  const configDigest = await config.getAttribute('data-digest')
  assert.ok(configDigest)
  await config.click()
  await page.waitForURL((url) => url.searchParams.get('node') === configDigest)
  await page.goBack()
  await page.waitForURL((url) => url.searchParams.get('node') === null)
  await config.click()
  await digestLink.click()
  await page.waitForURL((url) => url.searchParams.get('node') === configDigest)
  assert.equal(await config.getAttribute('aria-pressed'), 'true')

  // A layer: its files.
  const layer = node(page, 'layer').first()
  const layerDigest = await layer.getAttribute('data-digest')
  assert.ok(layerDigest)
  await layer.click()
  await digestLink.click()
  await page.waitForURL((url) => url.searchParams.get('view') === 'files')
  assert.equal(new URL(page.url()).searchParams.get('layer'), layerDigest)

  // Digests stay on one line in the panel (no wrapping over three lines).
  await page.goBack()
  await layer.click()
  const box = await digestLink.boundingBox()
  assert.ok(box && box.height < 30, `digest box ${JSON.stringify(box)}`)
  assert.deepEqual(pageErrors, [])
  await page.close()
})

test('the details panel widens by drag and by keys, and keeps its width after a reload', async () => {
  const { page, pageErrors } = await openSample()
  await node(page, 'manifest').first().click()
  const panel = page.getByTestId('details-panel')
  const handle = page.getByTestId('details-resizer')
  const start = await panel.boundingBox()
  const grip = await handle.boundingBox()
  assert.ok(start && grip)

  await page.mouse.move(grip.x + grip.width / 2, grip.y + 100)
  await page.mouse.down()
  await page.mouse.move(grip.x - 100, grip.y + 100, { steps: 6 })
  await page.mouse.up()
  const dragged = await panel.boundingBox()
  assert.ok(dragged && Math.abs(dragged.width - (start.width + 100 + grip.width / 2)) <= 3)

  await handle.focus()
  await page.keyboard.press('ArrowRight')
  const keyed = await panel.boundingBox()
  assert.ok(keyed && Math.abs(keyed.width - (dragged.width - 24)) <= 1, `${keyed?.width}`)

  // Not wider than leaves the graph 320px, not narrower than 280px.
  await page.keyboard.press('End')
  const widest = await panel.boundingBox()
  const row = await page.locator('.graph-body').boundingBox()
  assert.ok(widest && row && Math.abs(row.width - widest.width - 320) <= 1)
  await page.keyboard.press('Home')
  assert.equal(Math.round((await panel.boundingBox())?.width ?? 0), 280)
  await page.keyboard.press('ArrowLeft')
  const kept = await panel.boundingBox()
  assert.ok(kept)

  await page.reload()
  await panel.waitFor()
  const reloaded = await panel.boundingBox()
  assert.ok(reloaded && Math.abs(reloaded.width - kept.width) <= 1, `${reloaded?.width}`)
  // The page never grows sideways, whatever the panel's width.
  const overflow = await page.evaluate<number>(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  )
  assert.ok(overflow <= 0)
  assert.deepEqual(pageErrors, [])
  await page.close()
})

/** Runs in the page: facts about the details panel's annotation keys and JSON box. */
const PANEL_LAYOUT = `(() => {
  const panel = document.querySelector('[data-testid="details-panel"]').getBoundingClientRect()
  const json = document.querySelector('[data-testid="details-json"]')
  const box = json.getBoundingClientRect()
  const keys = [...document.querySelectorAll('.annotations th')]
  return {
    panelRight: panel.right,
    jsonRight: box.right,
    jsonScrolls: json.scrollWidth > json.clientWidth,
    jsonOverflowX: getComputedStyle(json).overflowX,
    keysWithBreaks: keys.filter((k) => k.querySelector('wbr') !== null).length,
    keys: keys.length,
    keyWordBreak: keys.length > 0 ? getComputedStyle(keys[0]).wordBreak : '',
  }
})()`

test('at 1024×700 annotation keys break between words and JSON scrolls inside its box', async () => {
  const { page, pageErrors } = await openSample()
  await node(page, 'index').first().click()
  await page.getByTestId('details-json').waitFor()
  const facts = await page.evaluate<{
    panelRight: number
    jsonRight: number
    jsonScrolls: boolean
    jsonOverflowX: string
    keysWithBreaks: number
    keys: number
    keyWordBreak: string
  }>(PANEL_LAYOUT)
  assert.ok(facts.keys >= 3, 'the sample index carries annotations')
  assert.equal(facts.keysWithBreaks, facts.keys)
  assert.equal(facts.keyWordBreak, 'normal')
  assert.ok(facts.jsonRight <= facts.panelRight + 0.5, 'the JSON box ends inside the panel')
  assert.ok(facts.jsonScrolls && facts.jsonOverflowX === 'auto', JSON.stringify(facts))
  assert.deepEqual(pageErrors, [])
  await page.close()
})
