// The OCI layout source against real layouts: the committed sample, layouts written by skopeo
// and umoci, and damaged copies. Real tools check the sample too, so it stays a layout others
// accept, not just one Strata accepts.

import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  chmod,
  cp,
  mkdir,
  mkdtemp,
  readFile,
  readdir,
  rm,
  truncate,
  writeFile,
  symlink,
} from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import { promisify } from 'node:util'
import { after, before, describe, test } from 'node:test'
import { StrataError } from '../../../shared/errors'
import type { Descriptor, ImageConfig, ImageIndex, ImageManifest } from '../../../shared/oci/types'
import { fileError } from '../../../electron/sources/blobFile'
import { openOciLayout } from '../../../electron/stores/oci-layout/ociLayoutSource'
import type { ImageSource } from '../../../electron/sources/imageSource'
import { buildSampleLayout, SAMPLE_DIR } from '../../harness/makeSample'
import { runTool } from '../../harness/tools'

const sha256 = (bytes: Uint8Array): string =>
  `sha256:${createHash('sha256').update(bytes).digest('hex')}`

async function drain(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/** Asserts that `promise` rejects with a StrataError of `code` whose message matches. */
async function rejectsWith(
  promise: Promise<unknown>,
  code: string,
  message: RegExp,
): Promise<StrataError> {
  try {
    await promise
  } catch (error) {
    assert.ok(error instanceof StrataError, `expected a StrataError, got ${String(error)}`)
    assert.equal(error.code, code, error.message)
    assert.match(error.message, message)
    return error
  }
  assert.fail(`expected ${code}, but it succeeded`)
}

async function manifestOf(source: ImageSource, descriptor: Descriptor): Promise<ImageManifest> {
  const verified = await source.fetchManifest(descriptor)
  assert.equal(verified.parsed.kind, 'manifest')
  return verified.parsed.document
}

let scratch: string
before(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'strata-layout-test-'))
})
after(async () => {
  await rm(scratch, { recursive: true, force: true })
})

