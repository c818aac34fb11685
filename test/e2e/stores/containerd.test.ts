// End to end, as a user: Debian's Chromium against Strata's web mode, with a real containerd
// the harness starts (images imported by `ctr` into two namespaces). The sidebar lists each
// namespace with its images; an image opens its graph; a containerd: reference typed into the
// path field opens too, and one that names nothing says why.

import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, test } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { launchChromium, openPageAt, type OpenedPage } from '../../harness/browser'
import { startContainerd, type RunningContainerd } from '../../harness/containerdServer'
import { buildLocalStores, run, type LocalStores } from '../../harness/localStores'
import { startWebMode, type RunningWebMode } from '../../harness/webMode'

const APP = 'example.com/strata/app'

let stores: LocalStores
let containerd: RunningContainerd
let work: string
let web: RunningWebMode
let browser: Browser

before(async () => {
  stores = await buildLocalStores()
  containerd = await startContainerd()
  work = await mkdtemp(path.join(tmpdir(), 'strata-containerd-e2e-'))
  const v2 = path.join(work, 'v2.oci.tar')
  await run('skopeo', ['copy', '-q', `oci:${stores.ociLayout}:v2`, `oci-archive:${v2}:v2`])
  await containerd.importArchive('default', stores.ociArchive, APP) // v1
  await containerd.importArchive('k8s.io', v2, APP)
  web = await startWebMode({
    env: {
      CONTAINERD_ADDRESS: containerd.socket,
      // No Docker daemon or podman store of this machine may show up in the sidebar.
      DOCKER_HOST: 'unix:///nonexistent/docker.sock',
      CONTAINERS_STORAGE_CONF: stores.storageConf,
    },
  })
  browser = await launchChromium()
})

after(async () => {
  await browser?.close()
  await web?.stop()
  await containerd?.stop()
  await stores?.cleanup()
  if (work) await rm(work, { recursive: true, force: true })
})

function openPage(query = ''): Promise<OpenedPage> {
  return openPageAt(browser, `${web.url}${query}`)
}

function graphNode(page: Page, kind: string, digest: string) {
  return page.locator(`[data-testid="graph-node"][data-kind="${kind}"][data-digest="${digest}"]`)
}

test('the sidebar lists each containerd namespace and its images; an image opens its graph', async () => {
  const { page, pageErrors } = await openPage()
  const namespace = (name: string) =>
    page.locator(
      `[data-testid="local-store"][data-kind="containerd"][data-namespace="${name}"][data-location="${containerd.socket}"]`,
    )
  await namespace('default').waitFor()
  await namespace('k8s.io').waitFor()
  assert.equal(await page.locator('[data-testid="local-store"][data-kind="containerd"]').count(), 2)
  assert.match((await namespace('k8s.io').textContent()) ?? '', /namespace k8s\.io/)

  const { v1, v2 } = stores.images
  const rows = namespace('k8s.io').getByTestId('local-image')
  assert.equal(await rows.count(), 1)
  const ref = `containerd:[k8s.io]${v2.name}`
  assert.equal(await rows.first().getAttribute('data-ref'), ref)
  assert.match((await rows.first().textContent()) ?? '', new RegExp(v2.manifestDigest.slice(7, 19)))
  await rows.first().getByRole('button').click()
  await page.waitForURL((url) => url.searchParams.get('ref') === ref)
  await graphNode(page, 'config', v2.configDigest).waitFor()
  // One layer node per layer the harness built.
  assert.equal(
    await page.locator('[data-testid="graph-node"][data-kind="layer"]').count(),
    v2.diffIds.length,
  )
  const root = page.locator('[data-testid="graph-node"][data-role="root"]')
  assert.equal(await root.getAttribute('data-digest'), v2.manifestDigest)

  const other = namespace('default').locator(`[data-testid="local-image"]`)
  assert.equal(await other.first().getAttribute('data-ref'), `containerd:${v1.name}`)
  assert.deepEqual(pageErrors, [])
  await page.close()
})

test('a containerd: reference typed into the path field opens; a missing one says why', async () => {
  const { page, pageErrors } = await openPage()
  const { v1 } = stores.images
  const ref = `containerd:${v1.name}`
  await page.getByTestId('path-input').fill(ref)
  await page.getByTestId('path-submit').click()
  await page.waitForURL((url) => url.searchParams.get('ref') === ref)
  await graphNode(page, 'config', v1.configDigest).waitFor()

  const missing = `containerd:[k8s.io]${APP}:nope`
  await page.goto(`${web.url}&ref=${encodeURIComponent(missing)}&view=graph`)
  const panel = page.getByTestId('error-panel')
  await panel.waitFor()
  const text = (await panel.textContent()) ?? ''
  assert.match(text, /no image "example\.com\/strata\/app:nope" in namespace k8s\.io/)
  assert.deepEqual(pageErrors, [])
  await page.close()
})
