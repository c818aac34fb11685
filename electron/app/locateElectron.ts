// Finds the Electron binary the npm package downloaded, or says why there is none.

import { createRequire } from 'node:module'

export type ElectronLocation =
  | { readonly found: true; readonly binary: string }
  | { readonly found: false; readonly reason: string }

export function locateElectron(): ElectronLocation {
  const require = createRequire(import.meta.url)
  try {
    // The electron package's main export is the path of its binary; it throws when the
    // postinstall download did not happen.
    const binary: unknown = require('electron')
    if (typeof binary === 'string') return { found: true, binary }
    return { found: false, reason: 'the electron package did not name a binary' }
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error)
    return {
      found: false,
      reason: message?.includes('Cannot find module')
        ? 'the electron package is not installed'
        : 'its binary was not downloaded',
    }
  }
}
