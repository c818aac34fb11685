import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  MEDIA_TYPES,
  allMediaTypes,
  describeMediaType,
  isIndexMediaType,
  isManifestMediaType,
  manifestMediaTypes,
  mediaTypeInfo,
} from '../../../shared/oci/mediaTypes'

test('every named media type has exactly one table entry with a label and an explanation', () => {
  const table = allMediaTypes()
  assert.equal(new Set(table.map((t) => t.mediaType)).size, table.length, 'no duplicates')
  for (const mediaType of Object.values(MEDIA_TYPES)) {
    const info = mediaTypeInfo(mediaType)
    assert.ok(info, `${mediaType} is in the table`)
    assert.ok(info.label.length > 0 && info.explanation.length > 0)
  }
  assert.equal(table.length, Object.values(MEDIA_TYPES).length)
})

test('layers say how they are compressed, other kinds do not', () => {
  for (const info of allMediaTypes()) {
    assert.equal(info.kind === 'layer', info.compression !== undefined, info.mediaType)
  }
  assert.equal(mediaTypeInfo(MEDIA_TYPES.ociLayerZstd)?.compression, 'zstd')
  assert.equal(mediaTypeInfo(MEDIA_TYPES.dockerLayerForeign)?.compression, 'foreign')
})

test('lookups ignore parameters and case', () => {
  assert.equal(
    mediaTypeInfo('application/vnd.oci.image.index.v1+json; charset=utf-8')?.kind,
    'index',
  )
  assert.equal(
    mediaTypeInfo('Application/VND.Docker.Distribution.Manifest.V2+JSON')?.kind,
    'manifest',
  )
  assert.equal(mediaTypeInfo('application/x-unknown'), undefined)
})

test('manifestMediaTypes is the Accept list: indexes, manifests and schema 1, nothing else', () => {
  const accept = manifestMediaTypes()
  assert.deepEqual(
    [...accept].sort(),
    [
      MEDIA_TYPES.dockerSchema1,
      MEDIA_TYPES.dockerSchema1Signed,
      MEDIA_TYPES.dockerManifestList,
      MEDIA_TYPES.dockerManifest,
      MEDIA_TYPES.ociIndex,
      MEDIA_TYPES.ociManifest,
    ].sort(),
  )
})

test('isIndexMediaType and isManifestMediaType', () => {
  assert.equal(isIndexMediaType(MEDIA_TYPES.ociIndex), true)
  assert.equal(isIndexMediaType(MEDIA_TYPES.dockerManifestList), true)
  assert.equal(isIndexMediaType(MEDIA_TYPES.ociManifest), false)
  assert.equal(isManifestMediaType(MEDIA_TYPES.ociIndex), true)
  assert.equal(isManifestMediaType(MEDIA_TYPES.dockerSchema1Signed), true)
  assert.equal(isManifestMediaType(MEDIA_TYPES.ociConfig), false)
  assert.equal(isManifestMediaType('text/plain'), false)
})

test('describeMediaType guesses unknown layer types by suffix and calls the rest artifacts', () => {
  const guess = (t: string) => {
    const info = describeMediaType(t)
    return [info.kind, info.compression]
  }
  assert.deepEqual(guess('application/vnd.example.layer.v1.tar+gzip'), ['layer', 'gzip'])
  assert.deepEqual(guess('application/vnd.example.layer.tar.gzip'), ['layer', 'gzip'])
  assert.deepEqual(guess('application/vnd.example.layer.v1.tar+zstd'), ['layer', 'zstd'])
  assert.deepEqual(guess('application/vnd.example.layer.v1.tar'), ['layer', 'none'])
  assert.deepEqual(guess('application/vnd.cncf.helm.chart.content.v1.tar+gzip'), ['layer', 'gzip'])
  assert.deepEqual(guess('application/vnd.dev.sigstore.bundle.v0.3+json'), ['artifact', undefined])
  assert.equal(describeMediaType(MEDIA_TYPES.ociConfig).label, 'OCI image config')
  assert.equal(describeMediaType('Application/X-Thing; a=b').mediaType, 'application/x-thing')
})
