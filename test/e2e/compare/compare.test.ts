// End to end, as a user, in Debian's Chromium against web mode and a real registry: compare
// two images whose configs and filesystems differ in known ways (config diff, layer
// alignment, file diff, a changed text file side by side), and the referrers of a manifest
// in the graph's details (found through the registry's sha256-<hex> fallback tag). In Spanish
// (lang=es), a comparison's warning (a config listing fewer diff IDs than its manifest has
// layers) is worded by the page, and no English of the catalogues is left.

import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import type { Browser, Locator } from 'playwright-core'
import type { Descriptor } from '../../../shared/oci/types'
import { launchChromium, openPageAt, type OpenedPage } from '../../harness/browser'
import { OciLayoutBuilder, type TarEntrySpec } from '../../harness/ociBuilder'
import { addArtifact, BASE_FILES } from '../../harness/ociFixtureImages'
import { RegistryPusher } from '../../harness/ociPusher'
import { startRegistry, type RunningRegistry } from '../../harness/registryServer'
import { untranslatedTexts } from '../../harness/untranslatedText'
import { startWebMode, type RunningWebMode } from '../../harness/webMode'

const REPOSITORY = 'e2e/compare'
const ARTIFACT_TYPE = 'application/vnd.strata.e2e.review.v1+json'

let registry: RunningRegistry
let web: RunningWebMode
let browser: Browser
let workDir: string
let one: Descriptor
let artifact: Descriptor

interface Side {
  readonly files: readonly TarEntrySpec[]
  readonly env: readonly string[]
  readonly cmd: readonly string[]
  readonly labels: Readonly<Record<string, string>>
  readonly ports: readonly string[]
}

const SHARED_TEXT = 'the same on both sides\n'

const LEFT: Side = {
  files: [
    { type: 'dir', path: 'app' },
    { type: 'file', path: 'app/run', content: '#!/bin/sh\necho "hello from one"\nexit 0\n' },
    { type: 'file', path: 'app/only-one.txt', content: 'left only\n' },
    { type: 'file', path: 'app/shared.txt', content: SHARED_TEXT },
  ],
  env: ['PATH=/usr/bin:/bin', 'APP_MODE=one'],
  cmd: ['/app/run'],
  labels: { team: 'strata' },
  ports: ['80/tcp'],
}

const RIGHT: Side = {
  files: [
    { type: 'dir', path: 'app' },
    {
      type: 'file',
      path: 'app/run',
      content: '#!/bin/sh\necho "hello from two"\necho "a second line"\nexit 0\n',
    },
    { type: 'file', path: 'app/only-two.txt', content: 'right only, a little longer\n' },
    { type: 'file', path: 'app/shared.txt', content: SHARED_TEXT },
  ],
  env: ['PATH=/usr/bin:/bin', 'APP_MODE=two', 'EXTRA=yes'],
  cmd: ['/app/run', '--fast'],
  labels: { team: 'strata', tier: 'gold' },
  ports: ['80/tcp', '443/tcp'],
}

/** `bottomDiffIdOnly`: the config lists one diff ID for two layers (a warning in compare). */
function buildImage(builder: OciLayoutBuilder, side: Side, bottomDiffIdOnly = false): Descriptor {
  // Every entry with one mtime, so only real content differences show.
  const stamp = (files: readonly TarEntrySpec[]): TarEntrySpec[] =>
    files.map((f) => ({ ...f, mtime: 1_700_000_000 }))
  const base = builder.addLayer(stamp(BASE_FILES), { compression: 'gzip' })
  const app = builder.addLayer(stamp(side.files), { compression: 'gzip' })
  const config = builder.addConfig({
    created: '2024-01-01T00:00:00Z',
    architecture: 'amd64',
    os: 'linux',
    config: {
      Env: side.env,
      Cmd: side.cmd,
      Labels: side.labels,
      ExposedPorts: Object.fromEntries(side.ports.map((p) => [p, {}])),
      WorkingDir: '/app',
    },
    rootfs: {
      type: 'layers',
      diff_ids: bottomDiffIdOnly ? [base.diffId] : [base.diffId, app.diffId],
    },
    history: [
      { created: '2024-01-01T00:00:00Z', created_by: 'ADD rootfs.tar / # buildkit' },
      { created: '2024-01-01T00:00:01Z', created_by: `COPY app/ /app/ # ${side.cmd.join(' ')}` },
    ],
  })
  return builder.addManifest({ config, layers: [base, app] })
}

before(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'strata-e2e-compare-'))
  const builder = new OciLayoutBuilder(join(workDir, 'layout'))
  registry = await startRegistry()
  const pusher = new RegistryPusher({ host: registry.host })
  const blobs = (digest: string): Uint8Array | undefined => builder.getBlob(digest)
  one = buildImage(builder, LEFT)
  const two = buildImage(builder, RIGHT)
  await pusher.pushTree(REPOSITORY, one.digest, one.mediaType, blobs, ['one'])
  await pusher.pushTree(REPOSITORY, two.digest, two.mediaType, blobs, ['two'])
  const three = buildImage(builder, RIGHT, true)
  await pusher.pushTree(REPOSITORY, three.digest, three.mediaType, blobs, ['three'])
  // A review artifact about `one`, listed under the fallback tag (the registry has no API).
  artifact = addArtifact(builder, one, ARTIFACT_TYPE)
  const fallback = builder.addIndex({ manifests: [artifact] })
  await pusher.pushTree(REPOSITORY, artifact.digest, artifact.mediaType, blobs)
  await pusher.pushTree(REPOSITORY, fallback.digest, fallback.mediaType, blobs, [
    one.digest.replace(':', '-'),
  ])
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

