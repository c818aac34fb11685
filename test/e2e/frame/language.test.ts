// Spanish and English in Debian's Chromium: lang=es shows Spanish chrome; the EN | ES switch
// rewrites the URL, survives a reload and is remembered for a URL without lang=; an error is
// worded in Spanish from its code; and a walk over the main views of the bundled samples in
// Spanish finds no text that is an English catalogue value (test/harness/untranslatedText.ts).

import assert from 'node:assert/strict'
import path from 'node:path'
import { test } from 'node:test'
import type { Page } from 'playwright-core'
import { useE2eSession } from '../../harness/e2eSession'
import { untranslatedTexts } from '../../harness/untranslatedText'

const SAMPLES = path.resolve(import.meta.dirname, '../../../assets/samples')
const MULTI = `oci:${SAMPLES}/multi-platform:demo`

const session = useE2eSession({ name: 'language' })

const param = (page: Page, name: string): string | null =>
  new URL(page.url()).searchParams.get(name)

async function sidebarTitle(page: Page): Promise<string> {
  return (await page.locator('.sidebar-title').textContent()) ?? ''
}

test('lang=es shows Spanish; the switch rewrites the URL, survives a reload and is remembered', async () => {
  const { page, pageErrors } = await session().open(
    `ref=${encodeURIComponent(MULTI)}&view=graph&lang=es`,
  )
  await page.locator('[data-testid="graph-node"]').first().waitFor()
  assert.equal(await page.locator('html').getAttribute('lang'), 'es')
  assert.equal(await sidebarTitle(page), 'Orígenes')
  assert.equal(await page.getByTestId('present-toggle').textContent(), 'Presentar')
  assert.equal(await page.getByTestId('language-es').getAttribute('aria-pressed'), 'true')
  assert.equal(await page.getByTestId('language-en').getAttribute('aria-label'), 'Inglés')

  // EN in the app: English at once, lang=en in the URL (replacing the entry), after a reload too.
  const historyLength = await page.evaluate<number>('history.length')
  await page.getByTestId('language-en').click()
  await page.locator('.sidebar-title', { hasText: 'Sources' }).waitFor()
  assert.equal(param(page, 'lang'), 'en')
  assert.equal(param(page, 'ref'), MULTI, 'the rest of the URL is kept')
  assert.equal(await page.evaluate<number>('history.length'), historyLength)
  assert.equal(await page.locator('html').getAttribute('lang'), 'en')
  await page.reload()
  await page.locator('[data-testid="graph-node"]').first().waitFor()
  assert.equal(await sidebarTitle(page), 'Sources')
  // The checker the walk below relies on does see English when it is there.
  const english = await untranslatedTexts(page)
  assert.ok(
    english.some((found) => found.text === 'Sources'),
    JSON.stringify(english.slice(0, 5)),
  )

  // ES again, then a URL without lang=: the remembered choice wins over the (English) system.
  await page.getByTestId('language-es').click()
  await page.locator('.sidebar-title', { hasText: 'Orígenes' }).waitFor()
  await page.goto(`${session().web.url}&ref=${encodeURIComponent(MULTI)}&view=graph`)
  await page.locator('[data-testid="graph-node"]').first().waitFor()
  assert.equal(await sidebarTitle(page), 'Orígenes')
  assert.equal(param(page, 'lang'), null)

  // A lang= in a link or typed URL switches (back/forward too).
  await page.goto(`${session().web.url}&ref=${encodeURIComponent(MULTI)}&view=graph&lang=en`)
  await page.locator('.sidebar-title', { hasText: 'Sources' }).waitFor()
  await page.goBack()
  await page.locator('.sidebar-title', { hasText: 'Orígenes' }).waitFor()
  assert.deepEqual(pageErrors, [])
  await page.close()
})

test('an error is worded in Spanish from its code: a missing oci: path', async () => {
  const missing = `oci:${path.join(session().workDir, 'no-such-layout')}:v1`
  const { page, pageErrors } = await session().open(
    `ref=${encodeURIComponent(missing)}&view=graph&lang=es`,
  )
  const panel = page.locator('[data-testid="error-panel"][data-code="NOT_FOUND"]')
  await panel.waitFor()
  assert.equal(await panel.locator('.error-title').textContent(), '!No hay nada en esa ruta')
  assert.match((await panel.locator('.error-next').textContent()) ?? '', /oci-layout e index\.json/)
  assert.equal(await panel.locator('summary').textContent(), 'Detalles técnicos')
  assert.deepEqual(await untranslatedTexts(page), [])
  // The same path typed in the Open box is probed; its failure is worded from its code too.
  await page.getByTestId('open-input').fill(path.join(session().workDir, 'no-such-layout'))
  await page.getByTestId('open-submit').click()
  const openError = page.getByTestId('open-error')
  await openError.waitFor()
  assert.match((await openError.textContent()) ?? '', /^No hay nada en esa ruta\. Revisa la ruta/)
  // A reference the parser refuses says why in Spanish, naming what was typed.
  await page.getByTestId('open-input').fill('docker://Alpine')
  await page.getByTestId('open-submit').click()
  await openError.filter({ hasText: /minúsculas/ }).waitFor()
  assert.match(
    (await openError.textContent()) ?? '',
    /^Strata no entiende esta referencia: .*minúsculas.*«Alpine»/,
  )
  assert.deepEqual(pageErrors, [])
  await page.close()
})

/** The main views of the bundled samples, as a Spanish-speaking class walks them. */
const VIEWS = [
  ['graph', `ref=${encodeURIComponent(MULTI)}&view=graph`, '[data-testid="graph-node"]'],
  ['files', `ref=${encodeURIComponent(MULTI)}&view=files`, '[data-testid="file-row"]'],
  [
    'sharing',
    `ref=${encodeURIComponent(`oci:${SAMPLES}/sharing`)}&view=sharing`,
    '[data-testid="sharing-cell"]',
  ],
  [
    'tags',
    `ref=${encodeURIComponent(`oci:${SAMPLES}/tags`)}&view=tags`,
    '[data-testid="tag-item"]',
  ],
  [
    'history',
    `ref=${encodeURIComponent(`oci:${SAMPLES}/tags`)}&view=history`,
    '[data-testid="history-lane"]',
  ],
  [
    'compare',
    `ref=${encodeURIComponent(`oci:${SAMPLES}/media-types:oci`)}&view=compare&with=${encodeURIComponent(`oci:${SAMPLES}/media-types:docker`)}`,
    '[data-testid="compare-layers"]',
  ],
  ['lessons', 'view=lessons', 'main a[href*="lesson="]'],
  ['no repository chosen', 'view=tags', '.empty-state'],
  ['unknown view', 'view=nope', '[data-testid="unknown-view"]'],
] as const

test('lang=es: a walk over the main views finds no English catalogue text', async () => {
  const { page, pageErrors } = await session().open('lang=es')
  const left: string[] = []
  for (const [name, query, ready] of VIEWS) {
    await page.goto(`${session().web.url}&${query}&lang=es`)
    await page.locator(ready).first().waitFor()
    // Spinners give way to what they were waiting for.
    await page
      .locator('[role="status"] .spinner-dot')
      .first()
      .waitFor({ state: 'detached', timeout: 5000 })
      .catch(() => undefined)
    for (const found of await untranslatedTexts(page)) {
      left.push(`${name}: ${found.where} "${found.text}" (${found.key})`)
    }
  }
  assert.deepEqual(left, [])
  assert.deepEqual(pageErrors, [])
  await page.close()
})
