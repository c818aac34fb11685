// End to end, in Debian's Chromium against web mode, at 1024×700 and 1920×1080: the files table
// with the viewer open keeps its size, layer and change columns in view; modified times are
// whole; a long symlink target can be read in full on the details line; a directory holding
// what the layer changed carries dive's mark (and one holding nothing of it does not); the hex
// view has room for its ASCII column; "1 line", not "1 lines"; the page never scrolls sideways.

import assert from 'node:assert/strict'
import path from 'node:path'
import { test } from 'node:test'
import type { Page } from 'playwright-core'
import { openPageAt } from '../../harness/browser'
import { useE2eSession } from '../../harness/e2eSession'
import { BINARY } from '../../harness/filesFixtures'
import { OciLayoutBuilder, type TarEntrySpec } from '../../harness/ociBuilder'

const LONG_TARGET =
  '../../opt/vendor/example-toolkit/releases/2024.03/lib/x86_64-linux-gnu/libexample.so.1.2.3'

let imageRef: string

const session = useE2eSession({
  name: 'e2e-files-table',
  prepare: async ({ workDir }) => {
    const dir = path.join(workDir, 'layout')
    const builder = new OciLayoutBuilder(dir)
    const stamp = (files: readonly TarEntrySpec[]): TarEntrySpec[] =>
      files.map((f) => ({ ...f, mtime: 1_709_294_400 }))
    const base = builder.addLayer(
      stamp([
        { type: 'dir', path: 'etc' },
        { type: 'file', path: 'etc/one-line.txt', content: 'just one line\n' },
        { type: 'dir', path: 'usr' },
        { type: 'dir', path: 'usr/lib' },
        { type: 'dir', path: 'usr/lib/deep' },
        { type: 'file', path: 'usr/lib/deep/conf.txt', content: 'a = 1\n' },
        { type: 'file', path: 'usr/lib/blob.bin', content: BINARY },
        { type: 'symlink', path: 'usr/lib/current', target: LONG_TARGET },
      ]),
      { compression: 'gzip' },
    )
    // The top layer changes one file deep below usr/, and nothing below etc/.
    const top = builder.addLayer(
      stamp([
        { type: 'dir', path: 'usr' },
        { type: 'dir', path: 'usr/lib' },
        { type: 'dir', path: 'usr/lib/deep' },
        { type: 'file', path: 'usr/lib/deep/conf.txt', content: 'a = 2\n' },
      ]),
      { compression: 'gzip' },
    )
    const config = builder.addConfig({
      architecture: 'amd64',
      os: 'linux',
      rootfs: { type: 'layers', diff_ids: [base.diffId, top.diffId] },
    })
    builder.tag('t', builder.addManifest({ config, layers: [base, top] }))
    await builder.write()
    imageRef = `oci:${dir}:t`
  },
})

function filesUrl(extra: Record<string, string> = {}): string {
  return `${session().web.url}&${new URLSearchParams({ ref: imageRef, view: 'files', ...extra }).toString()}`
}

function row(page: Page, imagePath: string) {
  return page.locator(`[data-testid="file-row"][data-path="${imagePath}"]`)
}

/** Runs in the page (the tests have no DOM types): boxes of the header's cells and scroll box. */
const HEADER_CELLS = `(() => {
  const scroll = document.querySelector('[data-testid="file-tree"] .file-tree-scroll')
  const box = scroll.getBoundingClientRect()
  const cell = (name) => {
    const r = document.querySelector('[data-testid="file-tree"] .file-header .' + name).getBoundingClientRect()
    return { left: r.left, right: r.right, width: r.width }
  }
  return {
    scroll: { left: box.left, right: box.right },
    overflowing: scroll.scrollWidth > scroll.clientWidth + 1,
    size: cell('file-size'), layer: cell('file-layer'), change: cell('file-change'),
    mtime: cell('file-mtime'),
  }
})()`

const MTIME_CUT = `[...document.querySelectorAll('[data-testid="file-row"] .file-mtime')]
  .filter((cell) => cell.scrollWidth > cell.clientWidth + 1).length`

const HEX_FITS = `(() => {
  const scroll = document.querySelector('[data-testid="file-viewer"] .code-scroll')
  const ascii = document.querySelector('[data-testid="file-hex"] .hex-ascii')
  return {
    asciiRight: ascii.getBoundingClientRect().right,
    scrollRight: scroll.getBoundingClientRect().right,
    asciiWidth: ascii.getBoundingClientRect().width,
    sideways: scroll.scrollWidth - scroll.clientWidth,
  }
})()`

const PAGE_OVERFLOW = `(() => {
  const main = document.querySelector('.main')
  return Math.max(
    document.documentElement.scrollWidth - document.documentElement.clientWidth,
    main ? main.scrollWidth - main.clientWidth : 0,
  )
})()`

