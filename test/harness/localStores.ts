// Real local image stores for the store tests, made by the real tools: an OCI layout written
// by the harness, converted by skopeo into oci-archive, docker-archive, dir and
// containers-storage (vfs and overlay, one through a storage.conf), a hand-built archive in
// the layout `docker save` writes since Docker 25, and a real dockerd with images loaded by
// `docker load`. Everything lives under one temp directory that cleanup() removes (after
// unmounting what c/storage's overlay driver mounted there).

import { execFile, spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import type { ImageSource } from '../../electron/sources/imageSource'
import { StrataError } from '../../shared/errors'
import type { Descriptor, ImageConfig, ImageManifest } from '../../shared/oci/types'
import type { SourceRef } from '../../shared/sourceRef'
import { OCI, OciLayoutBuilder, REF_NAME_ANNOTATION } from './ociBuilder'
import type { LayerDescriptor } from './ociBuilder'
import { addFixtureImage, appFilesFor, BASE_FILES } from './ociFixtureImages'
import { buildTar } from './ociTar'
import type { TarEntrySpec } from './ociTar'

export const REPOSITORY = 'example.com/strata/app'
/** Two OCI images sharing their base layer. */
export const TAGS = ['v1', 'v2'] as const
/** In containers-storage only: v1 converted by skopeo to a Docker v2 schema 2 manifest. */
export const DOCKER_TYPED_NAME = `${REPOSITORY}:v1-docker`
export type Tag = (typeof TAGS)[number]

export interface ExpectedImage {
  readonly tag: Tag
  readonly name: string
  readonly manifestDigest: string
  readonly configDigest: string
  readonly diffIds: readonly string[]
  readonly layerFiles: readonly (readonly TarEntrySpec[])[]
}

export interface StoreSpec {
  readonly driver: 'vfs' | 'overlay'
  readonly graphRoot: string
  readonly runRoot: string
}

export interface LocalStores {
  readonly root: string
  readonly images: Readonly<Record<Tag, ExpectedImage>>
  readonly ociLayout: string
  readonly ociArchive: string
  readonly dockerArchive: string
  /** Both v1 and v2, in Docker 25's layout (manifest.json plus an OCI layout). */
  readonly dockerArchiveOci: string
  readonly dir: string
  readonly vfs: StoreSpec
  /** The overlay store, reached through storageConf (CONTAINERS_STORAGE_CONF). */
  readonly overlay: StoreSpec
  readonly storageConf: string
  cleanup(): Promise<void>
}

export function run(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
  timeout = 120_000,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const options = { env: { ...process.env, LC_ALL: 'C', ...env }, timeout, maxBuffer: 64 << 20 }
    execFile(command, [...args], options, (error, stdout, stderr) => {
      if (error)
        reject(new Error(`${command} ${args.join(' ')} failed: ${error.message}\n${stderr}`))
      else resolve(stdout)
    })
  })
}

function storeRef(store: StoreSpec, name: string): string {
  return `containers-storage:[${store.driver}@${store.graphRoot}+${store.runRoot}]${name}`
}

