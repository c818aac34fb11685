// sha512 wherever a digest is written: image references (name@sha512:<128 hex>), source
// references of every transport that takes a digest, the blob cache's files (keyed by
// algorithm and hex) and the page's graph JSON links. The digest parser's own cases are in
// digest.test.ts; schema cases in validate.test.ts; verification in sources/verify.test.ts.

import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { test } from 'node:test'
import { StrataError } from '../../../shared/errors'
import { formatReference, parseReference } from '../../../shared/reference'
import { formatSourceRef, parseSourceRef, withDigest } from '../../../shared/sourceRef'
import { BlobCache } from '../../../electron/cache/blobCache'
import { digestPath } from '../../../electron/cache/cachePaths'
import { tempDir } from '../../harness/layerTars'

const HEX128 = createHash('sha512').update('strata').digest('hex')
const SHA512 = `sha512:${HEX128}`

test('an image reference pinned by a sha512 digest parses and prints back', () => {
  const ref = parseReference(`registry.example:5000/team/app@${SHA512}`)
  assert.equal(ref.digest, SHA512)
  assert.equal(ref.registry, 'registry.example:5000')
  assert.equal(ref.repository, 'team/app')
  assert.equal(formatReference(ref), `registry.example:5000/team/app@${SHA512}`)
  const tagged = parseReference(`alpine:3.20@${SHA512}`)
  assert.equal(tagged.digest, SHA512)
  assert.equal(tagged.tag, '3.20')
})

test('a sha512 digest of the wrong length or case is refused with BAD_INPUT', () => {
  for (const bad of [`app@sha512:${HEX128.slice(0, 64)}`, `app@sha512:${HEX128.toUpperCase()}`]) {
    assert.throws(
      () => parseReference(bad),
      (error: unknown) => error instanceof StrataError && error.code === 'BAD_INPUT',
      bad,
    )
  }
})

test('source references carry sha512 digests for every transport that takes one', () => {
  const docker = parseSourceRef(`docker://ghcr.io/o/r@${SHA512}`)
  assert.equal(docker.transport === 'docker' ? docker.image.digest : undefined, SHA512)
  const layout = parseSourceRef(`oci:/tmp/layout:${SHA512}`)
  assert.deepEqual(layout, { transport: 'oci', path: '/tmp/layout', reference: SHA512 })
  assert.equal(formatSourceRef(layout), `oci:/tmp/layout:${SHA512}`)
  const archive = parseSourceRef(`oci-archive:/tmp/a.tar:${SHA512}`)
  assert.equal('reference' in archive ? archive.reference : undefined, SHA512)
  const pinned = withDigest(parseSourceRef('ghcr.io/o/r:v1'), SHA512)
  assert.match(formatSourceRef(pinned), new RegExp(`@${SHA512}$`))
})

test('the blob cache keeps a sha512 blob under sha512/<hex> and refuses wrong bytes', async () => {
  const dir = tempDir('blobs-sha512')
  const cache = await BlobCache.open(dir, 100_000)
  const bytes = Buffer.from('a blob named by its sha512\n')
  const digest = `sha512:${createHash('sha512').update(bytes).digest('hex')}`
  assert.equal(await cache.put(digest, Readable.from([bytes])), true)
  assert.ok(existsSync(digestPath(join(dir, 'blobs'), digest)))
  assert.equal(digestPath('/c', digest), `/c/sha512/${digest.slice(7)}`)
  const stream = await cache.get(digest)
  assert.ok(stream)
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  assert.deepEqual(Buffer.concat(chunks), bytes)
  await assert.rejects(
    cache.put(SHA512, Readable.from([bytes])),
    (error: unknown) => error instanceof StrataError && error.code === 'DIGEST_MISMATCH',
  )
})
