// Starts Strata's web mode the way a user does (`tsx electron/serve.ts --port 0`) in a child
// process with its own data directory, and reads the address it prints.

import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

export interface RunningWebMode {
  readonly url: string
  readonly origin: string
  readonly token: string
  readonly dataDir: string
  readonly output: () => string
  stop(): Promise<void>
}

const PROJECT_ROOT = path.resolve(import.meta.dirname, '..', '..')
const URL_LINE = /Strata web mode: (http:\/\/127\.0\.0\.1:\d+\/\?token=([\w-]+))/

export async function startWebMode(
  options: { readonly env?: NodeJS.ProcessEnv } = {},
): Promise<RunningWebMode> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'strata-data-'))
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(PROJECT_ROOT, 'electron', 'serve.ts'), '--port', '0'],
    {
      cwd: PROJECT_ROOT,
      env: { ...process.env, STRATA_DATA_DIR: dataDir, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const match = await waitForUrl(child, () => output)
  return {
    url: match.url,
    origin: new URL(match.url).origin,
    token: match.token,
    dataDir,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGTERM')
        await exited
      }
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}

function waitForUrl(
  child: ChildProcess,
  output: () => string,
): Promise<{ url: string; token: string }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`web mode printed no address within 120 s:\n${output()}`))
    }, 120_000)
    const check = (): void => {
      const match = URL_LINE.exec(output())
      if (match?.[1] && match[2]) {
        clearTimeout(timer)
        resolve({ url: match[1], token: match[2] })
      }
    }
    child.stdout?.on('data', check)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(
        new Error(`web mode exited with ${String(code)} before printing its address:\n${output()}`),
      )
    })
  })
}
