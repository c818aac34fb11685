// Exports in Chromium, on the bundled sample (no registry): the graph saved as SVG parses in
// the page and holds every node the view draws; its PNG decodes at twice the SVG's size; the
// CSV of a layer's changes has the rows the Files view lists; the export view writes an OCI
// layout of the sample and refuses an existing destination, saying so.

import assert from 'node:assert/strict'
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { test } from 'node:test'
import type { Download, Page } from 'playwright-core'
import { useE2eSession } from '../../harness/e2eSession'

const session = useE2eSession({ name: 'exports' })
const SAMPLE_REF = `oci:${path.resolve('assets/sample')}:demo`

async function downloaded(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [download]: [Download, void] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByTestId(testId).click(),
  ])
  const file = await download.path()
  return { name: download.suggestedFilename(), bytes: await readFile(file) }
}

/** One attribute of every element with this test id, in document order ('' when absent). */
async function attributes(page: Page, testId: string, name: string): Promise<string[]> {
  const elements = page.getByTestId(testId)
  const values: string[] = []
  for (let i = 0; i < (await elements.count()); i++) {
    values.push((await elements.nth(i).getAttribute(name)) ?? '')
  }
  return values
}

test('graph as SVG and PNG, a layer’s changes as CSV, the sample exported as an OCI layout', async () => {
  const { page, pageErrors } = await session().open(
    `view=graph&ref=${encodeURIComponent(SAMPLE_REF)}&lang=en`,
  )
  await page.getByTestId('graph-node').first().waitFor({ timeout: 120_000 })
  const digests = (await attributes(page, 'graph-node', 'data-digest')).sort()
  assert.ok(digests.length >= 3, `the sample draws its index, manifests, configs, layers`)

  // SVG: a standalone document with a title, every node of the view, styles inlined.
  const svg = await downloaded(page, 'export-graph-svg')
  assert.equal(svg.name, 'sample-demo-graph.svg')
  const inPage = async (expression: string): Promise<string> =>
    String(
      await page.evaluate(`(() => {
        const doc = new DOMParser().parseFromString(${JSON.stringify(svg.bytes.toString('utf8'))}, 'image/svg+xml')
        return ${expression}
      })()`),
    )
  const parsed = {
    error: await inPage(`doc.querySelector('parsererror')?.textContent ?? 'none'`),
    root: await inPage('doc.documentElement.localName'),
    width: Number(await inPage(`doc.documentElement.getAttribute('width')`)),
    height: Number(await inPage(`doc.documentElement.getAttribute('height')`)),
    title: await inPage(`doc.querySelector('title')?.textContent ?? ''`),
    digests: (
      await inPage(
        `[...doc.querySelectorAll('[data-digest]')].map((n) => n.getAttribute('data-digest')).join(' ')`,
      )
    ).split(' '),
    classes: Number(await inPage(`doc.querySelectorAll('[class]').length`)),
    filled: Number(await inPage(`doc.querySelectorAll('[fill]').length`)),
  }
  assert.equal(parsed.error, 'none')
  assert.equal(parsed.root, 'svg')
  assert.equal(parsed.title, `Graph of ${SAMPLE_REF}`)
  assert.deepEqual(parsed.digests.sort(), digests)
  assert.equal(parsed.classes, 0, 'no class left that needs the app’s stylesheet')
  assert.ok(parsed.filled > digests.length, 'colours written on the elements')

  // PNG: the same picture at twice its size, decoded by the browser.
  const png = await downloaded(page, 'export-graph-png')
  assert.equal(png.name, 'sample-demo-graph.png')
  const decoded = String(
    await page.evaluate(`(async () => {
      const bytes = Uint8Array.from(atob(${JSON.stringify(png.bytes.toString('base64'))}), (c) => c.charCodeAt(0))
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }))
      return bitmap.width + 'x' + bitmap.height
    })()`),
  )
  const [width = 0, height = 0] = decoded.split('x').map(Number)
  const size = { width, height }
  assert.deepEqual(size, { width: parsed.width * 2, height: parsed.height * 2 })

  // CSV of layer 3's changes: the rows the Files view lists with every change filter on.
  await page.goto(
    `${session().web.url}&view=files&ref=${encodeURIComponent(SAMPLE_REF)}&layer=3&lang=en`,
  )
  await page.locator('[data-testid="file-row"][data-path="etc"]').waitFor({ timeout: 120_000 })
  for (const kind of ['added', 'modified', 'deleted', 'opaque'])
    await page.getByTestId(`filter-${kind}`).check()
  await page.getByTestId('file-changes').waitFor()
  await page.locator('[data-testid="file-row"][data-path="etc/motd"]').waitFor()
  const paths = await attributes(page, 'file-row', 'data-path')
  const changes = await attributes(page, 'file-row', 'data-change')
  const shown = paths.map((p, i) => [p, changes[i] ?? ''])
  const csv = await downloaded(page, 'export-files-csv')
  assert.equal(csv.name, 'sample-demo-layer-3-files.csv')
  const lines = csv.bytes
    .toString('utf8')
    .split('\r\n')
    .filter((l) => l !== '')
  const header = (lines[0] ?? '').split(',')
  assert.deepEqual(header.slice(0, 4), ['path', 'kind', 'change', 'size'])
  const rows = lines.slice(1).map((line) => line.split(','))
  assert.deepEqual(
    rows.map((cells) => [cells[0]?.replace(/^\//, '') ?? '', cells[2] ?? '']),
    shown,
    'same paths and changes, in the same order',
  )

  // The sharing matrix, in Spanish: drawn from its data, one square per cell, the title in
  // the language shown.
  await page.goto(`${session().web.url}&view=sharing&ref=${encodeURIComponent(SAMPLE_REF)}&lang=es`)
  await page.getByTestId('sharing-cell').first().waitFor({ timeout: 120_000 })
  const cells = await page.getByTestId('sharing-cell').count()
  const matrix = await downloaded(page, 'export-sharing-svg')
  assert.equal(matrix.name, 'sample-demo-sharing.svg')
  const matrixText = matrix.bytes.toString('utf8')
  assert.equal(matrixText.match(/data-cell="/g)?.length, cells)
  assert.match(matrixText, /<title>Capas compartidas entre imágenes<\/title>/)

  // The export view writes the sample as an OCI layout, then refuses to write over it.
  const destination = path.join(session().workDir, 'sample-layout')
  await page.goto(`${session().web.url}&view=export&ref=${encodeURIComponent(SAMPLE_REF)}&lang=en`)
  await page.getByTestId('export-destination').fill(destination)
  await page.getByTestId('export-tag').fill('demo')
  await page.getByTestId('export-start').click()
  await page.getByTestId('export-result').waitFor({ timeout: 120_000 })
  assert.match((await page.getByTestId('export-result').textContent()) ?? '', /Exported to/)
  assert.ok((await stat(path.join(destination, 'index.json'))).isFile())
  await page.getByTestId('export-start').click()
  await page.getByTestId('export-error').waitFor({ timeout: 60_000 })
  assert.match((await page.getByTestId('export-error').textContent()) ?? '', /already exists/)

  assert.deepEqual(pageErrors, [])
  await page.close()
})
