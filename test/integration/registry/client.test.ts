// The registry client against a real CNCF distribution registry holding the standard
// fixtures: listings with Link pagination, manifests by tag and digest, HEAD, blobs (whole,
// streamed, ranged), 404s, and bytes tampered with on the registry's disk.

import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { createHash, randomBytes } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { StrataError } from '../../../shared/errors'
import type { Descriptor } from '../../../shared/oci/types'
import { RegistryClient } from '../../../electron/registry/registryClient'
import { pushFixtures } from '../../harness/registryFixtures'
import type { FixtureSet, PushedImage } from '../../harness/registryFixtures'
import { startRegistry } from '../../harness/registryServer'
import type { RunningRegistry } from '../../harness/registryServer'

const sha256 = (bytes: Uint8Array): string =>
  `sha256:${createHash('sha256').update(bytes).digest('hex')}`

async function rejectsWith(
  promise: Promise<unknown>,
  code: string,
  message?: RegExp,
): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof StrataError, String(error))
    assert.equal(error.code, code, error.message)
    if (message) assert.match(error.message, message)
    return true
  })
}

/** Where distribution's filesystem driver keeps a blob's bytes. */
function blobDataPath(storageDir: string, digest: string): string {
  const hex = digest.slice('sha256:'.length)
  return join(
    storageDir,
    'docker',
    'registry',
    'v2',
    'blobs',
    'sha256',
    hex.slice(0, 2),
    hex,
    'data',
  )
}

