// A real containerd (Debian's) of its own for the containerd tests: its own --root, state
// directory and socket under a temp directory, a config that turns off what needs privileges
// or kernel features the tests do not use (CRI, every snapshotter but native), and images put
// in with containerd's own client, `ctr images import`, without unpacking (no snapshot mounts).

import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { run } from './localStores'

export interface RunningContainerd {
  /** The temp directory everything lives under. */
  readonly dir: string
  readonly socket: string
  /** containerd's --root: the content store and the metadata database. */
  readonly root: string
  readonly state: string
  readonly pid: number
  /** `ctr -a SOCKET ARGS...` */
  ctr(args: readonly string[]): Promise<string>
  /** `ctr images import` of a docker or OCI archive into `namespace`, every platform, no unpack. */
  importArchive(namespace: string, archive: string, baseName?: string): Promise<string>
  stop(): Promise<void>
}

const running = new Set<ChildProcess>()
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL')
})

const DISABLED_PLUGINS = [
  'io.containerd.grpc.v1.cri',
  'io.containerd.snapshotter.v1.aufs',
  'io.containerd.snapshotter.v1.btrfs',
  'io.containerd.snapshotter.v1.devmapper',
  'io.containerd.snapshotter.v1.overlayfs',
  'io.containerd.snapshotter.v1.zfs',
]

export async function startContainerd(): Promise<RunningContainerd> {
  const dir = await mkdtemp(join(tmpdir(), 'strata-containerd-'))
  const root = join(dir, 'root')
  const state = join(dir, 'state')
  const socket = join(dir, 'containerd.sock')
  const config = join(dir, 'config.toml')
  await writeFile(
    config,
    [
      '# written by the Strata test harness',
      'version = 2',
      `root = "${root}"`,
      `state = "${state}"`,
      `disabled_plugins = [${DISABLED_PLUGINS.map((p) => `"${p}"`).join(', ')}]`,
      '[grpc]',
      `  address = "${socket}"`,
      '[ttrpc]',
      `  address = "${socket}.ttrpc"`,
      '[debug]',
      '  address = ""',
      '[metrics]',
      '  address = ""',
      '',
    ].join('\n'),
  )
  const log: string[] = []
  const child = spawn('containerd', ['--config', config], { stdio: ['ignore', 'pipe', 'pipe'] })
  running.add(child)
  child.stdout.on('data', (chunk: Buffer) => log.push(chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => log.push(chunk.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const ctr = (args: readonly string[]): Promise<string> => run('ctr', ['-a', socket, ...args])
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGCONT') // a test may have paused it
      child.kill('SIGTERM')
      await Promise.race([exited, sleep(20_000, undefined, { ref: false })])
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    }
    running.delete(child)
    await rm(dir, { recursive: true, force: true })
  }
  const importArchive = (namespace: string, archive: string, baseName?: string) =>
    ctr([
      ...['-n', namespace, 'images', 'import', '--all-platforms', '--no-unpack'],
      ...(baseName !== undefined ? ['--base-name', baseName] : []),
      archive,
    ])
  for (let waited = 0; ; waited += 200) {
    try {
      if (!(await stat(socket)).isSocket()) throw new Error(`${socket} is not a socket`)
      await ctr(['version'])
      return { dir, socket, root, state, pid: child.pid ?? 0, ctr, importArchive, stop }
    } catch (error) {
      if (child.exitCode !== null || waited > 30_000) {
        await stop()
        throw new Error(
          `containerd did not start: ${String(error)}\n${log.join('').slice(-2000)}`,
          { cause: error },
        )
      }
      await sleep(200)
    }
  }
}
