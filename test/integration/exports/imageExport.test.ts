// exports:image through the real handler table: images from a real docker-registry (a whole
// index with attestations, and one platform of it) and from local stores skopeo wrote
// (containers-storage, docker-archive) exported as OCI layouts and oci-archives that skopeo
// and umoci read, with the source's manifest and config digests. Then what must leave nothing
// behind: a cancel mid-copy, a read-only folder (a real read-only bind mount), a file where the
// folder should be, a full disk (a real 256 KiB tmpfs), an existing destination.

import assert from 'node:assert/strict'
import { createHash, randomBytes } from 'node:crypto'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import type { ApiEvent, ImageExportArgs, ImageExportResult } from '../../../shared/api'
import type { ApiResult } from '../../../shared/errors'
import { createHandlers } from '../../../electron/api/handlers'
import { dispatchCall, type HandlerTable } from '../../../electron/api/handlerTable'
import { OperationRegistry } from '../../../electron/api/operationRegistry'
import type { Services } from '../../../electron/api/services'
import { composeServices } from '../../../electron/app/composeServices'
import { OciLayoutBuilder } from '../../harness/ociBuilder'
import { addAttestation, addFixtureImage, appFilesFor } from '../../harness/ociFixtureImages'
import { run } from '../../harness/localStores'
import type { RunningRegistry } from '../../harness/registryServer'
import { startRegistry } from '../../harness/registryServer'

const sha256 = (bytes: Uint8Array | string): string =>
  `sha256:${createHash('sha256').update(bytes).digest('hex')}`

let root: string
let registry: RunningRegistry
let services: Services
let table: HandlerTable
let indexDigest: string
let armManifest: string
let armConfig: string
let indexRef: string
let bigRef: string
let storage: string
let dockerArchive: string

async function callExport(
  args: ImageExportArgs,
  onEvent: (event: ApiEvent, operations: OperationRegistry) => void = () => undefined,
): Promise<ApiResult<ImageExportResult>> {
  const operations = new OperationRegistry()
  return (await dispatchCall(table, 'exports:image', args, {
    signal: new AbortController().signal,
    emit: (event) => onEvent(event, operations),
    operations,
  })) as ApiResult<ImageExportResult>
}

async function exported(args: ImageExportArgs): Promise<ImageExportResult> {
  const result = await callExport(args)
  if (!result.ok) assert.fail(`${result.error.code}: ${result.error.message}`)
  return result.value
}

async function failure(args: ImageExportArgs) {
  const result = await callExport(args)
  assert.equal(result.ok, false, 'the export must fail')
  return result.ok ? assert.fail() : result.error
}

/** sha256 of what skopeo reads as the raw manifest (or index) and its config. */
async function skopeoDigests(ref: string): Promise<{ manifest: string; config?: string }> {
  const raw = await run('skopeo', ['inspect', '--raw', ref])
  const parsed: unknown = JSON.parse(raw)
  const isIndex = typeof parsed === 'object' && parsed !== null && 'manifests' in parsed
  if (isIndex) return { manifest: sha256(raw) }
  const config = await run('skopeo', ['inspect', '--config', '--raw', ref])
  return { manifest: sha256(raw), config: sha256(config) }
}