describe('registry client against distribution', () => {
  let storageDir: string
  let registry: RunningRegistry
  let fixtures: FixtureSet
  let client: RegistryClient

  before(async () => {
    storageDir = await mkdtemp(join(tmpdir(), 'strata-regclient-'))
    registry = await startRegistry({ storageDir })
    fixtures = await pushFixtures({ host: registry.host })
    client = new RegistryClient({ registry: registry.host })
  })
  after(async () => {
    await client?.close()
    await registry?.stop()
    if (storageDir) await rm(storageDir, { recursive: true, force: true })
  })

  const images = (): [string, PushedImage][] => [
    ['plain OCI manifest', fixtures.plain],
    ['OCI index', fixtures.multiPlatform],
    ['nested index', fixtures.nested],
    ['Docker manifest list', fixtures.docker],
    ['4-segment path', fixtures.deepPath],
  ]

  it('pings without auth', async () => {
    assert.equal(await client.ping(), 'none')
  })

  it('pages through the catalog with a small n', async () => {
    const seen: string[] = []
    let cursor: string | undefined
    let pages = 0
    do {
      const page = await client.listRepositories({ pageSize: 2, ...(cursor ? { cursor } : {}) })
      assert.ok(page.items.length <= 2)
      seen.push(...page.items)
      cursor = page.next
      pages += 1
    } while (cursor !== undefined && pages < 50)
    assert.equal(new Set(seen).size, seen.length, 'each repository once')
    for (const image of [...images().map(([, i]) => i.repository), fixtures.manyTags.repository]) {
      assert.ok(seen.includes(image), `${image} listed`)
    }
    assert.ok(pages >= Math.ceil(seen.length / 2), `${pages} pages for ${seen.length} repositories`)
  })

  it('pages through 320 tags with n=50 in 7 pages, every tag once', async () => {
    const tags: string[] = []
    let cursor: string | undefined
    let pages = 0
    do {
      const page = await client.listTags(fixtures.manyTags.repository, {
        pageSize: 50,
        ...(cursor ? { cursor } : {}),
      })
      tags.push(...page.items)
      cursor = page.next
      pages += 1
    } while (cursor !== undefined && pages < 20)
    assert.equal(pages, 7)
    assert.equal(tags.length, 320)
    assert.deepEqual([...tags].sort(), [...fixtures.manyTags.tags].sort())
  })

  it('fetches every fixture by tag and by digest, and HEAD agrees', async () => {
    for (const [label, image] of images()) {
      const byTag = await client.getManifest(image.repository, image.tag)
      assert.equal(byTag.descriptor.digest, image.digest, label)
      assert.equal(byTag.descriptor.mediaType, image.mediaType, label)
      assert.equal(byTag.descriptor.size, image.size, label)
      const byDigest = await client.getManifest(image.repository, image.digest, {
        expectedSize: image.size,
      })
      assert.deepEqual(byDigest.bytes, byTag.bytes, label)
      const head = await client.headManifest(image.repository, image.tag)
      assert.deepEqual(
        head,
        { digest: image.digest, mediaType: image.mediaType, size: image.size },
        label,
      )
      assert.deepEqual(await client.resolve(image.repository, image.tag), byTag.descriptor, label)
    }
  })

  it('reads the config whole and a layer as a verified stream and by range', async () => {
    const { bytes } = await client.getManifest(fixtures.plain.repository, fixtures.plain.digest)
    const manifest = JSON.parse(new TextDecoder().decode(bytes)) as {
      config: Descriptor
      layers: Descriptor[]
    }
    const config = await client.fetchBlob(fixtures.plain.repository, manifest.config)
    assert.equal(sha256(config), manifest.config.digest)
    assert.equal(manifest.config.digest, fixtures.plain.configDigest)

    const layer = manifest.layers[0]
    assert.ok(layer)
    const streamed = Buffer.concat(
      await (await client.openBlob(fixtures.plain.repository, layer)).toArray(),
    )
    assert.equal(sha256(streamed), layer.digest)

    const end = Math.min(layer.size - 1, 99)
    const ranged = await client.openBlobRange(fixtures.plain.repository, layer, { start: 10, end })
    assert.equal(ranged.kind, 'partial')
    assert.deepEqual(Buffer.concat(await ranged.stream.toArray()), streamed.subarray(10, end + 1))

    await rejectsWith(
      client.fetchBlob(fixtures.plain.repository, layer, { maxBytes: 10 }),
      'TOO_LARGE',
    )
    await rejectsWith(
      client.fetchBlob(fixtures.plain.repository, {
        ...manifest.config,
        size: manifest.config.size + 1,
      }),
      'SIZE_MISMATCH',
    )
  })

  it('says NOT_FOUND naming the missing repository, tag, digest or blob', async () => {
    const missing = 'sha256:' + '0'.repeat(64)
    await rejectsWith(client.getManifest('demo/nope', 'v1'), 'NOT_FOUND', /demo\/nope/)
    await rejectsWith(client.listTags('demo/nope'), 'NOT_FOUND', /no repository demo\/nope/)
    await rejectsWith(client.getManifest('demo/app', 'v9'), 'NOT_FOUND', /no tag v9 in demo\/app/)
    await rejectsWith(client.headManifest('demo/app', 'v9'), 'NOT_FOUND', /no tag v9 in demo\/app/)
    await rejectsWith(
      client.getManifest('demo/app', missing),
      'NOT_FOUND',
      /no manifest sha256:0{64} in demo\/app/,
    )
    await rejectsWith(
      client.fetchBlob('demo/app', {
        mediaType: 'application/octet-stream',
        digest: missing,
        size: 3,
      }),
      'NOT_FOUND',
      /no blob sha256:0{64} in demo\/app/,
    )
  })

  it('refuses bytes tampered with on the registry (DIGEST_MISMATCH)', async () => {
    const image = fixtures.deepPath
    const { bytes } = await client.getManifest(image.repository, image.digest)
    const manifest = JSON.parse(new TextDecoder().decode(bytes)) as { layers: Descriptor[] }
    const layer = manifest.layers[0]
    assert.ok(layer)
    await writeFile(blobDataPath(storageDir, layer.digest), randomBytes(layer.size))
    const stream = await client.openBlob(image.repository, layer)
    await assert.rejects(
      stream.toArray(),
      (e: unknown) => e instanceof StrataError && e.code === 'DIGEST_MISMATCH',
    )

    // The manifest stays valid JSON, but one hex digit of its config digest changes.
    const manifestPath = blobDataPath(storageDir, image.digest)
    const text = await readFile(manifestPath, 'utf8')
    const at = text.indexOf('"sha256:') + 8
    const flipped = text[at] === 'a' ? 'b' : 'a'
    await writeFile(manifestPath, text.slice(0, at) + flipped + text.slice(at + 1))
    await rejectsWith(client.getManifest(image.repository, image.digest), 'DIGEST_MISMATCH')
    await rejectsWith(client.getManifest(image.repository, image.tag), 'DIGEST_MISMATCH')
  })
})
