// Starts web mode: builds the renderer if needed, composes the services, serves them on
// 127.0.0.1 and prints the address with its per-launch token on stdout.

import { composeServices } from '../app/composeServices'
import { guardDownloads, guardHandlerTable } from '../app/lastResortGuard'
import { defaultDataDir, RENDERER_DIST_DIR } from '../app/appPaths'
import { createDownloadProvider } from '../files/downloads'
import { createHandlers } from '../api/handlers'
import { ensureRendererBuilt } from './ensureRendererBuilt'
import { startWebServer, type RunningWebServer } from './webServer'
import { parseServeArguments } from './serveArguments'

export async function serveWebMode(argv: readonly string[]): Promise<RunningWebServer> {
  const options = parseServeArguments(argv)
  await ensureRendererBuilt((line) => console.error(line))
  const services = await composeServices({
    mode: 'web',
    dataDir: defaultDataDir(),
    keepIndexThreadReady: true,
  })
  const server = await startWebServer({
    // Each call runs as a guarded operation: a failure nobody caught fails it with INTERNAL.
    table: () => guardHandlerTable(createHandlers(services)),
    downloads: guardDownloads(createDownloadProvider(services)),
    rendererDir: RENDERER_DIST_DIR,
    port: options.port,
  })
  console.log(`Strata web mode: ${server.url}`)
  const stop = (): void => {
    // The journal flushes its pending appends on close: nothing observed is lost on Ctrl-C.
    void Promise.allSettled([server.close(), services.close()]).then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  return server
}
