// Bundles the Electron entry points: main as an ES module, the preload as CommonJS (sandboxed
// preloads cannot be ES modules). npm packages stay external; electron-builder ships them.

import { build } from 'esbuild'
import path from 'node:path'
import { PROJECT_ROOT } from './appPaths'

export interface BundleOptions {
  readonly outdir?: string
  /**
   * Replaces the `electron` module with another file. Only the shell's tests use it, where
   * the Electron binary cannot run.
   */
  readonly electronModule?: string
}

export async function bundleDesktopShell(options: BundleOptions = {}): Promise<void> {
  const outdir = options.outdir ?? path.join(PROJECT_ROOT, 'dist', 'electron')
  const electron = options.electronModule
    ? { alias: { electron: options.electronModule } }
    : { external: ['electron'] }
  const common = {
    bundle: true,
    platform: 'node' as const,
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning' as const,
    ...electron,
  }
  await build({
    ...common,
    entryPoints: [path.join(PROJECT_ROOT, 'electron', 'main.ts')],
    outfile: path.join(outdir, 'main.js'),
    format: 'esm',
    // npm packages stay external, except a stand-in for electron, which must be bundled.
    external: [
      '@grpc/grpc-js', // CommonJS that requires node builtins, which an ES bundle cannot inline
      '@grpc/proto-loader',
      'undici',
      'ajv',
      'ajv-formats',
      'esbuild',
      'vite',
      ...(options.electronModule ? [] : ['electron']),
    ],
  })
  // The layer-index worker thread runs next to main.js (composeServices looks for it there).
  await build({
    ...common,
    entryPoints: [path.join(PROJECT_ROOT, 'electron', 'files', 'indexWorker.ts')],
    outfile: path.join(outdir, 'indexWorker.js'),
    format: 'esm',
    external: ['fzstd'],
  })
  await build({
    ...common,
    entryPoints: [path.join(PROJECT_ROOT, 'electron', 'preload.ts')],
    outfile: path.join(outdir, 'preload.cjs'),
    format: 'cjs',
  })
}