const entriesOf = async (dir: string): Promise<string[]> => (await readdir(dir)).sort()

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'strata-exports-'))
  const builder = new OciLayoutBuilder(join(root, 'source-layout'))
  const amd = addFixtureImage(builder, {
    platform: { os: 'linux', architecture: 'amd64' },
    appFiles: appFilesFor('amd64'),
  })
  const arm = addFixtureImage(builder, {
    platform: { os: 'linux', architecture: 'arm64', variant: 'v8' },
    appFiles: appFilesFor('arm64'),
  })
  const attestation = addAttestation(builder, amd.manifest)
  const index = builder.addIndex({ manifests: [amd.manifest, arm.manifest, attestation] })
  builder.tag('multi', index)
  // 4 MiB that gzip cannot shrink: a copy long enough to cancel, too large for the tmpfs.
  const noise = randomBytes(4 * 1024 * 1024)
  const bigLayer = builder.addLayer([{ type: 'file', path: 'noise.bin', content: noise }], {
    compression: 'gzip',
  })
  const bigConfig = builder.addConfig({
    architecture: 'amd64',
    os: 'linux',
    rootfs: { type: 'layers', diff_ids: [bigLayer.diffId] },
  })
  builder.tag('big', builder.addManifest({ config: bigConfig, layers: [bigLayer] }))
  await builder.write()
  indexDigest = index.digest
  armManifest = arm.manifest.digest
  armConfig = arm.config.digest

  registry = await startRegistry()
  const layout = `oci:${builder.dir}`
  const noTls = ['--dest-tls-verify=false']
  await run('skopeo', [
    'copy',
    '-q',
    '--all',
    ...noTls,
    `${layout}:multi`,
    `docker://${registry.host}/class/multi:1`,
  ])
  await run('skopeo', [
    'copy',
    '-q',
    ...noTls,
    `${layout}:big`,
    `docker://${registry.host}/class/big:1`,
  ])
  indexRef = `${registry.host}/class/multi:1`
  bigRef = `${registry.host}/class/big:1`

  storage = `containers-storage:[vfs@${join(root, 'graph')}+${join(root, 'run')}]example.com/class/app:v1`
  dockerArchive = join(root, 'app.docker.tar')
  await run('skopeo', ['copy', '-q', `${layout}:multi`, storage])
  await run('skopeo', [
    'copy',
    '-q',
    `${layout}:multi`,
    `docker-archive:${dockerArchive}:example.com/class/app:v1`,
  ])

  services = await composeServices({
    mode: 'web',
    dataDir: join(root, 'data'),
    env: {},
    onWarning: () => undefined,
  })
  table = createHandlers(services)
})

after(async () => {
  await services.close()
  await registry.stop()
  await rm(root, { recursive: true, force: true })
})

describe('exported layouts and archives read by skopeo and umoci, digests kept', () => {
  test('a registry index with every platform and its attestation, as an OCI layout', async () => {
    const destination = join(root, 'out', 'multi-layout')
    await mkdir(join(root, 'out'), { recursive: true })
    const result = await exported({ ref: indexRef, format: 'oci-layout', destination, tag: '1' })
    assert.equal(result.digest, indexDigest)
    assert.equal(result.sourceDigest, indexDigest)
    assert.equal(result.path, destination)
    // 1 index, 3 manifests, 3 configs (the attestation's too), 3 layers (the base one shared by
    // both platforms, stored once), 1 in-toto statement.
    assert.equal(result.blobs, 11)
    assert.deepEqual(await skopeoDigests(`oci:${destination}:1`), { manifest: indexDigest })
    await run('skopeo', [
      'copy',
      '-q',
      '--all',
      `oci:${destination}:1`,
      `dir:${join(root, 'out', 'multi-dir')}`,
    ])
    assert.match(await run('umoci', ['ls', '--layout', destination]), /^1$/m)
    assert.deepEqual(await entriesOf(join(root, 'out')), ['multi-dir', 'multi-layout'])
  })

  test('one platform of the index, as an oci-archive', async () => {
    const destination = join(root, 'out', 'multi-arm64.tar')
    const result = await exported({
      ref: indexRef,
      platform: 'linux/arm64',
      format: 'oci-archive',
      destination,
      tag: 'arm64',
    })
    assert.equal(result.digest, armManifest)
    assert.deepEqual(await skopeoDigests(`oci-archive:${destination}:arm64`), {
      manifest: armManifest,
      config: armConfig,
    })
    const unpacked = join(root, 'out', 'arm64-unpacked')
    await mkdir(unpacked)
    await run('tar', ['-xf', destination, '-C', unpacked])
    const stat = await run('umoci', ['stat', '--image', `${unpacked}:arm64`, '--json'])
    assert.match(stat, /"history"/)
  })

  // containers-storage keeps layers uncompressed, so Strata reads it as an OCI manifest of
  // uncompressed layers named by their diff ids (not the gzip manifest skopeo stored beside
  // them): that manifest is copied byte for byte. A docker-archive has a Docker v2 manifest:
  // rewritten with OCI media types as skopeo does, so only its config and layers keep their
  // digests. In both, the config is the very one skopeo reads in the source.
  test('containers-storage and docker-archive, as layouts with the digests skopeo reads there', async () => {
    for (const [name, ref, skopeoRef, kept] of [
      ['from-storage', storage, storage, true],
      ['from-archive', `docker-archive:${dockerArchive}`, `docker-archive:${dockerArchive}`, false],
    ] as const) {
      const source = await services.openSource(ref, new AbortController().signal)
      const sourceRoot = await source.resolve()
      const destination = join(root, 'out', name)
      const result = await exported({ ref, format: 'oci-layout', destination, tag: 'v1' })
      assert.equal(result.sourceDigest, sourceRoot.digest, `${name}: the digest Strata reads there`)
      assert.equal(result.digest === result.sourceDigest, kept, `${name}: manifest kept as is`)
      const there = await skopeoDigests(skopeoRef)
      const here = await skopeoDigests(`oci:${destination}:v1`)
      assert.equal(here.config, there.config, `${name}: the config skopeo reads in the source`)
      assert.equal(here.manifest, result.digest, `${name}: skopeo reads the manifest exported`)
      assert.match(
        await run('umoci', ['stat', '--image', `${destination}:v1`, '--json']),
        /"history"/,
      )
    }
  })
})

