// End to end in Debian's Chromium against web mode and a real registry: eStargz layers whose
// table of contents lies (written by the harness from the format's definition, as the
// integration test's hostile-TOC fixtures are). Opening a file whose TOC digest is wrong shows
// its real bytes (read from the whole, digest-verified layer) and marks the layer in the strip,
// in Spanish with ?lang=es, naming the file and both digests; a malformed TOC is marked as
// ignored, in the language shown; a zstd:chunked layer without a tar size says it is unknown.

import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { test } from 'node:test'
import type { Page } from 'playwright-core'
import { estargzFromTar, tocLayerImage, zstdChunkedFromTar } from '../../harness/chunkedLayers'
import type { TocLayerBlob } from '../../harness/chunkedLayers'
import { useE2eSession } from '../../harness/e2eSession'
import { sha256 } from '../../harness/layerTars'
import { RegistryPusher } from '../../harness/ociPusher'
import { untranslatedTexts } from '../../harness/untranslatedText'

const REPO = 'toc/e2e'
const SIZE = { width: 1280, height: 800 }
const MOTD = 'Welcome to a layer whose table of contents lies about this file.\n'.repeat(4)
const WRONG = sha256(Buffer.from('not this file'))

/** A small GNU tar of real files written here. */
function smallTar(dir: string): Buffer {
  const root = path.join(dir, 'rootfs')
  mkdirSync(path.join(root, 'etc'), { recursive: true })
  mkdirSync(path.join(root, 'usr/share/doc'), { recursive: true })
  writeFileSync(path.join(root, 'etc/motd'), MOTD)
  writeFileSync(path.join(root, 'usr/share/doc/readme.txt'), 'read me\n'.repeat(40))
  return execFileSync('tar', ['--format=gnu', '--sort=name', '-C', root, '-cf', '-', '.'])
}

let ref = (tag: string): string => tag

const session = useE2eSession({
  name: 'e2e-toc-warnings',
  registry: {},
  prepare: async ({ registry, workDir }) => {
    const tar = smallTar(workDir)
    const layers: Record<string, TocLayerBlob> = {
      lies: estargzFromTar(tar, {
        editToc: (entries) => {
          const motd = entries.find((e) => String(e['name']).endsWith('etc/motd'))
          assert.ok(motd, 'the TOC lists etc/motd')
          motd['digest'] = WRONG
        },
      }),
      // Written by skopeo 1.9.3, which records no tar size.
      zstd: zstdChunkedFromTar(tar),
      malformed: estargzFromTar(tar, {
        editToc: (entries) => {
          const first = entries[0]
          if (first) first['type'] = 'socket'
        },
      }),
    }
    const pusher = new RegistryPusher({ host: registry.host })
    for (const [tag, layer] of Object.entries(layers)) {
      const { config, manifest } = tocLayerImage(layer)
      await pusher.pushBlob(REPO, sha256(layer.blob), layer.blob)
      await pusher.pushBlob(REPO, sha256(config), config)
      await pusher.pushManifest(REPO, tag, manifest, 'application/vnd.oci.image.manifest.v1+json')
    }
    ref = (tag) => `${registry.host}/${REPO}:${tag}`
  },
})

const query = (lang: string, tag: string, extra: Record<string, string> = {}): string =>
  new URLSearchParams({ lang, view: 'files', ref: ref(tag), layer: '1', ...extra }).toString()

const warningsOf = (page: Page) =>
  page.locator('[data-testid="layer-item"][data-layer="1"] [data-testid="layer-toc-warning"]')

test('a file whose TOC digest lies: real bytes shown, the layer marked in Spanish naming the file and both digests', async () => {
  const { page, pageErrors } = await session().open(
    query('es', 'lies', { path: '/etc/motd' }),
    SIZE,
  )
  const text = page.getByTestId('file-text')
  await text.waitFor({ timeout: 120_000 })
  assert.ok(((await text.textContent()) ?? '').includes('Welcome to a layer'), 'the real bytes')
  const layerToc = page.locator(
    '[data-testid="layer-item"][data-layer="1"] [data-testid="layer-toc"]',
  )
  assert.equal(await layerToc.getAttribute('data-format'), 'estargz')
  // The read that fell back marks the layer: the strip asks again once reads end.
  const warning = warningsOf(page).first()
  await warning.waitFor({ state: 'attached', timeout: 60_000 })
  assert.equal(await warningsOf(page).count(), 1)
  assert.equal(await warning.getAttribute('data-kind'), 'fileDigestMismatch')
  await page.getByTestId('layer-toc-warnings').locator('summary').click()
  const words = ((await warning.textContent()) ?? '').trim()
  assert.ok(words.startsWith('/etc/motd: '), words)
  assert.ok(words.includes('tabla de contenidos') && words.includes('capa entera'), words)
  assert.ok(words.includes(WRONG), 'the digest the TOC gives')
  assert.ok(words.includes(sha256(Buffer.from(MOTD))), 'the digest the bytes have')
  assert.match(
    (await layerToc.textContent()) ?? '',
    /listada desde su tabla de contenidos estargz.*marcada: 1 aviso/,
  )
  assert.deepEqual(await untranslatedTexts(page), [], 'no English catalogue text left')
  assert.deepEqual(pageErrors, [])

  // A malformed TOC, on the same page: ignored, the layer read in full, said in English too.
  await page.goto(`${session().web.url}&${query('en', 'malformed')}`)
  const ignored = warningsOf(page).first()
  await ignored.waitFor({ state: 'attached', timeout: 120_000 })
  assert.equal(await ignored.getAttribute('data-kind'), 'tocIgnored')
  assert.match(
    (await ignored.textContent()) ?? '',
    /^The estargz table of contents could not be used \(.+\); the whole layer was read instead\.$/,
  )
  const meta = page.locator('[data-testid="layer-item"][data-layer="1"] .layer-meta').first()
  assert.match((await meta.textContent()) ?? '', /unpacked/)

  // A zstd:chunked layer whose tar size nobody gives: "unknown", never "0 B".
  await page.goto(`${session().web.url}&${query('es', 'zstd')}`)
  const zstdMeta = page.locator('[data-testid="layer-item"][data-layer="1"] .layer-meta').first()
  await zstdMeta.getByText(/entradas/).waitFor({ timeout: 120_000 })
  const zstdWords = (await zstdMeta.textContent()) ?? ''
  assert.match(zstdWords, /zstd · tamaño sin comprimir desconocido · \d+ entradas/)
  assert.doesNotMatch(zstdWords, /0 B sin comprimir/)
})
