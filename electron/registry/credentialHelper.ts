// Runs a docker credential helper (`docker-credential-<name> get`, server URL on stdin, JSON
// {"ServerURL","Username","Secret"} on stdout). The helper's output holds a secret: it is
// parsed and dropped, never put into an error message. Its stderr is not quoted either: a
// failing helper may print the secret, or the command line it ran, there.

import { spawn } from 'node:child_process'
import { StrataError } from '../../shared/errors'
import type { Credentials } from './credentials'

export interface HelperOptions {
  /** Environment for the helper; its PATH is where the helper is looked up. */
  readonly env: Readonly<Record<string, string | undefined>>
  readonly timeoutMs?: number
  /** Which file named the helper, for messages. */
  readonly namedIn: string
}

const DEFAULT_TIMEOUT_MS = 10_000
const MAX_OUTPUT = 64 * 1024
/** Helpers say this (on stdout or stderr) when they hold nothing for the server. */
const NOT_FOUND = /credentials not found|not found in native keychain|no credentials/i

export async function runCredentialHelper(
  name: string,
  serverUrl: string,
  options: HelperOptions,
): Promise<Credentials | undefined> {
  const program = `docker-credential-${name}`
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) {
    throw new StrataError(
      'BAD_INPUT',
      `credential helper name "${name}" in ${options.namedIn} is not a plain program name`,
      { subject: options.namedIn },
    )
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const result = await runProgram(program, serverUrl, options.env, timeoutMs).catch(
    (error: unknown) => {
      if ((error as { code?: unknown }).code === 'ENOENT') {
        throw new StrataError(
          'UNAVAILABLE',
          `credential helper ${program} (named in ${options.namedIn} for ${serverUrl}) is not installed: ` +
            `install it or remove it from that file`,
          { subject: program, cause: 'ENOENT' },
        )
      }
      throw error
    },
  )
  if (result.timedOut) {
    throw new StrataError(
      'TIMEOUT',
      `credential helper ${program} did not answer within ${Math.round(timeoutMs / 1000)} s`,
      { subject: program },
    )
  }
  if (result.code !== 0) {
    if (NOT_FOUND.test(result.stdout) || NOT_FOUND.test(result.stderr)) return undefined
    const status =
      result.code === null ? 'was killed by a signal' : `exited with status ${result.code}`
    throw new StrataError(
      'UNAVAILABLE',
      `credential helper ${program} (named in ${options.namedIn}) ${status} for ${serverUrl}; ` +
        `its messages are not shown, as they may hold a secret: run "echo ${serverUrl} | ${program} get" to see them`,
      { subject: program, cause: status },
    )
  }
  return parseHelperOutput(result.stdout, program)
}

function parseHelperOutput(stdout: string, program: string): Credentials | undefined {
  let parsed: unknown
  try {
    parsed = JSON.parse(stdout)
  } catch {
    throw new StrataError(
      'MALFORMED',
      `credential helper ${program} printed something that is not JSON`,
      {
        subject: program,
      },
    )
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined
  const { Username: username, Secret: secret } = parsed as Record<string, unknown>
  if (typeof secret !== 'string' || secret === '') return undefined
  const source = program
  // Docker's convention: the username "<token>" marks the secret as an identity token.
  if (username === '<token>') return { identityToken: secret, source }
  if (typeof username !== 'string' || username === '') return { registryToken: secret, source }
  return { username, password: secret, source }
}

interface ProgramResult {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
  readonly timedOut: boolean
}

function runProgram(
  program: string,
  input: string,
  env: Readonly<Record<string, string | undefined>>,
  timeoutMs: number,
): Promise<ProgramResult> {
  return new Promise((resolve, reject) => {
    // Its own process group, so a timeout also ends whatever the helper started.
    const child = spawn(program, ['get'], {
      env: { ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
    })
    let stdout = ''
    let stderr = ''
    let settled = false
    const finish = (result: ProgramResult): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      resolve(result)
    }
    const timer = setTimeout(() => {
      killTree(child.pid)
      child.stdout.destroy()
      child.stderr.destroy()
      finish({ code: null, stdout: '', stderr: '', timedOut: true })
    }, timeoutMs)
    child.stdout.on('data', (chunk: Buffer) => {
      if (stdout.length < MAX_OUTPUT) stdout += chunk.toString('utf8')
    })
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < MAX_OUTPUT) stderr += chunk.toString('utf8')
    })
    child.once('error', (error) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      reject(error)
    })
    child.once('close', (code) => finish({ code, stdout, stderr, timedOut: false }))
    // A helper that exits before reading stdin makes the write fail with EPIPE; its exit
    // status says what happened, so that error is ignored.
    child.stdin.on('error', () => undefined)
    child.stdin.end(input)
  })
}

function killTree(pid: number | undefined): void {
  if (pid === undefined) return
  try {
    process.kill(process.platform === 'win32' ? pid : -pid, 'SIGKILL')
  } catch {
    // already gone
  }
}
