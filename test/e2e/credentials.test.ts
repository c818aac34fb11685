// End to end: a registry behind htpasswd Basic auth. Opening an image without credentials
// shows the credential prompt; signing in there retries and shows the graph.

import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { Browser } from 'playwright-core'
import { launchChromium } from '../harness/browser'
import { pushFixtures, type FixtureSet } from '../harness/registryFixtures'
import { startRegistry, type RunningRegistry } from '../harness/registryServer'
import { startWebMode, type RunningWebMode } from '../harness/webMode'

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

test('401 → credential prompt → signed in → the graph', async () => {
  const page = await browser.newPage()
  const ref = `${registry.host}/demo/app:v1`
  await page.goto(`${web.url}&ref=${encodeURIComponent(ref)}&view=graph`)
  const authError = page.locator('[data-testid="error-panel"][data-code="AUTH_REQUIRED"]')
  await authError.waitFor()
  const prompt = page.getByTestId('credential-prompt')
  await prompt.getByLabel('Username').fill(USER)
  await prompt.getByLabel('Password').fill('wrong-password')
  await prompt.getByRole('button', { name: /sign in|save/i }).click()
  await page.locator('[data-testid="error-panel"][data-code="AUTH_REQUIRED"]').waitFor()

  await prompt.getByLabel('Username').fill(USER)
  await prompt.getByLabel('Password').fill(PASSWORD)
  await prompt.getByRole('button', { name: /sign in|save/i }).click()
  await page.locator(`[data-testid="graph-node"][data-digest="${fixtures.plain.digest}"]`).waitFor()
  assert.equal(await page.getByTestId('credential-prompt').count(), 0)
  await page.close()
})
