// End to end in Debian's Chromium against web mode, no registry: the bundled sample read with
// ?lang=es at 1024×700. The files view shows Spanish column headers, layer titles, type words,
// change badges with their explanations, sizes with a decimal comma and Spanish line counts;
// layer choices carry data-layer and rows data-path (what lessons highlight). A compare of the
// sample's two platform images shows its config, layer and file tables in Spanish. No text on
// either page is an English value of the files or compare catalogues that reads otherwise in
// Spanish.

import assert from 'node:assert/strict'
import path from 'node:path'
import { test } from 'node:test'
import type { Page } from 'playwright-core'
import { formatSourceRef } from '../../../shared/sourceRef'
import { useE2eSession } from '../../harness/e2eSession'
import { untranslatedTexts } from '../../harness/untranslatedText'

const SIZE = { width: 1024, height: 700 }
const SAMPLE = path.resolve('assets/sample')
const sampleRef = (tag: string): string =>
  formatSourceRef({ transport: 'oci', path: SAMPLE, reference: tag })

const session = useE2eSession({ name: 'e2e-files-spanish' })

async function assertNoEnglish(page: Page, where: string): Promise<void> {
  const leftovers = await untranslatedTexts(page)
  assert.deepEqual(leftovers, [], `${where}: English catalogue text on a Spanish page`)
}

const texts = async (page: Page, selector: string): Promise<string[]> =>
  (await page.locator(selector).allTextContents()).map((text) => text.trim())

test('files and compare of the bundled sample in Spanish: headers, words, decimal commas, no English', async () => {
  const { page, pageErrors } = await session().open('lang=es&view=files', SIZE)
  const row = (at: string) => page.locator(`[data-testid="file-row"][data-path="${at}"]`)
  // Indexing starts a worker on first use: generous on a busy machine.
  await row('etc').waitFor({ timeout: 120_000 })
  assert.equal(await page.getAttribute('html', 'lang'), 'es')
  assert.deepEqual(await texts(page, '.file-header > span'), [
    'nombre',
    'tipo',
    'permisos',
    'uid:gid',
    'tamaño',
    'modificado',
    'capa',
    'cambio',
  ])
  assert.equal(await row('etc').locator('.file-type').textContent(), 'directorio')

  // Layer choices: the merged image, then data-layer = 1-based position, titled in Spanish.
  const merged = page.locator('[data-testid="layer-item"][data-position="merged"]')
  assert.equal(
    await merged.locator('.layer-title').textContent(),
    'Todas juntas (la imagen entera)',
  )
  // 862 + 233 + 161 + 373 bytes: 1.6 KiB, written with a decimal comma.
  assert.equal((await merged.locator('.layer-meta').textContent())?.trim(), '4 capas · 1,6 KiB')
  const second = page.locator('[data-testid="layer-item"][data-layer="2"]')
  assert.match((await second.locator('.layer-title').textContent()) ?? '', /^Capa 2 /)
  await second.getByText(/entradas/).waitFor({ timeout: 60_000 })
  assert.match((await second.locator('.layer-meta').textContent()) ?? '', /sin comprimir/)

  // A text file: its line count and size in Spanish; the modified time as Spanish writes it.
  await row('etc').locator('.file-name').click()
  await row('etc/os-release').locator('.file-name').click()
  const shown = page.getByTestId('file-shown')
  await shown.waitFor({ timeout: 60_000 })
  assert.match((await shown.textContent()) ?? '', /^\d+ líneas, 156 B$/)
  assert.match(
    (await row('etc/os-release').locator('.file-mtime').textContent()) ?? '',
    /^1 mar 2024, 12:00 UTC$/,
  )

  // Layer 2's changes: the badge in Spanish, with what the change means as its tooltip.
  await second.locator('a').click()
  await page.getByTestId('filter-added').check()
  const changes = page.getByTestId('file-changes-title')
  await changes.waitFor({ timeout: 60_000 })
  assert.equal((await changes.textContent())?.trim(), 'Cambios de la capa 2')
  const badge = row('usr/lib/strata/build.txt').locator('.change-badge')
  await badge.waitFor()
  assert.equal(await badge.textContent(), 'añadido')
  assert.match((await badge.getAttribute('title')) ?? '', /^Añadido por esta capa/)
  const opaque = page.locator('[data-testid="filter-opaque"] + .change-badge')
  assert.match((await opaque.getAttribute('title')) ?? '', /^Directorio opaco/)
  await assertNoEnglish(page, 'files view')

  // A layer or a platform the image does not have: said in Spanish, with what it has instead.
  await page.goto(`${session().web.url}&lang=es&view=files&layer=9`)
  const noLayer = page.getByTestId('files-no-layer')
  await noLayer.waitFor({ timeout: 60_000 })
  assert.equal(
    await noLayer.locator('.empty-title').textContent(),
    'Esta imagen no tiene la capa «9»',
  )
  assert.match((await noLayer.textContent()) ?? '', /Tiene 4 capas/)
  await page.goto(`${session().web.url}&lang=es&view=files&platform=linux%2Fs390x`)
  const noPlatform = page.getByTestId('files-no-platform')
  await noPlatform.waitFor({ timeout: 60_000 })
  assert.match(
    (await noPlatform.textContent()) ?? '',
    /ninguna imagen ejecutable para linux\/s390x.*linux\/amd64, linux\/arm64\/v8/,
  )

  // Compare the sample's two platform images, in the same tab.
  const query = new URLSearchParams({
    view: 'compare',
    ref: sampleRef('demo-amd64'),
    with: sampleRef('demo-arm64'),
  })
  await page.goto(`${session().web.url}&lang=es&${query.toString()}`)
  const layers = page.getByTestId('compare-layers')
  await layers.waitFor({ timeout: 60_000 })
  assert.equal(await page.locator('#compare-title').textContent(), 'Comparar')
  assert.deepEqual(await texts(page, '[data-testid="compare-layers"] thead th'), [
    'N.º',
    'Izquierda',
    'Derecha',
    'Relación',
  ])
  assert.match(
    (await layers.locator('.hint').textContent()) ?? '',
    /^Compartidas: 1 capa \(862 B\)/,
  )
  assert.equal(
    await layers
      .locator('[data-testid="compare-layer"][data-status="shared"] td')
      .last()
      .textContent(),
    'la misma capa',
  )
  await page.getByTestId('compare-files-button').click()
  const removed = page.locator('[data-testid="compare-file"][data-status="removed"]')
  await removed.first().waitFor({ timeout: 60_000 })
  assert.equal(await removed.first().locator('.badge').textContent(), 'eliminado')
  assert.deepEqual(await texts(page, '.file-diff thead th'), [
    'Estado',
    'Ruta',
    'Izquierda',
    'Derecha',
    'Δ',
  ])
  assert.match(
    (await page.getByTestId('compare-files-filter').textContent()) ?? '',
    /todos \(\d+\).*añadidos \(1\).*eliminados \(1\)/,
  )
  await assertNoEnglish(page, 'compare view')
  assert.deepEqual(pageErrors, [])
  await page.close()
})
