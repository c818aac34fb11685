// Small helpers for running the reference tools (debootstrap, tar, gzip, zstd) from the
// benchmark: run to completion, run through a shell pipeline, and time a command.

import { spawn } from 'node:child_process'
import { accessSync, constants } from 'node:fs'
import { performance } from 'node:perf_hooks'

export class BenchFailure extends Error {}

/** Runs a command, inheriting nothing; rejects with its stderr tail on a non-zero exit. */
export function run(
  command: string,
  args: readonly string[],
  options: { readonly quiet?: boolean } = {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (text: string) => {
      stderr = (stderr + text).slice(-4000)
      if (options.quiet !== true) process.stderr.write(text)
    })
    child.on('error', reject)
    child.on('close', (code) => {
      if (code === 0) resolve()
      else
        reject(
          new BenchFailure(`${command} ${args.join(' ')} exited with ${code}\n${stderr.trim()}`),
        )
    })
  })
}

/** Runs `sh -c script` (used for pipelines such as `zstd -dc f | tar -tv`). */
export function runShell(script: string): Promise<void> {
  return run('sh', ['-c', `set -e; ${script}`], { quiet: true })
}

/** Wall-clock milliseconds of one async operation. */
export async function timeMs(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await work()
  return performance.now() - start
}

export function hasExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** Single-quotes a path for sh. */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", "'\\''")}'`
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  if (sorted.length === 0) return Number.NaN
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}
