import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  jsonLines,
  parseDocument,
  type JsonToken,
} from '../../../renderer/features/image/jsonLines'

const CONFIG = `sha256:${'1'.repeat(64)}`
const LAYER = `sha256:${'2'.repeat(64)}`
const DIFF = `sha256:${'3'.repeat(64)}`

const manifest = {
  schemaVersion: 2,
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: CONFIG, size: 7 },
  layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: LAYER, size: 9 }],
  annotations: { note: 'sha256:short is not a digest', flag: true, none: null },
  empty: {},
  list: [],
}

function text(lines: ReturnType<typeof jsonLines>): string {
  return lines.map((l) => '  '.repeat(l.indent) + l.tokens.map((t) => t.text).join('')).join('\n')
}

function digestTokens(value: unknown): Extract<JsonToken, { kind: 'digest' }>[] {
  return jsonLines(value)
    .flatMap((l) => l.tokens)
    .filter((t): t is Extract<JsonToken, { kind: 'digest' }> => t.kind === 'digest')
}

test('the lines read exactly like JSON.stringify(value, null, 2)', () => {
  assert.equal(text(jsonLines(manifest)), JSON.stringify(manifest, null, 2))
  assert.equal(text(jsonLines([1, 'a', [true]])), JSON.stringify([1, 'a', [true]], null, 2))
  assert.equal(text(jsonLines('x')), '"x"')
})

test('digests become link tokens carrying the descriptor media type', () => {
  const digests = digestTokens(manifest)
  assert.deepEqual(
    digests.map((d) => [d.digest, d.mediaType, d.diffId]),
    [
      [CONFIG, 'application/vnd.oci.image.config.v1+json', false],
      [LAYER, 'application/vnd.oci.image.layer.v1.tar+gzip', false],
    ],
  )
})

test('rootfs.diff_ids are marked: they name uncompressed layers no registry stores', () => {
  const config = { rootfs: { type: 'layers', diff_ids: [DIFF] }, history: [] }
  const [diff] = digestTokens(config)
  assert.equal(diff?.digest, DIFF)
  assert.equal(diff?.diffId, true)
  assert.equal(diff?.mediaType, undefined)
})

test('parseDocument: JSON or nothing', () => {
  assert.deepEqual(parseDocument('{"a":1}'), { value: { a: 1 } })
  assert.equal(parseDocument('not json'), undefined)
})

test('strings with markup stay plain text tokens (never HTML)', () => {
  const tokens = jsonLines({ x: '<img src=x onerror=alert(1)>' }).flatMap((l) => l.tokens)
  assert.ok(tokens.some((t) => t.kind === 'string' && t.text === '"<img src=x onerror=alert(1)>"'))
})
