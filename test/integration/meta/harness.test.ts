// The test harness itself, against the real registry and skopeo: every fixture tag resolves to
// the digest pushFixtures reports, skopeo agrees, and the htpasswd registry refuses strangers.

import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { after, before, describe, test } from 'node:test'
import { buildTar } from '../../harness/ociTar'
import { MANY_TAG_COUNT, pushFixtures } from '../../harness/registryFixtures'
import type { FixtureSet, PushedImage } from '../../harness/registryFixtures'
import { startRegistry } from '../../harness/registryServer'
import type { RunningRegistry } from '../../harness/registryServer'
import { runTool } from '../../harness/tools'

const ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ')

function sha256(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`
}

async function getManifest(
  registry: RunningRegistry,
  repository: string,
  reference: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; digest: string | null; type: string | null; bytes: Uint8Array }> {
  const response = await fetch(`${registry.url}/v2/${repository}/manifests/${reference}`, {
    headers: { accept: ACCEPT, ...headers },
  })
  return {
    status: response.status,
    digest: response.headers.get('docker-content-digest'),
    type: response.headers.get('content-type'),
    bytes: new Uint8Array(await response.arrayBuffer()),
  }
}

function basic(user: string, password: string): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` }
}

describe('registry harness without auth', () => {
  let registry: RunningRegistry
  let fixtures: FixtureSet

  before(async () => {
    registry = await startRegistry()
    fixtures = await pushFixtures({ host: registry.host })
  })
  after(async () => {
    await registry?.stop()
  })

  const images = (): PushedImage[] => [
    fixtures.plain,
    fixtures.multiPlatform,
    fixtures.nested,
    fixtures.docker,
    fixtures.deepPath,
  ]

  test('every pushed tag serves the reported digest, media type and bytes', async () => {
    for (const image of images()) {
      const got = await getManifest(registry, image.repository, image.tag)
      assert.equal(got.status, 200, `${image.repository}:${image.tag}`)
      assert.equal(got.digest, image.digest)
      assert.equal(got.type, image.mediaType)
      assert.equal(sha256(got.bytes), image.digest)
      assert.equal(got.bytes.length, image.size)
    }
  })

  test('skopeo inspect --raw agrees with the pushed digests', async () => {
    for (const image of images()) {
      const { stdout } = await runTool('skopeo', [
        'inspect',
        '--raw',
        '--tls-verify=false',
        `docker://${registry.host}/${image.repository}:${image.tag}`,
      ])
      assert.equal(sha256(Buffer.from(stdout, 'utf8')), image.digest, image.repository)
    }
    const { stdout } = await runTool('skopeo', [
      'inspect',
      '--tls-verify=false',
      `docker://${registry.host}/${fixtures.plain.repository}:${fixtures.plain.tag}`,
    ])
    const inspected = JSON.parse(stdout) as {
      Digest: string
      Layers: string[]
      Architecture: string
    }
    assert.equal(inspected.Digest, fixtures.plain.digest)
    assert.deepEqual(inspected.Layers, fixtures.plain.layerDigests)
    assert.equal(inspected.Architecture, 'amd64')
  })

  test('the multi-platform index lists three platforms and an attestation', async () => {
    const got = await getManifest(registry, 'demo/multi', 'latest')
    const index = JSON.parse(new TextDecoder().decode(got.bytes)) as {
      manifests: {
        digest: string
        platform: { os: string; architecture: string }
        annotations?: Record<string, string>
      }[]
    }
    assert.deepEqual(fixtures.multiPlatform.platforms, [
      'linux/amd64',
      'linux/arm64/v8',
      'linux/arm/v7',
    ])
    const attestation = index.manifests.find((m) => m.platform.os === 'unknown')
    assert.equal(attestation?.annotations?.['vnd.docker.reference.type'], 'attestation-manifest')
    // Every child manifest is retrievable by digest.
    for (const child of index.manifests) {
      const childGot = await getManifest(registry, 'demo/multi', child.digest)
      assert.equal(childGot.status, 200)
      assert.equal(sha256(childGot.bytes), child.digest)
    }
  })

  test('demo/many lists all 320 tags, each on the same manifest', async () => {
    const response = await fetch(`${registry.url}/v2/demo/many/tags/list`)
    const body = (await response.json()) as { tags: string[] }
    assert.equal(body.tags.length, MANY_TAG_COUNT)
    assert.deepEqual([...body.tags].sort(), [...fixtures.manyTags.tags].sort())
    for (const tag of ['tag-000', 'tag-159', 'tag-319']) {
      const got = await getManifest(registry, 'demo/many', tag)
      assert.equal(got.digest, fixtures.manyTags.digest)
    }
  })

  test('the artifact names its subject and the fallback tag lists it', async () => {
    const { artifact } = fixtures
    const got = await getManifest(registry, 'demo/app', artifact.artifactDigest)
    assert.equal(got.status, 200)
    const manifest = JSON.parse(new TextDecoder().decode(got.bytes)) as {
      artifactType: string
      subject: { digest: string }
    }
    assert.equal(manifest.artifactType, artifact.artifactType)
    assert.equal(manifest.subject.digest, artifact.subject.digest)
    assert.equal(artifact.fallbackTag, artifact.subject.digest.replace(':', '-'))
    const fallback = await getManifest(registry, 'demo/app', artifact.fallbackTag)
    assert.equal(fallback.digest, artifact.fallbackIndexDigest)
    const index = JSON.parse(new TextDecoder().decode(fallback.bytes)) as {
      manifests: { digest: string; artifactType: string }[]
    }
    assert.deepEqual(
      index.manifests.map((m) => [m.digest, m.artifactType]),
      [[artifact.artifactDigest, artifact.artifactType]],
    )
  })
})

