// containerd: against a real containerd the harness starts (its own root, state and socket),
// with images put in by `ctr images import` into two namespaces from archives skopeo made of
// the copies in a real registry. Everything Strata reads comes through containerd's own API.

import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { after, before, describe, test } from 'node:test'
import { createHandlers } from '../../../electron/api/handlers'
import type { HandlerTable } from '../../../electron/api/handlerTable'
import type { Services } from '../../../electron/api/services'
import { composeServices } from '../../../electron/app/composeServices'
import { buildImageGraph } from '../../../electron/image/buildImageGraph'
import { rangedReaderOf } from '../../../electron/sources/imageSource'
import type { ImageSource } from '../../../electron/sources/imageSource'
import { ContainerdClient } from '../../../electron/stores/containerd/containerdClient'
import { openContainerd } from '../../../electron/stores/containerd/containerdSource'
import { discoverLocalStores } from '../../../electron/stores/discovery/discoverLocalStores'
import { openLocalSource } from '../../../electron/stores/openLocalSource'
import { formatSourceRef, parseSourceRef } from '../../../shared/sourceRef'
import { checkImageSource } from '../../harness/checkImageSource'
import type { CheckedSource } from '../../harness/checkImageSource'
import { startContainerd } from '../../harness/containerdServer'
import type { RunningContainerd } from '../../harness/containerdServer'
import { callHandler, listLayerEntries } from '../../harness/handlerCalls'
import {
  buildLocalStores,
  hashTree,
  openAsNobody,
  readImage,
  rejectsWith,
} from '../../harness/localStores'
import type { LocalStores } from '../../harness/localStores'
import { startRegistry } from '../../harness/registryServer'
import type { RunningRegistry } from '../../harness/registryServer'
import { runTool } from '../../harness/tools'

const SAMPLE = path.resolve(import.meta.dirname, '../../../assets/sample')
const APP = 'example.com/strata/app'
const DEMO = 'example.com/strata/demo'
const NS = { plain: 'default', k8s: 'k8s.io' } as const

let stores: LocalStores
let registry: RunningRegistry
let containerd: RunningContainerd
let work: string
let services: Services
let table: HandlerTable
let env: NodeJS.ProcessEnv
const signal = new AbortController().signal

/** Each containerd image, by source reference, and its copy in the registry. */
let images: readonly { readonly containerd: string; readonly registry: string }[]
/** The manifest ctr wrote for v2 when it imported the docker archive into k8s.io. */
let k8sV2Digest: string

before(async () => {
  stores = await buildLocalStores()
  registry = await startRegistry()
  containerd = await startContainerd()
  work = await mkdtemp(path.join(tmpdir(), 'strata-containerd-test-'))
  const copy = (from: string, to: string, flags: string[] = []) =>
    runTool('skopeo', [
      'copy',
      '-q',
      '--src-tls-verify=false',
      '--dest-tls-verify=false',
      ...flags,
      from,
      to,
    ])
  const inRegistry = (name: string) => `docker://${registry.host}/${name}`
  await copy(`oci:${stores.ociLayout}:v1`, inRegistry('strata/app:v1'), ['--preserve-digests'])
  await copy(`oci:${stores.ociLayout}:v2`, inRegistry('strata/app:v2'), ['--preserve-digests'])
  await copy(`oci:${SAMPLE}:demo`, inRegistry('strata/demo:demo'), ['--all', '--preserve-digests'])
  // From the registry copies: an OCI archive of v1 and of the two-platform sample for the
  // default namespace, a docker archive of v2 (which ctr stores with its own manifest) for k8s.io.
  const v1 = path.join(work, 'v1.oci.tar')
  const v2 = path.join(work, 'v2.docker.tar')
  const demo = path.join(work, 'demo.oci.tar')
  await copy(inRegistry('strata/app:v1'), `oci-archive:${v1}:v1`)
  await copy(inRegistry('strata/app:v2'), `docker-archive:${v2}:${APP}:v2`)
  await copy(inRegistry('strata/demo:demo'), `oci-archive:${demo}:demo`, ['--all'])
  await containerd.importArchive(NS.plain, v1, APP)
  await containerd.importArchive(NS.plain, demo, DEMO)
  await containerd.importArchive(NS.k8s, v2)
  await containerd.importArchive(NS.k8s, demo, DEMO)
  // The extra names Kubernetes' CRI gives every image it pulls: repository@digest and the ID.
  const client = new ContainerdClient(containerd.socket)
  k8sV2Digest = (await client.getImage(NS.k8s, `${APP}:v2`)).target.digest
  client.close()
  for (const alias of [`${APP}@${k8sV2Digest}`, stores.images.v2.configDigest]) {
    await containerd.ctr(['-n', NS.k8s, 'images', 'tag', `${APP}:v2`, alias])
  }
  env = {
    ...process.env,
    CONTAINERD_ADDRESS: containerd.socket,
    DOCKER_HOST: 'unix:///nonexistent',
  }
  services = await composeServices({ mode: 'web', dataDir: path.join(work, 'data'), env })
  table = createHandlers(services)
  images = [
    { containerd: `containerd:${APP}:v1`, registry: `${registry.host}/strata/app:v1` },
    { containerd: `containerd:${DEMO}:demo`, registry: `${registry.host}/strata/demo:demo` },
    { containerd: `containerd:[k8s.io]${APP}:v2`, registry: `${registry.host}/strata/app:v2` },
    {
      containerd: `containerd:[k8s.io]${DEMO}:demo`,
      registry: `${registry.host}/strata/demo:demo`,
    },
  ]
})

