// End to end in Chromium against web mode, no registry and no daemon: the bundled
// containers-storage sample (Podman's overlay layout, read without mounting) is the machine's
// default store (CONTAINERS_STORAGE_CONF), so its container shows in the sidebar with its image,
// and opens on click: the graph has the container as a node with an "image" edge to the image's
// manifest (its details panel says name, ID, image, sizes), and the image's layers plus the
// container's writable layer, said to be a live layer; the Files view shows
// that layer on top, with its entries marked as added or changed. Expectations come from
// Strata's reader run in this process.

import assert from 'node:assert/strict'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { test } from 'node:test'
import type { ContainerSource } from '../../../electron/stores/containers/containerSource'
import { openLocalSource } from '../../../electron/stores/openLocalSource'
import { pickImage } from '../../../electron/sources/openImage'
import { useE2eSession } from '../../harness/e2eSession'
import { containerLayers, topLayerChanges } from '../../harness/containerLayers'

const SAMPLE = path.resolve('assets/samples/containers-storage')
const CONTAINER = 'sample-container'
const REF = `container:containers-storage:${CONTAINER}`

const session = useE2eSession({
  name: 'e2e-container-view',
  prepare: async ({ workDir }) => {
    await writeFile(
      path.join(workDir, 'storage.conf'),
      [
        '[storage]',
        'driver = "overlay"',
        `graphroot = "${SAMPLE}/storage"`,
        `runroot = "${SAMPLE}/run"`,
      ].join('\n'),
    )
  },
  webEnv: ({ workDir }) => ({
    CONTAINERS_STORAGE_CONF: path.join(workDir, 'storage.conf'),
    DOCKER_HOST: `unix://${path.join(workDir, 'no-docker.sock')}`,
    CONTAINERD_ADDRESS: path.join(workDir, 'no-containerd.sock'),
  }),
})

test('a container of the sample store: sidebar row, graph with its live layer, files on top', async () => {
  const conf = path.join(session().workDir, 'storage.conf')
  const env = { ...process.env, CONTAINERS_STORAGE_CONF: conf }
  const source = (await openLocalSource(
    { transport: 'container', store: 'containers-storage', container: CONTAINER },
    { env },
  )) as ContainerSource
  const layerCount = (await pickImage(source)).layers.length
  const expected = topLayerChanges(await containerLayers(source))
  assert.ok(expected.length > 0, 'the sample container changed something')

  const { page, pageErrors } = await session().open('lang=en', { width: 1280, height: 800 })
  const row = page.locator(`[data-testid="local-container"][data-ref="${REF}"]`)
  await row.waitFor({ timeout: 60_000 })
  assert.match(
    (await row.textContent()) ?? '',
    new RegExp(`${CONTAINER}.*localhost/strata/sample:1\\.0`),
  )
  assert.match(
    (await row.locator('[data-testid="local-container-size"]').textContent()) ?? '',
    /^writable layer \d/,
  )

  await row.locator('button').click()
  const live = page.locator(
    `[data-testid="graph-node"][data-kind="layer"][data-digest="${source.liveLayer.digest}"]`,
  )
  await live.waitFor({ timeout: 60_000 })
  assert.equal(
    await page.locator('[data-testid="graph-node"][data-kind="layer"]').count(),
    layerCount,
  )
  // The container is a node of the graph, on top of its image: an "image" edge to the manifest.
  const containerId = `container:${source.container.id}`
  const node = page.locator(`[data-testid="graph-node"][data-kind="container"]`)
  assert.equal(await node.count(), 1, 'one container node')
  assert.equal(await node.getAttribute('data-digest'), containerId)
  assert.match((await node.textContent()) ?? '', new RegExp(CONTAINER))
  const manifest = await page
    .locator('[data-testid="graph-node"][data-role="root"]')
    .getAttribute('data-digest')
  assert.equal(manifest, (await source.resolve()).digest, 'the root is the image manifest')
  const edge = page.locator('.graph-edge.rel-image')
  assert.equal(await edge.count(), 1)
  assert.equal(await edge.getAttribute('data-from'), containerId)
  assert.equal(await edge.getAttribute('data-to'), manifest)
  assert.equal(await page.locator('[data-testid="graph-container"]').count(), 0, 'no card above')
  assert.ok(await page.locator('.legend-item.kind-container').isVisible(), 'legend colour')

  // Selecting it opens the details: name, ID, image, writable-layer and virtual sizes, live layer.
  await node.click()
  const details = page.locator('[data-testid="container-details"]')
  await details.waitFor()
  assert.equal(await details.getAttribute('data-id'), source.container.id)
  assert.equal(await details.locator('[data-testid="container-name"]').textContent(), CONTAINER)
  assert.equal(
    await details.locator('[data-testid="container-image"]').textContent(),
    'localhost/strata/sample:1.0',
  )
  assert.match((await details.textContent()) ?? '', new RegExp(source.container.id))
  if (source.container.state !== undefined)
    assert.equal(
      await details.locator('[data-testid="container-state"]').textContent(),
      source.container.state,
    )
  if (source.container.sizeRw !== undefined)
    assert.match(
      (await details.locator('[data-testid="container-size"]').textContent()) ?? '',
      /\d/,
    )
  assert.match(
    (await details.locator('[data-testid="container-live"]').textContent()) ?? '',
    /live layer, not content-addressed/,
  )
  assert.equal(new URL(page.url()).searchParams.get('node'), containerId)

  // At a projector's 1024×700, Fit (details open) still shows every node, the container too.
  await page.setViewportSize({ width: 1024, height: 700 })
  await page.getByRole('button', { name: 'Fit', exact: true }).click()
  const stage = await page.locator('.graph-stage').boundingBox()
  assert.ok(stage)
  for (const card of await page.locator('[data-testid="graph-node"] rect.node-card').all()) {
    const b = await card.boundingBox()
    const where = `${JSON.stringify(b)} in ${JSON.stringify(stage)}`
    assert.ok(b && b.x >= stage.x - 1 && b.y >= stage.y - 1, where)
    assert.ok(b.x + b.width <= stage.x + stage.width + 1, where)
    assert.ok(b.y + b.height <= stage.y + stage.height + 1, where)
  }
  assert.match(
    (await page.locator('.graph-warnings [data-warning="liveLayer"]').textContent()) ?? '',
    /writable layer: it is live, not content-addressed/,
  )

  await page.goto(
    `${session().web.url}&lang=en&view=files&ref=${encodeURIComponent(REF)}&layer=${layerCount}`,
  )
  const top = page.locator(`[data-testid="layer-item"][data-layer="${layerCount}"]`)
  await top.waitFor({ timeout: 120_000 })
  assert.equal(await top.getAttribute('data-digest'), source.liveLayer.digest)
  // The writable layer's own top-level entries, marked as the change each is.
  const changeOf = { A: 'added', C: 'modified', D: 'deleted' } as const
  for (const line of expected.filter((l) => l.split('/').length === 2)) {
    const [letter, at] = line.split(' /') as [keyof typeof changeOf, string]
    const entry = page.locator(`[data-testid="file-row"][data-path="${at}"]`)
    await entry.waitFor({ timeout: 120_000 })
    assert.equal(await entry.getAttribute('data-change'), changeOf[letter], line)
  }
  assert.deepEqual(pageErrors, [])
})
