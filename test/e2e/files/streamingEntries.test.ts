// End to end in Debian's Chromium against web mode: the Files view of a ~90 MB gzip layer of
// real files in a real registry, behind a loopback proxy that delivers 20 MiB/s and counts the
// bytes it passed on. The first rows of the tree appear before 10 % of the layer has arrived,
// the index progress shows bytes and entries meanwhile, and once the layer is read the tree
// shows the same root as a non-streamed index of the same file.

import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { Browser } from 'playwright-core'
import { indexLayer } from '../../../electron/files/indexLayer'
import { buildImageTree } from '../../../electron/filetree/imageTree'
import { openVerifiedFile } from '../../../electron/sources/blobFile'
import { bigRealGzipLayer, pushRealLayerImage, type RealLayer } from '../../harness/bigRealLayer'
import { launchChromium } from '../../harness/browser'
import { startCountingProxy, type CountingProxy } from '../../harness/countingProxy'
import { startRegistry, type RunningRegistry } from '../../harness/registryServer'
import { startWebMode, type RunningWebMode } from '../../harness/webMode'

const MIB = 1024 * 1024

let registry: RunningRegistry
let proxy: CountingProxy
let web: RunningWebMode
let browser: Browser
let layer: RealLayer

before(async () => {
  layer = await bigRealGzipLayer()
  registry = await startRegistry()
  await pushRealLayerImage(registry.host, 'stream/rootfs', 'v1', layer)
  proxy = await startCountingProxy(registry.host, { bytesPerSecond: 20 * MIB })
  web = await startWebMode()
  browser = await launchChromium()
})

after(async () => {
  await browser?.close()
  await web?.stop()
  await proxy?.close()
  await registry?.stop()
})

/** Runs in the page before its scripts: records Date.now() when the first file row appears. */
const FIRST_ROW_CLOCK = `
  new MutationObserver((changes, observer) => {
    if (document.querySelector('[data-testid="file-row"]')) {
      window.strataFirstRowAt = Date.now()
      observer.disconnect()
    }
  }).observe(document, { childList: true, subtree: true })
`

/** The root of the layer's tree, indexed from the file in one go. */
async function rootOfNonStreamedIndex(): Promise<string[]> {
  const index = await indexLayer(
    await openVerifiedFile(layer.path, layer.descriptor),
    layer.descriptor.digest,
  )
  return buildImageTree([index], 0)
    .view.list('')
    .map((node) => node.entry.path)
    .sort()
}

test('the first rows of a downloading 90 MB layer show before 10 % of it has arrived; the final tree matches', async () => {
  const size = layer.descriptor.size
  const ref = `${proxy.host}/stream/rootfs:v1`
  const params = new URLSearchParams({ ref, view: 'files' })
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
  const pageErrors: string[] = []
  page.on('pageerror', (error) => pageErrors.push(error.message))
  // The page notes the wall-clock time the first row enters the DOM, so the bytes counted are
  // those that had arrived when the row appeared, not when a loaded test process noticed it.
  await page.addInitScript(FIRST_ROW_CLOCK)
  await page.goto(`${web.url}&${params.toString()}`)
  const rows = page.getByTestId('file-row')
  await rows.first().waitFor({ timeout: 60_000 })
  const firstRowAt = Number(await page.evaluate('window.strataFirstRowAt'))
  assert.ok(Number.isFinite(firstRowAt) && firstRowAt > 0, 'the page noted no first-row time')
  const bytesAtFirstRow = proxy.bytesFromUpstreamBy(firstRowAt)
  const progress = page.getByTestId('index-progress')
  const progressText = (await progress.isVisible()) ? ((await progress.textContent()) ?? '') : ''
  console.log(
    `# first row with ${bytesAtFirstRow} of ${size} bytes arrived ` +
      `(${((100 * bytesAtFirstRow) / size).toFixed(1)} %); progress: ${progressText}`,
  )
  assert.ok(bytesAtFirstRow < size / 10, `first row after ${bytesAtFirstRow} of ${size} bytes`)
  // The layer is still being read, and the progress counts entries beside the bytes.
  assert.ok(bytesAtFirstRow < size, 'the whole layer had arrived already')
  assert.match(progressText, /of .*\d+ entries/)

  await progress.waitFor({ state: 'detached', timeout: 180_000 })
  assert.ok(proxy.bytesFromUpstream() >= size, 'the progress ended before the layer arrived')
  const expected = await rootOfNonStreamedIndex()
  const shownPaths = async (): Promise<string[]> => {
    const paths: string[] = []
    for (let i = 0; i < (await rows.count()); i++) {
      paths.push((await rows.nth(i).getAttribute('data-path')) ?? '')
    }
    return paths.sort()
  }
  const deadline = Date.now() + 30_000
  let shown = await shownPaths()
  while (shown.join('\n') !== expected.join('\n') && Date.now() < deadline) {
    await page.waitForTimeout(200)
    shown = await shownPaths()
  }
  assert.deepEqual(shown, expected)
  assert.deepEqual(pageErrors, [])
})
