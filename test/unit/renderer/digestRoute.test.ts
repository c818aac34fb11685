import { test } from 'node:test'
import assert from 'node:assert/strict'
import { digestRoute, shortDigestText } from '../../../renderer/components/digestRoute'

const SHA256 = `sha256:${'0123456789abcdef'.repeat(4)}`
const SHA512 = `sha512:${'fedcba9876543210'.repeat(8)}`

test('a manifest digest opens its repository pinned to that digest in the graph', () => {
  assert.deepEqual(
    digestRoute({ digest: SHA256, kind: 'manifest', imageRef: 'localhost:5000/demo/app:v1' }),
    { view: 'graph', ref: `docker://localhost:5000/demo/app@${SHA256}` },
  )
})

test('a manifest of an OCI layout opens the layout with the digest as reference', () => {
  assert.deepEqual(digestRoute({ digest: SHA512, kind: 'index', imageRef: 'oci:/tmp/lay:v1' }), {
    view: 'graph',
    ref: `oci:/tmp/lay:${SHA512}`,
  })
})

test('a manifest of a source that cannot be pinned opens its graph with the node selected', () => {
  assert.deepEqual(digestRoute({ digest: SHA256, kind: 'manifest', imageRef: 'dir:/tmp/d' }), {
    view: 'graph',
    ref: 'dir:/tmp/d',
    node: SHA256,
  })
})

test('a manifest link on a reference already pinned to it opens that reference', () => {
  assert.deepEqual(
    digestRoute({ digest: SHA256, kind: 'manifest', imageRef: `localhost:5000/a@${SHA256}` }),
    { view: 'graph', ref: `localhost:5000/a@${SHA256}` },
  )
})

test('a config opens selected in its image graph; a layer opens in the Files view', () => {
  assert.deepEqual(digestRoute({ digest: SHA256, kind: 'config', imageRef: 'oci:/tmp/x:v1' }), {
    view: 'graph',
    ref: 'oci:/tmp/x:v1',
    node: SHA256,
  })
  assert.deepEqual(
    digestRoute({
      digest: SHA512,
      kind: 'layer',
      imageRef: 'oci:/tmp/x:v1',
      platform: 'linux/arm64',
    }),
    { view: 'files', ref: 'oci:/tmp/x:v1', layer: SHA512, platform: 'linux/arm64' },
  )
})

test('text that is not a sha256/sha512 digest gets no route', () => {
  assert.equal(digestRoute({ digest: 'sha256:abc', kind: 'layer', imageRef: 'oci:/x' }), undefined)
  assert.equal(
    digestRoute({ digest: `md5:${'0'.repeat(32)}`, kind: 'layer', imageRef: 'oci:/x' }),
    undefined,
  )
  assert.equal(digestRoute({ digest: SHA256, kind: 'layer', imageRef: ' ' }), undefined)
})

test('short text is the algorithm and the first 12 hex digits', () => {
  assert.equal(shortDigestText(SHA256), 'sha256:0123456789ab')
  assert.equal(shortDigestText(SHA512), 'sha512:fedcba987654')
})
