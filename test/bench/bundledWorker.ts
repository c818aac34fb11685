// The index worker as the desktop build ships it: indexWorker.ts bundled by esbuild into one
// JavaScript file (electron/app/bundleDesktopShell.ts does the same). Running from source,
// the app starts the .ts worker through a tsx bootstrap that compiles the worker's modules on
// every start; that start-up cost belongs to development, not to what users run, so the
// timed figures use this bundle (the tsx worker is reported alongside).
// The Node 24 child that times the zstd index (test/harness/zstdIndexChild.ts) is bundled the
// same way and run without tsx: Node 24 hands the parent's `--import tsx` hooks down to worker
// threads, so a tsx child starts even the bundled worker through tsx, ~1 s the app never pays.

import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { BENCH_CACHE_DIR } from './rootfsLayer'

const WORKER_SOURCE = fileURLToPath(new URL('../../electron/files/indexWorker.ts', import.meta.url))
const ZSTD_CHILD_SOURCE = fileURLToPath(new URL('../harness/zstdIndexChild.ts', import.meta.url))

/** `entry` bundled into one ES module file for plain `node`, rebuilt on every run. */
async function bundleForNode(entry: string, outfile: string, banner?: string): Promise<void> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    logLevel: 'warning',
    ...(banner !== undefined ? { banner: { js: banner } } : {}),
  })
}

let bundled: Promise<URL> | undefined

export function bundledWorkerUrl(): Promise<URL> {
  bundled ??= (async () => {
    // Rebuilt on every run, so it always matches the source being measured.
    const outfile = join(BENCH_CACHE_DIR, 'indexWorker.js')
    await bundleForNode(WORKER_SOURCE, outfile)
    return pathToFileURL(outfile)
  })()
  return bundled
}

let bundledChild: Promise<string> | undefined

/** test/harness/zstdIndexChild.ts as one ES module file that plain `node` runs. */
export function bundledZstdIndexChild(): Promise<string> {
  bundledChild ??= (async () => {
    const outfile = join(BENCH_CACHE_DIR, 'zstdIndexChild.mjs')
    // Bundled CommonJS dependencies call require(); an ES module has none of its own.
    await bundleForNode(
      ZSTD_CHILD_SOURCE,
      outfile,
      "import { createRequire as strataRequire } from 'node:module'; const require = strataRequire(import.meta.url);",
    )
    return outfile
  })()
  return bundledChild
}
