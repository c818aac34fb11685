// End to end, as a user, in Debian's Chromium against Strata's web mode: the files view of the
// bundled sample (a whiteout and an opaque directory across its layers) and of an OCI layout
// written here with what the sample lacks: a modified file, binary bytes, an image, a file
// larger than one page, a hard link, and a second image whose layer blob is corrupt. The
// layer of 200,000 files is also pushed (by skopeo) to a real registry behind a loopback proxy
// that delivers 256 KiB/s, so its index runs long enough to be cancelled: from the layout it
// takes well under a second now.

import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, test } from 'node:test'
import type { Browser, Locator, Page } from 'playwright-core'
import { launchChromium, openPageAt, type OpenedPage } from '../../harness/browser'
import { startCountingProxy, type CountingProxy } from '../../harness/countingProxy'
import { startRegistry, type RunningRegistry } from '../../harness/registryServer'
import { runTool } from '../../harness/tools'
import { BINARY, writeFilesLayout } from '../../harness/filesFixtures'
import { baseLayer } from '../../harness/ociSampleContent'
import { startWebMode, type RunningWebMode } from '../../harness/webMode'

let web: RunningWebMode
let browser: Browser
let layoutDir: string
let filesRef: string
let brokenRef: string
let registry: RunningRegistry
let slowProxy: CountingProxy
/** The image of 200,000 files, from the registry through the 256 KiB/s proxy. */
let slowManyRef: string

before(async () => {
  layoutDir = await mkdtemp(path.join(tmpdir(), 'strata-files-e2e-'))
  const layout = await writeFilesLayout(layoutDir)
  filesRef = layout.filesRef
  brokenRef = layout.brokenRef
  registry = await startRegistry()
  await runTool('skopeo', [
    'copy',
    '-q',
    '--dest-tls-verify=false',
    layout.manyRef,
    `docker://${registry.host}/many:v1`,
  ])
  slowProxy = await startCountingProxy(registry.host, { bytesPerSecond: 256 * 1024 })
  slowManyRef = `${slowProxy.host}/many:v1`
  web = await startWebMode()
  browser = await launchChromium()
})

after(async () => {
  await browser?.close()
  await web?.stop()
  await slowProxy?.close()
  await registry?.stop()
  if (layoutDir) await rm(layoutDir, { recursive: true, force: true })
})

function openPage(query = ''): Promise<OpenedPage> {
  return openPageAt(browser, `${web.url}${query}`, { width: 1500, height: 950 })
}

function filesUrl(ref: string, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ ref, view: 'files', ...extra })
  return `&${params.toString()}`
}

/** The paths of the tree rows in the DOM, top to bottom. */
async function rowPaths(page: Page): Promise<string[]> {
  const rows = page.getByTestId('file-row')
  const paths: string[] = []
  for (let i = 0; i < (await rows.count()); i++) {
    paths.push((await rows.nth(i).getAttribute('data-path')) ?? '')
  }
  return paths
}

function row(page: Page, imagePath: string) {
  return page.locator(`[data-testid="file-row"][data-path="${imagePath}"]`)
}

/** Expands a directory row (clicking its name) and waits for a child to appear. */
async function expand(page: Page, dir: string, child: string): Promise<void> {
  await row(page, dir).locator('.file-name').click()
  await row(page, child).waitFor()
}

/** The viewer's text, line by line as shown (the sample files end with a newline). */
async function viewerText(page: Page): Promise<string> {
  const text = page.getByTestId('file-text')
  await text.waitFor()
  const lines = await text.locator('.code-text').allTextContents()
  return `${lines.join('\n')}\n`
}

function sampleContent(filePath: string): string {
  const spec = baseLayer.find((e) => e.path === filePath)
  assert.ok(spec && spec.type === 'file' && typeof spec.content === 'string')
  return spec.content
}

