// End to end, as a user: Debian's Chromium against Strata's web mode, opening local image stores
// made by the real tools (skopeo into OCI layout, oci-archive, docker-archive, dir, and podman's
// overlay containers-storage found through CONTAINERS_STORAGE_CONF).

import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { stores as esStores } from '../../../renderer/i18n/es/stores'
import { launchChromium, openPageAt, type OpenedPage } from '../../harness/browser'
import { buildLocalStores, type LocalStores } from '../../harness/localStores'
import { startWebMode, type RunningWebMode } from '../../harness/webMode'

let stores: LocalStores
let web: RunningWebMode
let browser: Browser

before(async () => {
  stores = await buildLocalStores()
  web = await startWebMode({
    env: {
      CONTAINERS_STORAGE_CONF: stores.storageConf,
      // No Docker daemon of this machine may show up in the sidebar.
      DOCKER_HOST: 'unix:///nonexistent/docker.sock',
    },
  })
  browser = await launchChromium()
})

after(async () => {
  await browser?.close()
  await web?.stop()
  await stores?.cleanup()
})

function openPage(query = ''): Promise<OpenedPage> {
  return openPageAt(browser, `${web.url}${query}`)
}

/**
 * Drag events as the browser sends them for a drop from outside the page. A script string: the
 * test build has no DOM types, the page does.
 */
function dropScript(types: readonly string[], fillTransfer: string): string {
  return `(() => {
    const transfer = new DataTransfer()
    ${fillTransfer}
    for (const type of ${JSON.stringify(types)}) {
      const init = { dataTransfer: transfer, bubbles: true, cancelable: true }
      document.body.dispatchEvent(new DragEvent(type, init))
    }
  })()`
}

function graphNode(page: Page, kind: string, digest: string) {
  return page.locator(`[data-testid="graph-node"][data-kind="${kind}"][data-digest="${digest}"]`)
}

test('the sidebar lists the podman store and its images; an image opens its graph', async () => {
  const { page, pageErrors } = await openPage()
  const store = page.locator(
    `[data-testid="local-store"][data-kind="containers-storage"][data-location="${stores.overlay.graphRoot}"]`,
  )
  await store.waitFor()
  assert.match((await store.textContent()) ?? '', /overlay/)
  const { v1, v2 } = stores.images
  assert.equal(await store.getByTestId('local-image').count(), 2, 'v1 (with v1-docker) and v2')
  const image = store.locator(
    `[data-testid="local-image"][data-ref="containers-storage:${v2.name}"]`,
  )
  assert.match((await image.textContent()) ?? '', new RegExp(v2.configDigest.slice(7, 19)))
  await image.getByRole('button').click()

  await graphNode(page, 'config', v2.configDigest).waitFor()
  // Storage keeps layers unpacked, so they are served (and named) by their diff digests, and
  // the manifest that names them is a rewrite: the graph says which stored manifest it stands
  // for, and that is the harness's.
  for (const diffId of v2.diffIds) assert.equal(await graphNode(page, 'layer', diffId).count(), 1)
  const root = page.locator('[data-testid="graph-node"][data-role="root"]')
  assert.equal(await root.getAttribute('data-kind'), 'manifest')
  const rewritten = page.locator('.graph-warnings [data-warning="uncompressedLayers"]')
  assert.match((await rewritten.textContent()) ?? '', new RegExp(v2.manifestDigest))
  // The warning is a code the page words: in Spanish on the Spanish page, digest and all.
  const inLanguage = (lang: string) => {
    const url = new URL(page.url())
    url.searchParams.set('lang', lang)
    return url.toString()
  }
  await page.goto(inLanguage('es'))
  assert.match(
    (await rewritten.textContent()) ?? '',
    new RegExp(`el almacenamiento no guarda capas comprimidas.*${v2.manifestDigest}`),
  )
  await page.goto(inLanguage('en'))
  await rewritten.waitFor()
  assert.match(decodeURIComponent(page.url()), new RegExp(`ref=containers-storage:${v2.name}`))

  // The image that carries two names lists the other one too.
  const both = store.locator('[data-testid="local-image"]', {
    hasText: v1.configDigest.slice(7, 19),
  })
  assert.match((await both.textContent()) ?? '', /\+1 more name/)
  assert.deepEqual(pageErrors, [])
  await page.close()
})