describe('the committed sample layout', () => {
  test('opens as a two-platform index whose images share their base layers', async () => {
    const source = await openOciLayout(SAMPLE_DIR, 'demo')
    assert.equal(source.kind, 'oci-layout')
    assert.equal(source.ref, `oci:${SAMPLE_DIR}:demo`)
    const root = await source.resolve()
    assert.equal(root.mediaType, 'application/vnd.oci.image.index.v1+json')
    const index = await source.fetchManifest(root)
    assert.equal(index.parsed.kind, 'index')
    const platforms = index.parsed.document.manifests
    assert.deepEqual(
      platforms.map((m) => m.platform?.architecture),
      ['amd64', 'arm64'],
    )
    const layerSets: string[][] = []
    for (const platform of platforms) {
      const manifest = await manifestOf(source, platform)
      const config = await source.fetchSmallBlob(manifest.config)
      const parsed = JSON.parse(new TextDecoder().decode(config.bytes)) as ImageConfig
      assert.equal(parsed.architecture, platform.platform?.architecture)
      assert.ok(
        parsed.history?.some((h) => h.empty_layer === true && h.created_by?.startsWith('ENV')),
      )
      assert.equal(parsed.rootfs.diff_ids.length, manifest.layers.length)
      for (const layer of manifest.layers) {
        const bytes = await drain(await source.openBlob(layer))
        assert.equal(sha256(bytes), layer.digest)
      }
      layerSets.push(manifest.layers.map((l) => l.digest))
    }
    const [amd, arm] = layerSets
    assert.equal(
      amd?.filter((d) => arm?.includes(d)).length,
      3,
      'base, cleanup and app layers are shared',
    )
    assert.ok((await readdir(join(SAMPLE_DIR, 'blobs', 'sha256'))).length > 0)
  })

  test('resolves ref names, digests, and no reference at all', async () => {
    const byName = await (await openOciLayout(SAMPLE_DIR, 'demo-arm64')).resolve()
    assert.equal(byName.platform?.architecture, 'arm64')
    const byDigest = await (await openOciLayout(SAMPLE_DIR, byName.digest)).resolve()
    assert.equal(byDigest.digest, byName.digest)
    // A digest index.json does not list (the config) is still found, and refused as a manifest.
    const manifest = await manifestOf(await openOciLayout(SAMPLE_DIR, byName.digest), byName)
    await rejectsWith(
      openOciLayout(SAMPLE_DIR, manifest.config.digest),
      'MALFORMED',
      new RegExp(`blobs/sha256/${manifest.config.digest.slice(7)}: `),
    )
    // Several images and no reference: index.json itself is the root.
    const whole = await openOciLayout(SAMPLE_DIR)
    const root = await whole.resolve()
    const rootIndex = await whole.fetchManifest(root)
    assert.equal(root.digest, sha256(await readFile(join(SAMPLE_DIR, 'index.json'))))
    assert.equal((rootIndex.parsed.document as ImageIndex).manifests.length, 3)
    await rejectsWith(
      openOciLayout(SAMPLE_DIR, 'nope'),
      'NOT_FOUND',
      /no image named "nope".*demo-amd64/,
    )
  })

  test('is reproducible: the generator writes the committed bytes', async () => {
    const dir = join(scratch, 'regenerated')
    await buildSampleLayout(dir).write()
    const files = async (root: string): Promise<string[]> =>
      (await readdir(root, { recursive: true, withFileTypes: true }))
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name).slice(root.length))
        .sort()
    const committed = await files(SAMPLE_DIR)
    assert.deepEqual(await files(dir), committed)
    let total = 0
    for (const file of committed) {
      const bytes = await readFile(join(SAMPLE_DIR, file))
      total += bytes.length
      assert.deepEqual(await readFile(join(dir, file)), bytes, file)
    }
    assert.ok(total < 200 * 1024, `assets/sample is ${total} bytes`)
  })

  test('skopeo and umoci accept it, and umoci applies its whiteouts', async () => {
    const index = await (await openOciLayout(SAMPLE_DIR, 'demo')).resolve()
    const { stdout } = await runTool('skopeo', ['inspect', '--raw', `oci:${SAMPLE_DIR}:demo`])
    assert.equal(sha256(Buffer.from(stdout)), index.digest)
    const inspected = JSON.parse(
      (await runTool('skopeo', ['inspect', `oci:${SAMPLE_DIR}:demo`])).stdout,
    ) as {
      Layers: string[]
    }
    assert.equal(inspected.Layers.length, 4)
    const stat = await runTool('umoci', ['stat', '--image', `${SAMPLE_DIR}:demo-amd64`])
    assert.match(stat.stdout, /ENV APP_PORT=8080/)
    const bundle = join(scratch, 'bundle')
    await runTool('umoci', ['unpack', '--rootless', '--image', `${SAMPLE_DIR}:demo-amd64`, bundle])
    const rootfs = join(bundle, 'rootfs')
    assert.ok((await readdir(join(rootfs, 'etc'))).includes('os-release'))
    assert.ok(
      !(await readdir(join(rootfs, 'etc'))).includes('motd'),
      'the whiteout deleted etc/motd',
    )
    assert.deepEqual(
      await readdir(join(rootfs, 'var/cache/pkg')),
      ['.keep'],
      'the opaque dir hid the old files',
    )
  })

  test('gives commands that really fetch the same objects', async () => {
    const source = await openOciLayout(SAMPLE_DIR, 'demo-amd64')
    const root = await source.resolve()
    const commands = source.commandsFor({ kind: 'manifest' })
    assert.ok(commands.some((c) => c.command.startsWith('umoci stat --image')))
    const raw = commands.find((c) => c.command.startsWith('skopeo inspect --raw'))
    assert.ok(raw)
    const sh = promisify(execFile)
    const viaSkopeo = await sh('sh', ['-c', raw.command.replace(/ \| jq \.$/, '')])
    assert.equal(sha256(Buffer.from(viaSkopeo.stdout)), root.digest)
    const manifest = await manifestOf(source, root)
    const [configCommand] = source.commandsFor({ kind: 'blob', digest: manifest.config.digest })
    assert.ok(configCommand)
    const viaJq = await sh('sh', ['-c', configCommand.command])
    assert.equal((JSON.parse(viaJq.stdout) as ImageConfig).architecture, 'amd64')
  })
})

describe('layouts written by other tools', () => {
  test('a layout made by skopeo copy', async () => {
    const dir = join(scratch, 'by-skopeo')
    await runTool('skopeo', [
      '--insecure-policy',
      'copy',
      `oci:${SAMPLE_DIR}:demo-arm64`,
      `oci:${dir}:copied`,
    ])
    const source = await openOciLayout(dir, 'copied')
    const descriptor = await source.resolve()
    const manifest = await manifestOf(source, descriptor)
    await source.fetchSmallBlob(manifest.config)
    for (const layer of manifest.layers) {
      assert.equal(sha256(await drain(await source.openBlob(layer))), layer.digest)
    }
    // One image in the layout: no reference needed.
    assert.equal((await (await openOciLayout(dir)).resolve()).digest, descriptor.digest)
  })

  test('a layout made by umoci init, new and config', async () => {
    const dir = join(scratch, 'by-umoci')
    await runTool('umoci', ['init', '--layout', dir])
    await runTool('umoci', ['new', '--image', `${dir}:fresh`])
    await runTool('umoci', [
      'config',
      '--image',
      `${dir}:fresh`,
      '--tag',
      'configured',
      '--config.cmd',
      '/bin/true',
    ])
    const source = await openOciLayout(dir, 'configured')
    const manifest = await manifestOf(source, await source.resolve())
    const config = JSON.parse(
      new TextDecoder().decode((await source.fetchSmallBlob(manifest.config)).bytes),
    ) as ImageConfig
    assert.deepEqual(config.config?.Cmd, ['/bin/true'])
    // Two tags and no reference: the layout's own index.json is the root.
    const whole = await openOciLayout(dir)
    const root = await whole.fetchManifest(await whole.resolve())
    assert.equal((root.parsed.document as ImageIndex).manifests.length, 2)
  })
})

