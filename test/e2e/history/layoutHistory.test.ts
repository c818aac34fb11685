// End to end in Debian's Chromium against web mode: an OCI layout written by skopeo, whose
// index.json names its images with ref.name annotations, used offline like a repository. Its
// graph view has a Tags tab listing those names (digests linking to their objects) and a History
// tab that records them; a tag moved by skopeo shows as a move whose times carry seconds (both
// sightings fall within a minute), on the same UTC 24-hour clock as the time axis, with the new
// digest's bar clear of the move marker and the moved digests as links.

import assert from 'node:assert/strict'
import { join } from 'node:path'
import { test } from 'node:test'
import type { Page } from 'playwright-core'
import { readLayoutTags } from '../../../electron/stores/oci-layout/ociLayoutTags'
import { openPageAt } from '../../harness/browser'
import { useE2eSession } from '../../harness/e2eSession'
import { writeSkopeoTaggedLayout } from '../../harness/skopeoTaggedLayout'
import { runTool } from '../../harness/tools'

let source: string
let layout: string

async function digestOf(tag: string): Promise<string> {
  const entry = (await readLayoutTags(layout)).get(tag)
  assert.ok(entry, `the layout names ${tag}`)
  return entry.digest
}

const session = useE2eSession({
  name: 'e2e-layout-history',
  prepare: async ({ workDir }) => {
    source = join(workDir, 'source')
    layout = join(workDir, 'layout')
    await writeSkopeoTaggedLayout(source, layout, {
      one: '2024-01-01T00:00:00Z',
      two: '2025-01-01T00:00:00Z',
    })
  },
})

const SIZE = { width: 1024, height: 700 }
const view = (name: string, ref: string): string =>
  `${session().web.url}&ref=${encodeURIComponent(ref)}&view=${name}`

/** How far the page (or the main area) scrolls sideways; 0 when nothing overflows. */
async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate<number>(`Math.max(
    document.documentElement.scrollWidth - document.documentElement.clientWidth,
    document.querySelector('.main').scrollWidth - document.querySelector('.main').clientWidth)`)
}

async function record(page: Page, tags: number): Promise<void> {
  await page.getByTestId('history-record').click()
  const recorded = page.getByTestId('history-recorded')
  await recorded.waitFor({ timeout: 60_000 })
  assert.match((await recorded.textContent()) ?? '', new RegExp(`Recorded ${tags} tags`))
}

test('a layout with ref.name tags has a Tags tab listing them, digests opening their objects', async () => {
  const { page, pageErrors } = await openPageAt(
    session().browser,
    view('graph', `oci:${layout}:v1`),
    SIZE,
  )
  await page.getByTestId('tab-tags').click()
  await page.getByTestId('tags-header').waitFor({ timeout: 60_000 })
  const rows = page.getByTestId('tag-item')
  await rows.first().waitFor()
  const names: (string | null)[] = []
  for (let i = 0; i < (await rows.count()); i++)
    names.push(await rows.nth(i).getAttribute('data-tag'))
  assert.deepEqual(names, ['latest', 'v1', 'v2'])
  const v2 = await digestOf('v2')
  const link = page.locator(
    '[data-testid="tag-item"][data-tag="v2"] [data-testid="tag-digest-link"]',
  )
  await link.waitFor({ timeout: 60_000 })
  assert.equal(await link.textContent(), v2.slice(0, 'sha256:'.length + 12))
  await link.click()
  await page.locator(`[data-testid="graph-node"][data-digest="${v2}"]`).first().waitFor({
    timeout: 60_000,
  })
  assert.equal(new URL(page.url()).searchParams.get('ref'), `oci:${layout}:${v2}`)
  await page.goBack()
  await page.getByTestId('tags-header').waitFor()
  assert.equal(await sidewaysOverflow(page), 0, 'the tags view fits the window')
  assert.deepEqual(pageErrors, [])
  await page.close()
})