test('the path field opens an OCI layout, an oci-archive, a docker-archive and a dir', async () => {
  const { page, pageErrors } = await openPage()
  const { v1 } = stores.images
  const cases = [
    { path: stores.ociLayout, ref: `oci:${stores.ociLayout}`, root: 'index' },
    { path: stores.ociArchive, ref: `oci-archive:${stores.ociArchive}`, root: 'manifest' },
    { path: stores.dockerArchive, ref: `docker-archive:${stores.dockerArchive}`, root: 'manifest' },
    { path: stores.dir, ref: `dir:${stores.dir}`, root: 'manifest' },
  ]
  for (const [i, item] of cases.entries()) {
    await page.getByTestId('path-input').fill(item.path)
    if (i % 2 === 0) await page.getByTestId('path-submit').click()
    else await page.getByTestId('path-input').press('Enter')
    await page.waitForURL((url) => url.searchParams.get('ref') === item.ref)
    await graphNode(page, 'config', v1.configDigest).waitFor()
    const root = page.locator('[data-testid="graph-node"][data-role="root"]')
    assert.equal(await root.getAttribute('data-kind'), item.root, item.path)
  }
  // skopeo copies the OCI manifest unchanged into oci-archive and dir; the layout lists it.
  const url = (ref: string): string => `${web.url}&ref=${encodeURIComponent(ref)}&view=graph`
  for (const ref of [cases[0]?.ref, cases[1]?.ref, cases[3]?.ref]) {
    await page.goto(url(ref ?? ''))
    await graphNode(page, 'manifest', v1.manifestDigest).waitFor()
  }

  // Every one of them is now in "Recently opened", newest first.
  const recent = page.getByTestId('recent-ref')
  await recent.first().waitFor()
  const refs = await Promise.all((await recent.all()).map((item) => item.getAttribute('data-ref')))
  for (const item of cases) assert.ok(refs.includes(item.ref), `${item.ref} is recent`)
  assert.equal(refs[0], cases[3]?.ref)
  await recent.filter({ hasText: 'app.oci.tar' }).click()
  await page.waitForURL((u) => u.searchParams.get('ref') === cases[1]?.ref)
  assert.deepEqual(pageErrors, [])
  await page.close()
})

