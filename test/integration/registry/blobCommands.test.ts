// A layer's equivalent commands fetch the layer: curl of the blob URL and skopeo copy (which
// copies the image into a folder, the layer among its files) run for real against a
// registry, and what they wrote hashes to the layer's digest.

import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { parseReference } from '../../../shared/reference'
import { RegistryClientPool } from '../../../electron/registry/clientPool'
import { openRegistryImage } from '../../../electron/registry/registrySource'
import { pushFixtures, type FixtureSet } from '../../harness/registryFixtures'
import { startRegistry, type RunningRegistry } from '../../harness/registryServer'
import { toolPath } from '../../harness/tools'

const run = promisify(execFile)
const sha256 = (bytes: Uint8Array): string =>
  `sha256:${createHash('sha256').update(bytes).digest('hex')}`

/** Splits a command line built by equivalentCommands (single-quoted words) into argv. */
function argv(command: string): string[] {
  const out: string[] = []
  for (const match of command.matchAll(/'((?:[^']|'\\'')*)'|(\S+)/g))
    out.push(match[1]?.replace(/'\\''/g, "'") ?? match[2] ?? '')
  return out
}

let registry: RunningRegistry
let fixtures: FixtureSet
let pool: RegistryClientPool
let workDir: string

before(async () => {
  registry = await startRegistry()
  fixtures = await pushFixtures({ host: registry.host })
  pool = new RegistryClientPool()
  workDir = await mkdtemp(path.join(tmpdir(), 'strata-blob-commands-'))
})

after(async () => {
  await pool?.close()
  await registry?.stop()
  if (workDir) await rm(workDir, { recursive: true, force: true })
})

test('curl and skopeo copy, as offered for a layer, fetch that layer’s bytes', async () => {
  const image = fixtures.plain
  const layer = image.layerDigests?.[0]
  assert.ok(layer)
  const source = openRegistryImage(
    parseReference(`${registry.host}/${image.repository}:${image.tag}`),
    { pool },
  )
  const commands = source.commandsFor({ kind: 'blob', digest: layer })
  assert.ok(commands.every((c) => !c.command.includes('--config')))

  const curl = commands.find((c) => c.tool === 'curl')
  assert.ok(curl)
  const [, ...curlArgs] = argv(curl.command)
  const viaCurl = await run('curl', curlArgs, { encoding: 'buffer', maxBuffer: 64 << 20 })
  assert.equal(sha256(viaCurl.stdout), layer)

  const skopeo = commands.find((c) => c.tool === 'skopeo')
  assert.ok(skopeo)
  const [, ...skopeoArgs] = argv(skopeo.command)
  assert.equal(skopeoArgs[0], 'copy')
  // The command writes ./image; run it where a user would, in a folder of their own.
  await run(toolPath('skopeo'), skopeoArgs, { cwd: workDir })
  const file = layer.replace(/^sha256:/, '')
  assert.deepEqual(skopeo.note, { kind: 'copyImage', blobFile: file })
  assert.equal(sha256(await readFile(path.join(workDir, 'image', file))), layer)
})
