// The status bar's waiting calls, as the slow-source e2e tests drive them: the elapsed time must
// tick, and every waiting call's Cancel is clicked until none is left.

import assert from 'node:assert/strict'
import type { Locator, Page } from 'playwright-core'

/** The call's data-elapsed grows within `waitMs` (elapsed times tick once a second). */
export async function assertElapsedRuns(
  page: Page,
  waiting: Locator,
  waitMs: number,
): Promise<void> {
  const firstElapsed = Number(await waiting.getAttribute('data-elapsed'))
  await page.waitForTimeout(waitMs)
  assert.ok(Number(await waiting.getAttribute('data-elapsed')) > firstElapsed, 'the time runs')
}

/**
 * Clicks Cancel on every waiting call (new ones may appear as others end), for up to 10 s.
 * Answers when the first click was made (Date.now()), to time what the cancel closes.
 */
export async function cancelEveryWaitingCall(page: Page): Promise<number> {
  const cancelledAt = Date.now()
  const cancels = page.getByTestId('status-call-cancel')
  while ((await cancels.count()) > 0 && Date.now() - cancelledAt < 10_000) {
    await cancels
      .first()
      .click({ timeout: 2000 })
      .catch(() => undefined)
  }
  return cancelledAt
}
