// End to end, as a user, in Debian's Chromium against web mode and a real registry: record a
// repository's tags, move a tag, record again (the timeline shows both digests and the move);
// "tag as of"; export; open a digest from the timeline; compare two picked digests; the
// sharing view of the repository (figures exact to the byte); the tags view sorted by size.
// The tests run in order and build on one journal: each starts where the previous one left it.

import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import type { Browser, Locator, Page } from 'playwright-core'
import type { Descriptor } from '../../../shared/oci/types'
import { launchChromium, openPageAt, type OpenedPage } from '../../harness/browser'
import { OciLayoutBuilder, type LayerDescriptor } from '../../harness/ociBuilder'
import { BASE_FILES } from '../../harness/ociFixtureImages'
import { RegistryPusher } from '../../harness/ociPusher'
import { startRegistry, type RunningRegistry } from '../../harness/registryServer'
import { startWebMode, type RunningWebMode } from '../../harness/webMode'

const REPOSITORY = 'e2e/moving'

let registry: RunningRegistry
let web: RunningWebMode
let browser: Browser
let workDir: string
let pusher: RegistryPusher
let builder: OciLayoutBuilder

interface Built {
  readonly manifest: Descriptor
  readonly base: LayerDescriptor
  readonly app: LayerDescriptor
}

/** A two-layer image: the shared base, then an app layer of `appBytes` bytes. */
function buildImage(label: string, created: string, appBytes: number): Built {
  const base = builder.addLayer(BASE_FILES, { compression: 'gzip' })
  const app = builder.addLayer(
    [
      { type: 'dir', path: 'app' },
      { type: 'file', path: 'app/label.txt', content: `${label}\n` },
      // Incompressible-enough content, so the sizes differ clearly after gzip.
      {
        type: 'file',
        path: 'app/payload.bin',
        content: Uint8Array.from({ length: appBytes }, (_, i) => (i * 7919 + label.length) % 251),
      },
    ],
    { compression: 'gzip' },
  )
  const config = builder.addConfig({
    created,
    architecture: 'amd64',
    os: 'linux',
    config: { Env: [`LABEL=${label}`], Cmd: ['/bin/sh'] },
    rootfs: { type: 'layers', diff_ids: [base.diffId, app.diffId] },
    history: [{ created, created_by: `COPY ${label} /app # buildkit` }],
  })
  const manifest = builder.addManifest({ config, layers: [base, app] })
  return { manifest, base, app }
}

async function push(image: Built, tags: readonly string[]): Promise<void> {
  await pusher.pushTree(
    REPOSITORY,
    image.manifest.digest,
    image.manifest.mediaType,
    (digest) => builder.getBlob(digest),
    tags,
  )
}

let first: Built
let second: Built

before(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'strata-e2e-history-'))
  builder = new OciLayoutBuilder(join(workDir, 'layout'))
  registry = await startRegistry()
  pusher = new RegistryPusher({ host: registry.host })
  first = buildImage('first', '2024-01-01T00:00:00Z', 2_000)
  second = buildImage('second', '2025-01-01T00:00:00Z', 20_000)
  await push(first, ['v1', 'latest'])
  web = await startWebMode()
  browser = await launchChromium()
})

after(async () => {
  await browser?.close()
  await web?.stop()
  await registry?.stop()
  if (workDir) await rm(workDir, { recursive: true, force: true })
})

function openPage(query: string): Promise<OpenedPage> {
  return openPageAt(browser, `${web.url}${query}`)
}

const repositoryRef = (): string => `${registry.host}/${REPOSITORY}`
const view = (name: string, ref: string, extra = ''): string =>
  `&ref=${encodeURIComponent(ref)}&view=${name}${extra}`

/** One attribute of every element a locator matches, in document order. */
async function attributes(locator: Locator, name: string): Promise<(string | null)[]> {
  const values: (string | null)[] = []
  for (let i = 0; i < (await locator.count()); i++) {
    values.push(await locator.nth(i).getAttribute(name))
  }
  return values
}

