// End to end in Chromium against web mode, no registry and no daemon: the bundled
// containers-storage sample (Podman's overlay layout, read without mounting) is the machine's
// default store (CONTAINERS_STORAGE_CONF), so its container shows in the sidebar with its image,
// and opens on click: the graph shows the container above its image, and has the image's
// layers plus the container's writable layer, said to be a live layer; the Files view shows
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
  // The container above its image: name, image, writable-layer size.
  const card = page.locator('[data-testid="graph-container"]')
  assert.equal(await card.getAttribute('data-id'), source.container.id)
  assert.match((await card.textContent()) ?? '', /Container sample-container/)
  assert.match((await card.textContent()) ?? '', /on image localhost\/strata\/sample:1\.0/)
  assert.match(
    (await card.locator('[data-testid="graph-container-size"]').textContent()) ?? '',
    /\d/,
  )
  assert.match(
    (await page.locator('.graph-warnings').textContent()) ?? '',
    /writable layer: a live layer, not content-addressed/,
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
