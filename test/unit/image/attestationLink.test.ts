// Where a graph node opens in the attestations view: a referrer is decoded against the subject
// it hangs off (the repository at that digest, on a registry); an attestation without a subject
// edge, or one from a local layout, keeps the image's reference.

import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  attestationRoute,
  decodesAsAttestation,
  referrerDecodeRoute,
} from '../../../renderer/features/image/attestationLink'
import { graphRelations } from '../../../renderer/features/image/graphRelations'
import { digestOf, graphNode } from '../../harness/graphFixtures'

const root = graphNode('index', 'index', 'root')
const amd = graphNode('amd', 'manifest', 'platform')
const sig = graphNode('sig', 'manifest', 'referrer')
const att = graphNode('att', 'manifest', 'attestation')
const relations = graphRelations({
  rootId: root.id,
  nodes: [root, amd, sig, att],
  edges: [
    { from: root.id, to: amd.id, relation: 'manifest', position: 0 },
    { from: amd.id, to: sig.id, relation: 'referrer', position: 0 },
  ],
})

test('only referrer and attestation nodes decode', () => {
  assert.deepEqual([root, amd, sig, att].map(decodesAsAttestation), [false, false, true, true])
})

test('a referrer is read against its subject, in the same repository', () => {
  assert.deepEqual(attestationRoute('docker://127.0.0.1:5000/demo/app:v1', sig, relations), {
    view: 'attestations',
    ref: `127.0.0.1:5000/demo/app@${digestOf('amd')}`,
    node: sig.digest,
  })
})

test('an attestation without a subject edge, or a layout, keeps the image reference', () => {
  assert.deepEqual(attestationRoute('docker://127.0.0.1:5000/demo/app:v1', att, relations), {
    view: 'attestations',
    ref: 'docker://127.0.0.1:5000/demo/app:v1',
    node: att.digest,
  })
  assert.equal(
    referrerDecodeRoute('oci:/tmp/layout:v1', digestOf('amd'), sig.digest).ref,
    'oci:/tmp/layout:v1',
  )
})