describe('registry harness with htpasswd', () => {
  let storageDir: string
  let registry: RunningRegistry | undefined

  before(async () => {
    storageDir = await mkdtemp(join(tmpdir(), 'strata-harness-storage-'))
  })
  after(async () => {
    await registry?.stop()
    await rm(storageDir, { recursive: true, force: true })
  })

  test('refuses anonymous, accepts the right user, and keeps content across restarts', async () => {
    const auth = { kind: 'htpasswd' as const, users: { alice: 's3cret' } }
    registry = await startRegistry({ auth, storageDir })
    const fixtures = await pushFixtures({
      host: registry.host,
      username: 'alice',
      password: 's3cret',
    })

    const anonymous = await fetch(`${registry.url}/v2/`)
    assert.equal(anonymous.status, 401)
    assert.match(anonymous.headers.get('www-authenticate') ?? '', /^Basic realm=/)
    const wrong = await getManifest(registry, 'demo/app', 'v1', basic('alice', 'nope'))
    assert.equal(wrong.status, 401)
    const right = await getManifest(registry, 'demo/app', 'v1', basic('alice', 's3cret'))
    assert.equal(right.status, 200)
    assert.equal(right.digest, fixtures.plain.digest)
    await registry.stop()

    // A second registry over the same storage, this time open, serves the same content.
    registry = await startRegistry({ storageDir })
    const open = await getManifest(registry, 'demo/app', 'v1')
    assert.equal(open.digest, fixtures.plain.digest)
  })
})

test('the tar writer makes archives GNU tar reads back exactly', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'strata-tar-'))
  try {
    const longPath = `${'deep/'.repeat(30)}${'n'.repeat(120)}.txt`
    const tarPath = join(dir, 'layer.tar')
    await writeFile(
      tarPath,
      buildTar([
        { type: 'dir', path: 'etc' },
        { type: 'file', path: 'etc/motd', content: 'hi\n', mode: 0o600 },
        { type: 'symlink', path: 'etc/link', target: 'motd' },
        { type: 'hardlink', path: 'etc/hard', target: 'etc/motd' },
        { type: 'whiteout', path: 'etc/gone' },
        { type: 'opaque', path: 'var/cache' },
        { type: 'file', path: longPath, content: 'long' },
      ]),
    )
    const { stdout } = await promisify(execFile)('tar', ['-tvf', tarPath], { env: { TZ: 'UTC' } })
    const lines = stdout.trim().split('\n')
    assert.equal(lines.length, 7)
    assert.match(lines[0] ?? '', /^drwxr-xr-x root\/root +0 2024-01-01 00:00 etc\/$/)
    assert.match(lines[1] ?? '', /^-rw------- root\/root +3 .* etc\/motd$/)
    assert.match(lines[2] ?? '', /etc\/link -> motd$/)
    assert.match(lines[3] ?? '', /etc\/hard link to etc\/motd$/)
    assert.match(lines[4] ?? '', / etc\/\.wh\.gone$/)
    assert.match(lines[5] ?? '', / var\/cache\/\.wh\.\.wh\.\.opq$/)
    assert.ok(lines[6]?.endsWith(` ${longPath}`), 'long names survive through a PAX header')
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
})