interface CellBox {
  readonly left: number
  readonly right: number
  readonly width: number
}

for (const size of [
  { width: 1024, height: 700 },
  { width: 1920, height: 1080 },
]) {
  test(`${size.width}×${size.height}: table columns, times, marks and plurals with the viewer open`, async () => {
    const { page, pageErrors } = await openPageAt(
      session().browser,
      filesUrl({ path: '/etc/one-line.txt' }),
      size,
    )
    // Indexing starts a worker on first use: generous on a busy machine.
    await row(page, 'etc/one-line.txt').waitFor({ timeout: 120_000 })
    await page.getByTestId('file-text').waitFor({ timeout: 60_000 })
    assert.match((await page.getByTestId('file-shown').textContent()) ?? '', /^1 line, /)

    const cells = await page.evaluate<{
      scroll: { left: number; right: number }
      overflowing: boolean
      size: CellBox
      layer: CellBox
      change: CellBox
      mtime: CellBox
    }>(HEADER_CELLS)
    assert.equal(cells.overflowing, false, 'the tree does not scroll sideways')
    for (const name of ['size', 'layer', 'change', 'mtime'] as const) {
      const cell = cells[name]
      assert.ok(cell.width > 20, `${name} column shown`)
      assert.ok(cell.right <= cells.scroll.right + 0.5, `${name} column inside the tree`)
      assert.ok(cell.left >= cells.scroll.left - 0.5, `${name} column inside the tree`)
    }
    assert.equal(await page.evaluate<number>(MTIME_CUT), 0, 'no modified time is cut')
    const mtime = row(page, 'etc/one-line.txt').locator('.file-mtime')
    // The instant as the language shown writes it (Intl, UTC).
    assert.match((await mtime.textContent()) ?? '', /^Mar 1, 2024,? 12:00 UTC$/)
    assert.equal(await mtime.getAttribute('title'), await mtime.textContent())

    // usr/ holds the top layer's change (usr/lib/deep/conf.txt); etc/ holds none of it.
    await row(page, 'usr')
      .and(page.locator('[data-contains-changes="true"]'))
      .waitFor({ timeout: 60_000 })
    assert.equal(await row(page, 'usr').getByTestId('dir-changes-mark').count(), 1)
    assert.equal(await row(page, 'etc').getAttribute('data-contains-changes'), null)
    assert.equal(await row(page, 'etc').getByTestId('dir-changes-mark').count(), 0)

    // The long symlink target, whole, on the details line of the hovered row.
    await row(page, 'usr').locator('.file-name').click()
    await row(page, 'usr/lib').waitFor()
    assert.equal(await row(page, 'usr/lib').getAttribute('data-contains-changes'), 'true')
    await row(page, 'usr/lib').locator('.file-name').click()
    await row(page, 'usr/lib/current').hover()
    const details = page.getByTestId('file-details')
    await details.and(page.locator('[data-path="usr/lib/current"]')).waitFor()
    assert.ok(((await details.textContent()) ?? '').includes(`symlink → ${LONG_TARGET}`))
    assert.match((await details.textContent()) ?? '', /Mar 1, 2024,? 12:00 UTC/)
    assert.equal(await page.evaluate<number>(PAGE_OVERFLOW), 0, 'no sideways page overflow')
    assert.deepEqual(pageErrors, [])
    await page.close()
  })

  test(`${size.width}×${size.height}: the hex view shows its ASCII column without overflow`, async () => {
    const { page, pageErrors } = await openPageAt(
      session().browser,
      filesUrl({ path: '/usr/lib/blob.bin' }),
      size,
    )
    await page.getByTestId('file-hex').waitFor({ timeout: 120_000 })
    await page.locator('[data-testid="file-hex"] .hex-ascii').first().waitFor()
    const hex = await page.evaluate<{
      asciiRight: number
      scrollRight: number
      asciiWidth: number
      sideways: number
    }>(HEX_FITS)
    assert.ok(hex.asciiWidth > 40, 'the ASCII column has room')
    assert.ok(hex.asciiRight <= hex.scrollRight + 0.5, 'the ASCII column is inside the viewer')
    assert.ok(hex.sideways <= 0, 'the hex dump does not scroll sideways')
    // The tree beside or above it still shows size, layer and change.
    const cells = await page.evaluate<{ scroll: { right: number }; change: CellBox }>(HEADER_CELLS)
    assert.ok(cells.change.right <= cells.scroll.right + 0.5)
    assert.equal(await page.evaluate<number>(PAGE_OVERFLOW), 0, 'no sideways page overflow')
    assert.deepEqual(pageErrors, [])
    await page.close()
  })
}