export async function buildLocalStores(): Promise<LocalStores> {
  const root = await mkdtemp(join(tmpdir(), 'strata-stores-'))
  const builder = new OciLayoutBuilder(join(root, 'layout'))
  const images = {} as Record<Tag, ExpectedImage>
  for (const tag of TAGS) {
    const appFiles = appFilesFor(tag)
    const platform = { os: 'linux', architecture: 'amd64' }
    const parts = addFixtureImage(builder, { platform, appFiles })
    builder.tag(tag, parts.manifest)
    images[tag] = {
      tag,
      name: `${REPOSITORY}:${tag}`,
      manifestDigest: parts.manifest.digest,
      configDigest: parts.config.digest,
      diffIds: parts.layers.map((layer: LayerDescriptor) => layer.diffId),
      layerFiles: [BASE_FILES, appFiles],
    }
  }
  await builder.write()

  const spec = (driver: StoreSpec['driver']): StoreSpec => ({
    driver,
    graphRoot: join(root, driver, 'graph'),
    runRoot: join(root, driver, 'run'),
  })
  const [vfs, overlay] = [spec('vfs'), spec('overlay')]
  const storageConf = join(root, 'storage.conf')
  await writeFile(
    storageConf,
    [
      '# written by the Strata test harness',
      '[storage]',
      `driver = "overlay"  # the overlay store`,
      `graphroot = "${overlay.graphRoot}"`,
      `runroot = '${overlay.runRoot}'`,
      '[storage.options]',
      'additionalimagestores = [',
      ']',
    ].join('\n'),
  )
  const stores: LocalStores = {
    root,
    images,
    ociLayout: builder.dir,
    ociArchive: join(root, 'app.oci.tar'),
    dockerArchive: join(root, 'app.docker.tar'),
    dockerArchiveOci: join(root, 'app.docker25.tar'),
    dir: join(root, 'app.dir'),
    vfs,
    overlay,
    storageConf,
    cleanup: () => removeStores(root),
  }
  const from = (tag: Tag): string => `oci:${builder.dir}:${tag}`
  const copy = (src: string, dest: string, env?: NodeJS.ProcessEnv, flags: string[] = []) =>
    run('skopeo', ['copy', '-q', ...flags, src, dest], env)
  const viaConf = { CONTAINERS_STORAGE_CONF: storageConf }
  try {
    await copy(from('v1'), `oci-archive:${stores.ociArchive}:v1`)
    await copy(from('v1'), `docker-archive:${stores.dockerArchive}:${images.v1.name}`)
    await copy(from('v1'), `dir:${stores.dir}`)
    for (const tag of TAGS) {
      await copy(from(tag), storeRef(vfs, images[tag].name))
      await copy(from(tag), `containers-storage:${images[tag].name}`, viaConf)
    }
    const v2s2 = ['--format', 'v2s2']
    await copy(from('v1'), storeRef(vfs, DOCKER_TYPED_NAME), {}, v2s2)
    await copy(from('v1'), `containers-storage:${DOCKER_TYPED_NAME}`, viaConf, v2s2)
    await writeDocker25Archive(stores.dockerArchiveOci, builder, [images.v1, images.v2])
  } catch (error) {
    await removeStores(root)
    throw error
  }
  return stores
}

/** The tar Docker 25+ `docker save` writes: manifest.json and repositories beside an OCI layout. */
async function writeDocker25Archive(
  path: string,
  source: OciLayoutBuilder,
  images: readonly ExpectedImage[],
): Promise<void> {
  const inner = new OciLayoutBuilder(path) // in memory only: its blobs go into the tar
  const member = (digest: string): string => `blobs/sha256/${digest.slice(7)}`
  const manifestList: unknown[] = []
  for (const image of images) {
    const configBytes = source.getBlob(image.configDigest)
    if (configBytes === undefined) throw new Error(`no config ${image.configDigest}`)
    const config = inner.addBlob(configBytes, OCI.config)
    // Docker 25 stores layers uncompressed, so their digests are the diff IDs.
    const layers = image.layerFiles.map((files) => inner.addLayer(files, { compression: 'none' }))
    const manifest = inner.addManifest({ config, layers })
    const names = { 'io.containerd.image.name': image.name, [REF_NAME_ANNOTATION]: image.tag }
    inner.addToIndex({ ...manifest, annotations: names })
    const Layers = layers.map((layer) => member(layer.digest))
    manifestList.push({ Config: member(config.digest), RepoTags: [image.name], Layers })
  }
  const entries: TarEntrySpec[] = [
    { type: 'dir', path: 'blobs' },
    { type: 'dir', path: 'blobs/sha256' },
    ...inner.blobDigests().map((digest) => ({
      type: 'file' as const,
      path: member(digest),
      content: inner.getBlob(digest) ?? new Uint8Array(),
    })),
    { type: 'file', path: 'index.json', content: inner.indexJson() },
    { type: 'file', path: 'manifest.json', content: JSON.stringify(manifestList) },
    { type: 'file', path: 'oci-layout', content: '{"imageLayoutVersion": "1.0.0"}' },
    { type: 'file', path: 'repositories', content: JSON.stringify({ [REPOSITORY]: {} }) },
  ]
  await writeFile(path, buildTar(entries))
}

