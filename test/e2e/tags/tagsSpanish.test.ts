// End to end in Debian's Chromium against web mode, no registry: an OCI layout whose index
// names three tags (two images sharing a base layer), read with ?lang=es at 1024×700. The
// tags view shows Spanish headers, legend and sort choices, sizes with a decimal comma and
// Spanish dates; rows carry data-tag and data-digest; the sharing view of the two images says
// what is stored once and what sharing saves in Spanish, and the history view of the layout
// has Spanish title and controls. No text on any of these pages is an English
// catalogue value (of the tags, sharing, history and stores namespaces) that reads otherwise
// in Spanish.

import assert from 'node:assert/strict'
import { join } from 'node:path'
import { test } from 'node:test'
import type { Page } from 'playwright-core'
import { history as esHistory } from '../../../renderer/i18n/es/history'
import { sharing as esSharing } from '../../../renderer/i18n/es/sharing'
import { tags as esTags } from '../../../renderer/i18n/es/tags'
import { useE2eSession } from '../../harness/e2eSession'
import { untranslatedTexts } from '../../harness/untranslatedText'
import { OciLayoutBuilder } from '../../harness/ociBuilder'

const SIZE = { width: 1024, height: 700 }
let layout: string

const session = useE2eSession({
  name: 'e2e-tags-spanish',
  prepare: async ({ workDir }) => {
    layout = join(workDir, 'layout')
    const builder = new OciLayoutBuilder(layout)
    // Uncompressed, so the sizes are a few KiB with a fraction ("6,2 KiB").
    const base = builder.addLayer(
      [{ type: 'file', path: 'base.txt', content: 'base line\n'.repeat(300) }],
      { compression: 'none' },
    )
    for (const [tag, created] of [
      ['v1', '2025-01-15T10:00:00Z'],
      ['v2', '2025-08-20T10:00:00Z'],
    ] as const) {
      const app = builder.addLayer(
        [{ type: 'file', path: `${tag}.txt`, content: `${tag}\n`.repeat(200) }],
        { compression: 'none' },
      )
      const config = builder.addConfig({
        created,
        architecture: 'amd64',
        os: 'linux',
        rootfs: { type: 'layers', diff_ids: [base.diffId, app.diffId] },
      })
      const manifest = builder.addManifest({ config, layers: [base, app] })
      builder.tag(tag, manifest)
      if (tag === 'v2') builder.tag('latest', manifest)
    }
    await builder.write()
  },
})

async function assertNoEnglish(page: Page, where: string): Promise<void> {
  const leftovers = await untranslatedTexts(page)
  assert.deepEqual(leftovers, [], `${where}: English catalogue text on a Spanish page`)
}

