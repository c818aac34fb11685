// openRegistryImage as the graph builder uses it: a docker:// reference, resolved and walked
// through the pool's client, and the equivalent commands run for real (skopeo, curl) to show
// they fetch the very bytes Strata verified.

import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { promisify } from 'node:util'
import { parseReference } from '../../../shared/reference'
import { RegistryClientPool } from '../../../electron/registry/clientPool'
import { openRegistryImage } from '../../../electron/registry/registrySource'
import { pushFixtures } from '../../harness/registryFixtures'
import type { FixtureSet } from '../../harness/registryFixtures'
import { startRegistry } from '../../harness/registryServer'
import type { RunningRegistry } from '../../harness/registryServer'
import { toolPath } from '../../harness/tools'

const run = promisify(execFile)
const sha256 = (bytes: Uint8Array): string =>
  `sha256:${createHash('sha256').update(bytes).digest('hex')}`

/** Splits a command line built by equivalentCommands (single-quoted words) into argv. */
function argv(command: string): string[] {
  const out: string[] = []
  const pattern = /'((?:[^']|'\\'')*)'|(\S+)/g
  for (const match of command.matchAll(pattern))
    out.push(match[1]?.replace(/'\\''/g, "'") ?? match[2] ?? '')
  return out
}

describe('registry image source', () => {
  let registry: RunningRegistry
  let fixtures: FixtureSet
  let pool: RegistryClientPool

  before(async () => {
    registry = await startRegistry()
    fixtures = await pushFixtures({ host: registry.host })
    pool = new RegistryClientPool()
  })
  after(async () => {
    await pool?.close()
    await registry?.stop()
  })

  it('resolves a tag and walks index → manifest → config → layer, all verified', async () => {
    const image = fixtures.multiPlatform
    const source = openRegistryImage(
      parseReference(`${registry.host}/${image.repository}:${image.tag}`),
      { pool },
    )
    assert.equal(source.kind, 'registry')
    assert.equal(source.ref, `docker://${registry.host}/${image.repository}:${image.tag}`)
    assert.equal(source.label, `registry ${registry.host}`)

    const root = await source.resolve()
    assert.deepEqual(root, { mediaType: image.mediaType, digest: image.digest, size: image.size })
    const index = await source.fetchManifest(root)
    assert.equal(index.parsed.kind, 'index')
    assert.equal(sha256(index.bytes), image.digest)
    if (index.parsed.kind !== 'index') return
    const child = index.parsed.document.manifests[0]
    assert.ok(child)
    const manifest = await source.fetchManifest(child)
    assert.equal(manifest.parsed.kind, 'manifest')
    if (manifest.parsed.kind !== 'manifest') return
    const config = await source.fetchSmallBlob(manifest.parsed.document.config)
    const parsedConfig = JSON.parse(new TextDecoder().decode(config.bytes)) as { os: string }
    assert.equal(parsedConfig.os, 'linux')
    const layer = manifest.parsed.document.layers[0]
    assert.ok(layer)
    const bytes = Buffer.concat(await (await source.openBlob(layer)).toArray())
    assert.equal(sha256(bytes), layer.digest)
    assert.equal(source.rateLimit(), undefined)
  })

  it('opens a digest reference and the Docker and nested shapes', async () => {
    for (const image of [fixtures.docker, fixtures.nested, fixtures.deepPath]) {
      const source = openRegistryImage(
        parseReference(`${registry.host}/${image.repository}@${image.digest}`),
        { pool },
      )
      const root = await source.resolve()
      assert.equal(root.digest, image.digest)
      const parsed = await source.fetchManifest(root)
      assert.equal(parsed.parsed.mediaType, image.mediaType)
    }
  })

  it('gives commands that fetch the same bytes (skopeo and curl, run for real)', async () => {
    const image = fixtures.plain
    const source = openRegistryImage(
      parseReference(`${registry.host}/${image.repository}:${image.tag}`),
      { pool },
    )
    const commands = source.commandsFor({ kind: 'manifest', digest: image.digest })
    const skopeo = commands.find((c) => c.tool === 'skopeo')
    const curl = commands.find((c) => c.tool === 'curl')
    assert.ok(skopeo && curl && commands.some((c) => c.tool === 'crane'))
    const [, ...skopeoArgs] = argv(skopeo.command)
    const viaSkopeo = await run(toolPath('skopeo'), skopeoArgs, { encoding: 'buffer' })
    assert.equal(sha256(viaSkopeo.stdout), image.digest)
    const [, ...curlArgs] = argv(curl.command)
    const viaCurl = await run('curl', curlArgs, { encoding: 'buffer' })
    assert.equal(sha256(viaCurl.stdout), image.digest)

    const blobCommands = source.commandsFor({ kind: 'blob', digest: image.configDigest ?? '' })
    const curlBlob = blobCommands.find((c) => c.tool === 'curl')
    assert.ok(curlBlob)
    const [, ...blobArgs] = argv(curlBlob.command)
    const config = await run('curl', blobArgs, { encoding: 'buffer' })
    assert.equal(sha256(config.stdout), image.configDigest)
  })
})