describe('damaged and missing layouts', () => {
  let copy: string
  let manifest: ImageManifest
  let source: ImageSource
  before(async () => {
    copy = join(scratch, 'damaged')
    await cp(SAMPLE_DIR, copy, { recursive: true })
    source = await openOciLayout(copy, 'demo-amd64')
    manifest = await manifestOf(source, await source.resolve())
  })

  test('a corrupted layer fails its stream with DIGEST_MISMATCH naming the file', async () => {
    const layer = manifest.layers[1]!
    const file = join(copy, 'blobs', 'sha256', layer.digest.slice(7))
    const bytes = await readFile(file)
    const at = bytes.length - 5
    bytes[at] = (bytes[at] ?? 0) ^ 0xff // same size, different content
    await writeFile(file, bytes)
    const stream = await source.openBlob(layer)
    const error = await rejectsWith(drain(stream), 'DIGEST_MISMATCH', new RegExp(file))
    assert.equal(error.detail?.expectedDigest, layer.digest)
  })

  test('a corrupted or truncated config is refused', async () => {
    const file = join(copy, 'blobs', 'sha256', manifest.config.digest.slice(7))
    const bytes = await readFile(file)
    await writeFile(file, Buffer.from(bytes.toString('utf8').replace('amd64', 'AMD64')))
    await rejectsWith(
      source.fetchSmallBlob(manifest.config),
      'DIGEST_MISMATCH',
      new RegExp(`${file}.*corrupted`),
    )
    await truncate(file, 10)
    await rejectsWith(source.fetchSmallBlob(manifest.config), 'SIZE_MISMATCH', new RegExp(file))
    await rejectsWith(source.openBlob(manifest.config), 'SIZE_MISMATCH', new RegExp(file))
  })

  test('a missing blob is NOT_FOUND naming the expected file', async () => {
    const layer = manifest.layers[0]!
    const file = join(copy, 'blobs', 'sha256', layer.digest.slice(7))
    await rm(file)
    await rejectsWith(source.openBlob(layer), 'NOT_FOUND', new RegExp(`${file} does not exist`))
  })

  test('a blob that is a symbolic link is refused, not followed', async () => {
    const layer = manifest.layers[2]!
    const file = join(copy, 'blobs', 'sha256', layer.digest.slice(7))
    await rm(file)
    await symlink('/etc/hostname', file)
    await rejectsWith(source.openBlob(layer), 'BAD_INPUT', /symbolic link/)
  })

  test('paths that are not layouts say what was expected', async () => {
    const missing = join(scratch, 'no-such-dir')
    await rejectsWith(
      openOciLayout(missing),
      'NOT_FOUND',
      new RegExp(`${missing} does not exist.*OCI image layout`),
    )
    const file = join(copy, 'oci-layout')
    await rejectsWith(openOciLayout(file), 'BAD_INPUT', /is a file, not a directory/)
    const empty = join(scratch, 'empty-dir')
    await mkdir(empty)
    await rejectsWith(openOciLayout(empty), 'BAD_INPUT', /no oci-layout file/)
    await writeFile(join(empty, 'oci-layout'), '{"imageLayoutVersion":"2.0.0"}')
    await rejectsWith(openOciLayout(empty), 'BAD_INPUT', /version 1\.x/)
    await writeFile(join(empty, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}')
    await rejectsWith(openOciLayout(empty), 'NOT_FOUND', /index\.json does not exist/)
    await writeFile(join(empty, 'index.json'), '{"schemaVersion":2,"manifests":"nope"}')
    await rejectsWith(openOciLayout(empty), 'MALFORMED', /index\.json/)
  })

  test('permission denied is FORBIDDEN', async () => {
    assert.equal(
      fileError(Object.assign(new Error('x'), { code: 'EACCES' }), '/p', 'a blob').code,
      'FORBIDDEN',
    )
    if (process.getuid?.() === 0) return // root reads anything; the mapping above is what matters
    const index = join(copy, 'index.json')
    await chmod(index, 0o000)
    await rejectsWith(openOciLayout(copy), 'FORBIDDEN', /permission denied reading .*index\.json/)
    await chmod(index, 0o644)
  })
})
