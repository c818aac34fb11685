// The lesson samples under assets/samples: the committed files are exactly what
// `npm run samples` builds; skopeo and umoci read them (on a rebuilt copy, so no tool ever
// touches assets/); podman lists the storage sample's container and diffs it; and Strata's own
// handlers, composed as the app composes them, find in each what its lesson points at. A
// missing or damaged sample fails with a message naming it.

import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { cp, lstat, mkdtemp, readFile, readdir, readlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Services } from '../../../electron/api/services'
import { createHandlers } from '../../../electron/api/handlers'
import type { HandlerTable } from '../../../electron/api/handlerTable'
import { composeServices } from '../../../electron/app/composeServices'
import { sampleRef, TAG_HISTORY_FILE } from '../../../shared/samples'
import type { SampleName } from '../../../shared/samples'
import { callHandler, listLayerEntries } from '../../harness/handlerCalls'
import { buildSamples } from '../../harness/samples/buildSamples'
import { run } from '../../harness/layerTars'
import { removeStores } from '../../harness/localStores'
import { runTool } from '../../harness/tools'

/** Every file and symlink under dir (git keeps no empty directory, so none are compared). */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  const entries = await readdir(dir, { recursive: true })
  for (const relative of entries.sort()) {
    const path = join(dir, relative)
    const info = await lstat(path)
    if (info.isSymbolicLink()) out.set(relative, `-> ${await readlink(path)}`)
    else if (info.isFile()) {
      out.set(
        relative,
        createHash('sha256')
          .update(await readFile(path))
          .digest('hex'),
      )
    }
  }
  return out
}

interface LayoutIndex {
  manifests: { digest: string; annotations?: Record<string, string> }[]
}

const OCI_IMAGES: readonly [string, string][] = [
  ['multi-platform', 'demo'],
  ['media-types', 'oci'],
  ['build-steps', '1.0'],
  ['whiteouts', 'latest'],
  ['tags', 'latest'],
  ['tags', '1.0.2'],
  ['sharing', 'web'],
  ['sharing', 'worker'],
  ['artifacts', 'app'],
]

