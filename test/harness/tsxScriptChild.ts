// Runs a few lines of TypeScript in a child Node (through tsx, from the repository root) and
// reports how it ended: for tests about what keeps a process alive, which only a process of
// its own can show.

import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const REPO = fileURLToPath(new URL('../../', import.meta.url))

export interface ScriptOutcome {
  readonly code: number | null
  /** What the script printed on stdout, trimmed. */
  readonly out: string
  /** Date.now() when the process had exited. */
  readonly exitedAt: number
}

/** `script` is an ES module; imports are relative to the repository root. */
export async function runTsxScript(
  script: string,
  env: NodeJS.ProcessEnv = {},
): Promise<ScriptOutcome> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: REPO,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let out = ''
  child.stdout.on('data', (data: Buffer) => (out += data.toString()))
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  return { code, out: out.trim(), exitedAt: Date.now() }
}