async function attributes(locator: Locator, name: string): Promise<(string | null)[]> {
  const values: (string | null)[] = []
  for (let i = 0; i < (await locator.count()); i++) {
    values.push(await locator.nth(i).getAttribute(name))
  }
  return values
}

const imageRef = (tag: string): string => `${registry.host}/${REPOSITORY}:${tag}`

test('compare two images: config diff, layer alignment, file diff, a file side by side', async () => {
  const query = `&ref=${encodeURIComponent(imageRef('one'))}&view=compare&with=${encodeURIComponent(imageRef('two'))}`
  const { page, pageErrors } = await openPage(query)
  const config = page.getByTestId('compare-config')
  await config.waitFor({ timeout: 60_000 })
  await config.locator('[data-testid="compare-setting"][data-key="cmd"]').waitFor()
  const keyed = async (status: string): Promise<string> =>
    (
      await config
        .locator(`[data-testid="compare-keyed"][data-status="${status}"]`)
        .allTextContents()
    ).join(' | ')
  assert.match(await keyed('changed'), /APP_MODE/)
  assert.match(await keyed('added'), /EXTRA/)
  assert.match(await keyed('added'), /tier/)
  assert.doesNotMatch(await keyed('changed'), /team|PATH/)
  assert.match((await config.textContent()) ?? '', /443\/tcp/)

  const layers = page.getByTestId('compare-layers')
  assert.deepEqual(await attributes(layers.getByTestId('compare-layer'), 'data-status'), [
    'shared',
    'only-left',
    'only-right',
  ])

  await page.getByTestId('compare-files-button').click()
  const files = page.getByTestId('compare-file')
  await files.first().waitFor({ timeout: 90_000 })
  const fileRows = page.locator('[data-testid="compare-file"][data-kind="file"]')
  const rows = (await attributes(fileRows, 'data-path')).map((path) => path ?? '')
  const statuses = await attributes(fileRows, 'data-status')
  const byPath = Object.fromEntries(rows.map((path, i) => [path, statuses[i]]))
  assert.deepEqual(byPath, {
    '/app/only-one.txt': 'removed',
    '/app/only-two.txt': 'added',
    '/app/run': 'changed',
  })
  // Nothing outside /app differs: the base layer is the same image content.
  for (const path of await attributes(files, 'data-path')) {
    assert.ok(path?.startsWith('/app'), `unexpected change ${path ?? ''}`)
  }

  await page.getByTestId('compare-files-filter').selectOption('added')
  assert.deepEqual(await attributes(files, 'data-status'), ['added'])
  await page.getByTestId('compare-files-filter').selectOption('all')

  await page.locator('[data-testid="compare-file"][data-path="/app/run"] button').click()
  const sideBySide = page.getByTestId('compare-side-by-side')
  await sideBySide.getByText('hello from two').waitFor()
  assert.match((await sideBySide.textContent()) ?? '', /hello from one/)
  assert.equal(await sideBySide.locator('[data-kind="changed"]').count(), 1)
  assert.equal(await sideBySide.locator('[data-kind="added"]').count(), 1)
  assert.deepEqual(pageErrors, [])
  await page.close()
})

test('the details of a manifest list its referrers, with the artifactType filter', async () => {
  const query = `&ref=${encodeURIComponent(imageRef('one'))}&view=graph&node=${encodeURIComponent(one.digest)}`
  const { page, pageErrors } = await openPage(query)
  const section = page.getByTestId('referrers-section')
  await section.waitFor({ timeout: 60_000 })
  const item = section.locator(`[data-testid="referrer-item"][data-digest="${artifact.digest}"]`)
  await item.waitFor()
  assert.ok(((await item.textContent()) ?? '').includes(ARTIFACT_TYPE))
  assert.equal(await section.getByTestId('referrers-via').getAttribute('data-via'), 'fallback-tag')
  await section.getByTestId('referrers-filter').fill('application/spdx+json')
  await section.getByTestId('referrers-filter').press('Enter')
  await section.locator('[data-testid="referrers-via"]', { hasText: 'Filtered' }).waitFor()
  assert.equal(await section.getByTestId('referrer-item').count(), 0)
  assert.deepEqual(pageErrors, [])
  await page.close()
})

test('in Spanish, a warning of the comparison is worded by the page, with its data', async () => {
  const query = `&lang=es&ref=${encodeURIComponent(imageRef('one'))}&view=compare&with=${encodeURIComponent(imageRef('three'))}`
  const { page, pageErrors } = await openPage(query)
  const warning = page.locator('[data-testid="compare-warning"][data-kind="diffIdCount"]')
  await warning.waitFor({ timeout: 60_000 })
  assert.equal(await warning.count(), 1, 'only the right side lists too few diff IDs')
  const text = (await warning.textContent()) ?? ''
  assert.ok(text.includes(imageRef('three')), text)
  assert.match(text, /la configuración enumera 1 diff IDs para 2 capas/)
  await page.getByTestId('compare-layers').waitFor()
  assert.deepEqual(await untranslatedTexts(page), [])
  assert.deepEqual(pageErrors, [])
  await page.close()
})