test('graph → Files tab → layers, change badges, a text file, back, deep link', async () => {
  const { page, pageErrors } = await openPage()
  await page.locator('[data-testid="graph-node"][data-role="root"]').waitFor()
  await page.getByTestId('tab-files').click()
  await page.getByTestId('files-view').waitFor()
  await page.locator('[data-testid="layer-item"][data-position="merged"]').waitFor()
  assert.equal(await page.locator('[data-testid="layer-item"]').count(), 5, 'merged + 4 layers')
  const layer1 = page.locator('[data-testid="layer-item"][data-position="1"]')
  assert.match((await layer1.textContent()) ?? '', /ADD rootfs\.tar/)
  const sampleRef = new URL(page.url()).searchParams.get('ref')
  assert.ok(sampleRef)
  // The first listing indexes every layer (a worker starts): generous on a busy machine.
  await row(page, 'etc').waitFor({ timeout: 120_000 })

  // Layer 3 (the cleanup step): the whiteout and the opaque directory.
  await page.locator('[data-testid="layer-item"][data-position="3"] a').click()
  await page.waitForURL(/layer=3/)
  await expand(page, 'etc', 'etc/motd')
  assert.equal(await row(page, 'etc/motd').getAttribute('data-change'), 'deleted')
  assert.equal(await row(page, 'etc/motd').getAttribute('data-type'), 'deleted')
  assert.equal(await row(page, 'etc/os-release').getAttribute('data-change'), '')
  await expand(page, 'var', 'var/cache')
  await expand(page, 'var/cache', 'var/cache/pkg')
  assert.equal(await row(page, 'var/cache/pkg').getAttribute('data-change'), 'opaque')
  await expand(page, 'var/cache/pkg', 'var/cache/pkg/.keep')
  assert.equal(await row(page, 'var/cache/pkg/index-v1.txt').count(), 0, 'hidden by opaque')
  assert.equal(await row(page, 'var/cache/pkg/.keep').getAttribute('data-change'), 'added')

  // Layer 1: motd is still there, and everything is added.
  await page.locator('[data-testid="layer-item"][data-position="1"] a').click()
  await page.waitForURL(/layer=1/)
  await row(page, 'etc/motd').waitFor()
  await page
    .locator('[data-testid="file-row"][data-path="etc/motd"][data-change="added"]')
    .waitFor()
  assert.equal(await row(page, 'var/cache/pkg/index-v1.txt').getAttribute('data-change'), 'added')

  // The merged filesystem: open /etc/os-release.
  await page.locator('[data-testid="layer-item"][data-position="merged"] a').click()
  await page.waitForURL((url) => !url.searchParams.has('layer'))
  await row(page, 'app').waitFor()
  assert.equal(await row(page, 'etc/motd').count(), 0, 'deleted in the merged view')
  assert.equal(await row(page, 'app').getAttribute('data-change'), 'added')
  await row(page, 'etc/os-release').locator('.file-name').click()
  await page.getByTestId('file-viewer').waitFor()
  assert.equal(new URL(page.url()).searchParams.get('path'), '/etc/os-release')
  assert.equal(await viewerText(page), sampleContent('etc/os-release'))
  assert.equal(await page.getByTestId('file-text').getAttribute('data-language'), 'ini')
  const href = await page.getByTestId('file-download').getAttribute('href')
  assert.equal(
    href,
    // The sample is an index: the download names the platform shown (the first).
    `/api/download?${new URLSearchParams({ ref: sampleRef, platform: 'linux/amd64', path: '/etc/os-release' }).toString()}`,
  )

  // Back returns to the tree without the viewer.
  await page.goBack()
  await page.getByTestId('file-viewer').waitFor({ state: 'detached' })
  await row(page, 'etc/os-release').waitFor()
  assert.equal(new URL(page.url()).searchParams.get('path'), null)

  // A deep link opens the file directly, its directory expanded and the row selected.
  await page.goto(`${web.url}${filesUrl(sampleRef, { path: '/usr/bin/greet' })}`)
  assert.equal(await viewerText(page), sampleContent('usr/bin/greet'))
  assert.equal(await page.getByTestId('file-text').getAttribute('data-language'), 'shell')
  assert.ok((await page.locator('[data-testid="file-text"] .tok-comment').count()) >= 1)
  assert.equal(await row(page, 'usr/bin/greet').getAttribute('aria-selected'), 'true')

  // A symlink is followed inside the image.
  await page.goto(`${web.url}${filesUrl(sampleRef, { path: '/usr/bin/hello' })}`)
  await page.getByTestId('file-resolved').waitFor()
  assert.equal((await page.getByTestId('file-resolved').textContent())?.trim(), '→ /usr/bin/greet')
  assert.equal(await viewerText(page), sampleContent('usr/bin/greet'))
  assert.match((await row(page, 'usr/bin/hello').textContent()) ?? '', /symlink → greet/)
  assert.deepEqual(pageErrors, [])
  await page.close()
})

