// Bundles the Electron entry points: main as an ES module, the preload as CommonJS (sandboxed
// preloads cannot be ES modules). npm packages stay external; electron-builder ships them.

import { build } from 'esbuild'
import path from 'node:path'
import { PROJECT_ROOT } from './appPaths'

export async function bundleDesktopShell(): Promise<void> {
  const outdir = path.join(PROJECT_ROOT, 'dist', 'electron')
  const common = {
    bundle: true,
    platform: 'node' as const,
    target: 'node20',
    sourcemap: true,
    external: ['electron'],
    logLevel: 'warning' as const,
  }
  await build({
    ...common,
    entryPoints: [path.join(PROJECT_ROOT, 'electron', 'main.ts')],
    outfile: path.join(outdir, 'main.js'),
    format: 'esm',
    packages: 'external',
  })
  await build({
    ...common,
    entryPoints: [path.join(PROJECT_ROOT, 'electron', 'preload.ts')],
    outfile: path.join(outdir, 'preload.cjs'),
    format: 'cjs',
  })
}