/** Polls until `check` holds (what the UI shows settles as answers arrive). */
async function eventually(
  check: () => Promise<boolean>,
  what: string,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

async function record(page: Page, tags: number): Promise<void> {
  await page.getByTestId('history-record').click()
  const recorded = page.getByTestId('history-recorded')
  await recorded.waitFor({ timeout: 60_000 })
  assert.match((await recorded.textContent()) ?? '', new RegExp(`Recorded ${tags} tags`))
}

test('record, move a tag, record again: two segments and a move on the timeline', async () => {
  const { page, pageErrors } = await openPage(view('history', repositoryRef()))
  await page.getByTestId('history-view').waitFor()
  // A fresh data directory: the journal explains how it fills.
  await page.getByTestId('history-empty').waitFor()
  await record(page, 2)
  const latestBars = page.locator('[data-testid="history-segment"][data-tag="latest"]')
  await latestBars.first().waitFor()
  assert.equal(await latestBars.count(), 1)
  assert.equal(await latestBars.first().getAttribute('data-digest'), first.manifest.digest)
  assert.equal(await page.locator('[data-testid="history-lane"]').count(), 2)

  await push(second, ['latest'])
  await record(page, 2)
  await page
    .locator(`[data-testid="history-segment"][data-digest="${second.manifest.digest}"]`)
    .waitFor()
  assert.deepEqual(await attributes(latestBars, 'data-digest'), [
    first.manifest.digest,
    second.manifest.digest,
  ])
  const move = page.locator('[data-testid="history-move"][data-tag="latest"]')
  await move.waitFor()
  assert.equal(await page.getByTestId('history-move').count(), 1)
  const moveText = (await move.textContent()) ?? ''
  assert.ok(moveText.includes(first.manifest.digest.slice(7, 19)), moveText)
  assert.ok(moveText.includes(second.manifest.digest.slice(7, 19)), moveText)

  // The same digest has the same colour in every lane (v1 still points at the first image).
  const colourOf = (tag: string, digest: string): Promise<string | null> =>
    page
      .locator(`[data-testid="history-segment"][data-tag="${tag}"][data-digest="${digest}"]`)
      .getAttribute('class')
  assert.equal(
    (await colourOf('latest', first.manifest.digest))?.match(/digest-colour-\d/)?.[0],
    (await colourOf('v1', first.manifest.digest))?.match(/digest-colour-\d/)?.[0],
  )

  // Hover tells the digest and the observation count.
  await latestBars.last().hover()
  const tooltip = page.getByTestId('history-tooltip')
  await tooltip.waitFor()
  assert.match((await tooltip.textContent()) ?? '', /observation/)

  // Tag as of now: the second image, as observed or last known.
  await page.getByTestId('history-asof-tag').fill('latest')
  await page.getByTestId('history-asof-at').fill(new Date(Date.now() + 60_000).toISOString())
  await page.getByTestId('history-asof-form').locator('button[type="submit"]').click()
  const answer = page.getByTestId('history-asof-answer')
  await answer.waitFor()
  assert.ok(((await answer.textContent()) ?? '').includes(second.manifest.digest.slice(7, 19)))
  assert.match(
    (await page.getByTestId('history-asof-certainty').textContent()) ?? '',
    /observed|last known/,
  )
  // Before the journal's first sighting, and a tag never seen: said why, in the language shown.
  await page.getByTestId('history-asof-at').fill('2000-01-01')
  await page.getByTestId('history-asof-form').locator('button[type="submit"]').click()
  const unknown = page.getByTestId('history-asof-unknown')
  await unknown.waitFor()
  assert.match((await unknown.textContent()) ?? '', /^Strata first saw latest after 2000-01-01/)
  await page.getByTestId('history-asof-tag').fill('never-pushed')
  await page.getByTestId('history-asof-form').locator('button[type="submit"]').click()
  await page.getByText('Strata has never seen never-pushed here').waitFor()
  await page.getByTestId('language-es').click()
  await page.getByText('Strata nunca ha visto never-pushed aquí').waitFor()
  assert.deepEqual(pageErrors, [])
  await page.close()
})

test('watch and unwatch; export the journal as JSON and CSV downloads', async () => {
  const { page } = await openPage(view('history', repositoryRef()))
  await page.locator('[data-testid="history-segment"]').first().waitFor()
  const watch = page.getByTestId('history-watch')
  await page.getByTestId('history-watch-interval').selectOption('15')
  await watch.click()
  await page.locator('[data-testid="history-watch"][data-watching="true"]').waitFor()
  assert.match((await page.getByTestId('history-watch-status').textContent()) ?? '', /15 min/)
  await watch.click()
  await page.locator('[data-testid="history-watch"][data-watching="false"]').waitFor()

  for (const format of ['json', 'csv'] as const) {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId(`history-export-${format}`).click(),
    ])
    assert.match(download.suggestedFilename(), new RegExp(`\\.${format}$`))
    const file = await download.path()
    const text = await readFile(file, 'utf8')
    assert.ok(text.includes(second.manifest.digest), `${format} export names the new digest`)
    assert.ok(text.includes(first.manifest.digest), `${format} export names the old digest`)
  }
  await page.close()
})