test('History on a layout: a moved tag, times on one UTC clock with seconds, links', async () => {
  const { page, pageErrors } = await openPageAt(
    session().browser,
    view('tags', `oci:${layout}`),
    SIZE,
  )
  await page.getByTestId('tab-history').click()
  await page.getByTestId('history-view').waitFor()
  await record(page, 3)
  const one = await digestOf('v1')
  const two = await digestOf('v2')
  await runTool('skopeo', ['copy', '-q', `oci:${source}:two`, `oci:${layout}:latest`])
  // Sightings a second or more apart, within one minute as a class demo would do it.
  await page.waitForTimeout(1_100)
  await record(page, 3)
  const move = page.locator('[data-testid="history-move"][data-tag="latest"]')
  await move.waitFor({ timeout: 60_000 })

  // The move's window is told with seconds when the minutes are equal, in UTC.
  const when = (await move.getByTestId('history-move-when').textContent()) ?? ''
  const times = [
    ...when.matchAll(
      /([A-Z][a-z]{2} \d{1,2}, \d{4}), (\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d{3})? UTC/g,
    ),
  ]
  assert.equal(times.length, 2, when)
  const [before, after] = times
  assert.ok(before && after)
  if (before[2] === after[2] && before[3] === after[3]) {
    assert.ok(before[4] !== undefined && after[4] !== undefined, `seconds shown: ${when}`)
  }
  assert.notEqual(before[0], after[0], `the two times read differently: ${when}`)

  // The axis uses the same clock: UTC, 24-hour, ticks within the minutes the moves list names,
  // in this window and a large one.
  const minuteOf = (hh: string, mm: string): number => Number(hh) * 60 + Number(mm)
  const low = minuteOf(before[2] ?? '', before[3] ?? '') - 2
  const high = minuteOf(after[2] ?? '', after[3] ?? '') + 2
  // Minutes of the day wrap at midnight.
  const within = (minute: number): boolean =>
    (minute - low + 1440) % 1440 <= (high - low + 1440) % 1440
  const checkAxis = async (where: string): Promise<void> => {
    assert.match((await page.getByTestId('history-axis-clock').textContent()) ?? '', /UTC, 24-hour/)
    const ticks = (await page.getByTestId('history-axis').locator('.tick text').allTextContents())
      .map((t) => t.trim())
      .filter((t) => t !== '')
    assert.ok(ticks.length >= 2, `${where}: axis ticks ${ticks.join(' | ')}`)
    assert.equal(
      new Set(ticks).size,
      ticks.length,
      `${where}: ticks read alike: ${ticks.join(' | ')}`,
    )
    for (const tick of ticks) {
      const parts = /^(?:[A-Z][a-z]{2} \d{1,2}, )?([01]\d|2[0-3]):([0-5]\d)(?::[0-5]\d)?$/.exec(
        tick,
      )
      assert.ok(parts, `${where}: tick "${tick}" is a 24-hour time like the moves list's`)
      assert.ok(
        within(minuteOf(parts[1] ?? '', parts[2] ?? '')),
        `${where}: tick ${tick} outside ${when}`,
      )
    }
    assert.equal(await sidewaysOverflow(page), 0, `${where}: the history view fits the window`)
  }
  await checkAxis('1024×700')
  await page.setViewportSize({ width: 1920, height: 1080 })
  await page.waitForTimeout(500)
  await checkAxis('1920×1080')

  // Right after the move, the new digest's bar is in sight: the marker sits above it.
  const bar = await page
    .locator(`[data-testid="history-segment"][data-tag="latest"][data-digest="${two}"]`)
    .boundingBox()
  const marker = await page
    .locator('[data-testid="history-move-marker"] .move-marker')
    .first()
    .boundingBox()
  assert.ok(bar && marker)
  assert.ok(marker.y + marker.height <= bar.y + 0.5, 'the marker does not cover the new bar')

  // The moved digests are links to those images.
  assert.equal(
    await move.getByTestId('history-move-from').textContent(),
    one.slice(0, 'sha256:'.length + 12),
  )
  await move.getByTestId('history-move-to').click()
  await page.locator(`[data-testid="graph-node"][data-digest="${two}"]`).first().waitFor({
    timeout: 60_000,
  })
  assert.equal(new URL(page.url()).searchParams.get('ref'), `oci:${layout}:${two}`)
  assert.deepEqual(pageErrors, [])
  await page.close()
})
