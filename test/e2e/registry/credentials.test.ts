// End to end: a registry behind htpasswd Basic auth. Opening an image without credentials
// shows the credential prompt; signing in there retries and shows the graph.

import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { launchChromium } from '../../harness/browser'
import { pushFixtures, type FixtureSet } from '../../harness/registryFixtures'
import { startRegistry, type RunningRegistry } from '../../harness/registryServer'
import { startWebMode, type RunningWebMode } from '../../harness/webMode'

const USER = 'teacher'
const PASSWORD = 'layers-all-the-way-down'

let registry: RunningRegistry
let fixtures: FixtureSet
let web: RunningWebMode
let browser: Browser

before(async () => {
  registry = await startRegistry({ auth: { kind: 'htpasswd', users: { [USER]: PASSWORD } } })
  fixtures = await pushFixtures({ host: registry.host, username: USER, password: PASSWORD })
  // An empty HOME: no ~/.docker/config.json of the machine may answer for us.
  web = await startWebMode({
    env: {
      HOME: '/nonexistent',
      DOCKER_CONFIG: '/nonexistent',
      REGISTRY_AUTH_FILE: '/nonexistent',
    },
  })
  browser = await launchChromium()
})

after(async () => {
  await browser?.close()
  await web?.stop()
  await registry?.stop()
})

/**
 * Fills the prompt and submits it. The prompt may re-render (and clear) while the previous
 * retry settles, so fill again until the button accepts the input.
 */
async function signIn(page: Page, password: string): Promise<void> {
  const prompt = page.getByTestId('credential-prompt')
  const deadline = Date.now() + 15_000
  while (Date.now() < deadline) {
    await prompt.getByLabel('Username').fill(USER)
    await prompt.getByLabel('Password').fill(password)
    const button = prompt.getByRole('button', { name: /sign in|save/i })
    if (await button.isEnabled()) {
      await button.click()
      return
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  assert.fail('the sign-in button never accepted the credentials')
}

test('401 → credential prompt → signed in → the graph', async () => {
  const page = await browser.newPage()
  const ref = `${registry.host}/demo/app:v1`
  await page.goto(`${web.url}&ref=${encodeURIComponent(ref)}&view=graph`)
  const authError = page.locator('[data-testid="error-panel"][data-code="AUTH_REQUIRED"]')
  await authError.waitFor()
  // A wrong password: the credentials are saved, the retry fails, the prompt comes back.
  const retried = page.waitForResponse(
    (response) =>
      response.url().endsWith('/api/call') &&
      (response.request().postData() ?? '').includes('"image:graph"'),
  )
  await signIn(page, 'wrong-password')
  await retried
  await authError.waitFor()

  await signIn(page, PASSWORD)
  await page.locator(`[data-testid="graph-node"][data-digest="${fixtures.plain.digest}"]`).waitFor()
  assert.equal(await page.getByTestId('credential-prompt').count(), 0)
  await page.close()
})
