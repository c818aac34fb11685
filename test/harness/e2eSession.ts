// The set-up every end-to-end test file repeats: a scratch folder, optionally a real registry,
// Strata's web mode, Debian's Chromium; all stopped after the file's tests, in reverse order.
// Call at module level; the returned function gives the running parts inside tests.
//
//   const session = useE2eSession({ name: 'tags', registry: {} , prepare: async (s) => …})
//   test('…', async () => { const { page } = await session().open('view=tags&ref=…') })

import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before } from 'node:test'
import type { Browser } from 'playwright-core'
import { launchChromium, openPageAt, type OpenedPage } from './browser'
import { startRegistry, type RunningRegistry, type StartRegistryOptions } from './registryServer'
import { startWebMode, type RunningWebMode } from './webMode'

export interface Viewport {
  readonly width: number
  readonly height: number
}

export interface E2eSession {
  readonly workDir: string
  readonly web: RunningWebMode
  readonly browser: Browser
  /** The registry the options asked for (throws when they asked for none). */
  readonly registry: RunningRegistry
  /** A new tab at the app with this query (after the token), e.g. "view=graph&ref=…". */
  open(query: string, viewport?: Viewport): Promise<OpenedPage>
}

export interface E2eSessionOptions {
  /** Names the scratch folder (strata-NAME-…) so a leftover one says which test made it. */
  readonly name: string
  /** Start a real docker-registry with these options. */
  readonly registry?: StartRegistryOptions
  /** Environment for the web mode process; may depend on what prepare made. */
  readonly webEnv?: (prepared: Omit<E2eSession, 'web' | 'browser' | 'open'>) => NodeJS.ProcessEnv
  /** Runs after the registry is up and before web mode starts (push images, write layouts). */
  readonly prepare?: (prepared: Omit<E2eSession, 'web' | 'browser' | 'open'>) => Promise<void>
  /** Run after everything is stopped (extra servers the file started itself). */
  readonly cleanup?: () => Promise<void>
}

export function useE2eSession(options: E2eSessionOptions): () => E2eSession {
  let session: E2eSession | undefined
  let workDir: string | undefined
  let registry: RunningRegistry | undefined
  let web: RunningWebMode | undefined
  let browser: Browser | undefined

  before(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), `strata-${options.name}-`))
    if (options.registry) registry = await startRegistry(options.registry)
    const started = registry
    const prepared: Omit<E2eSession, 'web' | 'browser' | 'open'> = {
      workDir,
      get registry(): RunningRegistry {
        if (!started) throw new Error(`e2e session ${options.name} started no registry`)
        return started
      },
    }
    await options.prepare?.(prepared)
    const runningWeb = await startWebMode({ env: options.webEnv?.(prepared) })
    web = runningWeb
    const runningBrowser = await launchChromium()
    browser = runningBrowser
    session = {
      workDir: prepared.workDir,
      get registry(): RunningRegistry {
        return prepared.registry
      },
      web: runningWeb,
      browser: runningBrowser,
      open: (query, viewport) =>
        openPageAt(runningBrowser, query ? `${runningWeb.url}&${query}` : runningWeb.url, viewport),
    }
  })

  after(async () => {
    await browser?.close()
    await web?.stop()
    await registry?.stop()
    await options.cleanup?.()
    if (workDir) await rm(workDir, { recursive: true, force: true })
  })

  return () => {
    if (!session) throw new Error(`e2e session ${options.name} is not running (before() failed?)`)
    return session
  }
}