test('tags, sharing and history of a layout in Spanish: headers, sentences, decimal commas, no English', async () => {
  const opened = await session().open(
    `lang=es&view=graph&ref=${encodeURIComponent(`oci:${layout}:v1`)}`,
    SIZE,
  )
  const { page, pageErrors } = opened
  await page.getByTestId('tab-tags').click()
  const header = page.getByTestId('tags-header')
  await header.waitFor({ timeout: 60_000 })
  assert.equal(new URL(page.url()).searchParams.get('lang'), 'es', 'the language stays in the URL')
  assert.deepEqual(
    (await header.locator('[data-column]').allTextContents()).map((t) => t.trim()),
    ['Etiqueta', 'Digest', 'Tipo', 'Imagen creada', 'Tamaño', 'Plataformas', '≡', 'Acciones'],
  )
  assert.match((await page.locator('#tags-title').textContent()) ?? '', /^Etiquetas /)
  assert.equal(
    await page.getByTestId('tags-legend').textContent(),
    esTags.legend.shared,
    'the legend is the Spanish one',
  )
  assert.deepEqual(
    (await page.getByTestId('tags-sort').locator('option').allTextContents()).slice(0, 2),
    [esTags.sortOrder.natural, esTags.sortOrder.naturalDesc],
  )

  // Every row resolves: a digest attribute, a Spanish date and a size with a decimal comma.
  const v1 = page.locator('[data-testid="tag-item"][data-tag="v1"]')
  await page.locator('[data-testid="tag-item"][data-digest]').nth(2).waitFor({ timeout: 60_000 })
  assert.match((await v1.getAttribute('data-digest')) ?? '', /^sha256:[0-9a-f]{64}$/)
  assert.equal((await v1.locator('.kind-label').textContent())?.trim(), 'manifiesto de imagen OCI')
  const created = v1.getByTestId('tag-created')
  assert.equal((await created.textContent())?.trim(), '15 ene 2025')
  assert.match((await created.getAttribute('title')) ?? '', /^Imagen creada el 15 ene 2025/)
  const sizes = (await page.locator('[data-testid="tag-item"] .tag-size').allTextContents()).map(
    (t) => t.trim(),
  )
  assert.equal(sizes.length, 3)
  for (const size of sizes) assert.match(size, /^\d,\d KiB$/, `a size with a decimal comma`)
  // latest and v2 are one image: the shared marker says so in Spanish.
  const marker = page.locator(
    '[data-testid="tag-item"][data-tag="latest"] [data-testid="tag-shared-marker"]',
  )
  assert.equal(await marker.getAttribute('title'), 'La misma imagen que v2')
  await assertNoEnglish(page, 'tags view')

  // The sharing view of the two images, same tab.
  await page.goto(
    `${session().web.url}&lang=es&view=sharing&ref=${encodeURIComponent(
      `oci:${layout}:v1`,
    )}&with=${encodeURIComponent(`oci:${layout}:v2`)}`,
  )
  const total = page.getByTestId('sharing-total')
  await total.waitFor({ timeout: 60_000 })
  const totals = (await total.textContent()) ?? ''
  assert.match(
    totals,
    /^Guardadas una sola vez ocupan \d+(,\d)? KiB, frente a \d+(,\d)? KiB si no se compartiera nada: compartir capas supone un ahorro de \d+(,\d)? KiB \(\d+\s%\)\.$/,
  )
  assert.match(totals, /\d,\d KiB/, 'a size under 10 KiB has a decimal comma')
  assert.doesNotMatch(totals, /\d\.\d/, 'no decimal point')
  assert.equal(await page.locator('#sharing-title').textContent(), esSharing.view.title)
  assert.equal(await page.locator('.sharing-images h3').textContent(), 'Imágenes (2)')
  assert.equal(await page.locator('.sharing-layers h3').textContent(), 'Capas (3)')
  assert.equal(await page.getByTestId('sharing-hover').textContent(), esSharing.matrix.hint)
  // The shared base layer: used by both images, its cell sentence in Spanish.
  const cell = page.locator('[data-testid="sharing-cell"][data-i="0"][data-j="1"]')
  assert.match(
    (await cell.getAttribute('title')) ?? '',
    /^.+ y .+ comparten 1 capa, \d+,\d KiB \(el \d+\s% de .+\)\.$/,
  )
  assert.equal(await page.locator('[data-testid="sharing-image"][data-digest]').count(), 2)
  await assertNoEnglish(page, 'sharing view')

  // The history view of the layout: its title, controls and journal in Spanish too.
  await page.goto(
    `${session().web.url}&lang=es&view=history&ref=${encodeURIComponent(`oci:${layout}`)}`,
  )
  const record = page.getByTestId('history-record')
  await record.waitFor({ timeout: 60_000 })
  assert.equal((await record.textContent())?.trim(), esHistory.controls.record)
  assert.match(
    (await page.locator('#history-title').textContent()) ?? '',
    /^Historial de etiquetas/,
  )
  await page
    .locator('[data-testid="history-empty"], [data-testid="history-lane"]')
    .first()
    .waitFor({ timeout: 60_000 })
  await assertNoEnglish(page, 'history view')
  assert.deepEqual(pageErrors, [])
  await page.close()
})