test('an index: the platform select switches the layers and the tree', async () => {
  const { page, pageErrors } = await openPage('&view=files')
  const select = page.getByTestId('files-platform')
  await select.waitFor()
  assert.equal(await select.inputValue(), 'linux/amd64')
  assert.deepEqual(await select.locator('option').allTextContents(), [
    'linux/amd64',
    'linux/arm64/v8',
  ])
  const layerDigest = (position: number) =>
    page
      .locator(`[data-testid="layer-item"][data-position="${position}"]`)
      .getAttribute('data-digest')
  await page.locator('[data-testid="layer-item"][data-position="2"] a').click()
  await page.waitForURL(/layer=2/)
  await row(page, 'usr').waitFor({ timeout: 120_000 })
  await expand(page, 'usr', 'usr/lib')
  await expand(page, 'usr/lib', 'usr/lib/strata')
  await expand(page, 'usr/lib/strata', 'usr/lib/strata/libsample-amd64.so')
  const amdBase = await layerDigest(1)
  const amdBuild = await layerDigest(2)

  // Layer 2 is built per platform; the base layer is shared. The open directories stay open.
  await select.selectOption('linux/arm64/v8')
  await page.waitForURL((url) => url.searchParams.get('platform') === 'linux/arm64/v8')
  assert.equal(new URL(page.url()).searchParams.get('layer'), '2')
  await row(page, 'usr/lib/strata/libsample-arm64.so').waitFor({ timeout: 120_000 })
  assert.equal(await row(page, 'usr/lib/strata/libsample-amd64.so').count(), 0)
  assert.equal(await layerDigest(1), amdBase)
  assert.notEqual(await layerDigest(2), amdBuild)
  await row(page, 'usr/lib/strata/build.txt').locator('.file-name').click()
  assert.equal(await viewerText(page), 'architecture=arm64\ncompiler=sample-cc 1.0\n')
  const href = (await page.getByTestId('file-download').getAttribute('href')) ?? ''
  assert.equal(new URLSearchParams(href.split('?')[1]).get('platform'), 'linux/arm64/v8')
  assert.deepEqual(pageErrors, [])
  await page.close()
})