test('a bad path says what is wrong, right under the field', async () => {
  const { page, pageErrors } = await openPage()
  const error = page.getByTestId('path-error')
  const missing = `${stores.root}/no-such-image.tar`
  await page.getByTestId('path-input').fill(missing)
  await page.getByTestId('path-submit').click()
  await error.waitFor()
  assert.match((await error.textContent()) ?? '', new RegExp(missing.replaceAll('/', '\\/')))

  await page.getByTestId('path-input').fill(stores.root)
  await page.getByTestId('path-submit').click()
  await page.getByText(/neither an OCI image layout/).waitFor()
  assert.equal(await error.getAttribute('data-code'), 'BAD_INPUT')

  await page.getByTestId('path-input').fill('images/app.tar')
  await page.getByTestId('path-submit').click()
  await page.getByText(/starting with \//).waitFor()
  assert.equal(await page.getByTestId('path-input').getAttribute('aria-invalid'), 'true')
  assert.equal(new URL(page.url()).searchParams.get('ref'), null, 'nothing was opened')
  assert.ok((await page.getByTestId('graph-node').count()) > 0, 'the sample graph is still there')
  assert.deepEqual(pageErrors, [])
  await page.close()

  // In Spanish the refusal is worded from its code, naming the folder; so is a store's tooltip.
  const spanish = await openPage('&lang=es')
  await spanish.page.getByTestId('path-input').fill(stores.root)
  await spanish.page.getByTestId('path-submit').click()
  const spanishError = spanish.page.getByTestId('path-error')
  await spanishError.waitFor()
  assert.equal(
    (await spanishError.textContent())?.trim(),
    esStores.probe.notImageDirectory.replace('{{path}}', stores.root),
  )
  const toggle = spanish.page.locator(
    `[data-testid="local-store"][data-location="${stores.overlay.graphRoot}"] .local-store-toggle`,
  )
  assert.match(
    (await toggle.getAttribute('title')) ?? '',
    new RegExp(
      `^${esStores.kind.containersStorage} \\(overlay.*\\) en ${stores.overlay.graphRoot}$`,
    ),
  )
  assert.deepEqual(spanish.pageErrors, [])
  await spanish.page.close()
})

test('the Open box takes a path too; a drop in web mode explains itself, dropped text opens', async () => {
  const { page, pageErrors } = await openPage()
  await page.getByTestId('open-input').fill(stores.ociArchive)
  await page.getByTestId('open-input').press('Enter')
  await page.waitForURL((url) => url.searchParams.get('ref') === `oci-archive:${stores.ociArchive}`)
  await graphNode(page, 'manifest', stores.images.v1.manifestDigest).waitFor()

  // The browser gives a page no path for a dropped file: the user learns what to do instead.
  await page.evaluate(
    dropScript(['dragenter', 'dragover', 'drop'], `transfer.items.add(new File(['x'], 'app.tar'))`),
  )
  const message = page.getByTestId('drop-message')
  await message.waitFor()
  assert.equal(await message.getAttribute('data-kind'), 'hint')
  assert.match((await message.textContent()) ?? '', /desktop app.*path field/)

  const uri = JSON.stringify(`file://${stores.dir}`)
  await page.evaluate(dropScript(['dragover', 'drop'], `transfer.setData('text/uri-list', ${uri})`))
  await page.waitForURL((url) => url.searchParams.get('ref') === `dir:${stores.dir}`)
  await graphNode(page, 'manifest', stores.images.v1.manifestDigest).waitFor()
  assert.deepEqual(pageErrors, [])
  await page.close()
})

test('the storage view shows images, layers with their diff digests, and links back', async () => {
  const { page, pageErrors } = await openPage()
  const store = page.locator(
    `[data-testid="local-store"][data-location="${stores.overlay.graphRoot}"]`,
  )
  await store.getByRole('link', { name: 'storage view' }).click()
  const view = page.getByTestId('storage-view')
  await view.waitFor()
  assert.match(page.url(), /view=storage/)
  assert.match(
    (await view.textContent()) ?? '',
    new RegExp(stores.storageConf.replaceAll('/', '\\/')),
  )

  for (const tag of ['v1', 'v2'] as const) {
    const expected = stores.images[tag]
    const image = page.locator(
      `[data-testid="storage-image"][data-image-id="${expected.configDigest.slice(7)}"]`,
    )
    await image.waitFor()
    const text = (await image.textContent()) ?? ''
    assert.ok(text.includes(expected.name), `${tag} is listed by name`)
    assert.ok(text.includes(expected.manifestDigest), `${tag} shows its manifest digest`)
    for (const diffId of expected.diffIds) {
      const layer = page.locator(`[data-testid="storage-layer"][data-diff-digest="${diffId}"]`)
      assert.equal(await layer.count(), 1, `${tag} layer ${diffId}`)
      assert.ok(((await layer.textContent()) ?? '').includes(diffId))
    }
  }
  // The shared base layer: one storage layer, its ID equal to its diff ID (a bottom layer's
  // chain ID), used by both images; the layer above has an ID that is no digest of its own.
  const [baseDiff, topDiff] = stores.images.v2.diffIds
  const base = page.locator(`[data-testid="storage-layer"][data-diff-digest="${baseDiff}"]`)
  assert.equal(`sha256:${await base.getAttribute('data-layer-id')}`, baseDiff)
  const baseText = (await base.textContent()) ?? ''
  assert.ok(baseText.includes(stores.images.v2.name) && baseText.includes('app:v1'), baseText)
  const top = page.locator(`[data-testid="storage-layer"][data-diff-digest="${topDiff}"]`)
  assert.notEqual(`sha256:${await top.getAttribute('data-layer-id')}`, topDiff)
  assert.match((await top.textContent()) ?? '', /lower/)
  assert.ok((await page.getByTestId('storage-short-link').count()) >= 3, 'overlay l/ links')

  // The layer chain jumps to the layer; "Open graph" opens the image.
  const v2 = page.locator(
    `[data-testid="storage-image"][data-image-id="${stores.images.v2.configDigest.slice(7)}"]`,
  )
  const topId = (await top.getAttribute('data-layer-id')) ?? ''
  await v2.getByRole('button', { name: topId.slice(0, 12) }).click()
  assert.equal(await page.locator(':focus').getAttribute('data-layer-id'), topId)
  await v2.getByRole('link', { name: 'Open graph' }).click()
  await graphNode(page, 'config', stores.images.v2.configDigest).waitFor()
  assert.deepEqual(pageErrors, [])
  await page.close()
})

test('a storage view of a store that is not there says so', async () => {
  const ref = `containers-storage:[overlay@${stores.root}/nothing-here]x`
  const { page, pageErrors } = await openPage(`&ref=${encodeURIComponent(ref)}&view=storage`)
  const panel = page.locator('[data-testid="storage-view"] [data-testid="error-panel"]')
  await panel.waitFor()
  assert.match((await panel.textContent()) ?? '', /nothing-here/)
  assert.deepEqual(pageErrors, [])
  await page.close()
})