after(async () => {
  await services?.close()
  await containerd?.stop()
  await registry?.stop()
  await stores?.cleanup()
  if (work) await rm(work, { recursive: true, force: true })
})

/** What must match across copies: each image's config digest and diff IDs (platform order). */
function identities(
  checked: CheckedSource,
): readonly { config: string; diffIds: readonly string[] }[] {
  return checked.images.map((image) => ({ config: image.configDigest, diffIds: image.diffIds }))
}

async function open(ref: string): Promise<ImageSource> {
  return services.openSource(ref, signal)
}

void describe('images in a real containerd', () => {
  void test("every image shows the registry copy's config digests and diff IDs", async () => {
    for (const image of images) {
      const source = await open(image.containerd)
      assert.equal(source.kind, 'containerd')
      const mine = await checkImageSource(source, image.containerd)
      const theirs = await checkImageSource(await open(image.registry), image.registry)
      assert.deepEqual(identities(mine), identities(theirs), image.containerd)
      assert.ok(mine.images.length >= 1)
      assert.deepEqual((await buildImageGraph(source)).warnings, [], image.containerd)
    }
    // The fixture's own record: v1 and v2 are the images the harness built.
    const v1 = await readImage(await open(`containerd:${APP}:v1`))
    assert.equal(v1.configDigest, stores.images.v1.configDigest)
    assert.deepEqual(v1.layerDiffIds, stores.images.v1.diffIds)
    const v2 = await readImage(await open(`containerd:[k8s.io]${APP}:v2`))
    assert.equal(v2.configDigest, stores.images.v2.configDigest)
    assert.deepEqual(v2.layerDiffIds, stores.images.v2.diffIds)
  })

  void test('the two-platform index opens whole, and each platform by name@digest', async () => {
    const source = await open(`containerd:[k8s.io]${DEMO}:demo`)
    const root = await source.resolve()
    assert.equal(root.mediaType, 'application/vnd.oci.image.index.v1+json')
    const index = await source.fetchManifest(root)
    assert.equal(index.parsed.kind, 'index')
    if (index.parsed.kind !== 'index') return
    const platforms = index.parsed.document.manifests.filter((m) => m.platform !== undefined)
    assert.ok(platforms.length >= 2, 'two platforms')
    for (const manifest of platforms) {
      const pinned = await open(`containerd:[k8s.io]${DEMO}@${manifest.digest}`)
      const resolved = await pinned.resolve()
      assert.equal(resolved.digest, manifest.digest)
      assert.equal(resolved.mediaType, manifest.mediaType)
      assert.equal((await readImage(pinned)).configDiffIds.length > 0, true)
      const bare = await open(`containerd:[k8s.io]${manifest.digest}`)
      assert.equal((await bare.resolve()).digest, manifest.digest, 'a bare digest opens too')
    }
  })

  void test('namespaces listed; each namespace lists its own images', async () => {
    const client = new ContainerdClient(containerd.socket)
    try {
      assert.deepEqual([...(await client.listNamespaces())].sort(), [NS.plain, NS.k8s])
    } finally {
      client.close()
    }
    const found = (await discoverLocalStores({ env, signal })).filter(
      (s) => s.kind === 'containerd',
    )
    assert.deepEqual(
      found.map((s) => s.namespace),
      [NS.plain, NS.k8s],
    )
    const names = (namespace: string) =>
      found
        .find((s) => s.namespace === namespace)
        ?.images.flatMap((i) => i.names)
        .sort()
    assert.deepEqual(names(NS.plain), [`${APP}:v1`, `${DEMO}:demo`])
    // CRI's digest names group under their image and are not shown as tags.
    assert.deepEqual(names(NS.k8s), [`${APP}:v2`, `${DEMO}:demo`])
    const k8s = found.find((s) => s.namespace === NS.k8s)
    assert.equal(k8s?.images.length, 2)
    const v2 = k8s?.images.find((i) => i.id === k8sV2Digest)
    assert.equal(v2?.ref, `containerd:[k8s.io]${APP}:v2`)
    const byId = await open(`containerd:[k8s.io]${stores.images.v2.configDigest}`)
    assert.equal((await byId.resolve()).digest, k8sV2Digest, 'a CRI ID name opens its record')
    for (const store of found) {
      assert.equal(store.location, containerd.socket)
      assert.equal(store.error, undefined)
      for (const image of store.images) {
        // Every listed reference opens to the digest the sidebar shows for it.
        const parsed = parseSourceRef(image.ref)
        assert.equal(parsed.transport, 'containerd')
        assert.equal(formatSourceRef(parsed), image.ref)
        assert.equal((await (await open(image.ref)).resolve()).digest, image.id)
      }
    }
  })

  void test("a namespace keeps to itself: another namespace's image and blobs are not found", async () => {
    await rejectsWith(
      open(`containerd:${APP}:v2`),
      'NOT_FOUND',
      /no image "example\.com\/strata\/app:v2" in namespace default/,
    )
    const k8sOnly = stores.images.v2.configDigest
    const source = await open(`containerd:${APP}:v1`)
    await rejectsWith(
      source.fetchSmallBlob({ mediaType: 'application/octet-stream', digest: k8sOnly, size: -1 }),
      'NOT_FOUND',
      new RegExp(`blob ${k8sOnly} is not in the content store of namespace default`),
    )
    await rejectsWith(
      open(`containerd:[nope]${APP}:v1`),
      'NOT_FOUND',
      /has no namespace "nope" \(it has: default, k8s\.io\)/,
    )
  })

  void test("a layer's files listed, one file read equals the original; ranged reads", async () => {
    const ref = `containerd:[k8s.io]${APP}:v2`
    // Layer 1 is the base layer alone; the view at layer 2 adds the app's files.
    const listed = async (layer: string) =>
      (await listLayerEntries(table, ref, layer)).map((e) => e.path).sort()
    const [base, app] = stores.images.v2.layerFiles
    assert.deepEqual(await listed('1'), base?.map((f) => f.path).sort())
    const atTwo = await listed('2')
    for (const file of app ?? []) assert.ok(atTwo.includes(file.path), file.path)
    const chunk = await callHandler(table, 'files:read', {
      ref,
      layer: '2',
      path: 'app/build-info.txt',
      offset: 0,
      length: 1 << 20,
    })
    assert.equal(Buffer.from(chunk.base64, 'base64').toString(), 'built for v2\n')
    assert.equal(chunk.eof, true)

    // A range of a layer equals the same bytes of the whole layer.
    const source = await open(`containerd:${APP}:v1`)
    const root = await source.fetchManifest(await source.resolve())
    assert.equal(root.parsed.kind, 'manifest')
    if (root.parsed.kind !== 'manifest') return
    const layer = root.parsed.document.layers[0]
    assert.ok(layer)
    const whole = Buffer.concat(await (await source.openBlob(layer)).toArray())
    const reader = rangedReaderOf(source)
    assert.ok(reader, 'containerd sources read ranges')
    const range = { start: 100, end: Math.min(whole.length - 1, 700) }
    const ranged = await reader.openBlobRange(layer, range)
    assert.equal(ranged.kind, 'partial')
    const bytes = Buffer.concat(await ranged.stream.toArray())
    assert.deepEqual(bytes, whole.subarray(range.start, range.end + 1))
  })

  void test('compare and sharing take containerd images like any other source', async () => {
    const [v1] = images
    assert.ok(v1)
    const comparison = await callHandler(table, 'compare:images', {
      left: v1.containerd,
      right: v1.registry,
    })
    assert.equal(comparison.identical, true, 'the same image in containerd and the registry')
    const versus = await callHandler(table, 'compare:images', {
      left: v1.containerd,
      right: `containerd:[k8s.io]${APP}:v2`,
    })
    assert.equal(versus.identical, false)
    const sharing = await callHandler(table, 'sharing:compute', {
      refs: [v1.containerd, `containerd:${DEMO}:demo`],
    })
    assert.ok(sharing.images.length >= 3, 'v1 and both platforms of the sample')
    assert.ok(sharing.layers.length > 0)
  })

  void test('the commands shown are real: ctr prints the same manifest and lists the image', async () => {
    const source = await open(`containerd:[k8s.io]${APP}:v2`)
    const root = await source.resolve()
    const manifest = await source.fetchManifest(root)
    const shown = source.commandsFor({ kind: 'manifest' })
    // containerd's own client runs them, and each says what it prints as a code.
    assert.deepEqual(
      shown.map((c) => [c.tool, c.note?.kind]),
      [
        ['ctr', 'containerdRecord'],
        ['ctr', 'rawManifest'],
      ],
    )
    const commands = shown.map((c) => c.command)
    const listing = commands.find((c) => c.includes(' images ls '))
    const raw = commands.find((c) => c.includes(' content get '))
    assert.ok(listing && raw, commands.join('\n'))
    assert.match(listing, new RegExp(`^ctr -a ${containerd.socket} -n k8s\\.io images ls`))
    assert.match(execFileSync('bash', ['-c', listing]).toString(), new RegExp(root.digest))
    const printed = execFileSync('bash', ['-c', raw]).toString()
    assert.deepEqual(JSON.parse(printed), JSON.parse(Buffer.from(manifest.bytes).toString()))
  })

  void test('the containerd root is byte-identical before and after browsing', async () => {
    const before = await hashTree([containerd.root])
    for (const image of images) {
      await checkImageSource(await open(image.containerd), image.containerd)
      await buildImageGraph(await open(image.containerd))
    }
    await listLayerEntries(table, `containerd:${APP}:v1`, '1')
    await discoverLocalStores({ env, signal })
    const afterBrowsing = await hashTree([containerd.root])
    assert.deepEqual([...afterBrowsing.entries()], [...before.entries()])
    assert.ok(before.size > 10, 'the tree holds the content store and its database')
  })

  void test('a digest not in the content store is NOT_FOUND naming it', async () => {
    const missing = `sha256:${'0'.repeat(64)}`
    const source = await open(`containerd:${APP}:v1`)
    const blob = {
      mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
      digest: missing,
      size: 10,
    }
    const message = new RegExp(
      `blob ${missing} is not in the content store of namespace default \\(containerd at ${containerd.socket}\\)`,
    )
    await rejectsWith(source.openBlob(blob), 'NOT_FOUND', message)
    await rejectsWith(source.fetchSmallBlob(blob), 'NOT_FOUND', message)
    await rejectsWith(
      source.fetchManifest({ ...blob, mediaType: 'application/vnd.oci.image.manifest.v1+json' }),
      'NOT_FOUND',
      message,
    )
    await rejectsWith(open(`containerd:${APP}@${missing}`), 'NOT_FOUND', message)
  })

  void test('cancel stops a read; a containerd that stops answering hits the deadline', async () => {
    const source = await openContainerd({ namespace: NS.plain, image: `${APP}:v1` }, { env })
    const aborted = new AbortController()
    aborted.abort()
    await rejectsWith(source.resolve({ signal: aborted.signal }), 'CANCELLED', /./)
    const root = await source.fetchManifest(await source.resolve())
    if (root.parsed.kind !== 'manifest') throw new Error('expected a manifest')
    const layer = root.parsed.document.layers[0]
    assert.ok(layer)
    const reading = new AbortController()
    const stream = await source.openBlob(layer, { signal: reading.signal })
    reading.abort()
    await assert.rejects(
      stream.toArray(),
      (error: Error & { code?: string }) => error.code === 'CANCELLED',
    )

    // Paused (SIGSTOP), containerd accepts the connection but never answers.
    const slow = await openContainerd(
      { namespace: NS.plain, image: `${APP}:v1` },
      { env, deadlines: { callMs: 1500, readIdleMs: 1500 } },
    )
    process.kill(containerd.pid, 'SIGSTOP')
    try {
      await stoppedState(containerd.pid)
      const started = Date.now()
      await rejectsWith(
        slow.fetchSmallBlob(root.parsed.document.config),
        'TIMEOUT',
        new RegExp(`containerd at ${containerd.socket} did not answer`),
      )
      assert.ok(Date.now() - started < 20_000, 'the deadline, not a hang')
    } finally {
      process.kill(containerd.pid, 'SIGCONT')
    }
  })
})

