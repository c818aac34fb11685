// End to end in Chromium, offline: the tags sample (assets/samples/tags) opened in the Tags
// view's History tab shows, with nothing recorded yet, the moves its bundled tag history holds:
// 1.0, stable and latest moving from release 1.0.2 to 1.0.3 on 2024-04-15.

import assert from 'node:assert/strict'
import { join } from 'node:path'
import { test } from 'node:test'
import { readLayoutTags } from '../../../electron/stores/oci-layout/ociLayoutTags'
import { useE2eSession } from '../../harness/e2eSession'

const TAGS_SAMPLE = join(import.meta.dirname, '../../../assets/samples/tags')

const session = useE2eSession({ name: 'e2e-sample-tag-history' })

test('the tags sample shows its bundled moves offline, before anything is recorded', async () => {
  const tags = await readLayoutTags(TAGS_SAMPLE)
  const older = tags.get('1.0.2')?.digest
  const current = tags.get('1.0.3')?.digest
  assert.ok(older !== undefined && current !== undefined)
  const { page, pageErrors } = await session().open(
    `lang=en&view=tags&ref=${encodeURIComponent(`oci:${TAGS_SAMPLE}`)}`,
    { width: 1024, height: 700 },
  )
  await page.getByTestId('tab-history').click()
  await page.getByTestId('history-view').waitFor({ timeout: 60_000 })
  for (const tag of ['1.0', 'stable', 'latest']) {
    const move = page.locator(`[data-testid="history-move"][data-tag="${tag}"]`)
    await move.waitFor({ timeout: 60_000 })
    assert.equal(
      await move.getByTestId('history-move-from').textContent(),
      older.slice(0, 'sha256:'.length + 12),
    )
    assert.equal(
      await move.getByTestId('history-move-to').textContent(),
      current.slice(0, 'sha256:'.length + 12),
    )
  }
  // 1.0.2 and 1.0.3 never moved.
  assert.equal(await page.locator('[data-testid="history-move"][data-tag="1.0.2"]').count(), 0)
  assert.deepEqual(pageErrors, [])
  await page.close()
})
