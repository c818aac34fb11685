// End to end in Debian's Chromium against web mode: Docker Hub search from the Open box, against
// a Docker Hub stand-in (test/harness/hubStandIn.ts: a loopback server answering Hub's search API
// in Hub's shape; Hub cannot be reached from here) that web mode is pointed at with
// STRATA_DOCKER_HUB_URL. Results show the official mark, stars, pulls and the rate limit;
// choosing one opens it; "Load more" pages through 60 results 25 at a time, the rate-limit line
// following each page; a 429 is shown as a rate limit with its retry time; Spanish says it all
// in Spanish.

import assert from 'node:assert/strict'
import type { ServerResponse } from 'node:http'
import { test } from 'node:test'
import { useE2eSession } from '../../harness/e2eSession'
import { manyRepositoryName, startHubStandIn, type HubStandIn } from '../../harness/hubStandIn'
import { untranslatedTexts } from '../../harness/untranslatedText'

/** This file's own "nginx": one official repository and one of a user. */
function answer(url: URL, response: ServerResponse): boolean {
  if (url.searchParams.get('query') !== 'nginx') return false
  response.writeHead(200, {
    'content-type': 'application/json',
    'x-ratelimit-limit': '180',
    'x-ratelimit-remaining': '177',
  })
  response.end(
    JSON.stringify({
      count: 2,
      next: null,
      results: [
        {
          repo_name: 'nginx',
          short_description: 'Official build of Nginx.',
          star_count: 20_981,
          pull_count: 1_200_000_000,
          is_official: true,
          is_automated: false,
        },
        {
          repo_name: 'someone/nginx-extra',
          short_description: 'Nginx with extras',
          star_count: 12,
          pull_count: 3_400,
          is_official: false,
          is_automated: false,
        },
      ],
    }),
  )
  return true
}

let hub: HubStandIn | undefined
const session = useE2eSession({
  name: 'hub-search',
  prepare: async () => {
    hub = await startHubStandIn(answer)
  },
  webEnv: () => ({ STRATA_DOCKER_HUB_URL: hub?.url }),
  cleanup: async () => {
    await hub?.stop()
  },
})

test('Docker Hub stand-in: results with official mark, stars, pulls and rate limit; one opens', async () => {
  const { page, pageErrors } = await session().open('lang=en')
  try {
    await page.getByTestId('open-input').fill('nginx')
    await page.getByTestId('open-search-hub').click()
    const results = page.getByTestId('hub-result')
    await results.first().waitFor({ timeout: 30_000 })
    assert.equal(await results.count(), 2)
    const official = page.locator('[data-testid="hub-result"][data-name="nginx"]')
    assert.equal(await official.getByTestId('hub-official').count(), 1)
    assert.match((await official.getByTestId('hub-stars').textContent()) ?? '', /★ 21K/)
    assert.match((await official.getByTestId('hub-pulls').textContent()) ?? '', /1\.2B pulls/)
    const other = page.locator('[data-testid="hub-result"][data-name="someone/nginx-extra"]')
    assert.equal(await other.getByTestId('hub-official').count(), 0)
    assert.match(
      (await page.getByTestId('hub-search').textContent()) ?? '',
      /177 of 180 requests left/,
    )
    await official.getByRole('button', { name: 'nginx' }).click()
    await page.waitForURL(/ref=docker\.io%2Flibrary%2Fnginx/)
    assert.equal(await page.getByTestId('hub-search').count(), 0)
    assert.deepEqual(pageErrors, [])
  } finally {
    await page.close()
  }
})

test('Docker Hub stand-in: a 429 is shown as a rate limit with its retry time', async () => {
  const { page, pageErrors } = await session().open('lang=en')
  try {
    await page.getByTestId('open-input').fill('busy')
    await page.getByTestId('open-search-hub').click()
    const panel = page.getByTestId('hub-search').getByTestId('error-panel')
    await panel.waitFor({ timeout: 30_000 })
    assert.equal(await panel.getAttribute('data-code'), 'RATE_LIMITED')
    assert.match((await panel.textContent()) ?? '', /Wait 42 seconds/)
    assert.deepEqual(pageErrors, [])
  } finally {
    await page.close()
  }
})

test('Docker Hub stand-in: Load more pages through 60 results, the rate limit following each page', async () => {
  const { page, pageErrors } = await session().open('lang=en')
  try {
    await page.getByTestId('open-input').fill('many-60')
    await page.getByTestId('open-search-hub').click()
    const panel = page.getByTestId('hub-search')
    const results = panel.getByTestId('hub-result')
    const more = panel.locator('.load-more button')
    await results.first().waitFor({ timeout: 30_000 })
    assert.equal(await results.count(), 25)
    assert.match((await panel.getByTestId('hub-total').textContent()) ?? '', /25 of 60 shown/)
    const remainingAfter = async (): Promise<number> => {
      const match = /(\d+) of 180 requests left/.exec((await panel.textContent()) ?? '')
      assert.ok(match, 'the rate-limit line is shown')
      return Number(match[1])
    }
    const first = await remainingAfter()
    await more.click()
    await results.nth(49).waitFor({ timeout: 30_000 })
    assert.equal(await results.count(), 50)
    const second = await remainingAfter()
    assert.ok(second < first, `the rate-limit line follows page 2 (${first} → ${second})`)
    await more.click()
    await results.nth(59).waitFor({ timeout: 30_000 })
    assert.equal(await results.count(), 60)
    assert.equal(await more.count(), 0, 'no Load more after the last page')
    assert.equal(await panel.getByTestId('hub-total').count(), 0, 'all 60 shown')
    const names: (string | null)[] = []
    for (const item of await results.all()) names.push(await item.getAttribute('data-name'))
    assert.deepEqual(
      names,
      Array.from({ length: 60 }, (_, i) => manyRepositoryName('many-60', i + 1)),
    )
    // A result from the last page opens like one from the first.
    await results.nth(59).getByRole('button').click()
    await page.waitForURL(/ref=docker\.io%2Fmany-60%2Frepo-060/)
    assert.deepEqual(pageErrors, [])
  } finally {
    await page.close()
  }
})

test('Docker Hub stand-in: in Spanish, results, Load more and the rate limit are Spanish', async () => {
  const { page, pageErrors } = await session().open('lang=es')
  try {
    await page.getByTestId('open-input').fill('many-30')
    await page.getByTestId('open-search-hub').click()
    const panel = page.getByTestId('hub-search')
    await panel.getByTestId('hub-result').first().waitFor({ timeout: 30_000 })
    assert.match((await panel.getByTestId('hub-total').textContent()) ?? '', /25 de 30 mostrados/)
    assert.equal(await panel.locator('.load-more button').textContent(), 'Cargar más')
    assert.match((await panel.textContent()) ?? '', /descargas/)
    assert.deepEqual(await untranslatedTexts(page), [])
    assert.deepEqual(pageErrors, [])
  } finally {
    await page.close()
  }
})