/** Waits until every thread of `pid` has stopped ("T" in /proc/PID/task/TID/stat). */
async function stoppedState(pid: number): Promise<void> {
  for (let waited = 0; waited < 10_000; waited += 50) {
    const tasks = await readdir(`/proc/${pid}/task`)
    const states = await Promise.all(
      tasks.map(async (tid) => {
        const stat = await readFile(`/proc/${pid}/task/${tid}/stat`, 'utf8').catch(() => ') T')
        return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3)
      }),
    )
    if (states.every((state) => state === 'T' || state === 't')) return
    await sleep(50)
  }
  throw new Error(`containerd (pid ${pid}) did not stop`)
}

void describe('a containerd that is not there', () => {
  const at = (address: string) =>
    openLocalSource(
      { transport: 'containerd', namespace: 'default', image: 'x:1' },
      { env: { CONTAINERD_ADDRESS: address } },
    )

  void test('a missing socket says there is no socket at that path', async () => {
    const missing = path.join(work, 'missing.sock')
    await rejectsWith(at(missing), 'NOT_FOUND', new RegExp(`no containerd socket at ${missing}`))
    await rejectsWith(at(`unix://${missing}`), 'NOT_FOUND', new RegExp(missing))
    const found = await discoverLocalStores({
      env: { ...env, CONTAINERD_ADDRESS: missing },
      signal,
    })
    assert.equal(found.filter((s) => s.kind === 'containerd').length, 0)
  })

  void test('a regular file, or a socket nobody listens on, says so naming the path', async () => {
    const file = path.join(work, 'not-a-socket')
    await writeFile(file, 'x')
    await rejectsWith(at(file), 'NETWORK', new RegExp(`${file} is not a socket`))
    // A socket left bound but not listening (a crashed daemon leaves one like this).
    const stale = path.join(work, 'stale.sock')
    execFileSync('python3', [
      '-c',
      'import socket,sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])',
      stale,
    ])
    await rejectsWith(
      at(stale),
      'NETWORK',
      new RegExp(`cannot reach containerd at ${stale} \\(ECONNREFUSED\\)`),
    )
  })

  void test('a socket this user may not use is FORBIDDEN, naming it (opened as nobody)', async () => {
    const ref = { transport: 'containerd', namespace: 'default', image: `${APP}:v1` } as const
    const address = { CONTAINERD_ADDRESS: containerd.socket }
    const expected = `permission denied on the containerd socket ${containerd.socket} (EACCES)`
    // The socket's directory is closed to others: even looking at the socket is refused.
    const hidden = await openAsNobody(ref, address)
    assert.equal(hidden.code, 'FORBIDDEN')
    assert.ok(hidden.message.startsWith(expected), hidden.message)
    // The directory open, the socket itself (root's, mode 660) refuses the connection.
    await chmod(containerd.dir, 0o711)
    try {
      const refused = await openAsNobody(ref, address)
      assert.equal(refused.code, 'FORBIDDEN')
      assert.ok(refused.message.startsWith(expected), refused.message)
    } finally {
      await chmod(containerd.dir, 0o700)
    }
  })

  void test('a relative or tcp address is refused as bad input', async () => {
    await rejectsWith(at('tcp://127.0.0.1:1234'), 'BAD_INPUT', /unix socket only/)
  })
})
