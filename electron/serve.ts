// Web mode entry: `npm run serve -- --port N`. Serves the renderer and the same handler table
// as the desktop window on 127.0.0.1, and prints the address (with its per-launch token).

import { installLastResortGuard } from './app/lastResortGuard'
import { serveWebMode } from './web/serveWebMode'

// First, so that nothing a registry or a layer sends can end the server (lastResortGuard.ts).
installLastResortGuard()

serveWebMode(process.argv.slice(2)).catch((error: unknown) => {
  const reason = error instanceof Error ? error.message : String(error)
  console.error(`Strata could not start web mode: ${reason}`)
  process.exit(1)
})
