// `npm start`: the desktop window where the Electron binary exists, web mode where it does not
// (for example on machines that cannot download it). Says which in one line.

import { spawn } from 'node:child_process'
import path from 'node:path'
import { PROJECT_ROOT } from './app/appPaths'
import { bundleDesktopShell } from './app/bundleDesktopShell'
import { locateElectron } from './app/locateElectron'
import { ensureRendererBuilt } from './web/ensureRendererBuilt'
import { serveWebMode } from './web/serveWebMode'

async function start(argv: readonly string[]): Promise<void> {
  const electron = locateElectron()
  if (!electron.found) {
    console.log(
      `Strata: no Electron binary (${electron.reason}); serving the same UI in web mode instead.`,
    )
    await serveWebMode(argv)
    return
  }
  await ensureRendererBuilt((line) => console.error(line))
  await bundleDesktopShell()
  console.log('Strata: opening the desktop window.')
  const child = spawn(electron.binary, [path.join(PROJECT_ROOT, 'dist', 'electron', 'main.js')], {
    stdio: 'inherit',
  })
  child.on('exit', (code) => process.exit(code ?? 0))
}

start(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`Strata could not start: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