describe('bundled lesson samples', () => {
  let rebuilt: string
  let scratch: string
  let dataDir: string
  let services: Services
  let table: HandlerTable
  let samplesRoot: string
  const ref = (name: SampleName, tag?: string): string => sampleRef(samplesRoot, name, tag)

  before(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'strata-samples-'))
    rebuilt = join(scratch, 'samples')
    await buildSamples(rebuilt)
    dataDir = join(scratch, 'data')
    services = await composeServices({ mode: 'web', dataDir, env: {}, onWarning: () => undefined })
    table = createHandlers(services)
    samplesRoot = (await callHandler(table, 'app:info', {})).samplesRoot
  })
  after(async () => {
    await services?.close()
    await removeStores(scratch) // c/storage bind-mounts the copy's overlay folder on itself
  })

  it('are exactly what npm run samples builds', async () => {
    const committed = await snapshot(samplesRoot)
    const fresh = await snapshot(rebuilt)
    assert.deepEqual([...committed.keys()], [...fresh.keys()])
    for (const [path, hash] of fresh) assert.equal(committed.get(path), hash, path)
    // Small enough to ship: under 2 MiB of files.
    let bytes = 0
    for (const path of fresh.keys()) bytes += (await lstat(join(rebuilt, path))).size
    assert.ok(bytes < 2 * 1024 * 1024, `${bytes} bytes`)
  })

  it('are read by skopeo, and a skopeo copy keeps every config digest', async () => {
    const copy = join(scratch, 'skopeo-copy')
    const refs: [string, string][] = [
      ...OCI_IMAGES.map(([dir, tag]): [string, string] => [`oci:${rebuilt}/${dir}:${tag}`, tag]),
      [`oci-archive:${rebuilt}/archives/image.oci.tar:demo`, 'oci-archive'],
      [`docker-archive:${rebuilt}/archives/image.docker.tar`, 'docker-archive'],
      [`dir:${rebuilt}/archives/dir`, 'dir'],
    ]
    const archiveConfigs = new Set<string>()
    for (const [i, [source, tag]] of refs.entries()) {
      const config = (await runTool('skopeo', ['inspect', '--config', '--raw', source])).stdout
      const configDigest = `sha256:${createHash('sha256').update(config).digest('hex')}`
      if (!source.startsWith('oci:')) archiveConfigs.add(configDigest)
      const index = source.includes('/multi-platform:')
      const name = `${tag}-${i}`
      await runTool('skopeo', [
        'copy',
        '--quiet',
        ...(index ? ['--all'] : []),
        source,
        `oci:${copy}:${name}`,
      ])
      // The copy's manifest (for the index: its first platform's) names the same config blob.
      const blob = async (digest: string): Promise<unknown> =>
        JSON.parse(await readFile(join(copy, 'blobs', ...digest.split(':')), 'utf8')) as unknown
      const listed = (await blob(
        (
          JSON.parse(await readFile(join(copy, 'index.json'), 'utf8')) as LayoutIndex
        ).manifests.find((m) => m.annotations?.['org.opencontainers.image.ref.name'] === name)
          ?.digest ?? '',
      )) as { config?: { digest: string }; manifests?: { digest: string }[] }
      const manifest = index
        ? ((await blob(listed.manifests?.[0]?.digest ?? '')) as { config?: { digest: string } })
        : listed
      // (skopeo inspect --config of the index shows this machine's platform: amd64, the first.)
      assert.equal(manifest.config?.digest, configDigest, source)
    }
    // The three archives hold one image: one config digest.
    assert.equal(archiveConfigs.size, 1)
    // c/image reads only OCI-typed entries of index.json: the Docker v2 twin is Strata's to show.
    await assert.rejects(
      runTool('skopeo', ['inspect', '--raw', `oci:${rebuilt}/media-types:docker`]),
      /no descriptor found for reference/,
    )
  })

  it('are read by umoci (ls lists the tags, stat the history)', async () => {
    const tags = await runTool('umoci', ['ls', '--layout', join(rebuilt, 'tags')])
    assert.deepEqual(tags.stdout.trim().split('\n').sort(), [
      '1.0',
      '1.0.2',
      '1.0.3',
      'latest',
      'stable',
    ])
    for (const dir of new Set([...OCI_IMAGES.map(([d]) => d), 'media-types'])) {
      const listed = await runTool('umoci', ['ls', '--layout', join(rebuilt, dir)])
      for (const [d, tag] of OCI_IMAGES)
        if (d === dir) assert.match(listed.stdout, new RegExp(`^${tag}$`, 'm'))
    }
    // umoci stats single images (an index's tag is "ambiguous" to it; Docker v2 it refuses).
    for (const [dir, tag] of OCI_IMAGES.filter(([dir]) => dir !== 'multi-platform')) {
      const stat = await runTool('umoci', ['stat', '--json', '--image', `${rebuilt}/${dir}:${tag}`])
      const history = (JSON.parse(stat.stdout) as { history: unknown[] }).history
      assert.ok(history.length >= 1, `${dir}:${tag}`)
    }
    const steps = await runTool('umoci', [
      'stat',
      '--json',
      '--image',
      `${rebuilt}/build-steps:1.0`,
    ])
    const history = (JSON.parse(steps.stdout) as { history: { empty_layer?: boolean }[] }).history
    assert.equal(history.length, 10)
    assert.equal(history.filter((h) => h.empty_layer === true).length, 7)
  })

  it('containers-storage: podman lists the image and the container and diffs its layer, skopeo copies the image', async () => {
    // A copy of the rebuilt tree: podman writes its locks and database beside the store.
    const copy = join(scratch, 'podman')
    await cp(join(rebuilt, 'containers-storage'), copy, { recursive: true, verbatimSymlinks: true })
    const podman = (...args: string[]): string =>
      run('podman', [
        '--root',
        join(copy, 'storage'),
        '--runroot',
        join(copy, 'run'),
        '--storage-driver',
        'overlay',
        ...args,
      ]).toString('utf8')
    assert.match(
      podman('images', '--format', '{{.Repository}}:{{.Tag}}'),
      /localhost\/strata\/sample:1\.0/,
    )
    assert.equal(
      podman('ps', '-a', '--external', '--format', '{{.Names}} {{.Image}}').trim(),
      'sample-container localhost/strata/sample:1.0',
    )
    assert.deepEqual(podman('diff', 'sample-container').trim().split('\n'), [
      'C /app',
      'C /app/config.json',
      'A /app/notes.txt',
    ])
    // skopeo rebuilds each layer from its tar-split (c/storage checks every file's CRC-64 there)
    // and the copy keeps the image's config.
    const store = `containers-storage:[overlay@${join(copy, 'storage')}+${join(copy, 'run')}]`
    const out = join(scratch, 'from-storage')
    await runTool('skopeo', [
      'copy',
      '--quiet',
      `${store}localhost/strata/sample:1.0`,
      `oci:${out}:x`,
    ])
    const config = (await runTool('skopeo', ['inspect', '--config', '--raw', `oci:${out}:x`]))
      .stdout
    const archive = `dir:${rebuilt}/archives/dir`
    assert.equal(
      config,
      (await runTool('skopeo', ['inspect', '--config', '--raw', archive])).stdout,
    )
  })

  it('multi-platform: two platform images and their attestation manifests', async () => {
    const graph = await callHandler(table, 'image:graph', { ref: ref('multi-platform') })
    const platforms = graph.nodes.filter((n) => n.role === 'platform')
    const attestations = graph.nodes.filter((n) => n.role === 'attestation')
    assert.deepEqual(
      platforms.map((n) => `${n.platform?.architecture}/${n.platform?.variant ?? ''}`).sort(),
      ['amd64/', 'arm64/v8'],
    )
    assert.equal(attestations.length, 2)
    for (const node of attestations) {
      assert.equal(node.annotations?.['vnd.docker.reference.type'], 'attestation-manifest')
      const described = node.annotations?.['vnd.docker.reference.digest']
      assert.ok(platforms.some((p) => p.digest === described))
    }
  })

  it('build-steps: empty layers in the history between the three real layers', async () => {
    const graph = await callHandler(table, 'image:graph', { ref: ref('build-steps') })
    const config = graph.nodes.find((n) => n.role === 'config')
    const document = JSON.parse(config?.document ?? '{}') as {
      history: { empty_layer?: boolean; created_by: string }[]
      config: { Cmd: string[]; ExposedPorts: object; WorkingDir: string; Env: string[] }
    }
    assert.equal(graph.nodes.filter((n) => n.role === 'layer').length, 3)
    const empty = document.history.filter((h) => h.empty_layer === true).map((h) => h.created_by)
    assert.ok(empty.includes('WORKDIR /srv/app') && empty.includes('EXPOSE map[8080/tcp:{}]'))
    assert.equal(document.history.length - empty.length, 3)
    assert.deepEqual(document.config.Cmd, ['/srv/app/run.sh'])
    assert.deepEqual(Object.keys(document.config.ExposedPorts), ['8080/tcp'])
  })

  it('whiteouts: layer 2 deletes /etc/motd and makes /var/cache/app opaque', async () => {
    // As of each layer: the path, the 0-based layer that last touched it, and how.
    const asOf = async (layer: string): Promise<Map<string, string>> => {
      const page = await callHandler(table, 'files:list', {
        ref: ref('whiteouts'),
        layer,
        path: '/',
        recursive: true,
        limit: 5000,
      })
      return new Map(page.items.map((i) => [i.path, `${i.layer}:${i.change ?? ''}`]))
    }
    const [first, second, third] = [await asOf('1'), await asOf('2'), await asOf('3')]
    assert.equal(first.get('etc/motd'), '0:added')
    assert.equal(first.get('var/cache/app/a'), '0:added')
    assert.equal(second.get('etc/motd'), '1:deleted')
    assert.equal(second.get('var/cache/app'), '1:opaque')
    assert.equal(second.get('var/cache/app/c'), '1:added')
    assert.ok(!second.has('var/cache/app/a') && !second.has('var/cache/app/b'))
    assert.ok(!third.has('etc/motd'))
    assert.equal(third.get('etc/app.conf'), '2:modified')
    assert.equal(third.get('srv/hello.txt'), '2:added')
    // The whiteout files themselves, as the layer's tar holds them.
    const tar = (await listLayerEntries(table, ref('whiteouts'), '2')).map((e) => e.path)
    assert.ok(tar.includes('var/cache/app/c'))
  })

  it('tags: four tags on one digest, and the bundled history shows 1.0 moving', async () => {
    const repository = `oci:${samplesRoot}/tags`
    const listed = await callHandler(table, 'registry:listTags', { repository })
    assert.deepEqual([...listed.items], ['1.0', '1.0.2', '1.0.3', 'latest', 'stable'])
    const digestOf = async (tag: string): Promise<string> =>
      (await callHandler(table, 'image:summary', { ref: ref('tags', tag) })).digest
    const current = await digestOf('1.0.3')
    for (const tag of ['1.0', 'stable', 'latest']) assert.equal(await digestOf(tag), current)
    const older = await digestOf('1.0.2')
    assert.notEqual(older, current)

    const timeline = await callHandler(table, 'history:timeline', { repository })
    const moved = timeline.moves.find((m) => m.tag === '1.0')
    assert.equal(moved?.fromDigest, older)
    assert.equal(moved?.toDigest, current)
    assert.equal(moved?.at, '2024-04-15T10:05:00Z')
    const asOf = await callHandler(table, 'history:asOf', {
      repository,
      tag: '1.0',
      at: '2024-04-10T00:00:00Z',
    })
    assert.equal(asOf.digest, older)
    // Asking again imports nothing twice: the same moves, the same segments.
    const again = await callHandler(table, 'history:timeline', { repository })
    assert.deepEqual(again.moves, timeline.moves)
  })

  it('sharing: web and worker share their two base layers', async () => {
    const report = await callHandler(table, 'sharing:compute', {
      refs: [ref('sharing', 'web'), ref('sharing', 'worker')],
    })
    assert.equal(report.images.length, 2)
    assert.equal(report.layers.filter((l) => l.usedBy.length === 2).length, 2)
    assert.equal(report.matrix[0]?.[1]?.layers, 2)
    assert.ok(report.savedBytes > 0)
  })

  it('artifacts: an SBOM and a signature found through referrers, offline', async () => {
    const found = await callHandler(table, 'image:referrers', { ref: ref('artifacts') })
    assert.equal(found.via, 'layout')
    assert.deepEqual(found.referrers.map((r) => r.artifactType).sort(), [
      'application/spdx+json',
      'application/vnd.dev.cosign.artifact.sig.v1+json',
    ])
    const sboms = await callHandler(table, 'image:referrers', {
      ref: ref('artifacts'),
      artifactType: 'application/spdx+json',
    })
    assert.equal(sboms.referrers.length, 1)
    const graph = await callHandler(table, 'image:graph', { ref: ref('artifacts') })
    assert.equal(graph.nodes.filter((n) => n.role === 'referrer').length, 2)
  })

  it('the same image as oci-archive, docker-archive, dir and in containers-storage', async () => {
    const configs = new Set<string>()
    const diffIds = new Set<string>()
    for (const name of ['oci-archive', 'docker-archive', 'dir', 'containers-storage'] as const) {
      const graph = await callHandler(table, 'image:graph', { ref: ref(name) })
      const config = graph.nodes.find((n) => n.role === 'config')
      assert.ok(config !== undefined, name)
      configs.add(config.digest)
      const document = JSON.parse(config.document ?? '{}') as { rootfs: { diff_ids: string[] } }
      diffIds.add(document.rootfs.diff_ids.join(','))
    }
    assert.equal(configs.size, 1)
    assert.equal(diffIds.size, 1)
    // containers-storage: layers rebuilt from tar-split + overlay diff/, nothing mounted.
    const app = await callHandler(table, 'files:list', {
      ref: ref('containers-storage'),
      layer: '2',
      path: '/',
      recursive: true,
      change: ['added'],
      limit: 5000,
    })
    assert.deepEqual(
      app.items.filter((i) => i.entry?.type === 'file').map((i) => i.path),
      ['app/README.md', 'app/config.json', 'app/server.sh'],
    )
  })

  it('a missing sample fails NOT_FOUND naming its path', async () => {
    const missing = join(scratch, 'no-samples')
    await assert.rejects(
      callHandler(table, 'image:summary', { ref: sampleRef(missing, 'tags') }),
      (error: Error) => error.message.startsWith('NOT_FOUND') && error.message.includes(missing),
    )
  })

  it('a damaged sample is refused: a replaced blob, a bad tag history', async () => {
    const damaged = join(scratch, 'damaged')
    await cp(join(rebuilt, 'tags'), join(damaged, 'tags'), { recursive: true })
    const summary = await callHandler(table, 'image:summary', { ref: sampleRef(damaged, 'tags') })
    const blob = join(damaged, 'tags', 'blobs', ...summary.digest.split(':'))
    const bytes = await readFile(blob)
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 2) ^ 1, bytes.length - 2) // one bit changed
    await writeFile(blob, bytes)
    await assert.rejects(
      callHandler(table, 'image:graph', { ref: sampleRef(damaged, 'tags') }),
      /DIGEST_MISMATCH/,
    )
    const history = join(damaged, 'tags', TAG_HISTORY_FILE)
    await writeFile(history, '{"format":"strata-tag-history","version":1,"observations":[{}]}')
    await assert.rejects(
      callHandler(table, 'history:timeline', { repository: `oci:${damaged}/tags` }),
      (error: Error) => error.message.startsWith('MALFORMED') && error.message.includes(history),
    )
  })
})
