// Signed schema 1 manifests: the payload their digest names, cut back out of a real ES256
// "pretty JWS" (made with node:crypto as Docker 1.x clients made them), refusals of headers
// that cannot be trusted to say where the payload ends, and the per-layer reading of fsLayers
// and history[].v1Compatibility the graph and the details panel show.

import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { test } from 'node:test'
import { StrataError } from '../../../shared/errors'
import { parseManifestBytes } from '../../../shared/oci/parseManifest'
import { base64UrlBytes, schema1Layers, schema1SignedPayload } from '../../../shared/oci/schema1'
import { planSchema1Layers } from '../../../electron/image/schema1Graph'
import { signSchema1 } from '../../harness/schema1Signing'

const blob = (n: number): string => `sha256:${String(n).repeat(64).slice(0, 64)}`
const sha256 = (bytes: Uint8Array): string =>
  `sha256:${createHash('sha256').update(bytes).digest('hex')}`

const fixture = {
  name: 'legacy/app',
  tag: 'v1',
  architecture: 'amd64',
  fsLayers: [
    { blobSum: blob(1) },
    { blobSum: blob(2) },
    { blobSum: blob(2) },
    { blobSum: blob(3) },
  ],
  history: [
    { id: 'd', parent: 'c', container_config: { Cmd: ['/bin/sh', '-c', 'make install'] } },
    { id: 'c', throwaway: true, container_config: { Cmd: ['/bin/sh', '-c', '#(nop) ENV A=1'] } },
    {
      id: 'b',
      throwaway: true,
      container_config: { Cmd: ['/bin/sh', '-c', '#(nop) WORKDIR /src'] },
    },
    {
      id: 'a',
      created: '2015-01-01T00:00:00Z',
      container_config: { Cmd: ['/bin/sh', '-c', '#(nop) ADD file:x in /'] },
    },
  ],
}

/** Replaces the first signature's protected header with one made from `header`. */
function withProtected(signed: Uint8Array, header: unknown): Uint8Array {
  const text = new TextDecoder().decode(signed)
  const replaced = text.replace(
    /"protected": "[^"]*"/,
    `"protected": "${Buffer.from(JSON.stringify(header)).toString('base64url')}"`,
  )
  return new TextEncoder().encode(replaced)
}

function malformed(fn: () => unknown, pattern: RegExp): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof StrataError)
    assert.equal(error.code, 'MALFORMED')
    assert.match(error.message, pattern)
    return true
  })
}

test('the payload of a signed schema 1 manifest is the document without its signatures', () => {
  const made = signSchema1(fixture)
  assert.notEqual(sha256(made.signed), made.digest)
  const payload = schema1SignedPayload(made.signed)
  assert.ok(payload)
  assert.deepEqual(Buffer.from(payload), Buffer.from(made.payload))
  assert.equal(sha256(payload), made.digest)
  // The payload is the same whoever signs: a second signing (new key, new time) cuts back to it.
  const again = signSchema1(fixture)
  assert.notDeepEqual(Buffer.from(again.signed), Buffer.from(made.signed))
  assert.equal(sha256(schema1SignedPayload(again.signed) ?? new Uint8Array()), made.digest)
})

test('unsigned schema 1 and other documents have no separate payload', () => {
  assert.equal(schema1SignedPayload(signSchema1(fixture).payload), undefined)
  assert.equal(schema1SignedPayload(new TextEncoder().encode('{"schemaVersion":2}')), undefined)
  assert.equal(schema1SignedPayload(new TextEncoder().encode('not json')), undefined)
})

test('protected headers that cannot say where the payload ends are refused', () => {
  const { signed } = signSchema1(fixture)
  malformed(
    () => schema1SignedPayload(withProtected(signed, { formatTail: 'Cn0' })),
    /formatLength/,
  )
  malformed(
    () => schema1SignedPayload(withProtected(signed, { formatLength: 12, formatTail: 7 })),
    /formatTail/,
  )
  malformed(
    () => schema1SignedPayload(withProtected(signed, { formatLength: 10 ** 9, formatTail: 'Cn0' })),
    /past the end/,
  )
  const broken = new TextEncoder().encode(
    new TextDecoder().decode(signed).replace(/"protected": "[^"]*"/, '"protected": "!!"'),
  )
  malformed(() => schema1SignedPayload(broken), /base64url/)
  // Two signatures that cut the payload at different places.
  const doc = JSON.parse(new TextDecoder().decode(signed)) as { signatures: unknown[] }
  const other = Buffer.from(JSON.stringify({ formatLength: 5, formatTail: 'Cn0' })).toString(
    'base64url',
  )
  doc.signatures.push({ header: {}, signature: 'x', protected: other })
  malformed(
    () => schema1SignedPayload(new TextEncoder().encode(JSON.stringify(doc, null, 3))),
    /disagree/,
  )
})

test('base64url decodes with and without padding', () => {
  assert.equal(new TextDecoder().decode(base64UrlBytes('Cn0')), '\n}')
  assert.equal(new TextDecoder().decode(base64UrlBytes('Cn0=')), '\n}')
  assert.deepEqual([...base64UrlBytes('-_8')], [0xfb, 0xff])
})

test('fsLayers are read top first, each with its v1Compatibility step', () => {
  const parsed = parseManifestBytes(signSchema1(fixture).signed)
  assert.equal(parsed.kind, 'schema1')
  const layers = schema1Layers(parsed.document)
  assert.deepEqual(
    layers.map((l) => [l.position, l.blobSum, l.id, l.throwaway]),
    [
      [0, blob(1), 'd', false],
      [1, blob(2), 'c', true],
      [2, blob(2), 'b', true],
      [3, blob(3), 'a', false],
    ],
  )
  assert.equal(layers[0]?.command, '/bin/sh -c make install')
  assert.equal(layers[3]?.created, '2015-01-01T00:00:00Z')
  assert.deepEqual(schema1Layers({ fsLayers: 'nope' }), [])
  assert.deepEqual(
    schema1Layers({ fsLayers: [{ blobSum: blob(4) }], history: [{ v1Compatibility: '{' }] }),
    [{ position: 0, blobSum: blob(4), throwaway: false }],
  )
})

test('the graph plan keeps fsLayers positions and gathers a shared blob’s steps in build order', () => {
  const parsed = parseManifestBytes(signSchema1(fixture).signed)
  assert.equal(parsed.kind, 'schema1')
  if (parsed.kind !== 'schema1') return
  const plan = planSchema1Layers(parsed.document)
  assert.deepEqual(
    plan.leaves.map((leaf) => [leaf.position, leaf.descriptor.digest, leaf.descriptor.size]),
    [
      [0, blob(1), -1],
      [1, blob(2), -1],
      [2, blob(2), -1],
      [3, blob(3), -1],
    ],
  )
  assert.deepEqual(plan.steps.get(blob(2)), ['WORKDIR /src', 'ENV A=1'])
  assert.deepEqual(plan.steps.get(blob(1)), ['RUN make install'])
  assert.deepEqual(plan.steps.get(blob(3)), ['ADD file:x in /'])
})
