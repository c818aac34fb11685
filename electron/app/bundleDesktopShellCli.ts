// `npm run build` step: bundle the Electron main and preload into dist/electron.

import { bundleDesktopShell } from './bundleDesktopShell'

await bundleDesktopShell()