describe('failures leave nothing behind', () => {
  test('cancel mid-copy: CANCELLED and an empty folder', async () => {
    const folder = join(root, 'cancel')
    await mkdir(folder)
    let cancelledAt: number | undefined
    const result = await callExport(
      { ref: bigRef, format: 'oci-archive', destination: join(folder, 'big.tar') },
      (event, operations) => {
        if (event.type !== 'progress' || cancelledAt !== undefined) return
        if (event.doneBytes > 0 && event.label.includes('blobs')) {
          cancelledAt = event.doneBytes
          operations.cancel(event.operationId)
        }
      },
    )
    assert.ok(cancelledAt !== undefined, 'progress was reported before the end')
    assert.equal(result.ok, false)
    if (!result.ok) assert.equal(result.error.code, 'CANCELLED')
    assert.deepEqual(await entriesOf(folder), [])
  })

  test('a read-only folder (read-only bind mount): FORBIDDEN naming it, nothing written', async () => {
    const folder = join(root, 'readonly')
    await mkdir(folder)
    await run('mount', ['--bind', '-o', 'ro', folder, folder])
    try {
      const error = await failure({
        ref: indexRef,
        format: 'oci-layout',
        destination: join(folder, 'x'),
      })
      assert.equal(error.code, 'FORBIDDEN')
      assert.equal(error.detail?.subject, folder)
      assert.equal(error.detail?.cause, 'EROFS')
      assert.deepEqual(await entriesOf(folder), [])
    } finally {
      await run('umount', [folder])
    }
  })

  test('a file where the folder should be: NOT_FOUND naming it', async () => {
    const file = join(root, 'a-file')
    await writeFile(file, 'not a folder')
    const error = await failure({
      ref: indexRef,
      format: 'oci-layout',
      destination: join(file, 'x'),
    })
    assert.equal(error.code, 'NOT_FOUND')
    assert.equal(error.detail?.subject, file)
    assert.equal(await readFile(file, 'utf8'), 'not a folder')
  })

  test('a full disk (a 256 KiB tmpfs): UNAVAILABLE with ENOSPC, the tmpfs left empty', async () => {
    const folder = join(root, 'small-disk')
    await mkdir(folder)
    await run('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', folder])
    try {
      for (const format of ['oci-layout', 'oci-archive'] as const) {
        const destination = join(folder, `big-${format}`)
        const error = await failure({ ref: bigRef, format, destination })
        assert.equal(error.code, 'UNAVAILABLE', `${format}: ${error.message}`)
        assert.equal(error.detail?.cause, 'ENOSPC')
        assert.equal(error.detail?.subject, destination)
        assert.deepEqual(await entriesOf(folder), [])
      }
    } finally {
      await run('umount', [folder])
    }
  })

  test('an existing destination is refused, not merged into, and left as it was', async () => {
    const destination = join(root, 'out', 'multi-layout')
    const before = await readFile(join(destination, 'index.json'))
    const error = await failure({ ref: bigRef, format: 'oci-layout', destination })
    assert.equal(error.code, 'BAD_INPUT')
    assert.equal(error.detail?.subject, destination)
    assert.deepEqual(await readFile(join(destination, 'index.json')), before)
  })
})
