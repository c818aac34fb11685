// Starts a real CNCF distribution registry (Debian's `docker-registry`, 2.8) on a free
// loopback port for integration tests: temp storage, generated config, optional auth.

import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { htpasswdLine, toolPath } from './tools'

export type RegistryAuth =
  | { kind: 'none' }
  /** Basic auth against a bcrypt htpasswd file made with `htpasswd -Bbn`. */
  | { kind: 'htpasswd'; users: Readonly<Record<string, string>> }
  /** Bearer tokens issued by a token server the test runs itself. */
  | { kind: 'token'; realm: string; service: string; issuer: string; rootCertBundlePath: string }

export interface RunningRegistry {
  /** "127.0.0.1:PORT" */
  host: string
  /** "http://127.0.0.1:PORT" */
  url: string
  storageDir: string
  stop(): Promise<void>
}

export interface StartRegistryOptions {
  auth?: RegistryAuth
  /** Reuse content from an earlier registry; this directory is never removed by stop(). */
  storageDir?: string
  /** How long to wait for `GET /v2/` to answer; default 15 s. */
  startTimeoutMs?: number
  /** Accept pushes of signed Docker schema 1 manifests (distribution's `compatibility.schema1`). */
  schema1?: boolean
}

/** Registries still running; killed if the test process exits without stopping them. */
const running = new Set<ChildProcess>()
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL')
})

export async function startRegistry(options: StartRegistryOptions = {}): Promise<RunningRegistry> {
  // The port is free when we pick it but another process may grab it before the registry
  // binds; that one failure is worth a retry on a new port.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(options)
    } catch (error) {
      const portTaken = error instanceof Error && /address already in use/.test(error.message)
      if (!portTaken || attempt >= 3) throw error
    }
  }
}

async function startOnce(options: StartRegistryOptions): Promise<RunningRegistry> {
  const binary = toolPath('docker-registry')
  const workDir = await mkdtemp(join(tmpdir(), 'strata-registry-'))
  const storageDir = options.storageDir ?? join(workDir, 'storage')
  const port = await freeLoopbackPort()
  const host = `127.0.0.1:${port}`
  const configPath = join(workDir, 'config.yml')
  await writeFile(
    configPath,
    await configYaml(storageDir, host, workDir, options.auth, options.schema1 === true),
  )

  const child = spawn(binary, ['serve', configPath], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, OTEL_TRACES_EXPORTER: 'none' },
  })
  running.add(child)
  let output = ''
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-16_000)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code))
    child.once('error', (error) => {
      keep(Buffer.from(String(error)))
      resolve(-1)
    })
  })

  const cleanup = async (): Promise<void> => {
    await killChild(child, exited)
    running.delete(child)
    await rm(workDir, { recursive: true, force: true })
  }
  try {
    await waitUntilServing(
      `http://${host}/v2/`,
      exited,
      options.startTimeoutMs ?? 15_000,
      () => output,
    )
  } catch (error) {
    await cleanup()
    throw error
  }

  let stopped: Promise<void> | undefined
  return {
    host,
    url: `http://${host}`,
    storageDir,
    stop: () => (stopped ??= cleanup()),
  }
}

async function configYaml(
  storageDir: string,
  host: string,
  workDir: string,
  auth: RegistryAuth | undefined,
  schema1: boolean,
): Promise<string> {
  // JSON is valid YAML, and it spares us quoting paths by hand.
  const config: Record<string, unknown> = {
    version: 0.1,
    log: { level: 'warn', accesslog: { disabled: true } },
    storage: {
      filesystem: { rootdirectory: storageDir },
      delete: { enabled: true },
      maintenance: { uploadpurging: { enabled: false } },
    },
    http: { addr: host, secret: 'strata-test-secret', headers: {} },
    health: { storagedriver: { enabled: false } },
  }
  if (schema1) config.compatibility = { schema1: { enabled: true } }
  if (auth?.kind === 'htpasswd') {
    const lines = await Promise.all(
      Object.entries(auth.users).map(([user, password]) => htpasswdLine(user, password)),
    )
    const htpasswdPath = join(workDir, 'htpasswd')
    await writeFile(htpasswdPath, lines.join('\n') + '\n')
    config.auth = { htpasswd: { realm: 'strata-test', path: htpasswdPath } }
  } else if (auth?.kind === 'token') {
    config.auth = {
      token: {
        realm: auth.realm,
        service: auth.service,
        issuer: auth.issuer,
        rootcertbundle: auth.rootCertBundlePath,
      },
    }
  }
  return JSON.stringify(config, null, 2) + '\n'
}

/** Asks the kernel for a free port, then lets it go for the registry to bind. */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))))
    })
  })
}

async function waitUntilServing(
  url: string,
  exited: Promise<number | null>,
  timeoutMs: number,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let exitCode: number | null | undefined
  void exited.then((code) => (exitCode = code ?? -1))
  for (;;) {
    if (exitCode !== undefined) {
      throw new Error(`docker-registry exited with code ${exitCode}:\n${output()}`)
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) })
      await response.arrayBuffer()
      if (response.status === 200 || response.status === 401) return
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      throw new Error(`docker-registry did not answer ${url} within ${timeoutMs} ms:\n${output()}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

async function killChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000)
  await exited
  clearTimeout(timer)
}