/** Mount points at or under `root`, deepest first (from /proc/self/mountinfo). */
async function mountsUnder(root: string): Promise<string[]> {
  const info = await readFile('/proc/self/mountinfo', 'utf8')
  const points = info
    .split('\n')
    .map((line) => line.split(' ')[4]?.replace(/\\040/g, ' '))
    .filter(
      (point): point is string =>
        point !== undefined && (point === root || point.startsWith(`${root}/`)),
    )
  return [...new Set(points)].sort((a, b) => b.length - a.length)
}

/** Unmounts what c/storage left mounted (the overlay graph root is bind-mounted on itself). */
export async function removeStores(root: string): Promise<void> {
  for (const point of await mountsUnder(root))
    await run('umount', ['-l', point]).catch(() => undefined)
  await rm(root, { recursive: true, force: true })
}

export interface RunningDockerd {
  readonly socket: string
  readonly dataRoot: string
  docker(args: readonly string[]): Promise<string>
  stop(): Promise<void>
}

const daemons = new Set<ChildProcess>()
process.once('exit', () => {
  for (const child of daemons) child.kill('SIGKILL')
})

/** A dockerd of its own (vfs, no networking) under a fresh temp directory. */
export async function startDockerd(): Promise<RunningDockerd> {
  const root = await mkdtemp(join(tmpdir(), 'strata-dockerd-'))
  const socket = join(root, 'docker.sock')
  const dataRoot = join(root, 'data')
  const execRoot = join(root, 'exec')
  await mkdir(execRoot)
  const args = [
    ...['--data-root', dataRoot, '--exec-root', execRoot, '--host', `unix://${socket}`],
    ...['--iptables=false', '--ip6tables=false', '--bridge=none', '--storage-driver', 'vfs'],
    ...['--pidfile', join(root, 'dockerd.pid')],
  ]
  const log: string[] = []
  const child = spawn('dockerd', args, { stdio: ['ignore', 'pipe', 'pipe'] })
  daemons.add(child)
  child.stdout.on('data', (chunk: Buffer) => log.push(chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => log.push(chunk.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const docker = (dockerArgs: readonly string[]): Promise<string> =>
    run('docker', ['-H', `unix://${socket}`, ...dockerArgs])
  const stop = async (): Promise<void> => {
    if (child.exitCode === null) {
      child.kill('SIGTERM')
      await Promise.race([exited, sleep(20_000, undefined, { ref: false })])
      if (child.exitCode === null) child.kill('SIGKILL')
    }
    daemons.delete(child)
    await removeStores(root)
  }
  for (let waited = 0; ; waited += 200) {
    try {
      await docker(['version', '--format', '{{.Server.Version}}'])
      return { socket, dataRoot, docker, stop }
    } catch (error) {
      if (child.exitCode !== null || waited > 30_000) {
        await stop()
        throw new Error(`dockerd did not start: ${String(error)}\n${log.join('').slice(-2000)}`, {
          cause: error,
        })
      }
      await sleep(200)
    }
  }
}

/** sha256 of every file, and every link's target, under the roots: the read-only check. */
export async function hashTree(roots: readonly string[]): Promise<Map<string, string>> {
  const hashes = new Map<string, string>()
  const visit = async (path: string): Promise<void> => {
    const info = await lstat(path)
    const meta = `${info.mode.toString(8)} ${info.size} ${info.mtimeMs}`
    if (info.isSymbolicLink()) hashes.set(path, `link -> ${await readlink(path)} ${meta}`)
    else if (info.isDirectory()) {
      hashes.set(path, `dir ${meta}`)
      for (const name of (await readdir(path)).sort()) await visit(join(path, name))
    } else if (info.isFile()) {
      const content = createHash('sha256')
        .update(await readFile(path))
        .digest('hex')
      hashes.set(path, `${content} ${meta}`)
    } else hashes.set(path, `special ${meta} ${info.rdev}`)
  }
  for (const root of roots) await visit(root)
  return hashes
}

/** What a test compares across transports: config digest and the layers' diff IDs. */
export interface ReadImage {
  readonly root: Descriptor
  readonly manifest: ImageManifest
  readonly configDigest: string
  /** rootfs.diff_ids from the config. */
  readonly configDiffIds: readonly string[]
  /** sha256 of each layer as served, decompressed when gzip: must equal configDiffIds. */
  readonly layerDiffIds: readonly string[]
}

/** Reads an image the way the app does: root, manifest, config, then every layer streamed. */
export async function readImage(source: ImageSource): Promise<ReadImage> {
  const root = await source.resolve()
  const verified = await source.fetchManifest(root)
  if (verified.parsed.kind !== 'manifest')
    throw new Error(`${source.ref} is a ${verified.parsed.kind}`)
  const manifest = verified.parsed.document
  const config = await source.fetchSmallBlob(manifest.config)
  const parsed = JSON.parse(new TextDecoder().decode(config.bytes)) as ImageConfig
  const layerDiffIds: string[] = []
  for (const layer of manifest.layers) {
    // Read raw first, so a verification error is what surfaces, not a gunzip error.
    const chunks: Buffer[] = []
    for await (const chunk of await source.openBlob(layer)) chunks.push(chunk as Buffer)
    const raw = Buffer.concat(chunks)
    const tar = layer.mediaType.endsWith('gzip') ? gunzipSync(raw) : raw
    layerDiffIds.push(`sha256:${createHash('sha256').update(tar).digest('hex')}`)
  }
  return {
    root,
    manifest,
    configDigest: config.descriptor.digest,
    configDiffIds: parsed.rootfs.diff_ids,
    layerDiffIds,
  }
}

/** Asserts that `promise` rejects with a StrataError of `code` whose message matches. */
export async function rejectsWith(
  promise: Promise<unknown>,
  code: string,
  message: RegExp,
): Promise<StrataError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof StrataError && error.code === code && message.test(error.message)) {
      return error
    }
    const got = error instanceof StrataError ? `${error.code}: ${error.message}` : String(error)
    throw new Error(`expected ${code} matching ${String(message)}, got ${got}`, { cause: error })
  }
  throw new Error(`expected ${code}, but it succeeded`)
}

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url))