test('a change filter lists every path the layer changed, however deep', async () => {
  const { page, pageErrors } = await openPage('&view=files&layer=3')
  await row(page, 'etc').waitFor({ timeout: 120_000 })
  for (const kind of ['added', 'deleted', 'opaque'])
    await page.getByTestId(`filter-${kind}`).check()
  await page.getByTestId('file-changes').waitFor()
  assert.equal(
    (await page.getByTestId('file-changes-title').textContent())?.trim(),
    'Changes in layer 3',
  )
  // var and var/cache did not change: the tree could not reach what changed below them.
  await row(page, 'var/cache/pkg/.keep').waitFor()
  assert.deepEqual(await rowPaths(page), ['etc/motd', 'var/cache/pkg', 'var/cache/pkg/.keep'])
  assert.equal(
    (await row(page, 'var/cache/pkg/.keep').locator('.file-name').textContent())?.trim(),
    '/var/cache/pkg/.keep',
  )
  assert.equal(await row(page, 'etc/motd').getAttribute('data-change'), 'deleted')
  await row(page, 'var/cache/pkg/.keep').locator('.file-name').click()
  await page.getByTestId('file-empty').waitFor()
  assert.equal(new URL(page.url()).searchParams.get('path'), '/var/cache/pkg/.keep')

  // Only deletions; then no filter: the tree again.
  await page.getByTestId('filter-added').uncheck()
  await page.getByTestId('filter-opaque').uncheck()
  await row(page, 'var/cache/pkg').waitFor({ state: 'detached' })
  await row(page, 'etc/motd').waitFor()
  assert.deepEqual(await rowPaths(page), ['etc/motd'])
  await page.getByTestId('filter-deleted').uncheck()
  await page.getByTestId('file-tree').waitFor()
  await row(page, 'var/cache/pkg/.keep').waitFor()
  assert.equal(await row(page, 'var/cache/pkg/.keep').getAttribute('aria-level'), '4')
  assert.deepEqual(pageErrors, [])
  await page.close()
})

test('search by glob opens the file; efficiency and cache panels answer', async () => {
  const { page, pageErrors } = await openPage('&view=files')
  await row(page, 'etc').waitFor({ timeout: 120_000 })
  await page.getByTestId('files-search-input').fill('*.so')
  await page.getByTestId('files-search-input').press('Enter')
  const result = page.locator(
    '[data-testid="search-result"][data-path="usr/lib/strata/libsample-amd64.so"]',
  )
  await result.waitFor()
  await result.click()
  await page.waitForURL(/path=%2Fusr%2Flib%2Fstrata%2Flibsample-amd64\.so/)
  assert.equal(await viewerText(page), 'pretend shared object for amd64\n')

  await page.locator('[data-testid="efficiency-panel"] summary').click()
  await page.getByTestId('efficiency-score').waitFor()
  // A percentage as the language writes it ("25.3%" in English).
  assert.match((await page.getByTestId('efficiency-score').textContent()) ?? '', /\d+(\.\d)?\s?%/)
  assert.match((await page.getByTestId('efficiency-panel').textContent()) ?? '', /etc\/motd/)

  const cache = page.getByTestId('cache-info')
  await page.locator('[data-testid="cache-info"]', { hasText: /of \d/ }).waitFor()
  await page.getByTestId('cache-clear').click()
  await page.locator('[data-testid="cache-info"]', { hasText: /cache: 0 B of/ }).waitFor()
  assert.match((await cache.textContent()) ?? '', /0 B of 2 GiB/)
  assert.deepEqual(pageErrors, [])
  await page.close()
})

