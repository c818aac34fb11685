// End to end in Debian's Chromium against web mode, no registry: the bundled multi-platform
// sample (an index, two platform images, buildx attestation manifests) opened with ?lang=es at
// 1024×700. Node cards, the legend, the zoom tools, the view tabs and the details panel of the
// config read in Spanish (role badges such as "capa 1 de 2", the config's facts, sizes with the
// language's units); every node carries data-kind; and no text on the page is an English value
// of the image, attestations, registry or commands catalogues that reads otherwise in Spanish.

import assert from 'node:assert/strict'
import path from 'node:path'
import { test } from 'node:test'
import type { Locator, Page } from 'playwright-core'
import { formatSourceRef } from '../../../shared/sourceRef'
import { sampleSource } from '../../../shared/samples'
import { commands as esCommands } from '../../../renderer/i18n/es/commands'
import { common as esCommon } from '../../../renderer/i18n/es/common'
import { image as esImage } from '../../../renderer/i18n/es/image'
import { useE2eSession } from '../../harness/e2eSession'
import { untranslatedTexts } from '../../harness/untranslatedText'

const SIZE = { width: 1024, height: 700 }
const SAMPLES = path.resolve(import.meta.dirname, '..', '..', '..', 'assets', 'samples')
const MY_NAMESPACES = ['image:', 'attestations:', 'registry:', 'commands:']

const session = useE2eSession({ name: 'e2e-graph-spanish' })

/** Where JSON field names are shown as written: edge labels and the "listed by" fields. */
const JSON_FIELD_PLACES = '.edge-label, .listed-by .mono'

/** How many text nodes read exactly `text` outside the places JSON fields are shown. */
function textNodesOutsideJsonFields(page: Page, text: string): Promise<number> {
  return page.evaluate<number>(`(() => {
    const JSON_FIELD_PLACES = ${JSON.stringify(JSON_FIELD_PLACES)}
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    let count = 0
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement
      if ((node.textContent || '').trim() !== ${JSON.stringify(text)}) continue
      if (parent && !parent.closest(JSON_FIELD_PLACES)) count++
    }
    return count
  })()`)
}

/** One attribute of every element a locator matches, in order ('' when absent). */
async function attributes(locator: Locator, name: string): Promise<string[]> {
  const out: string[] = []
  for (let i = 0, n = await locator.count(); i < n; i++) {
    out.push((await locator.nth(i).getAttribute(name)) ?? '')
  }
  return out
}

test('the multi-platform sample graph in Spanish: cards, legend, tabs, details, no English left', async () => {
  const ref = formatSourceRef(sampleSource(SAMPLES, 'multi-platform'))
  const { page, pageErrors } = await session().open(
    `lang=es&view=graph&ref=${encodeURIComponent(ref)}`,
    SIZE,
  )
  const nodes = page.getByTestId('graph-node')
  await nodes.first().waitFor({ timeout: 60_000 })

  // Every card says what kind of object it is, for lessons to point at.
  const kinds = await attributes(nodes, 'data-kind')
  for (const kind of ['index', 'manifest', 'config', 'layer']) {
    assert.ok(kinds.includes(kind), `a node with data-kind=${kind} among ${kinds.join(', ')}`)
  }
  assert.ok(
    kinds.every((kind) => kind !== ''),
    'every node has a data-kind',
  )

  // Cards: the root is an OCI index; layers say where they sit; the accessible names are Spanish.
  const root = page.locator('[data-testid="graph-node"][data-role="root"]')
  assert.equal(
    (await root.locator('.node-label').textContent())?.trim(),
    esImage.object.label.ociIndex,
  )
  const layerNames = await attributes(
    page.locator('[data-testid="graph-node"][data-kind="layer"]'),
    'aria-label',
  )
  assert.ok(layerNames.length > 0)
  for (const name of layerNames) {
    assert.match(name, /capa (gzip|zstd|tar)/, 'the layer is named in Spanish')
    assert.match(name, /capa \d+ de \d+|, capa,/, 'its place is said in Spanish')
    assert.match(name, /\d( B|,\d [KM]iB| [KM]iB)$/, 'its size in the language’s units')
  }
  const attestation = page.locator('[data-testid="graph-node"][data-role="attestation"]').first()
  assert.match(
    (await attestation.getAttribute('aria-label')) ?? '',
    new RegExp(`^${esImage.object.label.attestationManifest}, atestación · linux/`),
  )

  // Legend, zoom tools and the view tabs.
  const legend = page.getByRole('list', { name: esImage.legend.label })
  assert.match((await legend.textContent()) ?? '', /índice.*manifiesto.*configuración.*capa/)
  assert.equal(await page.getByRole('button', { name: esImage.canvas.zoomIn }).count(), 1)
  const current = page.locator('.view-tab.current')
  assert.equal((await current.textContent())?.trim(), esCommon.tabs.graph)
  assert.equal((await page.getByTestId('tab-files').textContent())?.trim(), esCommon.tabs.files)

  // The details panel of a config: Spanish title, facts and the container's start.
  await page.locator('[data-testid="graph-node"][data-kind="config"]').first().click()
  const panel = page.getByTestId('details-panel')
  await panel.waitFor({ timeout: 30_000 })
  assert.equal(
    (await panel.locator('.details-title').textContent())?.trim(),
    esImage.object.label.ociConfig,
  )
  const facts = (await panel.locator('dl.facts dt').allTextContents()).map((t) => t.trim())
  for (const fact of [esImage.fact.mediaType, esImage.fact.size, esImage.fact.listedBy_one]) {
    assert.ok(facts.includes(fact), `fact "${fact}" among ${facts.join(', ')}`)
  }
  assert.equal((await panel.locator('h3').first().textContent())?.trim(), esImage.config.starts)
  assert.match((await panel.textContent()) ?? '', new RegExp(esImage.commands.title))
  // The command that reads the config's blob file says what it prints in Spanish, naming the file.
  const command = panel.locator('.command').first()
  const file = ((await command.locator('.command-text').textContent()) ?? '').split(' ')[1] ?? ''
  assert.match(file, /\/blobs\/sha256\/[0-9a-f]{64}$/)
  assert.equal(
    (await command.locator('.hint').textContent())?.trim(),
    esCommands.note.blobFile.replace('{{file}}', file),
  )

  // Nothing of these catalogues is left in English anywhere on the page. Edge labels are the
  // JSON fields an arrow comes from ("config", "layers[0]"), written as the document writes
  // them (so are the details' "listed by" fields); such a word is allowed there only.
  const jsonFields = new Set(
    (await page.locator('.edge-label').allTextContents()).map((t) => t.trim()),
  )
  const leftovers = (await untranslatedTexts(page)).filter(
    (found) => MY_NAMESPACES.some((ns) => found.key.startsWith(ns)) && !jsonFields.has(found.text),
  )
  assert.deepEqual(leftovers, [], 'English catalogue text on a Spanish page')
  for (const field of jsonFields) {
    assert.equal(await textNodesOutsideJsonFields(page, field), 0, `"${field}" as a word`)
  }
  assert.equal(new URL(page.url()).searchParams.get('lang'), 'es', 'the language stays in the URL')
  assert.deepEqual(pageErrors, [])
  await page.close()
})