test('timeline: a click opens the digest; shift-clicking two digests compares them', async () => {
  const { page } = await openPage(view('history', repositoryRef(), '&tag=latest'))
  const old = page.locator(
    `[data-testid="history-segment"][data-tag="latest"][data-digest="${first.manifest.digest}"]`,
  )
  const current = page.locator(
    `[data-testid="history-segment"][data-tag="latest"][data-digest="${second.manifest.digest}"]`,
  )
  await old.waitFor()
  await old.click({ modifiers: ['Shift'] })
  await current.click({ modifiers: ['Shift'] })
  await page.getByTestId('compare-view').waitFor()
  await page.getByTestId('compare-config').waitFor()
  assert.match(decodeURIComponent(page.url()), new RegExp(`with=${registry.host}/${REPOSITORY}@`))
  await page.goBack()
  await old.click()
  await page.locator(`[data-testid="graph-node"][data-digest="${first.manifest.digest}"]`).waitFor()
  await page.close()
})

test('sharing view of the repository: matrix and totals exact to the byte', async () => {
  const { page, pageErrors } = await openPage(view('sharing', repositoryRef()))
  await page.getByTestId('sharing-view').waitFor()
  const matrix = page.getByTestId('sharing-matrix')
  await matrix.waitFor({ timeout: 60_000 })
  const cells = page.getByTestId('sharing-cell')
  const n = Math.round(Math.sqrt(await cells.count()))
  assert.ok(n >= 2, 'at least the two images')
  assert.equal(await cells.count(), n * n)
  const [is, js, sizes] = await Promise.all(
    ['data-i', 'data-j', 'data-bytes'].map((name) => attributes(cells, name)),
  )
  const bytes = (sizes ?? []).map((size, k) => ({
    i: Number(is?.[k]),
    j: Number(js?.[k]),
    bytes: Number(size),
  }))
  const own = (m: Built): number => m.base.size + m.app.size
  const diagonal = new Set(bytes.filter((c) => c.i === c.j).map((c) => c.bytes))
  assert.deepEqual(
    [...diagonal].sort((a, b) => a - b),
    [own(first), own(second)].sort((a, b) => a - b),
  )
  // Two different images share exactly the base layer.
  const offDiagonal = new Set(bytes.filter((c) => c.i !== c.j).map((c) => c.bytes))
  assert.ok(
    offDiagonal.has(first.base.size),
    `some pair shares the base layer (${first.base.size} B)`,
  )
  const total = page.getByTestId('sharing-total')
  assert.match(
    (await total.textContent()) ?? '',
    /Stored once: .* if nothing were shared — sharing saves/,
  )
  await cells.nth(1).hover()
  await page.getByTestId('sharing-hover').waitFor()
  assert.deepEqual(pageErrors, [])
  await page.close()
})

test('tags view: created dates, sort by size, compare with the previous digest', async () => {
  await push(second, ['v2'])
  const { page, pageErrors } = await openPage(view('tags', repositoryRef()))
  await page.locator('[data-testid="tag-item"][data-tag="v1"]').waitFor()
  await page.getByTestId('tags-sort').selectOption('size-desc')
  const tags = page.getByTestId('tag-item')
  // Every tag resolves (at most six at a time), then the order follows the sizes.
  const order = (): Promise<string> => attributes(tags, 'data-tag').then((names) => names.join(','))
  await eventually(async () => (await page.getByTestId('tag-created').count()) === 3, 'dates')
  await eventually(async () => (await order()) === 'latest,v2,v1', 'size order')
  assert.equal(await tags.count(), 3)
  const created = page.locator(
    '[data-testid="tag-item"][data-tag="v1"] [data-testid="tag-created"]',
  )
  assert.equal(await created.textContent(), 'Jan 1, 2024')
  await page.getByTestId('tags-sort').selectOption('date-asc')
  await eventually(async () => (await order()) === 'v1,latest,v2', 'date order')
  // latest moved (the journal saw it): compare with the digest it had before.
  const compare = page.locator(
    '[data-testid="tag-item"][data-tag="latest"] [data-testid="tag-compare-prev"]',
  )
  await eventually(() => compare.isEnabled(), 'compare with previous enabled')
  await compare.click()
  await page.getByTestId('compare-view').waitFor()
  assert.ok(
    decodeURIComponent(page.url()).includes(
      `with=${registry.host}/${REPOSITORY}@${first.manifest.digest}`,
    ),
  )
  assert.deepEqual(pageErrors, [])
  await page.close()
})