test('a modified file, hex for binary, an image, paged text, a hard link', async () => {
  const { page, pageErrors } = await openPage(filesUrl(filesRef, { layer: '2' }))
  await row(page, 'etc').waitFor({ timeout: 120_000 })
  await expand(page, 'etc', 'etc/app.ini')
  assert.equal(await row(page, 'etc/app.ini').getAttribute('data-change'), 'modified')
  await expand(page, 'data', 'data/pixel.png')
  assert.equal(await row(page, 'data/pixel.png').getAttribute('data-change'), 'added')
  assert.equal(await row(page, 'data/blob.bin').getAttribute('data-change'), '')
  assert.match(
    (await row(page, 'data/blob-link').textContent()) ?? '',
    /hardlink → \/data\/blob\.bin/,
  )

  // Largest first; then only what layer 2 modified (the filter goes to files:list).
  await page.getByTestId('files-sort').selectOption('size')
  await page.locator('[data-testid="file-row"][data-path="data/big.txt"]').waitFor()
  let paths = await rowPaths(page)
  assert.equal(paths[paths.indexOf('data') + 1], 'data/big.txt')
  await page.getByTestId('files-sort').selectOption('name')
  await page.getByTestId('filter-modified').check()
  await row(page, 'data/pixel.png').waitFor({ state: 'detached' })
  await row(page, 'etc/app.ini').waitFor()
  await row(page, 'data').waitFor()
  paths = await rowPaths(page)
  assert.deepEqual(paths, ['data', 'etc', 'etc/app.ini'])
  await page.getByTestId('filter-modified').uncheck()
  await row(page, 'data/pixel.png').waitFor()

  await row(page, 'etc/app.ini').locator('.file-name').click()
  assert.equal(await viewerText(page), '# tuned\n[server]\nport = 8080\n')
  assert.ok((await page.locator('[data-testid="file-text"] .tok-key').count()) >= 1)

  await row(page, 'data/blob.bin').locator('.file-name').click()
  const hex = page.getByTestId('file-hex')
  await hex.waitFor()
  const firstLine = (await hex.locator('.hex-line').first().textContent()) ?? ''
  assert.match(firstLine, /^00000000/)
  assert.match(firstLine, /00 01 02 03 04 05 06 07 {2}08 09 0a 0b 0c 0d 0e 0f/)
  // Windowed by line: scrolled to its end, the dump's last line is the file's last 16 bytes.
  await page.evaluate(
    `document.querySelector('[data-testid="file-viewer"] .code-scroll').scrollTop = 1e6`,
  )
  const lastOffset = (BINARY.length - 16).toString(16).padStart(8, '0')
  await hex
    .locator('.hex-line')
    .filter({ hasText: new RegExp(`^${lastOffset}`) })
    .waitFor()
  assert.equal(
    await hex.locator('.hex-line').last().locator('.hex-offset').textContent(),
    lastOffset,
  )

  await row(page, 'data/pixel.png').locator('.file-name').click()
  const image = page.getByTestId('file-image')
  await image.waitFor()
  await page.waitForFunction(
    `(() => {
      const img = document.querySelector('[data-testid="file-image"]')
      return img !== null && img.complete && img.naturalWidth === 2
    })()`,
  )
  assert.equal(await image.getAttribute('data-mime'), 'image/png')

  await row(page, 'data/big.txt').locator('.file-name').click()
  await page.getByTestId('file-text').waitFor()
  const shown = page.getByTestId('file-shown')
  assert.match((await shown.textContent()) ?? '', /showing the first 128 KiB of/)
  await page.getByTestId('file-load-more').click()
  await page.locator('[data-testid="file-shown"]', { hasText: /256 KiB/ }).waitFor()
  await page.getByTestId('file-load-more').click()
  await page.locator('[data-testid="file-shown"]', { hasText: /6,000 lines/ }).waitFor()
  // Windowed: far fewer line elements than lines.
  assert.ok((await page.locator('[data-testid="file-text"] .code-line').count()) < 300)

  // The hard link opens its target's bytes.
  await row(page, 'data/blob-link').locator('.file-name').click()
  await page.getByTestId('file-hex').waitFor()
  const dirHref = await page.getByTestId('dir-download').getAttribute('href')
  assert.equal(
    dirHref,
    `/api/download?${new URLSearchParams({ ref: filesRef, layer: '2', path: '/' }).toString()}`,
  )

  // `layer=` also takes a layer digest.
  const digest = await page
    .locator('[data-testid="layer-item"][data-position="2"]')
    .getAttribute('data-digest')
  assert.ok(digest)
  await page.goto(`${web.url}${filesUrl(filesRef, { layer: digest, path: '/data/blob-link' })}`)
  await page.locator('[data-testid="layer-item"][data-position="2"][aria-current="true"]').waitFor()

  await page.getByTestId('file-hex').waitFor()
  assert.equal(await row(page, 'data/blob-link').getAttribute('aria-selected'), 'true')
  assert.deepEqual(pageErrors, [])
  await page.close()
})