/**
 * Opens `ref` in a child process running as nobody (uid 65534), so permission checks are real
 * even when the tests run as root. Returns the error code and message, or "ok".
 */
export async function openAsNobody(
  ref: SourceRef,
  env: NodeJS.ProcessEnv = {},
): Promise<{ readonly code: string; readonly message: string }> {
  const script = `import('./electron/stores/openLocalSource.ts').then(async ({ openLocalSource }) => {
    try { await openLocalSource(JSON.parse(process.argv[1]), { env: process.env }); console.log(JSON.stringify({ code: 'ok', message: '' })) }
    catch (e) { console.log(JSON.stringify({ code: e.code ?? 'thrown', message: e.message })) }
  })`
  const nobody = ['--reuid=65534', '--regid=65534', '--clear-groups']
  const stdout = await new Promise<string>((resolve, reject) => {
    const options = { cwd: REPO_ROOT, env: { ...process.env, HOME: '/nonexistent', ...env } }
    const args = [...nobody, process.execPath, '--import', 'tsx', '-e', script, JSON.stringify(ref)]
    execFile('setpriv', args, options, (error, out, stderr) => {
      if (error) reject(new Error(`setpriv failed: ${error.message}\n${stderr}`))
      else resolve(out)
    })
  })
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { code: string; message: string }
}
