// End to end in Debian's Chromium against web mode: quay.io's server-side tag history in the
// history view, from a Quay API stand-in (a loopback server answering Quay's tag API in Quay's
// shape, since quay.io cannot be reached from here) that web mode is pointed at with
// STRATA_QUAY_API_URL. In Spanish: a repository Quay knows is merged into the timeline and says
// so; one Quay answers 404 for is said not merged, why worded from the error's code in Spanish,
// even though the journal is empty.

import assert from 'node:assert/strict'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { test } from 'node:test'
import { es } from '../../../renderer/i18n/es'
import { useE2eSession } from '../../harness/e2eSession'
import { untranslatedTexts } from '../../harness/untranslatedText'

const DIGEST = `sha256:${'4'.repeat(64)}`

let quay: Server | undefined
let quayUrl = ''
const session = useE2eSession({
  name: 'quay-history',
  prepare: async () => {
    const server = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://stand-in')
      if (url.pathname === '/api/v1/repository/ns/app/tag/') {
        const tags = [{ name: 'latest', start_ts: 1_700_000_000, manifest_digest: DIGEST }]
        response.writeHead(200, { 'content-type': 'application/json' })
        response.end(JSON.stringify({ tags, page: 1, has_additional: false }))
      } else {
        response.writeHead(404).end()
      }
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    quay = server
    quayUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  },
  webEnv: () => ({ STRATA_QUAY_API_URL: quayUrl }),
  cleanup: async () => {
    quay?.closeAllConnections()
    await new Promise<void>((resolve) => (quay ? quay.close(() => resolve()) : resolve()))
  },
})

const historyOf = (repository: string): string =>
  `lang=es&view=history&ref=${encodeURIComponent(repository)}`

test('Quay stand-in, in Spanish: merged history is said merged; a 404 is said not merged and why', async () => {
  const { page, pageErrors } = await session().open(historyOf('quay.io/ns/app'))
  try {
    const line = page.getByTestId('history-quay')
    await line.waitFor({ timeout: 60_000 })
    assert.equal(await line.textContent(), es.history.quay.merged)
    await page
      .locator(`[data-testid="history-segment"][data-tag="latest"][data-digest="${DIGEST}"]`)
      .waitFor()

    await page.goto(`${session().web.url}&${historyOf('quay.io/ns/missing')}`)
    const failed = page.getByTestId('history-quay')
    await failed.waitFor({ timeout: 60_000 })
    const text = (await failed.textContent()) ?? ''
    assert.ok(text.startsWith('No se pudo incorporar el historial'), text)
    assert.ok(text.includes(es.errors.NOT_FOUND.title), `the 404 worded in Spanish: ${text}`)
    assert.doesNotMatch(text, /has no repository/, 'not the main side English')
    await page.getByTestId('history-empty').waitFor()
    assert.deepEqual(await untranslatedTexts(page), [])
    assert.deepEqual(pageErrors, [])
  } finally {
    await page.close()
  }
})