/** Clicks a Download link as a user does and returns what the browser saved. */
async function clickToSave(page: Page, link: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [saved] = await Promise.all([page.waitForEvent('download'), link.click()])
  return { name: saved.suggestedFilename(), bytes: await readFile(await saved.path()) }
}

test('Download gives the file’s bytes; a directory downloads as a tar', async () => {
  const { page, pageErrors } = await openPage(filesUrl(filesRef, { path: '/data/blob.bin' }))
  const link = page.getByTestId('file-download')
  await link.waitFor()
  const href = await link.getAttribute('href')
  assert.equal(
    href,
    `/api/download?${new URLSearchParams({ ref: filesRef, path: '/data/blob.bin' }).toString()}`,
  )
  assert.equal(await link.getAttribute('download'), 'blob.bin')
  const file = await clickToSave(page, link)
  assert.equal(file.name, 'blob.bin')
  assert.deepEqual([...file.bytes], [...BINARY])

  // The directory of the open path: /data as a tar holding the same bytes.
  await page.goto(`${web.url}${filesUrl(filesRef, { path: '/data' })}`)
  await row(page, 'data/blob.bin').waitFor()
  const dirLink = page.getByTestId('dir-download')
  await dirLink.filter({ hasText: '/data' }).waitFor()
  const dirHref = await dirLink.getAttribute('href')
  assert.equal(
    dirHref,
    `/api/download?${new URLSearchParams({ ref: filesRef, path: '/data' }).toString()}`,
  )
  const tar = await clickToSave(page, dirLink)
  assert.equal(tar.name, 'data.tar')
  assert.equal(tar.bytes.subarray(257, 262).toString('ascii'), 'ustar')
  assert.ok(tar.bytes.includes(Buffer.from(BINARY)), 'the tar holds blob.bin')
  assert.ok(tar.bytes.includes(Buffer.from('pixel.png')), 'and the other files of /data')
  assert.deepEqual(pageErrors, [])
  await page.close()
})

test('a layer whose blob does not match its digest shows its error; the view stays usable', async () => {
  const { page, pageErrors } = await openPage(filesUrl(brokenRef))
  const broken = page.locator('[data-testid="layer-item"][data-position="2"]')
  const error = broken.getByTestId('error-panel')
  await error.waitFor({ timeout: 30_000 })
  assert.equal(await error.getAttribute('data-code'), 'DIGEST_MISMATCH')
  const good = page.locator('[data-testid="layer-item"][data-position="1"]')
  await good.getByText(/entries/).waitFor()
  assert.equal(await good.getByTestId('error-panel').count(), 0)
  assert.ok(await page.getByTestId('tab-graph').isVisible(), 'the view and its tabs are there')
  assert.ok((await page.getByTestId('error-panel').count()) >= 1)
  assert.deepEqual(pageErrors, [])
  await page.close()
})

test('indexing shows progress with a working Cancel; Retry indexes again', async () => {
  const { page, pageErrors } = await openPage(filesUrl(slowManyRef))
  const progress = page.getByTestId('index-progress')
  await progress.waitFor({ timeout: 60_000 })
  assert.match((await progress.textContent()) ?? '', /indexing layer 1/)
  assert.match((await progress.textContent()) ?? '', /of \d/)
  await page.getByTestId('index-cancel').click()
  const cancelled = page.locator('[data-testid="error-panel"][data-code="CANCELLED"]').first()
  await cancelled.waitFor({ timeout: 30_000 })
  await progress.waitFor({ state: 'detached' })
  assert.equal(await row(page, 'many').count(), 0)

  await page
    .locator('.files-split [data-testid="error-panel"] button', { hasText: /retry/i })
    .click()
  await row(page, 'many').waitFor({ timeout: 120_000 })
  await expand(page, 'many', 'many/f000000')
  // Windowed: a directory of 200,000 entries puts only the visible rows in the DOM.
  assert.ok((await page.getByTestId('file-row').count()) < 200)
  assert.deepEqual(pageErrors, [])
  await page.close()
})
